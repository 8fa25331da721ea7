import { isoDay } from "./days.js";
import type { Condition, FactSpecs, Leaf, Operator } from "./model.js";

/** Facts as the caller passed them, read by name only to report evidence. */
export type FactRecord = { readonly [name: string]: unknown };

/** Fact values in declaration order, as filled by a {@link FactsReader} (dates as day numbers). */
export type Slots = readonly unknown[];

/**
 * One piece of evidence (证据) behind a fired rule: the leaf condition, the value it expected, the patient's actual
 * value (`null` when the fact was absent) and whether the leaf held. Under a `not`, the leaves that did *not* hold
 * are the evidence, with `result: false`.
 */
export interface Evidence {
  /** The fact the leaf reads (事实). */
  readonly fact: string;
  /** The leaf's operator. */
  readonly op: Operator;
  /** The value the rule compares with (规则取值). */
  readonly expected: unknown;
  /** The patient's value (患者取值); `null` when the fact was absent. */
  readonly actual: unknown;
  /** Whether the leaf held. */
  readonly result: boolean;
}

/** A condition compiled to closures: `test` decides, `explain` collects the evidence of a decided outcome. */
export interface CompiledCondition {
  readonly test: (slots: Slots, at: number) => boolean;
  readonly explain: (facts: FactRecord, slots: Slots, at: number, outcome: boolean, out: Evidence[]) => void;
}

type Test = (slots: Slots, at: number) => boolean;

function numericTest(slot: number, op: Operator, value: unknown, toNumber: (v: unknown) => number): Test {
  const read = (s: Slots): number => s[slot] as number;
  switch (op) {
    case "eq": {
      const x = toNumber(value);
      return (f) => read(f) === x;
    }
    case "ne": {
      const x = toNumber(value);
      return (s) => s[slot] !== undefined && read(s) !== x;
    }
    case "lt": {
      const x = toNumber(value);
      return (f) => read(f) < x;
    }
    case "lte": {
      const x = toNumber(value);
      return (f) => read(f) <= x;
    }
    case "gt": {
      const x = toNumber(value);
      return (f) => read(f) > x;
    }
    case "gte": {
      const x = toNumber(value);
      return (f) => read(f) >= x;
    }
    case "between": {
      const [lo, hi] = (value as readonly unknown[]).map(toNumber) as [number, number];
      return (f) => {
        const v = read(f);
        return v >= lo && v <= hi;
      };
    }
    case "in": {
      const set = new Set((value as readonly unknown[]).map(toNumber));
      return (f) => set.has(read(f));
    }
    case "notIn": {
      const set = new Set((value as readonly unknown[]).map(toNumber));
      return (s) => s[slot] !== undefined && !set.has(read(s));
    }
    case "withinDays": {
      const days = value as number;
      return (f, at) => {
        const d = at - read(f);
        return d >= 0 && d <= days;
      };
    }
    default: {
      // olderThanDays — the validator admits no other numeric operator
      const days = value as number;
      return (f, at) => at - read(f) > days;
    }
  }
}

const asNumber = (v: unknown): number => v as number;

function leafTest(leaf: Leaf, facts: FactSpecs, slot: number): Test {
  const { op, value } = leaf as { op: Operator; value: unknown };
  if (op === "exists") return (s) => (s[slot] !== undefined) === value;
  const type = facts[leaf.fact]?.type;
  if (type === "number" || type === "integer") return numericTest(slot, op, value, asNumber);
  if (type === "date") return numericTest(slot, op, value, isoDay);
  if (type === "string[]") {
    if (op === "includes") return (s) => (s[slot] as readonly string[] | undefined)?.includes(value as string) === true;
    const wanted = value as readonly string[];
    return (s) => {
      const list = s[slot] as readonly string[] | undefined;
      if (list === undefined) return false;
      for (const item of wanted) if (list.includes(item)) return true;
      return false;
    };
  }
  // boolean and string facts: eq, ne, in, notIn
  if (op === "eq") return (s) => s[slot] === value;
  if (op === "ne") return (s) => s[slot] !== undefined && s[slot] !== value;
  const set = new Set(value as readonly unknown[]);
  if (op === "in") return (s) => set.has(s[slot]);
  return (s) => s[slot] !== undefined && !set.has(s[slot]);
}

/**
 * Compile a validated condition tree to closures (条件编译) — no `eval`, no `new Function`, so it runs under a strict
 * Content-Security-Policy. A leaf on an absent optional fact is false (only `exists` looks at absence).
 *
 * @param node - a condition already checked by {@link validateRuleSet}
 * @param facts - the rule set's fact declarations
 * @param slots - slot index of each fact (its position in the declarations)
 * @returns the compiled condition
 * @example
 * {@includeCode ../test/engine.test.ts#evidence}
 */
export function compileCondition(
  node: Condition,
  facts: FactSpecs,
  slots: ReadonlyMap<string, number>,
): CompiledCondition {
  if ("all" in node) {
    const children = node.all.map((child) => compileCondition(child, facts, slots));
    const tests = children.map((child) => child.test);
    const [a, b, c] = tests as [Test, Test, Test];
    return {
      test:
        tests.length === 2
          ? (s, at) => a(s, at) && b(s, at)
          : tests.length === 3
            ? (s, at) => a(s, at) && b(s, at) && c(s, at)
            : (s, at) => {
                for (const test of tests) if (!test(s, at)) return false;
                return true;
              },
      explain: (f, s, at, outcome, out) => {
        if (outcome) for (const child of children) child.explain(f, s, at, true, out);
        else children.find((child) => !child.test(s, at))?.explain(f, s, at, false, out);
      },
    };
  }
  if ("any" in node) {
    const children = node.any.map((child) => compileCondition(child, facts, slots));
    const tests = children.map((child) => child.test);
    const [a, b] = tests as [Test, Test];
    return {
      test:
        tests.length === 2
          ? (s, at) => a(s, at) || b(s, at)
          : (s, at) => {
              for (const test of tests) if (test(s, at)) return true;
              return false;
            },
      explain: (f, s, at, outcome, out) => {
        for (const child of children) if (!outcome || child.test(s, at)) child.explain(f, s, at, outcome, out);
      },
    };
  }
  if ("not" in node) {
    const child = compileCondition(node.not, facts, slots);
    return {
      test: (s, at) => !child.test(s, at),
      explain: (f, s, at, outcome, out) => child.explain(f, s, at, !outcome, out),
    };
  }
  const test = leafTest(node, facts, slots.get(node.fact) ?? -1);
  const { fact, op, value } = node as { fact: string; op: Operator; value: unknown };
  return {
    test,
    explain: (f, s, at, _outcome, out) => {
      const actual = f[fact];
      out.push({
        fact,
        op,
        expected: value,
        actual: actual === undefined ? null : Array.isArray(actual) ? [...actual] : actual,
        result: test(s, at),
      });
    },
  };
}
