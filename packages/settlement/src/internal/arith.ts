import type { RoundingMode } from "@carekit/core";

// Core's rate arithmetic without its argument checks, for the settler's hot path: every operand here is an amount or
// a rate already validated (claim guard, policy and catalogue schemas). `test/arith.test.ts` proves each helper equals
// its checked counterpart in @carekit/core.

const BP = 10_000;

/**
 * Round `quotient + remainder / denominator` (`0 <= remainder < denominator`) by `mode`: core's `roundQuotient`
 * without its unknown-mode error, for modes already validated by `PolicySchema`.
 */
export function roundUnchecked(quotient: number, remainder: number, denominator: number, mode: RoundingMode): number {
  if (remainder === 0 || mode === "down") return quotient;
  if (mode === "half-up") return remainder * 2 >= denominator ? quotient + 1 : quotient;
  if (mode === "up") return quotient + 1;
  const twice = remainder * 2;
  if (twice !== denominator) return twice > denominator ? quotient + 1 : quotient;
  return quotient % 2 === 0 ? quotient : quotient + 1;
}

/**
 * Core's `applyRate` without its argument checks, for the settler's hot path: `fen` is a validated amount (a safe
 * non-negative integer) and `basisPoints` an integer 0–10000 compiled from a validated rate. A property test proves it
 * equals `applyRate` on every such input.
 */
export function applyRateUnchecked(fen: number, basisPoints: number, rounding: RoundingMode): number {
  // fen = high × 10000 + low keeps every product below 2^53
  const high = Math.floor(fen / BP);
  const low = fen - high * BP;
  const lowProduct = low * basisPoints;
  const lowQuotient = Math.floor(lowProduct / BP);
  return roundUnchecked(high * basisPoints + lowQuotient, lowProduct - lowQuotient * BP, BP, rounding);
}

/**
 * Core's `divideRounded` without its argument checks: `numerator` is a safe non-negative integer and `denominator` a
 * positive one (a property test proves it equals `divideRounded`).
 */
export function divideUnchecked(numerator: number, denominator: number, rounding: RoundingMode): number {
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  // float division of large operands may be one off: correct it with exact integer arithmetic
  while (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  }
  while (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  return roundUnchecked(quotient, remainder, denominator, rounding);
}

/**
 * `numerator / 10000` rounded by `mode`, for a safe non-negative integer numerator — the hot path's
 * `divideUnchecked(numerator, 10000, mode)` with the common cases first, small enough to be inlined.
 */
export function divideByBp(numerator: number, rounding: RoundingMode): number {
  const quotient = Math.floor(numerator / BP);
  const remainder = numerator - quotient * BP;
  // below 2^40 the float quotient is exact, so the remainder is in range; otherwise the general helper corrects it
  if (remainder < 0 || remainder >= BP) return divideUnchecked(numerator, BP, rounding);
  if (remainder === 0 || rounding === "down") return quotient;
  if (rounding === "half-up") return remainder * 2 >= BP ? quotient + 1 : quotient;
  return roundUnchecked(quotient, remainder, BP, rounding);
}

/**
 * `applyRateUnchecked` for the hot path: while `fen × basisPoints` is a safe integer (always, for amounts up to
 * `MAX_AMOUNT_FEN`) it is one exact product and {@link divideByBp}; beyond that the split product of core.
 */
export function applyRateFast(fen: number, basisPoints: number, rounding: RoundingMode): number {
  const product = fen * basisPoints;
  return product <= Number.MAX_SAFE_INTEGER
    ? divideByBp(product, rounding)
    : applyRateUnchecked(fen, basisPoints, rounding);
}
