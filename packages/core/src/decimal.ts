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
 * {@includeCode ../test/decimal.test.ts#example}
 */
export function toScaledInteger(value: number | string, scale: number, path = ""): number {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  const shown = JSON.stringify(value) ?? String(value);
  const match = DECIMAL.exec(text);
  if (!match) {
    throw fieldError("INVALID_INPUT", path, `${shown} is not a finite decimal number`, `${shown} 不是有限的十进制数`);
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
