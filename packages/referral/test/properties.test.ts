import { differenceInCalendarDays } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDay } from "../src/days.js";
import {
  compileRuleSet,
  FACILITY_LEVELS,
  type FacilityLevel,
  factsGuard,
  factsSchema,
  hypertension,
  type Rule,
  type RuleSet,
} from "../src/index.js";
import { factsReader } from "../src/internal/reader.js";
import type { HypertensionFacts } from "./fixtures.js";

const engine = compileRuleSet(hypertension);
type F = (typeof hypertension)["facts"];

const bool = fc.boolean();
const patient: fc.Arbitrary<HypertensionFacts> = fc.record(
  {
    visit: fc.constantFrom("first", "follow_up"),
    sbp: fc.double({ min: 70, max: 260, noNaN: true }),
    dbp: fc.integer({ min: 40, max: 150 }),
    symptoms: fc.subarray([
      "severe_headache",
      "vomiting",
      "speech_disorder",
      "limb_paralysis",
      "chest_back_pain",
      "leg_edema",
      "dyspnea",
      "orthopnea",
    ]),
    consciousnessImpaired: bool,
    suspectedAcs: bool,
    otherLifeThreatening: bool,
    pregnantOrLactating: bool,
    ageAtOnset: fc.integer({ min: 1, max: 100 }),
    suspectedNewComplication: bool,
    proteinuriaOrHematuria: bool,
    unexplainedHypokalemia: bool,
    paroxysmalRiseWithSymptoms: bool,
    armSbpDifference: fc.double({ min: 0, max: 40, noNaN: true }),
    needsWorkup: bool,
    fullDoseDrugCount: fc.integer({ min: 0, max: 5 }),
    atTarget: bool,
    hardToControlFluctuation: bool,
    adverseDrugReaction: bool,
    seriousConditionOnFollowUp: bool,
    consecutiveUncontrolled: fc.integer({ min: 0, max: 4 }),
    complicationNewOrWorse: bool,
    tcmNeedUnmet: bool,
    diagnosisConfirmed: bool,
    planSuitsPrimaryCare: bool,
    stable: bool,
    planUnchangedRecently: bool,
  },
  {
    requiredKeys: Object.keys(hypertension.facts).filter(
      (k) => k !== "ageAtOnset" && k !== "armSbpDifference",
    ) as never,
  },
) as fc.Arbitrary<HypertensionFacts>;
const level = fc.constantFrom<FacilityLevel>(...FACILITY_LEVELS);
const at = "2024-11-30";

