import { describe, expect, it } from "vitest";
import { hypertensionByHand } from "../bench/hand-written.js";
import { generatePatients } from "../bench/patients.js";
import { jsonLogicPeer, rulesEnginePeer, zenPeer } from "../bench/peers.js";
import { compileRuleSet, hypertension, type RuleSet } from "../src/index.js";

const ruleSet = hypertension as unknown as RuleSet;
const engine = compileRuleSet(hypertension);
const ours = (p: ReturnType<typeof generatePatients>[number]) => {
  const d = engine.evaluate({ facts: p.facts, at: "2024-11-30", level: p.level });
  return {
    action: d.action,
    targetLevel: d.targetLevel,
    urgency: d.urgency,
    followUpDays: d.followUpDays,
    fired: d.fired.map((f) => f.ruleId),
  };
};

describe("the benchmark peers compute the same decisions as the engine (so the bench compares equal work)", () => {
  const patients = generatePatients(2000);

  it("hand-written if/else and json-logic-js", () => {
    const logic = jsonLogicPeer(ruleSet);
    for (const p of patients) {
      const expected = ours(p);
      expect(hypertensionByHand(p.facts, p.level)).toEqual(expected);
      expect(logic(p.facts, p.level)).toEqual(expected);
    }
  });

  it("json-rules-engine", async () => {
    const peer = rulesEnginePeer(ruleSet);
    for (const p of patients.slice(0, 1000)) expect(await peer(p.facts, p.level)).toEqual(ours(p));
  });

  it("GoRules ZEN", async () => {
    const peer = zenPeer(ruleSet);
    try {
      for (const p of patients.slice(0, 1000)) expect(await peer.decide(p.facts, p.level)).toEqual(ours(p));
    } finally {
      peer.dispose();
    }
  });
});
