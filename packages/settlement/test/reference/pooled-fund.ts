import type { RoundingMode } from "@carekit/core";
import { type FundOutcome, runFund } from "../../src/funds.js";

// The reference of src/internal/pooled-fund.ts: the general fund cascade `runFund` with the pooled fund's shape — no
// threshold, one open segment from 0 at one rate, nothing accumulated before (the room already has the payments
// before this claim taken off).

export function referencePayPooled(
  eligible: number,
  bp: number,
  room: number,
  rounding: RoundingMode,
): { paid: number; coinsurance: number; passOn: number } {
  const out: FundOutcome = { paid: 0, covered: 0, below: 0, passOn: 0 };
  runFund(eligible, 0, 0, [Number.POSITIVE_INFINITY], [bp], room, rounding, out);
  return { paid: out.paid, coinsurance: out.covered - out.paid + out.below, passOn: out.passOn };
}
