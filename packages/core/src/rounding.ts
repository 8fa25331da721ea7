import * as z from "zod";
import { describeValue } from "./describe.js";
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

/**
 * Zod schema of a {@link RoundingMode} (舍入方式), for policies and options that let the user choose one.
 *
 * @example
 * ```ts
 * RoundingModeSchema.parse("half-even"); // → "half-even"
 * RoundingModeSchema.safeParse("nearest").success; // → false
 * ```
 */
export const RoundingModeSchema = /* @__PURE__ */ (() =>
  z.enum(["half-up", "half-even", "down", "up"]).meta({
    expected: { en: '"half-up", "half-even", "down" or "up"', zh: '"half-up"、"half-even"、"down" 或 "up"' },
  }))();

function assertNonNegativeSafeInteger(value: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw fieldError(
      typeof value === "number" ? "OUT_OF_RANGE" : "INVALID_INPUT",
      path,
      `must be a non-negative safe integer, got ${describeValue(value)}`,
      `必须是非负安全整数，实际为 ${describeValue(value, "zh")}`,
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
 * ```ts
 * divideRounded(25, 10); // → 3
 * divideRounded(25, 10, "half-even"); // → 2
 * divideRounded(29, 10, "down"); // → 2
 * divideRounded(21, 10, "up"); // → 3
 * ```
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
  // + 0 turns -0 (from 0 / n) into 0
  return roundQuotient(quotient, remainder, denominator, mode) + 0;
}

/**
 * Round `quotient + remainder / denominator` (with `0 <= remainder < denominator`) by `mode`.
 * The building block of {@link divideRounded} and {@link applyRate}.
 *
 * @example
 * ```ts
 * roundQuotient(7, 5, 10, "half-up"); // → 8
 * roundQuotient(8, 5, 10, "half-even"); // → 8
 * roundQuotient(3, 1, 2, "down"); // → 3
 * ```
 */
export function roundQuotient(quotient: number, remainder: number, denominator: number, mode: RoundingMode): number {
  // cheap checks (this runs once per amount on hot paths): a string "3" would otherwise give "31"
  if (!Number.isSafeInteger(quotient)) {
    throw fieldError(
      typeof quotient === "number" ? "OUT_OF_RANGE" : "INVALID_INPUT",
      "quotient",
      `must be a safe integer, got ${describeValue(quotient)}`,
      `商必须是安全整数，实际为 ${describeValue(quotient, "zh")}`,
    );
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw fieldError(
      typeof denominator === "number" ? "OUT_OF_RANGE" : "INVALID_INPUT",
      "denominator",
      `must be a positive safe integer, got ${describeValue(denominator)}`,
      `除数必须是正的安全整数，实际为 ${describeValue(denominator, "zh")}`,
    );
  }
  if (!Number.isSafeInteger(remainder) || remainder < 0 || remainder >= denominator) {
    throw fieldError(
      typeof remainder === "number" ? "OUT_OF_RANGE" : "INVALID_INPUT",
      "remainder",
      `must be an integer from 0 to denominator - 1, got ${describeValue(remainder)}`,
      `余数必须是 0 到除数减 1 的整数，实际为 ${describeValue(remainder, "zh")}`,
    );
  }
  if (remainder === 0 && mode !== "half-up" && mode !== "half-even" && mode !== "down" && mode !== "up") {
    throw unknownMode(mode);
  }
  if (remainder === 0) return quotient + 0;
  const twice = remainder * 2;
  switch (mode) {
    case "down":
      return quotient + 0;
    case "up":
      return next(quotient);
    case "half-up":
      return twice >= denominator ? next(quotient) : quotient + 0;
    case "half-even":
      if (twice > denominator) return next(quotient);
      if (twice < denominator) return quotient + 0;
      return quotient % 2 === 0 ? quotient + 0 : next(quotient);
    default:
      throw unknownMode(mode);
  }
}

/** `quotient + 1`, unless that leaves the safe integers. */
function next(quotient: number): number {
  const up = quotient + 1;
  if (!Number.isSafeInteger(up)) {
    throw fieldError(
      "OUT_OF_RANGE",
      "quotient",
      `rounding ${quotient} up leaves the safe integers`,
      `${quotient} 进位后超出安全整数范围`,
    );
  }
  return up;
}

function unknownMode(mode: unknown): never {
  throw fieldError(
    "INVALID_INPUT",
    "rounding",
    `unknown rounding mode ${describeValue(mode)} (expected "half-up", "half-even", "down" or "up")`,
    `未知的舍入方式 ${describeValue(mode, "zh")}（应为 "half-up"、"half-even"、"down" 或 "up"）`,
  );
}
