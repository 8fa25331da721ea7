import { differential } from "@carekit/test-utils";
import { describe, expect, it } from "vitest";
import { compileRuleSet, type RuleSet } from "../src/index.js";
import { caseArbitrary } from "./reference/arbitraries.js";
import { engineOutcomes, referenceOutcomes } from "./reference/compare.js";
import { referenceEvaluate } from "./reference/evaluate.js";

/**
 * The compiled engine against the reference evaluator (test/reference/evaluate.ts) on generated rule sets and
 * inputs: the same action, target, urgency, follow-up, fired rules, evidence items and trace rule ids, or the same
 * error code. 2,000 rule sets × 10 inputs = 20,000 evaluations, fixed seed; `CAREKIT_RANDOM_SEED=1` draws a random
 * seed, printed by fast-check on failure. The bench-time script `bench/differential.ts` runs 1,000,000.
 */
describe("engine = reference (differential)", () => {
  it("agree on 20,000 generated evaluations (2,000 rule sets × 10 inputs)", () => {
    differential({
      arbitrary: caseArbitrary(10),
      fast: ({ ruleSet, inputs }) => engineOutcomes(ruleSet, inputs),
      reference: ({ ruleSet, inputs }) => referenceOutcomes(ruleSet, inputs),
      numRuns: 2000,
      seed: 20261201,
    });
  }, 600_000);
});

/** The three reproductions of issue #14 (key order and `undefined` changed the decision). */
describe("regressions: a decision never depends on how the facts were written", () => {
  const ruleSet = {
    id: "smokers",
    version: "1",
    effectiveFrom: "2024-01-01",
    source: { title: "test" },
    facts: {
      age: { type: "integer" },
      sbp: { type: "number" },
      smoker: { type: "boolean", required: false },
    },
    rules: [
      {
        id: "non-smoker-up",
        when: { fact: "smoker", op: "eq", value: false },
        then: { action: "refer_up", reason: { zh: "测试", en: "test" } },
      },
    ],
  } as const satisfies RuleSet;
  const engine = compileRuleSet(ruleSet);
  const at = "2024-06-15";
  const level = "village_clinic";

  it("#14 reproduction 1: an absent optional boolean, keys in declaration order → manage_locally", () => {
    const d = engine.evaluate({ facts: { age: 50, sbp: 120 }, at, level });
    expect(d.action).toBe("manage_locally");
    expect(d.fired).toEqual([]);
  });

  it("#14 reproduction 2: the same facts in another key order → manage_locally (was refer_up)", () => {
    const d = engine.evaluate({ facts: { sbp: 120, age: 50 }, at, level });
    expect(d.action).toBe("manage_locally");
    expect(d.fired).toEqual([]);
  });

  it("#14 reproduction 3: the optional boolean present as undefined → manage_locally (was refer_up, actual: false)", () => {
    const d = engine.evaluate({ facts: { age: 50, smoker: undefined, sbp: 120 }, at, level });
    expect(d.action).toBe("manage_locally");
    expect(d.fired).toEqual([]);
  });

  it("a present false still fires, with the patient's value as evidence, in any key order", () => {
    for (const facts of [
      { age: 50, sbp: 120, smoker: false },
      { smoker: false, sbp: 120, age: 50 },
    ]) {
      const d = engine.evaluate({ facts, at, level });
      expect(d.action).toBe("refer_up");
      expect(d.fired[0]?.evidence).toEqual([
        { fact: "smoker", op: "eq", expected: false, actual: false, result: true },
      ]);
      expect(referenceEvaluate(ruleSet, { facts, at, level }).action).toBe("refer_up");
    }
  });

  it("after many objects in another key order (the reader stops trying the declaration walk), still right", () => {
    const fresh = compileRuleSet(ruleSet);
    for (let k = 0; k < 100; k++) fresh.evaluate({ facts: { sbp: 120, age: 50, smoker: true }, at, level });
    expect(fresh.evaluate({ facts: { age: 50, sbp: 120 }, at, level }).action).toBe("manage_locally");
    expect(fresh.evaluate({ facts: { sbp: 120, age: 50 }, at, level }).action).toBe("manage_locally");
    expect(fresh.evaluate({ facts: { sbp: 120, smoker: undefined, age: 50 }, at, level }).action).toBe(
      "manage_locally",
    );
  });
});
