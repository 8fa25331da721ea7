import * as z from "zod";
import { describeValue } from "./describe.js";
import { fieldError } from "./error.js";
import { readFields } from "./read.js";

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A zod record schema (键值表) that refuses the keys `__proto__`, `constructor` and `prototype` before zod reads the
 * entries — JSON from outside (`JSON.parse('{"__proto__": …}')`) cannot set the prototype of the parsed object — and,
 * optionally, more than `maxKeys` entries. The output is a plain record like `z.record(key, value)`.
 *
 * @param key - the key schema (e.g. `z.string()`)
 * @param value - the value schema
 * @param options - `maxKeys`: the most entries accepted (default: no limit)
 * @example
 * ```ts
 * const Targets = safeRecord(z.string(), z.number());
 * Targets.safeParse({ "500111": 4.5 }).success; // → true
 * Targets.safeParse(JSON.parse('{"__proto__": {"polluted": 1}}')).success; // → false
 * ```
 */
export function safeRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(
  key: K,
  value: V,
  options: { readonly maxKeys?: number } = {},
): z.ZodPipe<z.ZodUnknown, z.ZodRecord<K, V>> {
  for (const [name, schema] of [
    ["key", key],
    ["value", value],
  ] as const) {
    if (!isSchema(schema)) {
      throw fieldError(
        "INVALID_INPUT",
        name,
        `must be a zod schema, got ${describeValue(schema)}`,
        `必须是 zod 模式，实际为 ${describeValue(schema, "zh")}`,
      );
    }
  }
  const { maxKeys: max } = options === undefined ? { maxKeys: undefined } : readFields(options, ["maxKeys"], "options");
  if (max !== undefined && (!Number.isSafeInteger(max) || (max as number) < 0)) {
    throw fieldError(
      "INVALID_INPUT",
      "options.maxKeys",
      `must be a non-negative integer, got ${describeValue(max)}`,
      `必须是非负整数，实际为 ${describeValue(max, "zh")}`,
    );
  }
  const maxKeys = (max as number | undefined) ?? Number.POSITIVE_INFINITY;
  return z
    .unknown()
    .check(
      z.superRefine((input, ctx) => {
        if (typeof input !== "object" || input === null || Array.isArray(input)) return;
        const keys = Object.keys(input);
        for (const name of keys) {
          if (FORBIDDEN.has(name)) {
            ctx.addIssue({
              code: "custom",
              path: [name],
              message: `the key ${JSON.stringify(name)} is not allowed`,
              params: { zh: `不允许使用键 ${JSON.stringify(name)}` },
              input,
            });
          }
        }
        if (keys.length > maxKeys) {
          ctx.addIssue({
            code: "custom",
            message: `at most ${maxKeys} entries, got ${keys.length}`,
            params: { zh: `最多 ${maxKeys} 项，实际 ${keys.length} 项` },
            input,
          });
        }
      }),
    )
    .pipe(z.record(key, value));
}

function isSchema(value: unknown): boolean {
  try {
    return (
      typeof value === "object" &&
      value !== null &&
      typeof (value as { _zod?: { def?: unknown } })._zod?.def === "object"
    );
  } catch {
    return false;
  }
}
