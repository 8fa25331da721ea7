import { isoDay } from "./days.js";
import { type Atom, MAX_ATOMS } from "./facts.js";
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

/** A compiled condition: `test` decides, `explain` collects the evidence of a decided outcome. */
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
const IS_TRUE = 14;
const ALL = 16;
const ANY = 17;
const NOT = 18;
const TRUE = -1;
const FALSE = -2;

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
  readonly onTrue: Int32Array;
  readonly onFalse: Int32Array;
  readonly ref: readonly unknown[];
  /** Leaves only: fact name, operator and the value as written in the rule (for evidence). */
  readonly fact: readonly string[];
  readonly opName: readonly Operator[];
  readonly expected: readonly unknown[];
  /** Leaves only: whether the slot holds a day number rather than the fact as given. */
  readonly dated: readonly boolean[];
  /**
   * Leaves only: the evidence of the leaf holding, when it cannot depend on the patient (a boolean or string fact
   * equal to the rule's value) — built once, frozen and shared, like the trace steps.
   */
  readonly truth: readonly (Evidence | undefined)[];
}

/**
 * Compile validated condition trees into one {@link ConditionProgram} (条件编译) — no `eval`, no `new Function`, so it
 * runs under a strict Content-Security-Policy. A leaf on an absent optional fact is false (only `exists` looks at
 * absence).
 *
 * @param roots - conditions already checked by {@link validateRuleSet}
 * @param facts - the rule set's fact declarations; a fact's slot is its position in them, as a {@link FactsReader} reads
 * @returns the program and the node index of each root
 */
