/**
 * carekit's own building blocks, shared by its packages (内部接口). **Not part of the stable API**: anything here may
 * change or go in any release, without a major version. Apps should use the main entry.
 *
 * @packageDocumentation
 */

export { toBatchError } from "./batch.js";
export { toScaledInteger } from "./decimal.js";
export { describeValue } from "./describe.js";
export { fieldError } from "./error.js";
export { deepFreeze } from "./freeze.js";
export { type IssueContext, toCarekitIssues } from "./parse.js";
export { formatPath } from "./path.js";
export { readFields } from "./read.js";
export { roundQuotient } from "./rounding.js";
