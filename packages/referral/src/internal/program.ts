import type { Evidence } from "../condition.js";
import { isoDay } from "../days.js";
import type { Condition, FactSpecs, Operator } from "../model.js";
import { type FlagAtom, MAX_ATOMS } from "./reader.js";

/*
 * The condition compiler (条件编译): rule conditions flattened into one program of parallel arrays, run by the
 * interpreter in `interpreter.ts`. Four named steps, each a plain function: `flatten` (the tree into nodes, leaves
 * with their constants and flag atoms), `necessaryAtoms` (which atoms a root needs to hold), `evidencePlan` (the
 * leaves a holding root reports) and `linkJumps` (short-circuit jumps between leaves). Its obviously correct
 * counterpart is the recursive reading of the rule model in `test/reference/evaluate.ts`.
 */

// Opcodes: leaves first, then the composite nodes.
export const EQ = 0;
export const NE = 1;
export const LT = 2;
export const LTE = 3;
export const GT = 4;
export const GTE = 5;
export const BETWEEN = 6;
export const IN = 7;
export const NOT_IN = 8;
export const WITHIN = 9;
export const OLDER = 10;
export const EXISTS = 11;
export const INCLUDES = 12;
export const INCLUDES_ANY = 13;
export const IS_TRUE = 14;
export const ALL = 16;
export const ANY = 17;
export const NOT = 18;
/** Jump targets that end a root's run: it holds, or it does not. */
export const TRUE = -1;
export const FALSE = -2;

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
  /** After leaf `n`: the next leaf (or `TRUE` / `FALSE`) when it holds, and when it does not. */
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
   * equal to the rule's value) — built once, frozen and shared.
   */
  readonly truth: readonly (Evidence | undefined)[];
}

/** One compiled root (a rule's `when`). */
export interface CompiledRoot {
  /** The root's node. */
  readonly node: number;
  /** Its first leaf to run (`TRUE` / `FALSE` for a root decided without a leaf). */
  readonly entry: number;
  /** Flag atoms the root needs: all of `need`, and some of `anyOf` unless it is 0. */
  readonly need: number;
  readonly anyOf: number;
  /** Its evidence plan: the leaves a holding root reports (`~leaf` when reported only if it holds), or `null`. */
  readonly plan: Int32Array | null;
}

/** The compiler's one result: the program, each root, and the flag atoms the facts reader must report. */
export interface Program {
  readonly program: ConditionProgram;
  readonly roots: readonly CompiledRoot[];
  readonly atoms: readonly FlagAtom[];
}

/** Nodes under construction (step 1's output). */
interface Nodes {
  readonly op: number[];
  readonly slot: number[];
  readonly first: number[];
  readonly size: number[];
  readonly kids: number[];
  readonly lo: number[];
  readonly hi: number[];
  readonly ref: unknown[];
  readonly fact: string[];
  readonly opName: Operator[];
  readonly expected: unknown[];
  readonly dated: boolean[];
  readonly truth: (Evidence | undefined)[];
  /** The flag-atom bit a leaf is equivalent to (0 for none). */
  readonly atomBit: number[];
  readonly atoms: FlagAtom[];
}

function childrenOf(nodes: Pick<Nodes, "kids" | "first" | "size">, n: number): number[] {
  return nodes.kids.slice(nodes.first[n], (nodes.first[n] as number) + (nodes.size[n] as number));
}

