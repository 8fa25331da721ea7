/**
 * Generators for the differential tests: random rule sets (every operator, nested all/any/not, optional and required
 * facts of every type, levels, every outcome field) and random inputs for them (absent optional facts, keys present
 * with `undefined`, shuffled key orders, extra keys, invalid values).
 */
import fc from "fast-check";
import {
  ACTIONS,
  type Condition,
  FACILITY_LEVELS,
  FACT_TYPES,
  type FactSpec,
  type FactType,
  OPS_BY_TYPE,
  type RuleSet,
  URGENCIES,
} from "../../src/index.js";

const WORDS = ["a", "b", "c", "d"] as const;
const NUMBERS = [-1, 0, 0.5, 1, 2, 3] as const;
const INTEGERS = [-1, 0, 1, 2, 3] as const;
const DATES = ["2024-05-01", "2024-05-31", "2024-06-10", "2024-06-14", "2024-06-15", "2024-07-01"] as const;
export const AT_DATES = ["2024-06-15", "2024-06-30"] as const;

type Spec = { -readonly [K in keyof FactSpec]: FactSpec[K] };

const factSpec: fc.Arbitrary<Spec> = fc
  .record({
    type: fc.constantFrom<FactType>(...FACT_TYPES),
    required: fc.constantFrom<boolean | undefined>(true, false, false, undefined),
    withEnum: fc.boolean(),
  })
  .map(({ type, required, withEnum }) => {
    const spec: Spec = { type };
    if (required !== undefined) spec.required = required;
    if (withEnum && (type === "string" || type === "string[]")) spec.enum = ["a", "b", "c"];
    return spec;
  });

/** Values a fact of this declaration takes: valid ones (from the small domains above, so that rules hit them). */
function validValue(spec: Spec): fc.Arbitrary<unknown> {
  const words = spec.enum ?? WORDS;
  switch (spec.type) {
    case "number":
      return fc.constantFrom(...NUMBERS);
    case "integer":
      return fc.constantFrom(...INTEGERS);
    case "boolean":
      return fc.boolean();
    case "string":
      return fc.constantFrom(...words);
    case "string[]":
      return fc.subarray([...words]);
    default:
      return fc.constantFrom(...DATES);
  }
}

/** Values outside the declaration (wrong type, out of vocabulary, bad date, NaN). */
const invalidValue: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  "x",
  ["z"],
  ["a", 1],
  Number.NaN,
  1.5,
  "2024-02-30",
  null,
  {},
);

function sortedPair<T>(domain: readonly T[], key: (v: T) => number): fc.Arbitrary<[T, T]> {
  return fc
    .tuple(fc.constantFrom(...domain), fc.constantFrom(...domain))
    .map(([a, b]) => (key(a) <= key(b) ? [a, b] : [b, a]) as [T, T]);
}

function leafFor(name: string, spec: Spec): fc.Arbitrary<Condition> {
  const words = spec.enum ?? WORDS;
  return fc.constantFrom(...OPS_BY_TYPE[spec.type]).chain((op): fc.Arbitrary<Condition> => {
    const leaf = (value: fc.Arbitrary<unknown>) => value.map((v) => ({ fact: name, op, value: v }) as Condition);
    if (op === "exists") return leaf(fc.boolean());
    switch (spec.type) {
      case "number":
      case "integer": {
        const domain = spec.type === "number" ? NUMBERS : INTEGERS;
        if (op === "between") return leaf(sortedPair(domain, (v) => v));
        if (op === "in" || op === "notIn") return leaf(fc.subarray([...domain], { minLength: 1 }));
        return leaf(fc.constantFrom(...domain));
      }
      case "boolean":
        return leaf(fc.boolean());
      case "string":
        if (op === "in" || op === "notIn") return leaf(fc.subarray([...words], { minLength: 1 }));
        return leaf(fc.constantFrom(...words));
      case "string[]":
        if (op === "includesAny") return leaf(fc.subarray([...words], { minLength: 1 }));
        return leaf(fc.constantFrom(...words));
      default:
        if (op === "between") return leaf(sortedPair(DATES, (d) => Date.parse(d)));
        if (op === "withinDays" || op === "olderThanDays") return leaf(fc.constantFrom(0, 1, 14, 30, 45));
        return leaf(fc.constantFrom(...DATES));
    }
  });
}

function conditionFor(facts: Record<string, Spec>): fc.Arbitrary<Condition> {
  const leaves = fc.oneof(...Object.entries(facts).map(([name, spec]) => leafFor(name, spec)));
  const { node } = fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaves,
      fc.array(tie("node"), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
      fc.array(tie("node"), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
      tie("node").map((not) => ({ not })),
    ),
  }));
  return node;
}

