import { ZenEngine } from "@gorules/zen-engine";
import jsonLogic from "json-logic-js";
import { Engine as RulesEngine, type TopLevelCondition } from "json-rules-engine";
import {
  ACTIONS,
  type Condition,
  FACILITY_LEVELS,
  type FacilityLevel,
  type FactSpecs,
  type Leaf,
  type RuleSet,
  type Urgency,
} from "../src/index.js";
import type { HandDecision } from "./hand-written.js";

/** Which rules of a rule set apply at each level — every peer filters by level the same way. */
function applicable(ruleSet: RuleSet, level: FacilityLevel): number[] {
  return ruleSet.rules.flatMap((rule, index) =>
    rule.levels === undefined || rule.levels.includes(level) ? [index] : [],
  );
}

/** Combine fired rule indices into a decision exactly as the engine does (priority, then rule order). */
export function decideFrom(ruleSet: RuleSet, firedIndices: readonly number[]): HandDecision {
  let best: number | undefined;
  for (const i of firedIndices) {
    const action = ruleSet.rules[i]?.then.action ?? "manage_locally";
    const bestAction = best === undefined ? undefined : ruleSet.rules[best]?.then.action;
    if (bestAction === undefined || ACTIONS.indexOf(action) < ACTIONS.indexOf(bestAction)) best = i;
  }
  const fired = firedIndices.map((i) => ruleSet.rules[i]?.id ?? "");
  const then = best === undefined ? undefined : ruleSet.rules[best]?.then;
  if (then === undefined)
    return { action: "manage_locally", targetLevel: null, urgency: "routine", followUpDays: null, fired };
  return {
    action: then.action,
    targetLevel: then.targetLevel ?? null,
    urgency: (then.urgency ?? "routine") as Urgency,
    followUpDays: then.followUpDays ?? null,
    fired,
  };
}

function unsupported(op: string): never {
  throw new Error(`the peer translation does not support ${op}`);
}

// ---------------------------------------------------------------- json-logic-js

function toJsonLogic(node: Condition, facts: FactSpecs): unknown {
  if ("all" in node) return { and: node.all.map((c) => toJsonLogic(c, facts)) };
  if ("any" in node) return { or: node.any.map((c) => toJsonLogic(c, facts)) };
  if ("not" in node) return { "!": toJsonLogic(node.not, facts) };
  const leaf = node as Leaf & { value: unknown };
  const v = { var: leaf.fact };
  const ops: Record<string, unknown> = {
    eq: { "===": [v, leaf.value] },
    ne: { "!==": [v, leaf.value] },
    lt: { "<": [v, leaf.value] },
    lte: { "<=": [v, leaf.value] },
    gt: { ">": [v, leaf.value] },
    gte: { ">=": [v, leaf.value] },
    between: { "<=": [(leaf.value as number[])[0], v, (leaf.value as number[])[1]] },
    in: { in: [v, leaf.value] },
    notIn: { "!": { in: [v, leaf.value] } },
    includes: { in: [leaf.value, v] },
    includesAny: { some: [v, { in: [{ var: "" }, leaf.value] }] },
  };
  const logic = ops[leaf.op] ?? unsupported(leaf.op);
  // json-logic coerces null (a missing var) in comparisons — guard optional facts as the engine does
  return facts[leaf.fact]?.required === false ? { and: [{ "!==": [v, null] }, logic] } : logic;
}

/** json-logic-js over a rule set: one logic tree per rule, applied to the patient. */
export function jsonLogicPeer(ruleSet: RuleSet): (facts: object, level: FacilityLevel) => HandDecision {
  const logic = ruleSet.rules.map((rule) => toJsonLogic(rule.when, ruleSet.facts));
  const byLevel = new Map(FACILITY_LEVELS.map((level) => [level, applicable(ruleSet, level)]));
  return (facts, level) => {
    const fired: number[] = [];
    for (const i of byLevel.get(level) ?? []) if (jsonLogic.apply(logic[i], facts)) fired.push(i);
    return decideFrom(ruleSet, fired);
  };
}

// ---------------------------------------------------------------- json-rules-engine

