import { divideRounded } from "@carekit/core";
import { toScaledInteger } from "@carekit/core/internal";

/** Targets per 1000 and shares are read as integers of 10^-4 units (4 decimals). */
const UNIT = 10_000;

/** Exact integer form of a target per 1000 or a share with at most 4 decimals: `4.5` → `45000`. */
export function scaled(value: number, path: string): number {
  return toScaledInteger(value, 4, path);
}

/** `ceil(count × target / 1000)` exactly, the target given by {@link scaled}: 870000 × 4.5 / 1000 = 3915. */
export function requiredPer1000(count: number, targetScaled: number): number {
  return divideRounded(count * targetScaled, 1000 * UNIT, "up");
}

/** `ceil(count × share)` exactly, the share given by {@link scaled}: 7432 × 0.55 = 4087.6 → 4088. */
export function requiredShare(count: number, shareScaled: number): number {
  return divideRounded(count * shareScaled, UNIT, "up");
}

/** Decimals of every capacity ratio's `rounded` value. */
export const RATIO_DECIMALS = 2;

/**
 * A ratio as every capacity result gives it (比率): `value` unrounded (the nearest double of the exact quotient),
 * `rounded` the same quotient rounded half-up (四舍五入) to `decimals` places in exact integer arithmetic, as
 * indicators' `computeIndicator` gives `value` and `rounded`.
 */
export interface Ratio {
  /** The unrounded ratio: `numerator × per ÷ denominator` (per 1000, or in percent). */
  readonly value: number;
  /** `value` rounded half-up to `decimals` places, exactly. */
  readonly rounded: number;
  /** Decimals of `rounded`: 2. */
  readonly decimals: number;
}

/** The {@link Ratio} `numerator × per ÷ denominator`, for a positive denominator. */
export function ratioOf(numerator: number, denominator: number, per: number): Ratio {
  // a product up to 2^53 is exact, so `value` is the correctly rounded quotient; totals may go beyond and use bigints
  const exactProduct = Number.isSafeInteger(numerator * per * 100);
  return {
    value: (numerator * per) / denominator,
    rounded: exactProduct ? ratio2(numerator, denominator, per) : ratio2Big(numerator, denominator, per),
    decimals: RATIO_DECIMALS,
  };
}

/** `numerator × per / denominator` rounded half-up to 2 decimals, exactly (`per` is 1000 or 100). */
export function ratio2(numerator: number, denominator: number, per: number): number {
  return divideRounded(numerator * per * 100, denominator, "half-up") / 100;
}

/** {@link ratio2} for totals, whose numerators may be too large for exact `number` products: bigint arithmetic. */
export function ratio2Big(numerator: number, denominator: number, per: number): number {
  const scaledNumerator = BigInt(numerator) * BigInt(per * 100);
  const d = BigInt(denominator);
  return Number((2n * scaledNumerator + d) / (2n * d)) / 100;
}
