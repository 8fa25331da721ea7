import type { RoundingMode } from "@carekit/core";
import type { CompiledAdjustment } from "./compile.js";
import { applyRateFast, divideByBp, divideUnchecked } from "./internal/arith.js";

const BP = 10_000;

/** What {@link runFund} writes: the fund's payment, the cost it covered, the part below its threshold, the rest. */
export interface FundOutcome {
  paid: number;
  covered: number;
  below: number;
  passOn: number;
}

/**
 * Run one fund (基金分段支付) over `base` fen of in-scope cost: the part below the fund's annual threshold stays with
 * the patient, each slice above it is paid at its segment's rate until the cap room is used up — then the fund pays
 * exactly the room, and the cost beyond the ⌈room / rate⌉ fen that used it up (or beyond the last segment) passes on
 * to the next fund. Exact integer arithmetic: the numerator is `fen × bp`, rounded once by the policy's mode.
 * The threshold, segments, rates and cap are the insured place's (参保地政策), as 医保发〔2022〕22号 assigns the
 * fund payment to the insured place's policy.
 */
export function runFund(
  base: number,
  accumulatedBase: number,
  thresholdFen: number,
  upTo: readonly number[],
  bps: readonly number[],
  capRoom: number,
  rounding: RoundingMode,
  out: FundOutcome,
): void {
  let start = accumulatedBase;
  const end = accumulatedBase + base;
  let below = 0;
  if (start < thresholdFen) {
    below = Math.min(end, thresholdFen) - start;
    start += below;
  }
  let covered = 0;
  let numerator = 0;
  let room = capRoom * BP;
  let passOn = 0;
  let capped = false;
  for (let i = 0; i < upTo.length && start < end; i++) {
    const segmentEnd = upTo[i] as number;
    if (start >= segmentEnd) continue;
    const slice = Math.min(end, segmentEnd) - start;
    start += slice;
    if (capped) {
      passOn += slice;
      continue;
    }
    const bp = bps[i] as number;
    const need = slice * bp;
    if (need <= room) {
      numerator += need;
      room -= need;
      covered += slice;
    } else {
      // the cap binds inside this slice: the fund pays exactly its cap room, which takes ⌈room / bp⌉ fen of cost
      const part = divideUnchecked(room, bp, "up");
      covered += part;
      passOn += slice - part;
      capped = true;
    }
  }
  passOn += end - start;
  if (capped) out.paid = capRoom;
  else {
    const paid = divideByBp(numerator, rounding);
    out.paid = Math.min(paid, capRoom);
  }
  out.covered = covered;
  out.below = below;
  out.passOn = passOn;
}

/**
 * The pooled fund's rate after a temporary patient's registration adjustment (临时外出就医人员待遇调整), in basis
 * points: lowered by points, multiplied by a factor (rounded by the policy's mode), or unchanged.
 */
export function adjustRate(bp: number, adjustment: CompiledAdjustment, rounding: RoundingMode): number {
  switch (adjustment.kind) {
    case "ratio_minus_points":
      return bp > adjustment.offBp ? bp - adjustment.offBp : 0;
    case "ratio_times":
      return applyRateFast(bp, adjustment.factorBp, rounding);
    default:
      return bp;
  }
}
