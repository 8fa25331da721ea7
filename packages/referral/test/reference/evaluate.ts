/**
 * The reference evaluator: a deliberately simple, recursive reading of the rule model — no facts reader, no slots,
 * no flag atoms or prefilter, no jump tables, no shared evidence, no caches. The engine (`src/internal/`) must agree
 * with it on every input; `test/differential.test.ts` checks that on generated rule sets and patients.
 */
import { IsoDateSchema } from "@carekit/core";
import * as z from "zod";
import type { Evidence } from "../../src/condition.js";
import {
  ACTIONS,
  type Condition,
  FACILITY_LEVELS,
  type FacilityLevel,
  factsSchema,
  type RuleSet,
  type Urgency,
} from "../../src/index.js";

/** What the reference decides: the engine's decision without its trace. */
export interface ReferenceDecision {
  readonly action: string;
  readonly targetLevel: FacilityLevel | null;
  readonly urgency: Urgency;
  readonly followUpDays: number | null;
  /** The winning rule's id (`null` when nothing fired). */
  readonly winner: string | null;
  readonly fired: readonly {
    readonly ruleId: string;
    readonly action: string;
    readonly targetLevel: FacilityLevel | null;
    readonly urgency: Urgency;
    readonly reason: { readonly zh: string; readonly en: string };
    readonly evidence: readonly Evidence[];
  }[];
}

