import type { RoundingMode } from "@carekit/core";
import { divideByBp, divideUnchecked } from "./arith.js";

// The pooled fund (统筹基金) on the hot path: the general fund cascade `runFund` (src/funds.ts) specialised to one
// open segment from 0 at one rate and no threshold. `test/pooled-fund.test.ts` proves the two agree on every input.

const BP = 10_000;

/** What {@link payPooled} writes: the fund's payment, the patient's coinsurance and the cost passed on. */
export interface PooledOutcome {
  paid: number;
  coinsurance: number;
  passOn: number;
}

/**
 * Pay `eligible` fen of in-scope cost above the deductible at `bp` basis points, within `room` fen of cap room (annual
 * cap, or monthly quota, minus what was paid): below the room the fund pays `eligible × bp / 10000` rounded by the
 * policy's mode; when the room binds it pays exactly the room, which uses ⌈room × 10000 / bp⌉ fen of cost, and the
 * rest passes on to the next fund. Operands are validated safe integers with `eligible × bp` below 2^53.
 */
export function payPooled(
  eligible: number,
  bp: number,
  room: number,
  rounding: RoundingMode,
  out: PooledOutcome,
): void {
  const need = eligible * bp;
  if (need <= room * BP) {
    const paid = divideByBp(need, rounding);
    out.paid = Math.min(paid, room);
    out.coinsurance = eligible - out.paid;
    out.passOn = 0;
  } else {
    const part = divideUnchecked(room * BP, bp, "up");
    out.paid = room;
    out.coinsurance = part - room;
    out.passOn = eligible - part;
  }
}
