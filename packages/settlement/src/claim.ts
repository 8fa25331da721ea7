import { IsoDateSchema } from "@carekit/core";
import * as z from "zod";
import { AmountSchema, MAX_AMOUNT_FEN, MAX_LINES } from "./limits.js";
import { HOSPITAL_GRADES, LONG_TERM_SUBTYPES, PERSON_STATUSES, SCHEMES } from "./policy.js";
import { KeySchema } from "./source.js";

/** An id: 1–64 characters, not all of them white space (an identifier must say something; FHIR refuses a blank one). */
const IdSchema = /* @__PURE__ */ z
  .string()
  .min(1)
  .max(64)
  .refine((id) => id.trim() !== "", { error: "must not be blank", params: { zh: "不能为空白" } });
const RegionFormatSchema = /* @__PURE__ */ z.string().refine((code) => /^\d{6}$/.test(code), {
  error: "must be a six-digit region code",
  params: { zh: "必须是六位行政区划代码" },
});

const LineSchema = /* @__PURE__ */ z.strictObject({
  itemCode: KeySchema,
  amountFen: AmountSchema,
  quantity: z.number().int().min(1).max(1_000_000).optional(),
});

const ChargesSchema = /* @__PURE__ */ z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("lines"),
    lines: z.array(LineSchema).min(1).max(MAX_LINES),
    declaredLineCount: z.number().int().min(1).max(MAX_LINES).optional(),
  }),
  z.strictObject({
    kind: z.literal("totals"),
    classAFen: AmountSchema,
    classBFen: AmountSchema,
    classCFen: AmountSchema,
    overPriceCapFen: AmountSchema.optional(),
  }),
]);

/**
 * Zod schema of a claim (结算单据): who (`personId`, insured region 参保地, scheme, person status), where (treatment
 * region 就医地, hospital grade), what (care type; an outpatient-chronic claim names its disease code), when
 * (admission and discharge dates — equal for an outpatient visit), the registration (备案: long-term residence with
 * an optional sub-type, referred, emergency, other temporary, or unregistered), and the charges: either itemised
 * lines (item code, amount in fen, optional integer quantity, optional `declaredLineCount`) classified against the
 * catalogue, or pre-classified totals (class A, B and C, and `overPriceCapFen` when anything was over a price cap).
 * An optional `declaredTotalFen` (医疗费总额 as the hospital billed it) is reconciled by `settle`: the charges must
 * add up to it exactly, or the claim is rejected with `TOTAL_MISMATCH`. Unknown keys are rejected; the charges may
 * total at most ¥1,000,000,000.
 *
 * @see 《基本医疗保险跨省异地就医直接结算经办规程》, attached to 国家医保局 财政部《关于进一步做好基本医疗保险跨省异地就医
 *   直接结算工作的通知》(医保发〔2022〕22号, 2022-07-26): the six 备案 sub-types of long-term residents and temporary
 *   patients
 * @example
 * ```ts
 * const claim = {
 *   id: "c-1", personId: "p-1", insuredRegion: "510104", treatmentRegion: "500111", scheme: "employee",
 *   personStatus: "in_service", hospitalGrade: "level3", careType: { kind: "inpatient" },
 *   admissionDate: "2024-12-22", dischargeDate: "2024-12-31", registration: { kind: "long_term_resident" },
 *   charges: { kind: "totals", classAFen: 250_000, classBFen: 60_000, classCFen: 15_399, overPriceCapFen: 10_000 },
 * };
 * ClaimSchema.safeParse(claim).success;
 * // → true
 * ClaimSchema.safeParse({ ...claim, dischargeDate: "2024-12-01" }).success;
 * // → false
 * ClaimSchema.safeParse({ ...claim, remark: "x" }).success;
 * // → false
 * ```
 */
export const ClaimSchema = /* @__PURE__ */ z
  .strictObject({
    id: IdSchema,
    personId: IdSchema,
    insuredRegion: RegionFormatSchema,
    treatmentRegion: RegionFormatSchema,
    scheme: z.enum(SCHEMES),
    personStatus: z.enum(PERSON_STATUSES),
    hospitalGrade: z.enum(HOSPITAL_GRADES),
    careType: z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("inpatient") }),
      z.strictObject({ kind: z.literal("outpatient_chronic"), disease: KeySchema }),
      z.strictObject({ kind: z.literal("outpatient_general") }),
    ]),
    admissionDate: IsoDateSchema,
    dischargeDate: IsoDateSchema,
    registration: z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("long_term_resident"), subType: z.enum(LONG_TERM_SUBTYPES).optional() }),
      z.strictObject({ kind: z.literal("referred") }),
      z.strictObject({ kind: z.literal("emergency") }),
      z.strictObject({ kind: z.literal("other_temporary") }),
      z.strictObject({ kind: z.literal("unregistered") }),
    ]),
    charges: ChargesSchema,
    declaredTotalFen: AmountSchema.optional(),
  })
  .superRefine((claim, ctx) => {
    if (claim.dischargeDate < claim.admissionDate) {
      ctx.addIssue({
        code: "custom",
        path: ["dischargeDate"],
        message: "dischargeDate is before admissionDate",
        params: { zh: "出院日期早于入院日期" },
      });
    }
    if (chargesTotal(claim.charges) > MAX_AMOUNT_FEN) {
      ctx.addIssue({
        code: "custom",
        path: ["charges"],
        message: `charges total more than ${MAX_AMOUNT_FEN} fen`,
        params: { zh: `费用合计超过 ${MAX_AMOUNT_FEN} 分` },
      });
    }
  });

/** A claim (结算单据); see {@link ClaimSchema}. */
export type Claim = z.infer<typeof ClaimSchema>;

/** The charges of a {@link Claim}: itemised lines or pre-classified totals. */
export type Charges = Claim["charges"];

/** Sum of the amounts of a claim's charges (医疗费总额), in fen. */
export function chargesTotal(charges: Charges): number {
  if (charges.kind === "totals") {
    return charges.classAFen + charges.classBFen + charges.classCFen + (charges.overPriceCapFen ?? 0);
  }
  let total = 0;
  for (const line of charges.lines) total += line.amountFen;
  return total;
}
