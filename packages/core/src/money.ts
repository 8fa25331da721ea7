import * as z from "zod";
import { toScaledInteger } from "./decimal.js";
import { describeValue } from "./describe.js";
import { fieldError } from "./error.js";

/** An amount of money in integer fen (分): a non-negative safe integer. ¥1.00 is `100`. */
export type Fen = number;

/**
 * Zod schema of a {@link Fen} amount: a non-negative safe integer.
 *
 * @example
 * ```ts
 * FenSchema.safeParse(335399).success; // → true
 * FenSchema.safeParse(3353.99).success; // → false
 * FenSchema.safeParse(-1).success; // → false
 * ```
 */
export const FenSchema = /* @__PURE__ */ (() =>
  z
    .number()
    .int({ error: "must be an integer number of fen" })
    .nonnegative({ error: "money must not be negative" })
    .max(Number.MAX_SAFE_INTEGER))();

/**
 * Throw unless `fen` is a valid amount of money in fen (金额校验).
 *
 * @throws {CarekitError} `OUT_OF_RANGE` for negative, fractional, non-finite or unsafe values
 * @example
 * ```ts
 * assertFen(100); // → undefined
 * assertFen(1.5, "amountFen"); // → throws OUT_OF_RANGE
 * ```
 */
export function assertFen(fen: unknown, path = "fen"): asserts fen is Fen {
  if (typeof fen !== "number" || !Number.isSafeInteger(fen) || fen < 0) {
    throw fieldError(
      typeof fen === "number" ? "OUT_OF_RANGE" : "INVALID_INPUT",
      path,
      `must be a non-negative safe integer number of fen, got ${describeValue(fen)}`,
      `金额必须是以分为单位的非负安全整数，实际为 ${describeValue(fen, "zh")}`,
    );
  }
}

/**
 * Convert yuan (元) to integer fen (分), exactly: `"3353.99"` → `335399`.
 * Strings are read digit by digit; numbers through their shortest representation, so float artefacts such as
 * `0.1 + 0.2` are rejected instead of rounded.
 *
 * @param value - yuan as a decimal string (`"3353.99"`) or number, at most 2 decimals, not negative
 * @param path - the field path an error names (default `yuan`), e.g. the CSV column the amount came from
 * @returns the amount in fen
 * @throws {CarekitError} `INVALID_INPUT` for `"abc"`, `NaN`, `Infinity`; `OUT_OF_RANGE` for negatives,
 *   more than 2 decimals or amounts beyond `Number.MAX_SAFE_INTEGER` fen
 * @see 国家医疗保障局《医疗保障信息平台 定点医药机构接口规范》: settlement amounts (e.g. `medfee_sumamt` 医疗费总额)
 *   are 数值型(16,2) — yuan with two decimals, i.e. whole fen
 * @example
 * ```ts
 * yuanToFen("3353.99"); // → 335399
 * yuanToFen(12.5); // → 1250
 * yuanToFen(0.1 + 0.2); // → throws OUT_OF_RANGE
 * ```
 */
export function yuanToFen(value: string | number, path = "yuan"): Fen {
  return toScaledInteger(value, 2, path);
}

/**
 * Convert integer fen (分) to a yuan string with two decimals: `335399` → `"3353.99"`.
 *
 * @throws {CarekitError} `OUT_OF_RANGE` when `fen` is not a non-negative safe integer
 * @example
 * ```ts
 * fenToYuan(335399); // → "3353.99"
 * fenToYuan(5); // → "0.05"
 * ```
 */
export function fenToYuan(fen: Fen): string {
  assertFen(fen);
  const yuan = Math.floor(fen / 100);
  const cents = fen - yuan * 100;
  return `${yuan}.${cents < 10 ? "0" : ""}${cents}`;
}

/**
 * Format integer fen for people (金额显示): `335399` → `"¥3,353.99"`.
 *
 * @throws {CarekitError} `OUT_OF_RANGE` when `fen` is not a non-negative safe integer
 * @example
 * ```ts
 * formatFen(335399); // → "¥3,353.99"
 * ```
 */
export function formatFen(fen: Fen): string {
  const [whole = "0", cents = "00"] = fenToYuan(fen).split(".");
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}
