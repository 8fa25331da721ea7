import { isoDay } from "./days.js";
import type { Condition, FactSpecs, Leaf, Operator } from "./model.js";

/** Facts as the compiled closures read them. */
export type FactRecord = { readonly [name: string]: unknown };

/**
 * One piece of evidence (证据) behind a fired rule: the leaf condition, the value it expected, the patient's actual
 * value (`null` when the fact was absent) and whether the leaf held. Under a `not`, the leaves that did *not* hold
 * are the evidence, with `result: false`.
 */
export interface Evidence {
  readonly fact: string;
  readonly op: Operator;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly result: boolean;
}

/** A condition compiled to closures: `test` decides, `explain` collects the evidence of a decided outcome. */
export interface CompiledCondition {
  readonly test: (facts: FactRecord, at: number) => boolean;
  readonly explain: (facts: FactRecord, at: number, outcome: boolean, out: Evidence[]) => void;
}

type Test = (facts: FactRecord, at: number) => boolean;

function numericTest(name: string, op: Operator, value: unknown, toNumber: (v: unknown) => number): Test {
  const read = (f: FactRecord): number => toNumber(f[name]);
  switch (op) {
    case "eq": {
      const x = toNumber(value);
      return (f) => read(f) === x;
    }
    case "ne": {
      const x = toNumber(value);
      return (f) => f[name] !== undefined && read(f) !== x;
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
      return (f) => f[name] !== undefined && !set.has(read(f));
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

const asNumber = (v: unknown): number => (typeof v === "number" ? v : Number.NaN);

function leafTest(leaf: Leaf, facts: FactSpecs): Test {
  const name = leaf.fact;
  const { op, value } = leaf as { op: Operator; value: unknown };
  if (op === "exists") return (f) => (f[name] !== undefined) === value;
  const type = facts[name]?.type;
  if (type === "number" || type === "integer") return numericTest(name, op, value, asNumber);
  if (type === "date") return numericTest(name, op, value, isoDay);
  if (type === "string[]") {
    if (op === "includes") return (f) => (f[name] as readonly string[] | undefined)?.includes(value as string) === true;
    const wanted = value as readonly string[];
    return (f) => {
      const list = f[name] as readonly string[] | undefined;
      if (list === undefined) return false;
      for (const item of wanted) if (list.includes(item)) return true;
      return false;
    };
  }
  // boolean and string facts: eq, ne, in, notIn
  if (op === "eq") return (f) => f[name] === value;
  if (op === "ne") return (f) => f[name] !== undefined && f[name] !== value;
  const set = new Set(value as readonly unknown[]);
  if (op === "in") return (f) => set.has(f[name]);
  return (f) => f[name] !== undefined && !set.has(f[name]);
}

/**
 * Compile a validated condition tree to closures (条件编译) — no `eval`, no `new Function`, so it runs under a strict
 * Content-Security-Policy. A leaf on an absent optional fact is false (only `exists` looks at absence).
 *
 * @param node - a condition already checked by {@link validateRuleSet}
 * @param facts - the rule set's fact declarations
 * @returns the compiled condition
 * @example
 * {@includeCode ../test/engine.test.ts#evidence}
 */
export function compileCondition(node: Condition, facts: FactSpecs): CompiledCondition {
  if ("all" in node) {
    const children = node.all.map((child) => compileCondition(child, facts));
    const tests = children.map((child) => child.test);
    return {
      test: (f, at) => {
        for (const test of tests) if (!test(f, at)) return false;
        return true;
      },
      explain: (f, at, outcome, out) => {
        if (outcome) for (const child of children) child.explain(f, at, true, out);
        else children.find((child) => !child.test(f, at))?.explain(f, at, false, out);
      },
    };
  }
  if ("any" in node) {
    const children = node.any.map((child) => compileCondition(child, facts));
    const tests = children.map((child) => child.test);
    return {
      test: (f, at) => {
        for (const test of tests) if (test(f, at)) return true;
        return false;
      },
      explain: (f, at, outcome, out) => {
        for (const child of children) if (!outcome || child.test(f, at)) child.explain(f, at, outcome, out);
      },
    };
  }
  if ("not" in node) {
    const child = compileCondition(node.not, facts);
    return {
      test: (f, at) => !child.test(f, at),
      explain: (f, at, outcome, out) => child.explain(f, at, !outcome, out),
    };
  }
  const test = leafTest(node, facts);
  const { fact, op, value } = node as { fact: string; op: Operator; value: unknown };
  return {
    test,
    explain: (f, at, _outcome, out) => {
      const actual = f[fact];
      out.push({
        fact,
        op,
        expected: value,
        actual: actual === undefined ? null : Array.isArray(actual) ? [...actual] : actual,
        result: test(f, at),
      });
    },
  };
}
