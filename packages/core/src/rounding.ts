import { fieldError } from "./error.js";

/**
 * How a quotient is rounded to an integer (舍入方式).
 * - `half-up` — 四舍五入: halves go up (the default everywhere in carekit);
 * - `half-even` — 银行家舍入: halves go to the even neighbour;
 * - `down` — 舍去: towards zero;
 * - `up` — 进一: away from zero.
 */
export type RoundingMode = "half-up" | "half-even" | "down" | "up";

/** Every {@link RoundingMode}, for schemas and option lists. */
export const ROUNDING_MODES: readonly RoundingMode[] = ["half-up", "half-even", "down", "up"];

function assertNonNegativeSafeInteger(value: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw fieldError(
      "OUT_OF_RANGE",
      path,
      `must be a non-negative safe integer, got ${String(value)}`,
      `必须是非负安全整数，实际为 ${String(value)}`,
    );
  }
}

/**
 * Divide two non-negative integers and round the quotient by `mode`, exactly (整数除法取整) — no float error,
 * whatever the size of the operands as long as both are safe integers.
 *
 * @param numerator - a non-negative safe integer
 * @param denominator - a positive safe integer
 * @param mode - rounding rule, default `half-up`
 * @throws {CarekitError} `OUT_OF_RANGE` when an operand is negative, fractional, unsafe or the denominator is 0
 * @example
 * {@includeCode ../test/rounding.test.ts#example}
 */
export function divideRounded(numerator: number, denominator: number, mode: RoundingMode = "half-up"): number {
  assertNonNegativeSafeInteger(numerator, "numerator");
  assertNonNegativeSafeInteger(denominator, "denominator");
  if (denominator === 0) throw fieldError("OUT_OF_RANGE", "denominator", "must not be 0", "除数不能为 0");
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
  return roundQuotient(quotient, remainder, denominator, mode);
}

/**
 * Round `quotient + remainder / denominator` (with `0 <= remainder < denominator`) by `mode`.
 * The building block of {@link divideRounded} and {@link applyRate}.
 *
 * @example
 * {@includeCode ../test/rounding.test.ts#roundQuotient}
 */
export function roundQuotient(quotient: number, remainder: number, denominator: number, mode: RoundingMode): number {
  if (remainder === 0) return quotient;
  const twice = remainder * 2;
  switch (mode) {
    case "down":
      return quotient;
    case "up":
      return quotient + 1;
    case "half-up":
      return twice >= denominator ? quotient + 1 : quotient;
    case "half-even":
      if (twice > denominator) return quotient + 1;
      if (twice < denominator) return quotient;
      return quotient % 2 === 0 ? quotient : quotient + 1;
    default:
      throw fieldError(
        "INVALID_INPUT",
        "rounding",
        `unknown rounding mode ${String(mode)}`,
        `未知的舍入方式 ${String(mode)}`,
      );
  }
}
