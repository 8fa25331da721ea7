import type { Evidence } from "../condition.js";
import type { Operator } from "../model.js";
import { type Slots, testLeaf } from "./leaf.js";
import { ALL, ANY, type ConditionProgram, NOT, TRUE } from "./program.js";

/*
 * The interpreter of a compiled program: `runs` decides many roots with the short-circuit jumps, `evidenceOf` and
 * `explain` collect a holding root's evidence. Its obviously correct counterpart is `test/reference/evaluate.ts`.
 */

/** Facts as the caller passed them, read by name only to report evidence. */
export type FactRecord = { readonly [name: string]: unknown };

/**
 * Roots to run together (the rules that apply at one level): the first leaf of each (`TRUE` or `FALSE` for a root
 * without leaves) and the flag atoms each needs — all of `need`, and some of `anyOf` unless it is 0.
 */
export interface Roots {
  readonly entries: Int32Array;
  readonly need: Int32Array;
  readonly anyOf: Int32Array;
}

/** Whether node `n` of program `p` holds for the slots (dates as day numbers) on day `at`. */
export function holds(p: ConditionProgram, n: number, s: Slots, at: number): boolean {
  const code = p.op[n] as number;
  if (code < ALL) return testLeaf(p, n, s, at);
  const from = p.first[n] as number;
  const to = from + (p.size[n] as number);
  if (code === NOT) return !holds(p, p.kids[from] as number, s, at);
  const want = code === ANY;
  for (let k = from; k < to; k++) {
    if (holds(p, p.kids[k] as number, s, at) === want) return want;
  }
  return !want;
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
    while (n >= 0) n = testLeaf(p, n, s, at) ? (onTrue[n] as number) : (onFalse[n] as number);
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
 * The evidence of a root that holds (see {@link explain}): by the root's plan — a loop over its leaves — when it has
 * one, otherwise by walking the tree.
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
  if (scratch.length < plan.length) scratch = new Int32Array(plan.length);
  let count = 0;
  for (let k = 0; k < plan.length; k++) {
    const leaf = plan[k] as number;
    if (leaf >= 0 || testLeaf(p, ~leaf, s, at)) scratch[count++] = leaf < 0 ? ~leaf : leaf;
  }
  const out = new Array<Evidence>(count);
  for (let k = 0; k < count; k++) out[k] = leafEvidence(p, scratch[k] as number, f, s, true);
  return out;
}

/**
 * Collect the evidence of node `n`'s `outcome` (which must be the outcome it has): under `all` that held, every
 * child; under `all` that failed, the first failing child; under `any`, the children that held (or, when it failed,
 * every child); under `not`, the child's evidence for the opposite outcome; at a leaf, the leaf with the patient's
 * value.
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
