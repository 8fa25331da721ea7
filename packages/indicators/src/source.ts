import * as z from "zod";

/**
 * How far a figure or a definition can be trusted (可信度), as labelled in carekit's policy-facts report:
 * `CONFIRMED` (read on an official page), `CONFIRMED-2` (two independent secondary sources), `SECONDARY` (one
 * secondary source: an overridable default that says so), `LOW-CRED` (example only), `UNCONFIRMED` (never a default).
 */
export type Confidence = "CONFIRMED" | "CONFIRMED-2" | "SECONDARY" | "LOW-CRED" | "UNCONFIRMED";

/**
 * Zod schema of a citation (来源): document `title`, its `number` (文号) when it has one, a public `url`, a `note`
 * and the {@link Confidence} label.
 *
 * @example
 * {@includeCode ../test/catalogue.test.ts#source}
 */
export const SourceSchema = /* @__PURE__ */ z.strictObject({
  title: z.string().min(1).max(300),
  number: z.string().min(1).max(100).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  note: z.string().min(1).max(1000).optional(),
  confidence: z.enum(["CONFIRMED", "CONFIRMED-2", "SECONDARY", "LOW-CRED", "UNCONFIRMED"]),
});

/** A citation, see {@link SourceSchema}. */
export type Source = z.output<typeof SourceSchema>;

/** Zod schema of a bilingual text `{ zh, en }` (中英文文本). */
export const TextSchema = /* @__PURE__ */ z.strictObject({
  zh: z.string().min(1).max(500),
  en: z.string().min(1).max(500),
});

/** A bilingual text, see {@link TextSchema}. */
export type Text = z.output<typeof TextSchema>;

/** Zod schema of a data module's region: a six-digit GB/T 2260 code (`500111` 大足区) or `CN` for national. */
export const DataRegionSchema = /* @__PURE__ */ z.string().refine((code) => /^(\d{6}|CN)$/.test(code), {
  error: "must be a six-digit GB/T 2260 code or CN",
  params: { zh: "必须是六位行政区划代码或 CN" },
});

/** Freeze an object and everything inside it, so that a definition or plan cannot change after validation. */
export function freezeDeep<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) freezeDeep(inner);
  }
  return value;
}
