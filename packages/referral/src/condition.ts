import { isoDay } from "./days.js";
import type { Condition, FactSpecs, Operator } from "./model.js";

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

// Opcodes of the flat condition program: leaves first, then the composite nodes.
const EQ = 0;
const NE = 1;
const LT = 2;
const LTE = 3;
const GT = 4;
const GTE = 5;
const BETWEEN = 6;
const IN = 7;
const NOT_IN = 8;
const WITHIN = 9;
const OLDER = 10;
const EXISTS = 11;
const INCLUDES = 12;
const INCLUDES_ANY = 13;
const ALL = 14;
const ANY = 15;
const NOT = 16;

const NUMERIC_OP: Partial<Record<Operator, number>> = {
  lt: LT,
  lte: LTE,
  gt: GT,
  gte: GTE,
  between: BETWEEN,
  withinDays: WITHIN,
  olderThanDays: OLDER,
};

/**
 * Condition trees flattened into parallel arrays (条件程序), evaluated by one monomorphic interpreter instead of a tree
 * of closures: node `n` has opcode `op[n]`, fact slot `slot[n]`, numeric operands `lo[n]`/`hi[n]`, a constant
 * `ref[n]` (value, `Set` or list) and children `kids[first[n] .. first[n] + size[n]]`. No `eval`, no `new Function`.
 */
export interface ConditionProgram {
  readonly op: Int32Array;
  readonly slot: Int32Array;
  readonly first: Int32Array;
  readonly size: Int32Array;
  readonly kids: Int32Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly ref: readonly unknown[];
  /** Leaves only: fact name, operator and the value as written in the rule (for evidence). */
  readonly fact: readonly string[];
  readonly opName: readonly Operator[];
  readonly expected: readonly unknown[];
}

/**
 * Compile validated condition trees into one {@link ConditionProgram} (条件编译) — no `eval`, no `new Function`, so it
 * runs under a strict Content-Security-Policy. A leaf on an absent optional fact is false (only `exists` looks at
 * absence).
 *
 * @param roots - conditions already checked by {@link validateRuleSet}
 * @param facts - the rule set's fact declarations
 * @param slots - slot index of each fact (its position in the declarations)
 * @returns the program and the node index of each root
 */
export function compileProgram(
  roots: readonly Condition[],
  facts: FactSpecs,
  slots: ReadonlyMap<string, number>,
): { readonly program: ConditionProgram; readonly roots: readonly number[] } {
  const op: number[] = [];
  const slot: number[] = [];
  const first: number[] = [];
  const size: number[] = [];
  const kids: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const ref: unknown[] = [];
  const fact: string[] = [];
  const opName: Operator[] = [];
  const expected: unknown[] = [];
  const add = (code: number): number => {
    const n = op.length;
    op.push(code);
    slot.push(-1);
    first.push(0);
    size.push(0);
    lo.push(0);
    hi.push(0);
    ref.push(undefined);
    fact.push("");
    opName.push("eq");
    expected.push(undefined);
    return n;
  };
  const compile = (node: Condition): number => {
    if ("all" in node || "any" in node) {
      const children = "all" in node ? node.all : node.any;
      const n = add("all" in node ? ALL : ANY);
      const compiled = children.map(compile);
      first[n] = kids.length;
      size[n] = compiled.length;
      kids.push(...compiled);
      return n;
    }
    if ("not" in node) {
      const n = add(NOT);
      const child = compile(node.not);
      first[n] = kids.length;
      size[n] = 1;
      kids.push(child);
      return n;
    }
    const leaf = node as { fact: string; op: Operator; value: unknown };
    const type = facts[leaf.fact]?.type;
    const numeric = type === "number" || type === "integer" || type === "date";
    const toValue = type === "date" ? isoDay : (v: unknown): unknown => v;
    const value = leaf.value;
    let code: number;
    let constant: unknown;
    const numericOp = numeric ? NUMERIC_OP[leaf.op] : undefined;
    if (leaf.op === "exists") {
      code = EXISTS;
      constant = value;
    } else if (type === "string[]") {
      code = leaf.op === "includes" ? INCLUDES : INCLUDES_ANY;
      constant = value;
    } else if (numericOp !== undefined) {
      code = numericOp;
    } else if (leaf.op === "eq" || leaf.op === "ne") {
      code = leaf.op === "eq" ? EQ : NE;
      constant = toValue(value);
    } else {
      // in / notIn
      code = leaf.op === "in" ? IN : NOT_IN;
      constant = new Set((value as readonly unknown[]).map(toValue));
    }
    const n = add(code);
    slot[n] = slots.get(leaf.fact) ?? -1;
    ref[n] = constant;
    if (code === BETWEEN) {
      const [a, b] = value as readonly unknown[];
      lo[n] = toValue(a) as number;
      hi[n] = toValue(b) as number;
    } else if (code === WITHIN || code === OLDER) {
      lo[n] = value as number;
    } else if (numericOp !== undefined) {
      lo[n] = toValue(value) as number;
    }
    fact[n] = leaf.fact;
    opName[n] = leaf.op;
    expected[n] = value;
    return n;
  };
  const rootNodes = roots.map(compile);
  return {
    program: {
      op: Int32Array.from(op),
      slot: Int32Array.from(slot),
      first: Int32Array.from(first),
      size: Int32Array.from(size),
      kids: Int32Array.from(kids),
      lo: Float64Array.from(lo),
      hi: Float64Array.from(hi),
      ref,
      fact,
      opName,
      expected,
    },
    roots: rootNodes,
  };
}

