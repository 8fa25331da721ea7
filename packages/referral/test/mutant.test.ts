import { differential } from "@carekit/test-utils";
import { describe, expect, it, vi } from "vitest";
import { caseArbitrary } from "./reference/arbitraries.js";
import { engineOutcomes, referenceOutcomes } from "./reference/compare.js";

// The engine, built on a copy of its leaf interpreter with one comparison flipped (`lt` as `<=`).
vi.mock("../src/internal/leaf.js", () => import("./reference/mutant-leaf.js"));

describe("the differential check catches a planted bug", () => {
  it("fails when the engine decides `lt` as `<=` (same generators and seed as test/differential.test.ts)", () => {
    expect(() =>
      differential({
        arbitrary: caseArbitrary(10),
        fast: ({ ruleSet, inputs }) => engineOutcomes(ruleSet, inputs),
        reference: ({ ruleSet, inputs }) => referenceOutcomes(ruleSet, inputs),
        numRuns: 2000,
        seed: 20261201,
      }),
    ).toThrow(/Property failed/);
  }, 600_000);
});
