import * as z from "zod";

/**
 * An identifier usable as an object key (标识): 1–64 letters, digits, `.`, `_`, `-`, starting with a letter or digit,
 * and never `constructor` or `prototype` (no prototype pollution through JSON data).
 */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const KeySchema = /* @__PURE__ */ z
  .string()
  .refine((key) => KEY.test(key) && key !== "constructor" && key !== "prototype", {
    error: "must be 1–64 letters, digits, '.', '_' or '-' (not constructor/prototype)",
    params: { zh: "必须是 1–64 位字母、数字、'.'、'_' 或 '-'，且不能是保留字段名" },
  });

/**
 * A record keyed by {@link KeySchema}-like keys that also rejects an own `__proto__` key, which `z.record` would
 * otherwise drop silently (JSON.parse creates it as an ordinary property).
 */
export function safeRecord<K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V) {
  return z.preprocess(
    (input, ctx) => {
      if (typeof input === "object" && input !== null && Object.hasOwn(input, "__proto__")) {
        ctx.issues.push({
          code: "custom",
          input,
          path: ["__proto__"],
          message: "reserved key __proto__",
          params: { zh: "不允许使用保留字段名 __proto__" },
        });
      }
      return input;
    },
    z.record(key, value),
  );
}