function includesAny(list: unknown, wanted: readonly string[]): boolean {
  if (list === undefined) return false;
  const items = list as readonly string[];
  for (let i = 0; i < wanted.length; i++) if (items.includes(wanted[i] as string)) return true;
  return false;
}

/**
 * Whether node `n` of program `p` holds for the slots (dates as day numbers) on day `at`.
 *
 * @param p - the program
 * @param n - the node
 * @param s - the slots filled by a {@link FactsReader}
 * @param at - the evaluation day number
 * @returns whether the condition holds
 */
export function holds(p: ConditionProgram, n: number, s: Slots, at: number): boolean {
  const code = p.op[n] as number;
  if (code < ALL) return leafHolds(p, code, n, s, at);
  const from = p.first[n] as number;
  const to = from + (p.size[n] as number);
  if (code === NOT) return !holds(p, p.kids[from] as number, s, at);
  // children that are leaves run inline; only nested all/any/not recurse
  const want = code === ANY;
  for (let k = from; k < to; k++) {
    const child = p.kids[k] as number;
    const childCode = p.op[child] as number;
    if ((childCode < ALL ? leafHolds(p, childCode, child, s, at) : holds(p, child, s, at)) === want) return want;
  }
  return !want;
}

function leafHolds(p: ConditionProgram, code: number, n: number, s: Slots, at: number): boolean {
  const v = s[p.slot[n] as number];
  switch (code) {
    case EQ:
      return v === p.ref[n];
    case NE:
      return v !== undefined && v !== p.ref[n];
    case LT:
      return (v as number) < (p.lo[n] as number);
    case LTE:
      return (v as number) <= (p.lo[n] as number);
    case GT:
      return (v as number) > (p.lo[n] as number);
    case GTE:
      return (v as number) >= (p.lo[n] as number);
    case BETWEEN:
      return (v as number) >= (p.lo[n] as number) && (v as number) <= (p.hi[n] as number);
    case IN:
      return (p.ref[n] as ReadonlySet<unknown>).has(v);
    case NOT_IN:
      return v !== undefined && !(p.ref[n] as ReadonlySet<unknown>).has(v);
    case WITHIN: {
      const d = at - (v as number);
      return d >= 0 && d <= (p.lo[n] as number);
    }
    case OLDER:
      return at - (v as number) > (p.lo[n] as number);
    case EXISTS:
      return (v !== undefined) === p.ref[n];
    case INCLUDES:
      return (v as readonly unknown[] | undefined)?.includes(p.ref[n]) === true;
    default:
      return includesAny(v, p.ref[n] as readonly string[]);
  }
}

/**
 * The leaf every evaluation of node `n` must pass — the node itself if it is a leaf, else the first leaf of an `all`
 * — or `-1`.
 */
export function guardOf(p: ConditionProgram, n: number): number {
  const code = p.op[n] as number;
  if (code < ALL) return n;
  if (code !== ALL) return -1;
  const first = p.kids[p.first[n] as number] as number;
  return (p.op[first] as number) < ALL ? first : -1;
}

/** Whether leaves `a` and `b` test the same fact the same way (so they hold or fail together). */
export function sameLeaf(p: ConditionProgram, a: number, b: number): boolean {
  return (
    a >= 0 &&
    b >= 0 &&
    p.op[a] === p.op[b] &&
    p.slot[a] === p.slot[b] &&
    p.ref[a] === p.ref[b] &&
    p.lo[a] === p.lo[b] &&
    p.hi[a] === p.hi[b]
  );
}

/**
 * Collect the evidence of node `n`'s decided `outcome`: under `all` that held, every child; under `all` that failed,
 * the first failing child; under `any`, the children that held (or, when it failed, every child); under `not`, the
 * child's evidence for the opposite outcome; at a leaf, the leaf with the patient's value.
 */
export function explain(
  p: ConditionProgram,
  n: number,
  f: FactRecord,
  s: Slots,
  at: number,
  outcome: boolean,
  out: Evidence[],
): void {
  const code = p.op[n] as number;
  if (code < ALL) {
    const fact = p.fact[n] as string;
    const actual = f[fact];
    out.push({
      fact,
      op: p.opName[n] as Operator,
      expected: p.expected[n],
      actual: actual === undefined ? null : Array.isArray(actual) ? actual.slice() : actual,
      result: holds(p, n, s, at),
    });
    return;
  }
  const from = p.first[n] as number;
  const to = from + (p.size[n] as number);
  if (code === ALL) {
    if (outcome) {
      for (let k = from; k < to; k++) explain(p, p.kids[k] as number, f, s, at, true, out);
    } else {
      for (let k = from; k < to; k++) {
        const child = p.kids[k] as number;
        if (!holds(p, child, s, at)) {
          explain(p, child, f, s, at, false, out);
          return;
        }
      }
    }
  } else if (code === ANY) {
    for (let k = from; k < to; k++) {
      const child = p.kids[k] as number;
      if (!outcome || holds(p, child, s, at)) explain(p, child, f, s, at, outcome, out);
    }
  } else {
    explain(p, p.kids[from] as number, f, s, at, !outcome, out);
  }
}

/**
 * Compile one validated condition tree (条件编译) — see {@link compileProgram}.
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
  const { program, roots } = compileProgram([node], facts, slots);
  const root = roots[0] as number;
  return {
    test: (s, at) => holds(program, root, s, at),
    explain: (f, s, at, outcome, out) => explain(program, root, f, s, at, outcome, out),
  };
}