export function compileProgram(
  roots: readonly Condition[],
  facts: FactSpecs,
): {
  readonly program: ConditionProgram;
  readonly roots: readonly number[];
  readonly entries: readonly number[];
  readonly atoms: readonly Atom[];
  readonly need: readonly number[];
  readonly anyOf: readonly number[];
  readonly plans: readonly (Int32Array | null)[];
} {
  const slotOf = new Map(Object.keys(facts).map((name, index) => [name, index]));
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
  const dated: boolean[] = [];
  const truth: (Evidence | undefined)[] = [];
  const atomBit: number[] = [];
  const atomOf = new Map<string, number>();
  const atoms: Atom[] = [];
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
    dated.push(false);
    truth.push(undefined);
    atomBit.push(0);
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
      // a patient's list is short and usually empty: walk it, looking each item up in the rule's values
      constant = code === INCLUDES ? value : new Set(value as readonly string[]);
    } else if (numericOp !== undefined) {
      code = numericOp;
    } else if (leaf.op === "eq" || leaf.op === "ne") {
      // booleans compare with a literal: a pointer comparison
      code = leaf.op === "ne" ? NE : value === true ? IS_TRUE : EQ;
      constant = toValue(value);
    } else {
      // in / notIn
      code = leaf.op === "in" ? IN : NOT_IN;
      constant = new Set((value as readonly unknown[]).map(toValue));
    }
    const n = add(code);
    slot[n] = slotOf.get(leaf.fact) ?? -1;
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
    dated[n] = type === "date";
    if (code === IS_TRUE || (code === EQ && (type === "string" || type === "boolean"))) {
      truth[n] = Object.freeze({ fact: leaf.fact, op: leaf.op, expected: value, actual: value, result: true });
      // an atom: read by the facts reader as a bit, to skip the rules that need it when it does not hold
      const key = `${leaf.fact}:${String(value)}`;
      let atom = atomOf.get(key);
      if (
        atom === undefined &&
        atoms.length < MAX_ATOMS &&
        (type === "boolean" || facts[leaf.fact]?.enum !== undefined)
      ) {
        atom = atoms.length;
        atomOf.set(key, atom);
        atoms.push([leaf.fact, value as boolean | string]);
      }
      if (atom !== undefined) atomBit[n] = 1 << atom;
    }
    return n;
  };
  const rootNodes = roots.map(compile);
  const childrenOf = (n: number): number[] => kids.slice(first[n], (first[n] as number) + (size[n] as number));

  // Necessary atoms of node `n`: when it holds, every bit of `need` is set and, unless `any` is 0, some bit of `any`.
  const masks = (n: number): { need: number; any: number } => {
    const code = op[n] as number;
    if (code < ALL) return { need: atomBit[n] as number, any: 0 };
    if (code === NOT) return { need: 0, any: 0 };
    const children = childrenOf(n).map(masks);
    if (code === ALL) {
      return {
        need: children.reduce((bits, child) => bits | child.need, 0),
        any: children.find((child) => child.any !== 0)?.any ?? 0,
      };
    }
    // a holding child sets its `need` (or, lacking one, a bit of its `any`); every bit all children need is needed
    const witness = children.map((child) => (child.need !== 0 ? child.need : child.any));
    return {
      need: children.reduce((bits, child) => bits & child.need, -1),
      any: witness.includes(0) ? 0 : witness.reduce((bits, w) => bits | w, 0),
    };
  };
  // The evidence plan of a root made of `all` and `any` over leaves (the usual shape): the leaves a holding root
  // reports, `~leaf` for a child of an `any` (reported only when it holds). `null` for other shapes.
  const planOf = (root: number): Int32Array | null => {
    const plan: number[] = [];
    const visit = (n: number, underAny: boolean): boolean => {
      const code = op[n] as number;
      if (code < ALL) return plan.push(underAny ? ~n : n) > 0;
      if (code === NOT || underAny) return false;
      return childrenOf(n).every((kid) => visit(kid, code === ANY));
    };
    return visit(root, false) ? Int32Array.from(plan) : null;
  };
  const rootMasks = rootNodes.map(masks);
  // Short-circuit jumps: after leaf `n`, go on to `onTrue[n]` or `onFalse[n]` — another leaf, or TRUE / FALSE — so a
  // whole rule runs as one loop over its leaves, without recursion.
  const onTrue = new Int32Array(op.length);
  const onFalse = new Int32Array(op.length);
  // A root runs only when its needed atoms hold, so its leaves on those atoms are known to hold and are jumped over.
  const link = (n: number, yes: number, no: number, known: number): number => {
    const code = op[n] as number;
    if (code < ALL && ((atomBit[n] as number) & known) !== 0) return yes;
    if (code < ALL) {
      onTrue[n] = yes;
      onFalse[n] = no;
      return n;
    }
    const children = childrenOf(n);
    if (code === NOT) return link(children[0] as number, no, yes, known);
    // the cheapest first: a leaf is one test, a nested condition several (the order cannot change the outcome)
    const order = [
      ...children.filter((kid) => (op[kid] as number) < ALL),
      ...children.filter((kid) => (op[kid] as number) >= ALL),
    ];
    let entry = code === ALL ? yes : no;
    for (const kid of order.reverse()) {
      entry = code === ALL ? link(kid, entry, no, known) : link(kid, yes, entry, known);
    }
    return entry;
  };
  const entries = rootNodes.map((n, r) => link(n, TRUE, FALSE, (rootMasks[r] as { need: number }).need));
  return {
    program: {
      op: Int32Array.from(op),
      slot: Int32Array.from(slot),
      first: Int32Array.from(first),
      size: Int32Array.from(size),
      kids: Int32Array.from(kids),
      lo: Float64Array.from(lo),
      hi: Float64Array.from(hi),
      onTrue,
      onFalse,
      ref,
      fact,
      opName,
      expected,
      dated,
      truth,
    },
    roots: rootNodes,
    entries,
    atoms,
    need: rootMasks.map((m) => m.need),
    anyOf: rootMasks.map((m) => m.any),
    plans: rootNodes.map(planOf),
  };
}

function includesAny(list: readonly string[] | undefined, wanted: ReadonlySet<string>): boolean {
  if (list !== undefined) for (let k = 0; k < list.length; k++) if (wanted.has(list[k] as string)) return true;
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
  if (code < ALL) return test(p, n, s, at);
  const from = p.first[n] as number;
  const to = from + (p.size[n] as number);
  if (code === NOT) return !holds(p, p.kids[from] as number, s, at);
  const want = code === ANY;
  for (let k = from; k < to; k++) {
    const child = p.kids[k] as number;
    if (holds(p, child, s, at) === want) return want;
  }
  return !want;
}

/**
 * Whether leaf `n` of program `p` holds for the slots on day `at` (a leaf on an absent fact is false, except `exists`).
 *
 * @param p - the program
 * @param n - a leaf node
 * @param s - the slots filled by a {@link FactsReader}
 * @param at - the evaluation day number
 * @returns whether the leaf holds
 */