/** A random valid rule set: 1–6 facts f0…, 1–8 rules r0…. */
export const ruleSetArbitrary: fc.Arbitrary<RuleSet> = fc
  .array(factSpec, { minLength: 1, maxLength: 6 })
  .map((specs) => Object.fromEntries(specs.map((spec, i) => [`f${i}`, spec])))
  .chain((facts) =>
    fc
      .array(
        fc.record(
          {
            levels: fc.subarray([...FACILITY_LEVELS], { minLength: 1 }),
            overriddenBy: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1, maxLength: 2 }),
            when: conditionFor(facts),
            then: fc.record(
              {
                action: fc.constantFrom(...ACTIONS),
                targetLevel: fc.constantFrom(...FACILITY_LEVELS),
                urgency: fc.constantFrom(...URGENCIES),
                followUpDays: fc.integer({ min: 0, max: 90 }),
                reason: fc.constant({ zh: "测试", en: "test" }),
              },
              { requiredKeys: ["action", "reason"] },
            ),
          },
          { requiredKeys: ["when", "then"] },
        ),
        { minLength: 1, maxLength: 8 },
      )
      .map(
        (rules): RuleSet => ({
          id: "generated",
          version: "1",
          effectiveFrom: "2024-01-01",
          source: { title: "generated" },
          facts,
          // a rule yields only to earlier rules, so overriddenBy never makes a cycle
          rules: rules.map(({ overriddenBy, ...rule }, i) => {
            const earlier = (overriddenBy ?? []).filter((j) => j < i).map((j) => `r${j}`);
            return { id: `r${i}`, ...rule, ...(earlier.length > 0 ? { overriddenBy: earlier } : {}) };
          }) as RuleSet["rules"],
        }),
      ),
  );

type Presence = "value" | "absent" | "undefined" | "invalid";

/** Random inputs for a rule set: facts in declaration or shuffled order, absent or `undefined` facts, extra keys. */
export function inputArbitrary(ruleSet: RuleSet): fc.Arbitrary<unknown> {
  const entries = Object.entries(ruleSet.facts) as [string, Spec][];
  const perFact = entries.map(([name, spec]) =>
    fc
      .record({
        presence: fc.constantFrom<Presence>(
          ...((spec.required === false
            ? ["value", "value", "value", "absent", "absent", "undefined", "undefined"]
            : [...Array<Presence>(30).fill("value"), "absent", "undefined", "invalid"]) as Presence[]),
          ...(spec.required === false ? (["invalid"] as Presence[]) : []),
        ),
        value: validValue(spec),
        bad: invalidValue,
      })
      .map(({ presence, value, bad }) => ({ name, presence, value, bad })),
  );
  return fc
    .record({
      facts: fc.tuple(...perFact),
      order: fc.constantFrom("declared", "declared", "shuffled", "reversed"),
      shuffle: fc.array(fc.nat(), { minLength: entries.length, maxLength: entries.length }),
      extra: fc.constantFrom<string | undefined>(...Array<undefined>(18).fill(undefined), "zz", "f9"),
      at: fc.constantFrom<string>(...AT_DATES, ...AT_DATES, ...AT_DATES, ...AT_DATES, ...AT_DATES, "2024-13-01"),
      level: fc.constantFrom<string>(
        ...FACILITY_LEVELS,
        ...FACILITY_LEVELS,
        ...FACILITY_LEVELS,
        ...FACILITY_LEVELS,
        "hospital",
      ),
    })
    .map(({ facts, order, shuffle, extra, at, level }) => {
      let list = facts;
      if (order === "reversed") list = [...facts].reverse();
      if (order === "shuffled") {
        list = facts
          .map((f, i) => ({ f, k: shuffle[i] ?? 0 }))
          .sort((x, y) => x.k - y.k)
          .map(({ f }) => f);
      }
      const record: Record<string, unknown> = {};
      for (const { name, presence, value, bad } of list) {
        if (presence === "value") record[name] = value;
        else if (presence === "undefined") record[name] = undefined;
        else if (presence === "invalid") record[name] = bad;
      }
      if (extra !== undefined) record[extra] = 1;
      return { facts: record, at, level };
    });
}

/** A rule set with several inputs evaluated by one engine (so its per-engine state — key-order misses — is exercised). */
export function caseArbitrary(inputs: number): fc.Arbitrary<{ ruleSet: RuleSet; inputs: unknown[] }> {
  return ruleSetArbitrary.chain((ruleSet) =>
    fc
      .array(inputArbitrary(ruleSet), { minLength: inputs, maxLength: inputs })
      .map((list) => ({ ruleSet, inputs: list })),
  );
}
