import { type Source, SourceSchema } from "@carekit/core";
import * as z from "zod";

/**
 * Zod schema of {@link NATIONAL_CROSS_PROVINCE_RULES} (国家跨省直接结算规则), so that a caller can check a newer copy.
 *
 * @example
 * ```ts
 * NationalRulesSchema.parse(NATIONAL_CROSS_PROVINCE_RULES).emergencyCountsAsRegistered;
 * // → true
 * ```
 */
export const NationalRulesSchema = /* @__PURE__ */ z.strictObject({
  id: z.string().min(1),
  version: z.string().min(1),
  effectiveFrom: z.iso.date(),
  region: z.literal("000000"),
  source: SourceSchema,
  maxReductionPoints: z.strictObject({
    referred: z.number().int().min(0).max(100),
    emergency: z.number().int().min(0).max(100),
    other_temporary: z.number().int().min(0).max(100),
  }),
  emergencyCountsAsRegistered: z.boolean(),
  catalogueFrom: z.literal("treatment_place"),
  policyFrom: z.literal("insured_place"),
});

/**
 * The national rules of cross-province direct settlement (跨省异地就医直接结算国家规则) that carekit enforces:
 * - 就医地目录、参保地政策、就医地管理 — the treatment place's catalogue (payment scope, 甲/乙/丙 class), the insured
 *   place's deductible, ratios and caps (22号, CONFIRMED-2: read in two independent reproductions of the notice);
 * - temporary patients' ratios may be lower than the local ones, by at most 10 percentage points for referred and
 *   emergency patients and 20 for other temporary patients (22号 第二部分（六）, CONFIRMED-2) — ceilings, not the
 *   local numbers;
 * - emergency patients count as registered (视同已备案: 22号's 经办规程 第8条、第34条, SECONDARY);
 * - long-term residents are settled at the insured place's local standard (22号, CONFIRMED-2).
 *
 * The effective date of 22号 could not be confirmed (published 2022-07-26); `effectiveFrom` is the publication date.
 *
 * @see 国家医保局 财政部《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》(医保发〔2022〕22号)
 * @example
 * ```ts
 * NATIONAL_CROSS_PROVINCE_RULES.maxReductionPoints;
 * // → { referred: 10, emergency: 10, other_temporary: 20 }
 * NATIONAL_CROSS_PROVINCE_RULES.source.number;
 * // → "医保发〔2022〕22号"
 * ```
 */
export const NATIONAL_CROSS_PROVINCE_RULES = {
  id: "cn-cross-province-2022",
  version: "2022-07-26",
  effectiveFrom: "2022-07-26",
  region: "000000",
  source: {
    title: "国家医保局 财政部《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》",
    number: "医保发〔2022〕22号",
    url: "https://www.nhsa.gov.cn/art/2022/7/26/art_104_8629.html",
    note: "Ceilings of 10/20 points and 就医地目录、参保地政策 are CONFIRMED-2 (not read on nhsa.gov.cn); 急诊视同已备案 is SECONDARY (经办规程 第8条); the effective date is UNCONFIRMED, effectiveFrom is the publication date.",
    confidence: "CONFIRMED-2",
  } satisfies Source,
  /** 支付比例降幅上限 (percentage points) per temporary registration type. */
  maxReductionPoints: { referred: 10, emergency: 10, other_temporary: 20 },
  /** 急诊抢救人员视同已备案. */
  emergencyCountsAsRegistered: true,
  /** Whose catalogue and whose policy apply. */
  catalogueFrom: "treatment_place",
  policyFrom: "insured_place",
} as const;