function toRulesEngine(node: Condition): TopLevelCondition {
  if ("all" in node) return { all: node.all.map(toRulesEngine) };
  if ("any" in node) return { any: node.any.map(toRulesEngine) };
  if ("not" in node) return { not: toRulesEngine(node.not) };
  const leaf = node as Leaf & { value: unknown };
  const f = leaf.fact;
  const simple: Record<string, string> = {
    eq: "equal",
    ne: "notEqual",
    lt: "lessThan",
    lte: "lessThanInclusive",
    gt: "greaterThan",
    gte: "greaterThanInclusive",
    in: "in",
    notIn: "notIn",
    includes: "contains",
  };
  const operator = simple[leaf.op];
  if (operator !== undefined) return { all: [{ fact: f, operator, value: leaf.value as never }] };
  if (leaf.op === "between") {
    const [lo, hi] = leaf.value as unknown as number[];
    return {
      all: [
        { fact: f, operator: "greaterThanInclusive", value: lo },
        { fact: f, operator: "lessThanInclusive", value: hi },
      ],
    };
  }
  if (leaf.op === "includesAny") {
    return { any: (leaf.value as string[]).map((value) => ({ fact: f, operator: "contains", value })) };
  }
  return unsupported(leaf.op);
}

/** json-rules-engine over a rule set: one engine rule per rule, the level as a fact, events carry the rule index. */
export function rulesEnginePeer(ruleSet: RuleSet): (facts: object, level: FacilityLevel) => Promise<HandDecision> {
  const engine = new RulesEngine([], { allowUndefinedFacts: true });
  ruleSet.rules.forEach((rule, index) => {
    const when = toRulesEngine(rule.when);
    const levels = rule.levels ?? FACILITY_LEVELS;
    engine.addRule({
      conditions: { all: [{ fact: "level", operator: "in", value: [...levels] }, when] },
      event: { type: "fired", params: { index } },
    });
  });
  return async (facts, level) => {
    const { events } = await engine.run({ ...facts, level });
    const fired = events.map((event) => event.params?.index as number).sort((a, b) => a - b);
    return decideFrom(ruleSet, fired);
  };
}

// ---------------------------------------------------------------- GoRules ZEN

function zenLiteral(value: unknown): string {
  return Array.isArray(value)
    ? `[${value.map(zenLiteral).join(", ")}]`
    : typeof value === "string"
      ? `'${value}'`
      : String(value);
}

function toZen(node: Condition, facts: FactSpecs): string {
  if ("all" in node) return `(${node.all.map((c) => toZen(c, facts)).join(" and ")})`;
  if ("any" in node) return `(${node.any.map((c) => toZen(c, facts)).join(" or ")})`;
  if ("not" in node) return `not (${toZen(node.not, facts)})`;
  const leaf = node as Leaf & { value: unknown };
  const f = leaf.fact;
  const x = zenLiteral(leaf.value);
  const ops: Record<string, string> = {
    eq: `${f} == ${x}`,
    ne: `${f} != ${x}`,
    lt: `${f} < ${x}`,
    lte: `${f} <= ${x}`,
    gt: `${f} > ${x}`,
    gte: `${f} >= ${x}`,
    in: `${f} in ${x}`,
    notIn: `not (${f} in ${x})`,
    includes: `contains(${f}, ${x})`,
    includesAny: `some(${f}, # in ${x})`,
  };
  const expression = ops[leaf.op] ?? unsupported(leaf.op);
  return facts[f]?.required === false ? `(${f} != null and ${expression})` : `(${expression})`;
}

/** GoRules ZEN over a rule set: a JDM graph input → expression node (one boolean per rule) → output. */
export function zenPeer(ruleSet: RuleSet): {
  decide: (facts: object, level: FacilityLevel) => Promise<HandDecision>;
  dispose: () => void;
} {
  const engine = new ZenEngine();
  const expressions = ruleSet.rules.map((rule, index) => {
    const levels = rule.levels ?? FACILITY_LEVELS;
    return {
      id: `e${index}`,
      key: `r${index}`,
      value: `level in ${zenLiteral([...levels])} and ${toZen(rule.when, ruleSet.facts)}`,
    };
  });
  const decision = engine.createDecision({
    nodes: [
      { id: "in", type: "inputNode", name: "patient", position: { x: 0, y: 0 } },
      { id: "rules", type: "expressionNode", name: "rules", position: { x: 200, y: 0 }, content: { expressions } },
      { id: "out", type: "outputNode", name: "fired", position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: "a", sourceId: "in", targetId: "rules", type: "edge" },
      { id: "b", sourceId: "rules", targetId: "out", type: "edge" },
    ],
  });
  return {
    decide: async (facts, level) => {
      const { result } = await decision.evaluate({ ...facts, level });
      const out = result as Record<string, unknown>;
      return decideFrom(
        ruleSet,
        ruleSet.rules.flatMap((_, i) => (out[`r${i}`] === true ? [i] : [])),
      );
    },
    dispose: () => engine.dispose(),
  };
}