/** Step 1: flatten condition trees into nodes (children before their parent's `kids` entry), returning each root. */
function flatten(conditions: readonly Condition[], facts: FactSpecs): { nodes: Nodes; rootNodes: number[] } {
  const slotOf = new Map(Object.keys(facts).map((name, index) => [name, index]));
  const nodes: Nodes = {
    op: [],
    slot: [],
    first: [],
    size: [],
    kids: [],
    lo: [],
    hi: [],
    ref: [],
    fact: [],
    opName: [],
    expected: [],
    dated: [],
    truth: [],
    atomBit: [],
    atoms: [],
  };
  const atomOf = new Map<string, number>();
  const add = (code: number): number => {
    const n = nodes.op.length;
    nodes.op.push(code);
    nodes.slot.push(-1);
    nodes.first.push(0);
    nodes.size.push(0);
    nodes.lo.push(0);
    nodes.hi.push(0);
    nodes.ref.push(undefined);
    nodes.fact.push("");
    nodes.opName.push("eq");
    nodes.expected.push(undefined);
    nodes.dated.push(false);
    nodes.truth.push(undefined);
    nodes.atomBit.push(0);
    return n;
  };
  const compile = (node: Condition): number => {
    if ("all" in node || "any" in node) {
      const children = "all" in node ? node.all : node.any;
      const n = add("all" in node ? ALL : ANY);
      const compiled = children.map(compile);
      nodes.first[n] = nodes.kids.length;
      nodes.size[n] = compiled.length;
      nodes.kids.push(...compiled);
      return n;
    }
    if ("not" in node) {
      const n = add(NOT);
      const child = compile(node.not);
      nodes.first[n] = nodes.kids.length;
      nodes.size[n] = 1;
      nodes.kids.push(child);
      return n;
    }
    return leaf(node as { fact: string; op: Operator; value: unknown });
  };
  const leaf = (node: { fact: string; op: Operator; value: unknown }): number => {
    const spec = facts[node.fact];
    const type = spec?.type;
    const numeric = type === "number" || type === "integer" || type === "date";
    const toValue = type === "date" ? isoDay : (v: unknown): unknown => v;
    const value = node.value;
    let code: number;
    let constant: unknown;
    const numericOp = numeric ? NUMERIC_OP[node.op] : undefined;
    if (node.op === "exists") {
      code = EXISTS;
      constant = value;
    } else if (type === "string[]") {
      code = node.op === "includes" ? INCLUDES : INCLUDES_ANY;
      // a patient's list is short and usually empty: walk it, looking each item up in the rule's values
      constant = code === INCLUDES ? value : new Set(value as readonly string[]);
    } else if (numericOp !== undefined) {
      code = numericOp;
    } else if (node.op === "eq" || node.op === "ne") {
      // booleans compare with a literal: a pointer comparison
      code = node.op === "ne" ? NE : value === true ? IS_TRUE : EQ;
      constant = toValue(value);
    } else {
      code = node.op === "in" ? IN : NOT_IN;
      constant = new Set((value as readonly unknown[]).map(toValue));
    }
    const n = add(code);
    nodes.slot[n] = slotOf.get(node.fact) ?? -1;
    nodes.ref[n] = constant;
    if (code === BETWEEN) {
      const [a, b] = value as readonly unknown[];
      nodes.lo[n] = toValue(a) as number;
      nodes.hi[n] = toValue(b) as number;
    } else if (code === WITHIN || code === OLDER) {
      nodes.lo[n] = value as number;
    } else if (numericOp !== undefined) {
      nodes.lo[n] = toValue(value) as number;
    }
    nodes.fact[n] = node.fact;
    nodes.opName[n] = node.op;
    nodes.expected[n] = value;
    nodes.dated[n] = type === "date";
    if (code === IS_TRUE || (code === EQ && (type === "string" || type === "boolean"))) {
      nodes.truth[n] = Object.freeze({ fact: node.fact, op: node.op, expected: value, actual: value, result: true });
      // a flag atom: reported by the facts reader as a bit, to skip the rules that need it when it does not hold
      const key = `${node.fact}:${String(value)}`;
      let atom = atomOf.get(key);
      if (
        atom === undefined &&
        nodes.atoms.length < MAX_ATOMS &&
        (type === "boolean" || (type === "string" && spec?.enum !== undefined))
      ) {
        atom = nodes.atoms.length;
        atomOf.set(key, atom);
        nodes.atoms.push([node.fact, value as boolean | string]);
      }
      if (atom !== undefined) nodes.atomBit[n] = 1 << atom;
    }
    return n;
  };
  return { nodes, rootNodes: conditions.map(compile) };
}

/**
 * Step 2: the flag atoms node `n` needs — when it holds, every bit of `need` is set and, unless `any` is 0, some bit
 * of `any`. A `not` needs nothing (a leaf failing sets no bit).
 */
