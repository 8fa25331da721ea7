/**
 * A planted bug: a copy of the engine's leaf interpreter (`src/internal/leaf.ts`) with one comparison flipped
 * (`lt` decided as `<=`). `test/mutant.test.ts` swaps it in for the real one and shows the differential check fails.
 */
import type { Slots } from "../../src/internal/leaf.js";
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
} from "../../src/internal/program.js";

export type { Slots };

function includesAny(list: readonly string[] | undefined, wanted: ReadonlySet<string>): boolean {
  if (list !== undefined) for (let k = 0; k < list.length; k++) if (wanted.has(list[k] as string)) return true;
  return false;
}

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
      return (v as number) <= (lo[n] as number); // the planted bug: `<` flipped to `<=`
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
