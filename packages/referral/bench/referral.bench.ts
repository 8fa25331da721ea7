import { bench, describe } from "vitest";
// the built package, as users get it: under vitest's transform every cross-module call in ../src costs a property load
import { compileRuleSet, hypertension, type RuleSet, ruleSetToTable, tableToRuleSet } from "../dist/index.js";
import { hypertensionByHand } from "./hand-written.js";
import { generatePatients } from "./patients.js";
import { jsonLogicPeer, rulesEnginePeer, zenPeer } from "./peers.js";

/**
 * One run, the same 100,000 generated patients, the same 24-rule hypertension rule set. Each bench op decides a whole
 * batch; decisions per second = hz × batch size. The engine validates every patient's facts and returns every fired
 * rule with its evidence and a trace; the peers return the same decision (checked in test/peers.test.ts). The async
 * peers (json-rules-engine, ZEN) run on the first 2,000 patients and are normalised to decisions per second.
 */
const patients = generatePatients(100_000);
const few = patients.slice(0, 2000);
const at = "2024-11-30";
const ruleSet = hypertension as unknown as RuleSet;
const engine = compileRuleSet(hypertension);
// the same rules as a decision table (rule set → table → rule set): 24 rules as 30 rows, compiled the same way
const tableEngine = compileRuleSet(tableToRuleSet(ruleSetToTable(ruleSet)));
const logic = jsonLogicPeer(ruleSet);
const rules = rulesEnginePeer(ruleSet);
const zen = zenPeer(ruleSet);
let sink = 0;

describe("hypertension referral decisions (batch of 100,000; async peers 2,000)", () => {
  bench(
    "@carekit/referral engine ×100k",
    () => {
      for (const { facts, level } of patients) sink += engine.evaluate({ facts, at, level }).fired.length;
    },
    { iterations: 20, time: 0 },
  );
  bench(
    "decision table (the same rules as a table) ×100k",
    () => {
      for (const { facts, level } of patients)
        sink += tableEngine.evaluate({ facts: facts as never, at, level }).fired.length;
    },
    { iterations: 20, time: 0 },
  );
  bench(
    "hand-written if/else ×100k",
    () => {
      for (const { facts, level } of patients) sink += hypertensionByHand(facts, level).fired.length;
    },
    { iterations: 20, time: 0 },
  );
  bench(
    "json-logic-js ×100k",
    () => {
      for (const { facts, level } of patients) sink += logic(facts, level).fired.length;
    },
    { iterations: 3, time: 0 },
  );
  bench(
    "json-rules-engine ×2k",
    async () => {
      for (const { facts, level } of few) sink += (await rules(facts, level)).fired.length;
    },
    { iterations: 3, time: 0 },
  );
  bench(
    "@gorules/zen-engine ×2k",
    async () => {
      for (const { facts, level } of few) sink += (await zen.decide(facts, level)).fired.length;
    },
    { iterations: 3, time: 0 },
  );
});

export { sink };