function necessaryAtoms(nodes: Nodes, n: number): { need: number; any: number } {
  const code = nodes.op[n] as number;
  if (code < ALL) return { need: nodes.atomBit[n] as number, any: 0 };
  if (code === NOT) return { need: 0, any: 0 };
  const children = childrenOf(nodes, n).map((kid) => necessaryAtoms(nodes, kid));
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
}

/**
 * Step 3: the evidence plan of a root made of `all` and `any` over leaves (the usual shape) — the leaves a holding
 * root reports, `~leaf` for a child of an `any` (reported only when it holds); `null` for other shapes.
 */
function evidencePlan(nodes: Nodes, root: number): Int32Array | null {
  const plan: number[] = [];
  const visit = (n: number, underAny: boolean): boolean => {
    const code = nodes.op[n] as number;
    if (code < ALL) return plan.push(underAny ? ~n : n) > 0;
    if (code === NOT || underAny) return false;
    return childrenOf(nodes, n).every((kid) => visit(kid, code === ANY));
  };
  return visit(root, false) ? Int32Array.from(plan) : null;
}

/**
 * Step 4: short-circuit jumps — after leaf `n`, go on to `onTrue[n]` or `onFalse[n]` (another leaf, or `TRUE` /
 * `FALSE`), so a whole root runs as one loop over its leaves. A root runs only when its needed atoms (`known`) hold,
 * so its leaves on those atoms are known to hold and are jumped over. Returns the root's first leaf.
 */
function linkJumps(
  nodes: Nodes,
  onTrue: Int32Array,
  onFalse: Int32Array,
  n: number,
  yes: number,
  no: number,
  known: number,
): number {
  const code = nodes.op[n] as number;
  if (code < ALL && ((nodes.atomBit[n] as number) & known) !== 0) return yes;
  if (code < ALL) {
    onTrue[n] = yes;
    onFalse[n] = no;
    return n;
  }
  const children = childrenOf(nodes, n);
  if (code === NOT) return linkJumps(nodes, onTrue, onFalse, children[0] as number, no, yes, known);
  // the cheapest first: a leaf is one test, a nested condition several (the order cannot change the outcome)
  const order = [
    ...children.filter((kid) => (nodes.op[kid] as number) < ALL),
    ...children.filter((kid) => (nodes.op[kid] as number) >= ALL),
  ];
  let entry = code === ALL ? yes : no;
  for (const kid of order.reverse()) {
    entry =
      code === ALL
        ? linkJumps(nodes, onTrue, onFalse, kid, entry, no, known)
        : linkJumps(nodes, onTrue, onFalse, kid, yes, entry, known);
  }
  return entry;
}

/**
 * Compile validated condition trees into one {@link Program} (条件编译) — no `eval`, no `new Function`, so it runs
 * under a strict Content-Security-Policy. A leaf on an absent optional fact is false (only `exists` looks at absence).
 *
 * @param conditions - conditions already checked by `validateRuleSet`
 * @param facts - the rule set's fact declarations; a fact's slot is its position in them, as the facts reader reads
 * @returns the program, each root and the flag atoms
 */
export function compileProgram(conditions: readonly Condition[], facts: FactSpecs): Program {
  const { nodes, rootNodes } = flatten(conditions, facts);
  const onTrue = new Int32Array(nodes.op.length);
  const onFalse = new Int32Array(nodes.op.length);
  const roots = rootNodes.map((node): CompiledRoot => {
    const { need, any } = necessaryAtoms(nodes, node);
    return {
      node,
      entry: linkJumps(nodes, onTrue, onFalse, node, TRUE, FALSE, need),
      need,
      anyOf: any,
      plan: evidencePlan(nodes, node),
    };
  });
  return {
    program: {
      op: Int32Array.from(nodes.op),
      slot: Int32Array.from(nodes.slot),
      first: Int32Array.from(nodes.first),
      size: Int32Array.from(nodes.size),
      kids: Int32Array.from(nodes.kids),
      lo: Float64Array.from(nodes.lo),
      hi: Float64Array.from(nodes.hi),
      onTrue,
      onFalse,
      ref: nodes.ref,
      fact: nodes.fact,
      opName: nodes.opName,
      expected: nodes.expected,
      dated: nodes.dated,
      truth: nodes.truth,
    },
    roots,
    atoms: nodes.atoms,
  };
}
