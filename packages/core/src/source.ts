import * as z from "zod";

/**
 * How far a figure in a data module is confirmed (来源可信度):
 * `CONFIRMED` (read in the official text) and `CONFIRMED-2` (two independent sources) ship as defaults;
 * `SECONDARY` (one secondary source) as an overridable default that says so; `LOW-CRED` only as a labelled example;
 * `UNCONFIRMED` only as a parameter, never as a number.
 *
 * @example
 * ```ts
 * ConfidenceSchema.safeParse("CONFIRMED").success; // → true
 * ConfidenceSchema.safeParse("confirmed").success; // → false
 * ```
 */
export const ConfidenceSchema = /* @__PURE__ */ (() =>
  z.enum(["CONFIRMED", "CONFIRMED-2", "SECONDARY", "LOW-CRED", "UNCONFIRMED"]))();

/** A {@link ConfidenceSchema} value. */
export type Confidence = z.output<typeof ConfidenceSchema>;

/**
 * Where a data module's figures come from (出处): the document's title and number (文号), a public URL where there is
 * one, a note on how it was read, and the {@link Confidence} of that reading. Every standard, rule set, plan,
 * catalogue and policy in carekit carries one.
 *
 * @example
 * ```ts
 * SourceSchema.safeParse({
 *   title: "重庆市大足区人民政府办公室关于印发重庆市大足区“一老一小”整体解决方案的通知",
 *   number: "大足府办发〔2023〕37号",
 *   confidence: "CONFIRMED",
 * }).success; // → true
 * ```
 */
export const SourceSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    title: z.string().min(1).max(300),
    /** Document number, e.g. `大足府办发〔2023〕37号`; `null` or absent when the document has none or it is unknown. */
    number: z.string().min(1).max(100).nullable().optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    note: z.string().min(1).max(2000).optional(),
    confidence: ConfidenceSchema,
  }))();

/** A {@link SourceSchema} value. */
export type Source = z.output<typeof SourceSchema>;

/**
 * A bilingual label (中英文标签): Chinese first, because the policy terms are Chinese.
 *
 * @example
 * ```ts
 * LabelSchema.parse({ zh: "所需托位", en: "required slots" }).zh; // → "所需托位"
 * ```
 */
export const LabelSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    zh: z.string().min(1).max(500),
    en: z.string().min(1).max(500),
  }))();

/** A {@link LabelSchema} value. */
export type Label = z.output<typeof LabelSchema>;
