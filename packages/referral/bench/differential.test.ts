import { differential } from "@carekit/test-utils";
import { describe, it } from "vitest";
import { caseArbitrary } from "../test/reference/arbitraries.js";
import { engineOutcomes, referenceOutcomes } from "../test/reference/compare.js";

/**
 * The differential check at bench time: 50,000 generated rule sets × 20 inputs = 1,000,000 evaluations against the
 * reference evaluator. Run with `npm run bench:differential` (skipped by `npm test`, which runs 20,000).
 */
describe.runIf(process.env.CAREKIT_LONG === "1")("engine = reference, 1,000,000 evaluations", () => {
  it("agree", () => {
    differential({
      arbitrary: caseArbitrary(20),
      fast: ({ ruleSet, inputs }) => engineOutcomes(ruleSet, inputs),
      reference: ({ ruleSet, inputs }) => referenceOutcomes(ruleSet, inputs),
      numRuns: 50_000,
      seed: 20261202,
    });
  }, 3_600_000);
});