/** Day number of a valid `YYYY-MM-DD` string, by the calendar (no shortcuts). */
function day(text: string): number {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

type Facts = Record<string, unknown>;

/** Whether a leaf holds: a leaf on an absent fact is false, except `exists`. */
function leafHolds(
  ruleSet: RuleSet,
  leaf: { fact: string; op: string; value: unknown },
  facts: Facts,
  at: number,
): boolean {
  const type = ruleSet.facts[leaf.fact]?.type;
  const raw = Object.hasOwn(facts, leaf.fact) ? facts[leaf.fact] : undefined;
  if (leaf.op === "exists") return (raw !== undefined) === leaf.value;
  if (raw === undefined) return false;
  const dated = type === "date";
  const v = dated ? day(raw as string) : raw;
  const w = (x: unknown): unknown => (dated ? day(x as string) : x);
  switch (leaf.op) {
    case "eq":
      return v === w(leaf.value);
    case "ne":
      return v !== w(leaf.value);
    case "lt":
      return (v as number) < (w(leaf.value) as number);
    case "lte":
      return (v as number) <= (w(leaf.value) as number);
    case "gt":
      return (v as number) > (w(leaf.value) as number);
    case "gte":
      return (v as number) >= (w(leaf.value) as number);
    case "between": {
      const [lo, hi] = leaf.value as [unknown, unknown];
      return (v as number) >= (w(lo) as number) && (v as number) <= (w(hi) as number);
    }
    case "in":
      return (leaf.value as unknown[]).some((x) => w(x) === v);
    case "notIn":
      return !(leaf.value as unknown[]).some((x) => w(x) === v);
    case "withinDays":
      return at - (v as number) >= 0 && at - (v as number) <= (leaf.value as number);
    case "olderThanDays":
      return at - (v as number) > (leaf.value as number);
    case "includes":
      return (v as string[]).includes(leaf.value as string);
    case "includesAny":
      return (v as string[]).some((item) => (leaf.value as string[]).includes(item));
    default:
      throw new Error(`reference: unknown operator ${leaf.op}`);
  }
}

/** Whether a condition holds, by recursion over the tree. */
export function conditionHolds(ruleSet: RuleSet, node: Condition, facts: Facts, at: number): boolean {
  if ("all" in node) return node.all.every((child) => conditionHolds(ruleSet, child, facts, at));
  if ("any" in node) return node.any.some((child) => conditionHolds(ruleSet, child, facts, at));
  if ("not" in node) return !conditionHolds(ruleSet, node.not, facts, at);
  return leafHolds(ruleSet, node as { fact: string; op: string; value: unknown }, facts, at);
}

/**
 * The evidence of a node's outcome, as documented: `all` that held — every child; `all` that failed — the first
 * failing child; `any` — the children that held (when it failed, every child); `not` — the child's evidence for the
 * opposite outcome; a leaf — itself with the patient's value (`null` when absent; lists copied).
 */
function evidence(ruleSet: RuleSet, node: Condition, facts: Facts, at: number, outcome: boolean): Evidence[] {
  if ("all" in node) {
    if (outcome) return node.all.flatMap((child) => evidence(ruleSet, child, facts, at, true));
    const failing = node.all.find((child) => !conditionHolds(ruleSet, child, facts, at));
    return failing === undefined ? [] : evidence(ruleSet, failing, facts, at, false);
  }
  if ("any" in node) {
    return node.any
      .filter((child) => !outcome || conditionHolds(ruleSet, child, facts, at))
      .flatMap((child) => evidence(ruleSet, child, facts, at, outcome));
  }
  if ("not" in node) return evidence(ruleSet, node.not, facts, at, !outcome);
  const leaf = node as { fact: string; op: Evidence["op"]; value: unknown };
  const actual = Object.hasOwn(facts, leaf.fact) ? facts[leaf.fact] : undefined;
  return [
    {
      fact: leaf.fact,
      op: leaf.op,
      expected: leaf.value,
      actual: actual === undefined ? null : Array.isArray(actual) ? [...actual] : actual,
      result: outcome,
    },
  ];
}

// the input schema of each rule set, built once (building a zod schema costs more than evaluating)
const schemas = new WeakMap<RuleSet, z.ZodType<{ at: string; level: FacilityLevel }>>();

/**
 * Evaluate one input by reading the rule model: validate with the schemas (an invalid input is a `CarekitError`
 * `INVALID_INPUT`), keep the rules that apply at the level, fire those whose `when` holds, pick the first by
 * emergency_transfer > refer_up > refer_down > manage_locally (ties by rule order).
 */
export function referenceEvaluate(ruleSet: RuleSet, input: unknown): ReferenceDecision {
  let schema = schemas.get(ruleSet);
  if (schema === undefined) {
    schema = z.strictObject({ facts: factsSchema(ruleSet.facts), at: IsoDateSchema, level: z.enum(FACILITY_LEVELS) });
    schemas.set(ruleSet, schema);
  }
  const parsed = schema.safeParse(input);
  // the engine throws a CarekitError INVALID_INPUT here; the differential check compares error codes
  if (!parsed.success) throw Object.assign(new Error("invalid input"), { code: "INVALID_INPUT" });
  const { at: atText, level } = parsed.data;
  const facts = (input as { facts: Facts }).facts;
  const at = day(atText);
  const fired = ruleSet.rules
    .filter((rule) => rule.levels === undefined || rule.levels.includes(level))
    .filter((rule) => conditionHolds(ruleSet, rule.when, facts, at))
    .map((rule) => ({
      ruleId: rule.id,
      action: rule.then.action,
      targetLevel: rule.then.targetLevel ?? null,
      urgency: rule.then.urgency ?? "routine",
      reason: rule.then.reason,
      evidence: evidence(ruleSet, rule.when, facts, at, true),
      followUpDays: rule.then.followUpDays ?? null,
    }));
  // a fired rule that yields (overriddenBy) to another fired rule cannot win
  const firedIds = new Set(fired.map((f) => f.ruleId));
  const yields = (id: string): boolean =>
    ruleSet.rules.find((r) => r.id === id)?.overriddenBy?.some((other) => firedIds.has(other)) === true;
  let best: (typeof fired)[number] | undefined;
  for (const rule of fired.filter((f) => !yields(f.ruleId))) {
    if (best === undefined || ACTIONS.indexOf(rule.action) < ACTIONS.indexOf(best.action)) best = rule;
  }
  return {
    action: best?.action ?? "manage_locally",
    targetLevel: best?.targetLevel ?? null,
    urgency: best?.urgency ?? "routine",
    followUpDays: best?.followUpDays ?? null,
    winner: best?.ruleId ?? null,
    fired: fired.map(({ followUpDays: _, ...rest }) => rest),
  };
}
