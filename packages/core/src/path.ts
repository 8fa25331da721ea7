import { describeValue } from "./describe.js";
import { fieldError } from "./error.js";

/**
 * Format a property path the way JavaScript code would write it: `["lines", 2, "amount"]` → `lines[2].amount`.
 *
 * @example
 * ```ts
 * formatPath(["lines", 2, "amountFen"]); // → "lines[2].amountFen"
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  if (!Array.isArray(path)) {
    throw fieldError(
      "INVALID_INPUT",
      "path",
      `must be an array of keys, got ${describeValue(path)}`,
      `必须是键的数组，实际为 ${describeValue(path, "zh")}`,
    );
  }
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${describeValue(key)}]`;
    else {
      const name = typeof key === "string" || typeof key === "symbol" ? String(key) : describeValue(key);
      out += out === "" ? name : `.${name}`;
    }
  }
  return out;
}
