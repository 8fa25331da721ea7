import {
  BETWEEN,
  type ConditionProgram,
  EQ,
  EXISTS,
  GT,
  GTE,
  IN,
  INCLUDES,
  IS_TRUE,
  LT,
  LTE,
  NE,
  NOT_IN,
  OLDER,
  WITHIN,
} from "./program.js";

/** The slots a facts reader filled: fact values in declaration order, dates as day numbers, absent as `undefined`. */
export type Slots = readonly unknown[];

function includesAny(list: readonly string[] | undefined, wanted: ReadonlySet<string>): boolean {
  if (list !== undefined) for (let k = 0; k < list.length; k++) if (wanted.has(list[k] as string)) return true;
  return false;
}

/**
 * Whether leaf `n` of program `p` holds for the slots on day `at` (a leaf on an absent fact is false, except
 * `exists`). The one place where a leaf is decided; `test/reference/evaluate.ts` decides the same leaf from the rule
 * model directly.
 *
 * @param p - the program
 * @param n - a leaf node
 * @param s - the slots filled by the facts reader
 * @param at - the evaluation day number
 * @returns whether the leaf holds
 */
export function testLeaf(p: ConditionProgram, n: number, s: Slots, at: number): boolean {
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
