import { isCarekitError } from "@carekit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Evidence } from "../src/condition.js";
import { isoDay } from "../src/days.js";
import { type Condition, compileRuleSet, type Engine, type FactSpecs, type RuleSet } from "../src/index.js";
import { explain, type FactRecord, holds } from "../src/internal/interpreter.js";
import type { Slots } from "../src/internal/leaf.js";
import { compileProgram } from "../src/internal/program.js";
import { factsReader } from "../src/internal/reader.js";

/** One condition compiled alone: its test and its evidence, through the engine's program and interpreter. */
function compileCondition(node: Condition, declared: FactSpecs) {
  const { program, roots } = compileProgram([node], declared);
  const root = (roots[0] as { node: number }).node;
  return {
    test: (s: Slots, day: number) => holds(program, root, s, day),
    explain: (f: FactRecord, s: Slots, day: number, outcome: boolean, out: Evidence[]) =>
      explain(program, root, f, s, day, outcome, out),
  };
}

const facts = {
  n: { type: "number", required: false },
  i: { type: "integer" },
  b: { type: "boolean", required: false },
  s: { type: "string", enum: ["a", "b", "c"] },
  l: { type: "string[]", required: false },
  d: { type: "date", required: false },
} as const satisfies FactSpecs;
const reader = factsReader(facts);
const at = isoDay("2024-06-15");

const num = fc.integer({ min: -3, max: 3 });
const day = fc.constantFrom("2024-06-01", "2024-06-10", "2024-06-15", "2024-07-01");
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ fact: fc.constantFrom("n", "i"), op: fc.constantFrom("eq", "ne", "lt", "lte", "gt", "gte"), value: num }),
  fc.record({
    fact: fc.constantFrom("n", "i"),
    op: fc.constantFrom("in", "notIn"),
    value: fc.array(num, { maxLength: 3 }),
  }),
  fc.record({ fact: fc.constantFrom("n", "i"), op: fc.constant("between"), value: fc.tuple(num, num) }),
  fc.record({ fact: fc.constant("b"), op: fc.constantFrom("eq", "ne"), value: fc.boolean() }),
  fc.record({ fact: fc.constant("s"), op: fc.constantFrom("eq", "ne"), value: fc.constantFrom("a", "b", "c") }),
  fc.record({ fact: fc.constant("s"), op: fc.constantFrom("in", "notIn"), value: fc.subarray(["a", "b", "c"]) }),
  fc.record({ fact: fc.constant("l"), op: fc.constant("includes"), value: fc.constantFrom("x", "y") }),
  fc.record({ fact: fc.constant("l"), op: fc.constant("includesAny"), value: fc.subarray(["x", "y", "z"]) }),
  fc.record({ fact: fc.constantFrom("d"), op: fc.constantFrom("eq", "ne", "lt", "gte"), value: day }),
  fc.record({ fact: fc.constant("d"), op: fc.constant("between"), value: fc.tuple(day, day) }),
  fc.record({ fact: fc.constant("d"), op: fc.constantFrom("withinDays", "olderThanDays"), value: fc.nat(20) }),
  fc.record({ fact: fc.constantFrom("n", "b", "l", "d"), op: fc.constant("exists"), value: fc.boolean() }),
) as fc.Arbitrary<Condition>;
const { tree } = fc.letrec<{ tree: Condition }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie("tree"), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("tree"), { maxLength: 3 }) }),
    fc.record({ not: tie("tree") }),
  ) as fc.Arbitrary<Condition>,
}));
const patient = fc.record(
  {
    n: num,
    i: num,
    b: fc.boolean(),
    s: fc.constantFrom("a", "b", "c"),
    l: fc.subarray(["x", "y", "z"]),
    d: day,
  },
  { requiredKeys: ["i", "s"] },
);

