import * as z from "zod";
import { toScaledInteger } from "./decimal.js";
import { describeValue } from "./describe.js";
import { fieldError } from "./error.js";
import { assertFen, type Fen } from "./money.js";
import { type RoundingMode, roundQuotient } from "./rounding.js";

/** A rate in integer basis points (基点): 0 to 10000, where 10000 is 100 %. */
export type BasisPoints = number;

/** Basis points in one whole (100 %). */
export const BASIS_POINTS_PER_UNIT = 10_000;

/**
 * Zod schema of a rate given as a decimal fraction in data (`0.85`): within [0, 1], at most 4 decimals.
 *
 * @example
 * ```ts
 * RateSchema.safeParse(0.85).success; // → true
 * RateSchema.safeParse(0.12345).success; // → false
 * ```
 */
export const RateSchema = /* @__PURE__ */ (() =>
  z
    .number()
    .min(0)
    .max(1)
    .refine((rate) => hasAtMostFourDecimals(rate), {
      error: "a rate has at most 4 decimals",
      params: { zh: "比例最多 4 位小数" },
    }))();

function hasAtMostFourDecimals(rate: number): boolean {
  const text = String(rate);
  return !text.includes("e") && (text.split(".")[1]?.length ?? 0) <= 4;
}

/**
 * Convert a rate (比例, e.g. reimbursement ratio 报销比例 `0.85`) to integer basis points: `0.85` → `8500`.
 *
 * @param rate - a decimal fraction within [0, 1] with at most 4 decimals, as a number or string
 * @throws {CarekitError} `OUT_OF_RANGE` outside [0, 1] or with more than 4 decimals; `INVALID_INPUT` for `NaN`, text
 * @example
 * ```ts
 * rateToBasisPoints(0.85); // → 8500
 * rateToBasisPoints("0.0125"); // → 125
 * ```
 */
export function rateToBasisPoints(rate: number | string): BasisPoints {
  const bp = toScaledInteger(rate, 4, "rate");
  if (bp > BASIS_POINTS_PER_UNIT) {
    throw fieldError(
      "OUT_OF_RANGE",
      "rate",
      `must be at most 1, got ${describeValue(rate)}`,
      `比例不能大于 1，实际为 ${describeValue(rate, "zh")}`,
    );
  }
  return bp;
}

/**
 * Apply a rate to an amount of money (按比例计算金额): `fen × basisPoints / 10000`, in exact integer arithmetic,
 * rounded to the fen by `rounding`. The default `half-up` (四舍五入到分) is a common choice of hospital systems, not a
 * published rule: no national document found states the rounding mode, so a policy can choose another.
 *
 * @param fen - the amount in fen
 * @param basisPoints - the rate in basis points, 0 to 10000
 * @param rounding - `half-up` (default), `half-even`, `down` or `up`
 * @returns the rounded share in fen, never more than `fen`
 * @throws {CarekitError} `OUT_OF_RANGE` for invalid money or basis points outside 0 to 10000
 * @see 国家医疗保障局《医疗保障信息平台 定点医药机构接口规范》: amounts are 数值型(16,2) (to the fen) and the pooled
 *   fund's ratio `pool_prop_selfpay` is 数值型(5,4) — four decimals, i.e. whole basis points
 * @example
 * ```ts
 * applyRate(335399, 8500); // → 285089
 * applyRate(5, 5000); // → 3
 * applyRate(5, 5000, "half-even"); // → 2
 * ```
 */
export function applyRate(fen: Fen, basisPoints: BasisPoints, rounding: RoundingMode = "half-up"): Fen {
  assertFen(fen);
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > BASIS_POINTS_PER_UNIT) {
    throw fieldError(
      "OUT_OF_RANGE",
      "basisPoints",
      `must be an integer from 0 to 10000, got ${describeValue(basisPoints)}`,
      `基点必须是 0 到 10000 的整数，实际为 ${describeValue(basisPoints, "zh")}`,
    );
  }
  // + 0 turns -0 into 0 (a -0 rate or amount would otherwise give a -0 share)
  fen += 0;
  basisPoints += 0;
  // fen = high × 10000 + low keeps every product below 2^53
  const high = Math.floor(fen / BASIS_POINTS_PER_UNIT);
  const low = fen - high * BASIS_POINTS_PER_UNIT;
  const lowProduct = low * basisPoints;
  const lowQuotient = Math.floor(lowProduct / BASIS_POINTS_PER_UNIT);
  const remainder = lowProduct - lowQuotient * BASIS_POINTS_PER_UNIT;
  return roundQuotient(high * basisPoints + lowQuotient, remainder, BASIS_POINTS_PER_UNIT, rounding);
}