export function test(p: ConditionProgram, n: number, s: Slots, at: number): boolean {
  const { op, lo, ref } = p;
  const v = s[p.slot[n] as number];
  switch (op[n]) {
    case IS_TRUE:
      return v === true;
    case EQ:
      return v === ref[n];
    case NE:
      return v !== undefined && v !== ref[n];
    case LT:
      return (v as number) < (lo[n] as number);
    case LTE:
      return (v as number) <= (lo[n] as number);
    case GT:
      return (v as number) > (lo[n] as number);
    case GTE:
      return (v as number) >= (lo[n] as number);
    case BETWEEN:
      return (v as number) >= (lo[n] as number) && (v as number) <= (p.hi[n] as number);
    case IN:
      return (ref[n] as ReadonlySet<unknown>).has(v);
    case NOT_IN:
      return v !== undefined && !(ref[n] as ReadonlySet<unknown>).has(v);
    case WITHIN: {
      const d = at - (v as number);
      return d >= 0 && d <= (lo[n] as number);
    }
    case OLDER:
      return at - (v as number) > (lo[n] as number);
    case EXISTS:
      return (v !== undefined) === ref[n];
    case INCLUDES:
      return (v as readonly unknown[] | undefined)?.includes(ref[n]) === true;
    default:
      return includesAny(v as readonly string[] | undefined, ref[n] as ReadonlySet<string>);
  }
}

/**
 * Roots to run together (e.g. the rules that apply at one level): the first leaf of each (`TRUE` or `FALSE` for a
 * root without leaves) and the atoms each needs — all of `need`, and some of `anyOf` unless it is 0.
 */
export interface Roots {
  readonly entries: Int32Array;
  readonly need: Int32Array;
  readonly anyOf: Int32Array;
}

/**
 * Run the {@link Roots}, each as one loop over its leaves following the short-circuit jumps, and write the positions
 * of those that hold to `out`; returns how many hold. A root whose needed atoms are missing from `mask` is not run.
 */
export function runs(p: ConditionProgram, roots: Roots, s: Slots, at: number, mask: number, out: Int32Array): number {
  let held = 0;
  const { onTrue, onFalse } = p;
  const { entries, need, anyOf } = roots;
  for (let r = 0; r < entries.length; r++) {
    const needed = need[r] as number;
    const some = anyOf[r] as number;
    if ((mask & needed) !== needed || (some !== 0 && (mask & some) === 0)) continue;
    let n = entries[r] as number;
    while (n >= 0) n = test(p, n, s, at) ? (onTrue[n] as number) : (onFalse[n] as number);
    if (n === TRUE) out[held++] = r;
  }
  return held;
}

/** The evidence of leaf `n` with the outcome it has: the patient's value (`null` when absent) against the rule's. */
function leafEvidence(p: ConditionProgram, n: number, f: FactRecord, s: Slots, outcome: boolean): Evidence {
  const shared = outcome ? p.truth[n] : undefined;
  if (shared !== undefined) return shared;
  const fact = p.fact[n] as string;
  // validated slots hold the facts as given, except dates (day numbers)
  const actual = p.dated[n] ? f[fact] : s[p.slot[n] as number];
  return {
    fact,
    op: p.opName[n] as Operator,
    expected: p.expected[n],
    actual: actual === undefined ? null : Array.isArray(actual) ? actual.slice() : actual,
    result: outcome,
  };
}

// the leaves one root reports, grown to the longest plan seen (evaluation is synchronous)
let scratch = new Int32Array(16);

/**
 * The evidence of a root that holds (see {@link explain}): by the root's plan from {@link compileProgram} — a loop
 * over its leaves — when it has one, otherwise by walking the tree.
 */
export function evidenceOf(
  p: ConditionProgram,
  root: number,
  plan: Int32Array | null,
  f: FactRecord,
  s: Slots,
  at: number,
): Evidence[] {
  if (plan === null) {
    const out: Evidence[] = [];
    explain(p, root, f, s, at, true, out);
    return out;
  }
  // the leaves to report, then an array of exactly their number
  if (scratch.length < plan.length) scratch = new Int32Array(plan.length);
  let count = 0;
  for (let k = 0; k < plan.length; k++) {
    const leaf = plan[k] as number;
    if (leaf >= 0 || test(p, ~leaf, s, at)) scratch[count++] = leaf < 0 ? ~leaf : leaf;
  }
  const out = new Array<Evidence>(count);
  for (let k = 0; k < count; k++) out[k] = leafEvidence(p, scratch[k] as number, f, s, true);
  return out;
}

/**
 * Collect the evidence of node `n`'s `outcome` (which must be the outcome it has): under `all` that held, every child; under `all` that failed,
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
    out.push(leafEvidence(p, n, f, s, outcome));
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
 * @returns the compiled condition
 * @example
 * {@includeCode ../test/engine.test.ts#evidence}
 */
export function compileCondition(node: Condition, facts: FactSpecs): CompiledCondition {
  const { program, roots } = compileProgram([node], facts);
  const root = roots[0] as number;
  return {
    test: (s, at) => holds(program, root, s, at),
    explain: (f, s, at, outcome, out) => explain(program, root, f, s, at, outcome, out),
  };
}
