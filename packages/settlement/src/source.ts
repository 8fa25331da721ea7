import * as z from "zod";

/**
 * How far a number or rule can be trusted (来源可信度), in the labels of the carekit policy-facts report:
 * `CONFIRMED` (read on an official page), `CONFIRMED-2` (two independent secondary sources), `SECONDARY` (one
 * secondary source: an overridable default that says so), `LOW-CRED` (example or fixture only), `UNCONFIRMED` (never
 * a shipped number, only a parameter).
 *
 * @example
 * {@includeCode ../test/claim.test.ts#enums}
 */
export const ConfidenceSchema = /* @__PURE__ */ z.enum([
  "CONFIRMED",
  "CONFIRMED-2",
  "SECONDARY",
  "LOW-CRED",
  "UNCONFIRMED",
]);

/** Confidence label of a data module's source. */
export type Confidence = z.infer<typeof ConfidenceSchema>;

/**
 * Zod schema of the citation every data module carries (来源): the document's `title`, its `number` (文号), an
 * optional public `url`, a `note` on what is and is not confirmed, and a {@link Confidence} label.
 *
 * @example
 * {@includeCode ../test/data.test.ts#source}
 */
export const SourceSchema = /* @__PURE__ */ z.strictObject({
  title: z.string().min(1).max(300),
  number: z.string().max(100),
  url: z.url().optional(),
  note: z.string().max(2000).optional(),
  confidence: ConfidenceSchema,
});

/** The citation of a policy, catalogue or parameter table; see {@link SourceSchema}. */
export type Source = z.infer<typeof SourceSchema>;

/** A bilingual label (中英文标签) used in traces and fund names. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/**
 * Zod schema of a {@link Label}.
 *
 * @example
 * {@includeCode ../test/data.test.ts#source}
 */
export const LabelSchema = /* @__PURE__ */ z.strictObject({
  zh: z.string().min(1).max(200),
  en: z.string().min(1).max(200),
});

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * An identifier usable as an object key (标识): 1–64 letters, digits, `.`, `_`, `-`, starting with a letter or digit,
 * and never `constructor` or `prototype` (no prototype pollution through JSON data).
 */
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
