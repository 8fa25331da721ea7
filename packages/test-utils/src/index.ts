/**
 * carekit's test kit (private workspace package, as TanStack keeps `query-test-utils`): one bad-input suite, one
 * differential helper, one batch-conformance check and one boundary fuzzer, used by every package's tests.
 */
export { type BadInputCase, badInputSuite, expectCarekitError } from "./bad-input.js";
export { checkBatchConformance, throwingRecord } from "./batch.js";
export { type DifferentialOptions, differential } from "./differential.js";
export { type CheckExamplesOptions, checkExamples, type ExampleBlock, extractExamples } from "./examples.js";
export { assertCleanResult, evilValue, type FuzzExportsOptions, fuzzExports, fuzzExportsAsync } from "./fuzz.js";
