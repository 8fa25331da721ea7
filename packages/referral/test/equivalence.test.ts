import { describe, expect, it } from "vitest";
import { hypertensionByHand } from "../bench/hand-written.js";
import { generatePatients } from "../bench/patients.js";
import { compileRuleSet, hypertension } from "../src/index.js";

describe("the engine and a hand-written if/else agree", () => {
  it("on 100,000 random patients (fixed seed)", () => {
    const engine = compileRuleSet(hypertension);
    const patients = generatePatients(100_000);
    let mismatches = 0;
    let referred = 0;
    const actions = new Set<string>();
    const ruleIds = new Set<string>();
    for (const { facts, level } of patients) {
      const decision = engine.evaluate({ facts, at: "2024-11-30", level });
      const hand = hypertensionByHand(facts, level);
      const same =
        decision.action === hand.action &&
        decision.targetLevel === hand.targetLevel &&
        decision.urgency === hand.urgency &&
        decision.followUpDays === hand.followUpDays &&
        decision.fired.length === hand.fired.length &&
        decision.fired.every((f, i) => f.ruleId === hand.fired[i]);
      if (!same) {
        mismatches++;
        if (mismatches < 3) expect({ facts, level, engine: decision, hand }).toBeUndefined();
      }
      if (decision.action !== "manage_locally") referred++;
      actions.add(decision.action);
      for (const f of decision.fired) ruleIds.add(f.ruleId);
    }
    expect(mismatches).toBe(0);
    // the generated data exercises every action, and most rules
    expect([...actions].sort()).toEqual(["emergency_transfer", "manage_locally", "refer_down", "refer_up"]);
    expect(referred).toBeGreaterThan(20_000);
    expect(ruleIds.size).toBe(hypertension.rules.length);
  });
});
