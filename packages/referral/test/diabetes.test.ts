import { describe, expect, it } from "vitest";
import { compileRuleSet, diabetes, type FactsOf } from "../src/index.js";

type Facts = FactsOf<(typeof diabetes)["facts"]>;
const engine = compileRuleSet(diabetes);
const calm: Facts = {
  newHyperglycemiaUnclassified: false,
  age: 58,
  pregnantOrLactating: false,
  acuteComplication: false,
  recurrentHypoglycemia: false,
  monthsNotAtTarget: 0,
  chronicComplicationWorkupHard: false,
  organDamageNeedsEmergencyCare: false,
  unstableGlucoseOrInsulinPlan: false,
};
const run = (patch: Partial<Facts>) =>
  engine.evaluate({ facts: { ...calm, ...patch }, at: "2024-11-30", level: "township_health_center" });

const cases: [string, Partial<Facts>, Partial<Facts>][] = [
  ["dm-organ-damage-emergency", { organDamageNeedsEmergencyCare: true }, { organDamageNeedsEmergencyCare: false }],
  ["dm-acute-complication", { acuteComplication: true }, { acuteComplication: false }],
  ["dm-unclassified", { newHyperglycemiaUnclassified: true }, { newHyperglycemiaUnclassified: false }],
  ["dm-under-25", { age: 24 }, { age: 25 }],
  ["dm-pregnancy", { pregnantOrLactating: true }, { pregnantOrLactating: false }],
  ["dm-recurrent-hypoglycemia", { recurrentHypoglycemia: true }, { recurrentHypoglycemia: false }],
  ["dm-not-at-target", { monthsNotAtTarget: 3 }, { monthsNotAtTarget: 2 }],
  ["dm-chronic-complication-workup", { chronicComplicationWorkupHard: true }, { chronicComplicationWorkupHard: false }],
  ["dm-unstable-or-insulin", { unstableGlucoseOrInsulinPlan: true }, { unstableGlucoseOrInsulinPlan: false }],
];

describe("built-in type 2 diabetes rules (the nine upward criteria)", () => {
  it("covers all nine criteria and nothing fires for a stable 58-year-old", () => {
    expect(diabetes.rules).toHaveLength(9);
    expect(cases.map(([id]) => id).sort()).toEqual(diabetes.rules.map((rule) => rule.id).sort());
    expect(run({}).fired).toEqual([]);
  });

  it.each(cases)("%s fires, and not just below", (ruleId, fires, below) => {
    const fired = run(fires).fired.find((f) => f.ruleId === ruleId);
    const [fact, value] = Object.entries(fires)[0] as [string, unknown];
    expect(fired?.evidence).toEqual([expect.objectContaining({ fact, actual: value, result: true })]);
    expect(run(below).fired.map((f) => f.ruleId)).not.toContain(ruleId);
  });

  it("refers a 24-year-old up with the age as evidence", () => {
    //#region example
    const decision = compileRuleSet(diabetes).evaluate({
      facts: { ...calm, age: 24 },
      at: "2024-11-30",
      level: "village_clinic",
    });
    expect(decision.action).toBe("refer_up");
    expect(decision.targetLevel).toBe("county_hospital");
    expect(decision.fired[0]?.evidence[0]).toEqual({ fact: "age", op: "lt", expected: 25, actual: 24, result: true });
    //#endregion example
  });

  it("target-organ damage needing emergency care outranks everything", () => {
    const decision = run({ organDamageNeedsEmergencyCare: true, age: 20, monthsNotAtTarget: 6 });
    expect(decision.action).toBe("emergency_transfer");
    expect(decision.fired).toHaveLength(3);
  });

  it("says that its criteria are secondary", () => {
    expect(diabetes.source.confidence).toBe("SECONDARY");
    expect(diabetes.source.note).toMatch(/unconfirmed/);
  });
});