/** The plain recursive reading of a condition, written independently of the compiled program. */
function reference(node: Condition, f: Record<string, unknown>): boolean {
  if ("all" in node) return node.all.every((c) => reference(c, f));
  if ("any" in node) return node.any.some((c) => reference(c, f));
  if ("not" in node) return !reference(node.not, f);
  const { fact, op, value } = node as { fact: string; op: string; value: unknown };
  const raw = f[fact];
  if (op === "exists") return (raw !== undefined) === value;
  if (raw === undefined) return false;
  const date = fact === "d";
  const v = date ? isoDay(raw) : raw;
  const x = (w: unknown) => (date ? isoDay(w) : w) as number;
  switch (op) {
    case "eq":
      return v === x(value);
    case "ne":
      return v !== x(value);
    case "lt":
      return (v as number) < x(value);
    case "lte":
      return (v as number) <= x(value);
    case "gt":
      return (v as number) > x(value);
    case "gte":
      return (v as number) >= x(value);
    case "between": {
      const [lo, hi] = value as unknown[];
      return (v as number) >= x(lo) && (v as number) <= x(hi);
    }
    case "in":
      return (value as unknown[]).map(x).includes(v as number);
    case "notIn":
      return !(value as unknown[]).map(x).includes(v as number);
    case "includes":
      return (v as string[]).includes(value as string);
    case "includesAny":
      return (value as string[]).some((w) => (v as string[]).includes(w));
    case "withinDays":
      return at - (v as number) >= 0 && at - (v as number) <= (value as number);
    default:
      return at - (v as number) > (value as number);
  }
}

describe("compiled conditions", () => {
  it("decide every operator, under all, any and not, as the plain recursive reading does", () => {
    fc.assert(
      fc.property(tree, patient, (condition, f) => {
        const slots: unknown[] = [];
        expect(reader.read(f, slots)).not.toBe(-1);
        const compiled = compileCondition(condition, facts);
        const outcome = compiled.test(slots, at);
        expect(outcome).toBe(reference(condition, f));
        const evidence: Evidence[] = [];
        compiled.explain(f, slots, at, outcome, evidence);
        for (const item of evidence) {
          const leafNode = { fact: item.fact, op: item.op, value: item.expected } as Condition;
          expect(item.result).toBe(reference(leafNode, f));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("compiled rule sets", () => {
  const then = { action: "refer_up", reason: { zh: "测试", en: "test" } } as const;
  const ruleSet = (conditions: readonly Condition[], declared: FactSpecs = facts): RuleSet =>
    ({
      id: "random",
      version: "1",
      effectiveFrom: "2024-01-01",
      source: { title: "test" },
      facts: declared,
      rules: conditions.map((when, index) => ({ id: `r${index}`, when, then })),
    }) as RuleSet;

  it("fire exactly the rules whose conditions hold, each with the evidence the tree walk gives (atoms, plans)", () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 6 }), patient, (conditions, f) => {
        // rule sets the validator rejects (e.g. `between` with its bounds reversed) are not this test's concern
        let engine: Engine;
        try {
          engine = compileRuleSet(ruleSet(conditions));
        } catch (error) {
          fc.pre(!(isCarekitError(error) && error.code === "RULE_COMPILE"));
          throw error;
        }
        const decision = engine.evaluate({ facts: f, at: "2024-06-15", level: "village_clinic" });
        const slots: unknown[] = [];
        reader.read(f, slots);
        const expected = conditions.flatMap((condition, index) => {
          if (!reference(condition, f)) return [];
          const evidence: Evidence[] = [];
          compileCondition(condition, facts).explain(f, slots, at, true, evidence);
          return [{ ruleId: `r${index}`, evidence }];
        });
        expect(decision.fired.map(({ ruleId, evidence }) => ({ ruleId, evidence }))).toEqual(expected);
      }),
      { numRuns: 2000, seed: 4 },
    );
  });

  it("decide rules on more booleans than a mask has bits", () => {
    const names = Array.from({ length: 40 }, (_, k) => `b${k}`);
    const declared = Object.fromEntries(names.map((name) => [name, { type: "boolean" }])) as FactSpecs;
    const conditions = names.flatMap((name, k): Condition[] => [
      { fact: name, op: "eq", value: true },
      {
        all: [
          { fact: name, op: "eq", value: false },
          { fact: names[(k + 1) % 40] as string, op: "eq", value: true },
        ],
      },
    ]);
    const engine = compileRuleSet(ruleSet(conditions, declared));
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (values) => {
        const f = Object.fromEntries(names.map((name, k) => [name, values[k] as boolean]));
        const fired = engine.evaluate({ facts: f, at: "2024-06-15", level: "village_clinic" }).fired;
        const expected = values.flatMap((value, k) => [
          ...(value ? [`r${2 * k}`] : []),
          ...(!value && values[(k + 1) % 40] ? [`r${2 * k + 1}`] : []),
        ]);
        expect(fired.map((rule) => rule.ruleId)).toEqual(expected);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