describe("properties of evaluation", () => {
  it("is deterministic and independent of the order of keys in the facts", () => {
    fc.assert(
      fc.property(patient, level, fc.integer(), (facts, lvl, seed) => {
        const entries = Object.entries(facts);
        const shuffled = Object.fromEntries(
          fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length }), { numRuns: 1, seed })[0] ?? entries,
        ) as HypertensionFacts;
        const a = engine.evaluate({ facts, at, level: lvl });
        const b = engine.evaluate({ facts: shuffled, at, level: lvl });
        const c = engine.evaluate({ facts, at, level: lvl });
        expect(b).toEqual(a);
        expect(c).toEqual(a);
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it("fires exactly the rules that fire alone (rules whose needed atoms are missing are skipped unrun)", () => {
    const reason = { zh: "测试", en: "test" };
    const then = { action: "refer_up", reason } as const;
    const first = { fact: "visit", op: "eq", value: "first" } as const;
    const shared: Rule<F>[] = [
      { id: "s-all", when: { all: [first, { fact: "sbp", op: "gte", value: 150 }] }, then },
      { id: "s-any", when: { any: [first, { fact: "dbp", op: "gte", value: 100 }] }, then },
      { id: "s-leaf", when: first, then },
      { id: "s-all-2", when: { all: [first, { fact: "stable", op: "eq", value: true }] }, then },
      { id: "s-not", when: { not: first }, then },
      { id: "s-all-3", when: { all: [first, { fact: "dbp", op: "lt", value: 80 }] }, then },
      { id: "s-any-atoms", when: { any: [first, { fact: "stable", op: "eq", value: false }] }, then },
      {
        id: "s-all-any",
        when: {
          all: [
            { fact: "stable", op: "eq", value: true },
            { any: [first, { fact: "atTarget", op: "eq", value: false }] },
          ],
        },
        then,
      },
      { id: "s-any-all", when: { any: [{ all: [first, { fact: "stable", op: "eq", value: true }] }, first] }, then },
    ];
    const rules = [...hypertension.rules, ...shared];
    const whole = compileRuleSet({ ...hypertension, rules } as RuleSet<F>);
    // each rule alone (without overriddenBy, which names rules the one-rule set does not have)
    const alone = rules.map(({ overriddenBy: _, ...rule }) =>
      compileRuleSet({ ...hypertension, rules: [rule] } as RuleSet<F>),
    );
    // the shared rules' conditions, evaluated directly
    type Node = { all?: Node[]; any?: Node[]; not?: Node; fact?: string; op?: string; value?: unknown };
    const holds = (node: Node, f: Record<string, unknown>): boolean => {
      if (node.all) return node.all.every((n) => holds(n, f));
      if (node.any) return node.any.some((n) => holds(n, f));
      if (node.not) return !holds(node.not, f);
      const v = f[node.fact as string] as number;
      return node.op === "eq"
        ? v === node.value
        : node.op === "gte"
          ? v >= (node.value as number)
          : v < (node.value as number);
    };
    fc.assert(
      fc.property(patient, level, (facts, lvl) => {
        const fired = whole.evaluate({ facts, at, level: lvl }).fired;
        const expected = alone.flatMap((e) => e.evaluate({ facts, at, level: lvl }).fired);
        expect(fired).toEqual(expected);
        const ids = fired.map((r) => r.ruleId).filter((id) => id.startsWith("s-"));
        expect(ids).toEqual(shared.filter((r) => holds(r.when as Node, facts)).map((r) => r.id));
      }),
      { numRuns: 300, seed: 10 },
    );
  });

  it("adding a rule never removes an earlier fired rule", () => {
    const extra: fc.Arbitrary<Rule<F>> = fc
      .tuple(
        fc.constantFrom("sbp", "dbp"),
        fc.constantFrom("gte", "lt"),
        fc.integer({ min: 60, max: 250 }),
        fc.constantFrom("refer_up", "refer_down", "manage_locally", "emergency_transfer"),
      )
      .map(([fact, op, value, action]) => ({
        id: "added",
        when: { fact, op, value },
        then: { action, reason: { zh: "新增规则", en: "added rule" } },
      }));
    fc.assert(
      fc.property(patient, level, extra, (facts, lvl, rule) => {
        const wider: RuleSet<F> = { ...hypertension, rules: [...hypertension.rules, rule] };
        const before = engine.evaluate({ facts, at, level: lvl }).fired.map((f) => f.ruleId);
        const after = compileRuleSet(wider)
          .evaluate({ facts, at, level: lvl })
          .fired.map((f) => f.ruleId);
        expect(after.slice(0, before.length)).toEqual(before);
      }),
      { numRuns: 150, seed: 2 },
    );
  });

  it("every fired rule's evidence holds on the facts, and the decision is JSON", () => {
    fc.assert(
      fc.property(patient, level, (facts, lvl) => {
        const decision = engine.evaluate({ facts, at, level: lvl });
        for (const fired of decision.fired) {
          expect(fired.evidence.length).toBeGreaterThan(0);
          for (const item of fired.evidence)
            expect(item.actual).toEqual((facts as Record<string, unknown>)[item.fact] ?? null);
        }
        expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it("batches keep every record, in order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            patient.map((facts) => ({ facts, at, level: "village_clinic" as const })),
            fc.anything(),
          ),
          { maxLength: 20 },
        ),
        (inputs) => {
          const { results, errors } = engine.evaluateMany(inputs as never[]);
          expect(results.length + errors.length).toBe(inputs.length);
          const indices = [...results.map((r) => r.index), ...errors.map((e) => e.index)].sort((x, y) => x - y);
          expect(indices).toEqual(inputs.map((_, i) => i));
        },
      ),
      { numRuns: 100, seed: 5 },
    );
  });
});

describe("the fast guard agrees with the zod schema", () => {
  const facts = { ...hypertension.facts, lastVisit: { type: "date", required: false } } as const;
  const guard = factsGuard(facts);
  const schema = factsSchema(facts);
  const mutate = fc.constantFrom<unknown>(
    undefined,
    null,
    "",
    "x",
    0,
    1.5,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    [],
    ["a"],
    [1],
    {},
    "2024-02-29",
    "2023-02-29",
    "first",
  );

  it("on valid patients and on patients with one field mutated, dropped or added", () => {
    fc.assert(
      fc.property(
        patient,
        fc.constantFrom(...Object.keys(facts), "extra"),
        mutate,
        fc.boolean(),
        (p, key, value, drop) => {
          const candidate: Record<string, unknown> = { ...p };
          if (drop) delete candidate[key];
          else candidate[key] = value;
          expect(guard(p)).toBe(true);
          expect(guard(candidate)).toBe(schema.safeParse(candidate).success);
        },
      ),
      { numRuns: 1000, seed: 6 },
    );
  });

  it("whatever the key order, reading the same slots (declaration-order walk and trie fallback)", () => {
    const reader = factsReader(facts);
    const fresh = factsGuard(facts);
    fc.assert(
      fc.property(
        patient,
        fc.constantFrom(...Object.keys(facts), "extra"),
        mutate,
        fc.boolean(),
        fc.nat(),
        (p, key, value, drop, seed) => {
          const candidate: Record<string, unknown> = { ...p };
          if (drop) delete candidate[key];
          else candidate[key] = value;
          const keys = Object.keys(candidate);
          // a rotation and a swap: out of declaration order, so the walk gives way to the trie
          const shift = seed % keys.length;
          const order = [...keys.slice(shift), ...keys.slice(0, shift)];
          if (seed % 3 === 0 && order.length > 1) order.reverse();
          const shuffled = Object.fromEntries(order.map((k) => [k, candidate[k]]));
          const expected = schema.safeParse(candidate).success;
          expect(fresh(shuffled)).toBe(expected);
          const inOrder: unknown[] = [];
          const outOfOrder: unknown[] = ["stale"];
          expect(reader.read(candidate, inOrder) !== -1).toBe(expected);
          expect(reader.read(shuffled, outOfOrder) !== -1).toBe(expected);
          if (expected) expect(outOfOrder).toEqual(inOrder);
        },
      ),
      { numRuns: 1000, seed: 9 },
    );
  });

  it("on arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(guard(value)).toBe(schema.safeParse(value).success);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe("day numbers", () => {
  it("differ exactly as date-fns differenceInCalendarDays", () => {
    //#region days
    expect(isoDay("2024-03-01") - isoDay("2024-02-28")).toBe(2); // leap year
    expect(isoDay("2024-02-30")).toBeNaN();
    //#endregion days
    const day = fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true }).map((d) => {
      const p = (n: number, w = 2) => String(n).padStart(w, "0");
      return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const local = (s: string) => new Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
        expect(isoDay(a) - isoDay(b)).toBe(differenceInCalendarDays(local(a), local(b)));
      }),
      { numRuns: 500, seed: 8 },
    );
  });
});
