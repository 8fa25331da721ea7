import { describeValue } from "./describe.js";
import { fieldError } from "./error.js";

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Read a non-negative decimal, given as a string (`"3353.99"`) or a number (`0.85`), as an exact integer count of
 * `10^-scale` units (定点小数): `toScaledInteger("3353.99", 2)` is `335399`. A number is read through its shortest
 * round-trip representation, so `0.85` is exactly 85 hundredths, while a float artefact such as `0.1 + 0.2`
 * (`0.30000000000000004`) has too many decimals and is rejected rather than silently rounded.
 *
 * @param value - a non-negative decimal string or finite number
 * @param scale - the number of decimals allowed (0 to 8)
 * @param path - field path for the error
 * @throws {CarekitError} `INVALID_INPUT` for text that is not a plain decimal, `NaN` or `Infinity`;
 *   `OUT_OF_RANGE` for negatives, more than `scale` decimals or a result beyond `Number.MAX_SAFE_INTEGER`
 * @example
 * ```ts
 * toScaledInteger("3353.99", 2); // → 335399
 * toScaledInteger(0.85, 4); // → 8500
 * toScaledInteger(0.1 + 0.2, 4); // → throws OUT_OF_RANGE
 * ```
 */
export function toScaledInteger(value: number | string, scale: number, path = ""): number {
  if (!Number.isInteger(scale) || scale < 0 || scale > 8) {
    throw fieldError(
      "OUT_OF_RANGE",
      "scale",
      `must be an integer from 0 to 8, got ${describeValue(scale)}`,
      `小数位数必须是 0 到 8 的整数，实际为 ${describeValue(scale, "zh")}`,
    );
  }
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  const shown = describeValue(value);
  const match = DECIMAL.exec(text);
  if (!match) {
    throw fieldError(
      "INVALID_INPUT",
      path,
      `${shown} is not a finite decimal number`,
      `${describeValue(value, "zh")} 不是有限的十进制数`,
    );
  }
  const [, sign, whole = "", fraction = ""] = match;
  const result = Number(`${whole}${fraction.padEnd(scale, "0")}`);
  if (sign || fraction.length > scale || !Number.isSafeInteger(result)) {
    throw fieldError(
      "OUT_OF_RANGE",
      path,
      `${shown} must be non-negative, with at most ${scale} decimals, and exact`,
      `${shown} 必须非负、最多 ${scale} 位小数且可精确表示`,
    );
  }
  return result;
}
