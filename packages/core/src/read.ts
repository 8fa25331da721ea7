import { describeValue } from "./describe.js";
import { CarekitError, fieldError } from "./error.js";

/**
 * Read the named fields of an object argument (读取对象参数) without letting a raw exception out: a value that is not
 * an object is an `INVALID_INPUT` error at `path`, and a property whose read throws (a throwing getter, a revoked
 * proxy) is an `UNREADABLE_INPUT` error at that property's path.
 *
 * @param input - the argument
 * @param keys - the fields to read
 * @param path - the argument's own path (`""` for the argument itself)
 * @returns a plain object with exactly those keys (absent fields read as `undefined`)
 * @throws {CarekitError} `INVALID_INPUT` when `input` is not an object; `UNREADABLE_INPUT` when a read throws
 * @example
 * ```ts
 * readFields({ from: "2024-01-01", to: "2024-02-01" }, ["from", "to"]).to; // → "2024-02-01"
 * ```
 */
export function readFields<K extends string>(input: unknown, keys: readonly K[], path = ""): Record<K, unknown> {
  if (!Array.isArray(keys) || typeof path !== "string") {
    throw fieldError(
      "INVALID_INPUT",
      Array.isArray(keys) ? "path" : "keys",
      Array.isArray(keys) ? "must be a string" : "must be an array of field names",
      Array.isArray(keys) ? "必须是字符串" : "必须是字段名数组",
    );
  }
  if (typeof input !== "object" || input === null) {
    throw fieldError(
      "INVALID_INPUT",
      path,
      `must be an object, got ${describeValue(input)}`,
      `必须是对象，实际为 ${describeValue(input, "zh")}`,
    );
  }
  const out = {} as Record<K, unknown>;
  for (const key of keys as readonly unknown[]) {
    if (typeof key !== "string") {
      throw fieldError("INVALID_INPUT", "keys", "must be an array of field names", "必须是字段名数组");
    }
    try {
      out[key as K] = (input as Record<string, unknown>)[key];
    } catch (cause) {
      const at = path === "" ? key : `${path}.${key}`;
      throw new CarekitError({
        code: "UNREADABLE_INPUT",
        message: `${at}: could not be read`,
        messageZh: `${at}: 无法读取`,
        issues: [{ path: at, message: "could not be read", messageZh: "无法读取" }],
        cause,
      });
    }
  }
  return out;
}
