import {
  IsoDateSchema,
  LabelSchema,
  RateSchema,
  ROUNDING_MODES,
  type RoundingMode,
  rateToBasisPoints,
  SourceSchema,
} from "@carekit/core";
import { RegionCodeSchema } from "@carekit/core/regions";
import * as z from "zod";
import { NATIONAL_CROSS_PROVINCE_RULES } from "./data/national.js";
import { AmountSchema } from "./limits.js";
import { KeySchema } from "./source.js";

/**
 * Facility levels (医疗机构级别): 基层 (primary care), 一级, 二级, 三级.
 *
 * @example
 * ```ts
 * HOSPITAL_GRADES;
 * // → ["primary", "level1", "level2", "level3"]
 * ```
 */
export const HOSPITAL_GRADES = ["primary", "level1", "level2", "level3"] as const;
/** A facility level; see {@link HOSPITAL_GRADES}. */
export type HospitalGrade = (typeof HOSPITAL_GRADES)[number];

/**
 * Sub-types of long-term residence elsewhere (异地长期居住人员): 异地安置退休, 异地长期居住, 常驻异地工作.
 *
 * @example
 * ```ts
 * LONG_TERM_SUBTYPES;
 * // → ["retired_resettled", "long_term_residence", "posted_worker"]
 * ```
 */
export const LONG_TERM_SUBTYPES = ["retired_resettled", "long_term_residence", "posted_worker"] as const;

/**
 * Person statuses (人员类别): 在职 (in service) or 退休 (retired).
 *
 * @example
 * ```ts
 * PERSON_STATUSES;
 * // → ["in_service", "retired"]
 * ```
 */
export const PERSON_STATUSES = ["in_service", "retired"] as const;
/** A person status; see {@link PERSON_STATUSES}. */
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/**
 * Schemes (险种): 职工医保 (employee) or 城乡居民医保 (resident).
 *
 * @example
 * ```ts
 * SCHEMES;
 * // → ["employee", "resident"]
 * ```
 */
export const SCHEMES = ["employee", "resident"] as const;
/** A scheme; see {@link SCHEMES}. */
export type Scheme = (typeof SCHEMES)[number];

/**
 * Care types (就医类型): 住院, 门诊慢特病, 普通门诊.
 *
 * @example
 * ```ts
 * CARE_TYPES;
 * // → ["inpatient", "outpatient_chronic", "outpatient_general"]
 * ```
 */
export const CARE_TYPES = ["inpatient", "outpatient_chronic", "outpatient_general"] as const;
/** A care type; see {@link CARE_TYPES}. */
export type CareType = (typeof CARE_TYPES)[number];

/**
 * Temporary registration types (临时外出就医人员) that the national rules cap: 转诊, 急诊抢救, 其他临时外出.
 *
 * @example
 * ```ts
 * TEMPORARY_REGISTRATIONS;
 * // → ["referred", "emergency", "other_temporary"]
 * ```
 */
export const TEMPORARY_REGISTRATIONS = ["referred", "emergency", "other_temporary"] as const;
/** A temporary registration type; see {@link TEMPORARY_REGISTRATIONS}. */
export type TemporaryRegistration = (typeof TEMPORARY_REGISTRATIONS)[number];

const PointsSchema = /* @__PURE__ */ z.number().int().min(0).max(100);

/**
 * Zod schema of the cross-province adjustment for a temporary patient (临时外出就医人员待遇调整), a tagged union
 * because the three formulas give different results (22号 sets only the ceilings; each 统筹区 picks its own formula):
 * - `none` — the local ratio;
 * - `ratio_minus_points` — the ratio lowered by `points` percentage points (e.g. 商洛: −10 / −15);
 * - `ratio_times` — the ratio multiplied by `factor` (e.g. 苏州: "按原规定结付比例的80%");
 * - `preSelfPay` — the patient first pays `rate` of the in-scope amount (先行自付, e.g. 江西 10% / 20%), then the
 *   normal rules apply.
 *
 * @example
 * ```ts
 * AdjustmentSchema.parse({ kind: "ratio_minus_points", points: 20 });
 * // → { kind: "ratio_minus_points", points: 20 }
 * AdjustmentSchema.parse({ kind: "ratio_times", factor: 0.8 }).kind;
 * // → "ratio_times"
 * AdjustmentSchema.safeParse({ kind: "ratio_minus_points", points: 20.5 }).success;
 * // → false
 * ```
 */
export const AdjustmentSchema = /* @__PURE__ */ z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("ratio_minus_points"), points: PointsSchema }),
  z.strictObject({ kind: z.literal("ratio_times"), factor: RateSchema }),
  z.strictObject({ kind: z.literal("pre_self_pay"), rate: RateSchema }),
]);

/** A cross-province adjustment; see {@link AdjustmentSchema}. */
export type Adjustment = z.infer<typeof AdjustmentSchema>;

const BenefitSchema = /* @__PURE__ */ z.strictObject({ deductibleFen: AmountSchema, rate: RateSchema });

const InpatientRowSchema = /* @__PURE__ */ z.strictObject({ first: BenefitSchema, later: BenefitSchema });

function levelTable<T extends z.ZodType>(row: T) {
  return z.strictObject({ primary: row, level1: row, level2: row, level3: row });
}

function statusTable<T extends z.ZodType>(row: T) {
  return z.strictObject({ in_service: levelTable(row), retired: levelTable(row) });
}

const ChronicDiseaseSchema = /* @__PURE__ */ z.strictObject({
  code: KeySchema,
  label: LabelSchema,
  rate: RateSchema,
  annualDeductibleFen: AmountSchema,
  monthlyQuotaFen: AmountSchema.optional(),
});

const SegmentSchema = /* @__PURE__ */ z.strictObject({ upToFen: AmountSchema.nullable(), rate: RateSchema });

/**
 * Zod schema of a further fund (大额医疗补助 / 大病保险 / 医疗救助 …) paid after the pooled fund, in order. It takes the
 * in-scope cost the funds before it left uncovered because their annual caps were reached, adds it to its own annual
 * base, and pays each slice of that base above `thresholdFen` at the rate of its segment (分段), up to its
 * `annualCapFen`. Segments are ascending; only the last may be open (`upToFen: null`).
 *
 * @example
 * ```ts
 * const fund = FurtherFundSchema.parse({
 *   id: "large_expense", kind: "large_expense", label: { zh: "职工大额医疗费用补助", en: "large-expense supplement" },
 *   careTypes: ["inpatient"], thresholdFen: 0, segments: [{ upToFen: null, rate: 0.9 }], annualCapFen: 30_000_000,
 * });
 * fund.segments;
 * // → [{ upToFen: null, rate: 0.9 }]
 * ```
 */
export const FurtherFundSchema = /* @__PURE__ */ z
  .strictObject({
    id: KeySchema,
    kind: z.enum(["large_expense", "critical_illness", "medical_assistance", "other"]),
    label: LabelSchema,
    careTypes: z.array(z.enum(CARE_TYPES)).min(1).max(3),
    thresholdFen: AmountSchema,
    segments: z.array(SegmentSchema).min(1).max(10),
    annualCapFen: AmountSchema,
  })
  .superRefine((fund, ctx) => {
    let floor = fund.thresholdFen;
    fund.segments.forEach((segment, index) => {
      const last = index === fund.segments.length - 1;
      if (segment.upToFen === null ? !last : segment.upToFen <= floor) {
        ctx.addIssue({
          code: "custom",
          path: ["segments", index, "upToFen"],
          message: "segments must rise above the threshold and each other; only the last may be open (null)",
          params: { zh: "分段上限必须高于起付线并逐段递增，只有最后一段可以不设上限（null）" },
        });
      }
      floor = segment.upToFen ?? floor;
    });
  });

/** A further fund; see {@link FurtherFundSchema}. */
export type FurtherFund = z.infer<typeof FurtherFundSchema>;

const SchemeRulesSchema = /* @__PURE__ */ z.strictObject({
  pooledAnnualCapFen: AmountSchema,
  inpatient: statusTable(InpatientRowSchema),
  outpatient_general: z.strictObject({ annualCapFen: AmountSchema, table: statusTable(BenefitSchema) }).optional(),
  outpatient_chronic: z.strictObject({ diseases: z.array(ChronicDiseaseSchema).min(1).max(100) }).optional(),
  furtherFunds: z.array(FurtherFundSchema).max(10),
});

/** The rules of one scheme in a {@link Policy}. */
export type SchemeRules = z.infer<typeof SchemeRulesSchema>;

/**
 * Zod schema of an insured-place policy (参保地政策): for each scheme, person status, facility level and admission
 * sequence (first or later stay in the year) the deductible (起付标准) and reimbursement rate (支付比例); the pooled
 * fund's annual cap (统筹基金最高支付限额); further funds in order; outpatient rules; the cross-province adjustments
 * for temporary patients; who sets the class-B pre-self-pay rate (乙类先行自付比例); what to do with an item that is
 * not in the catalogue; and the rounding mode (default 四舍五入, `half-up`).
 *
 * The national ceilings of 医保发〔2022〕22号 are enforced: the ratio of a referred or emergency patient falls by at
 * most 10 points, of another temporary patient by at most 20 (a `ratio_times` or `preSelfPay` adjustment is checked
 * against every rate of the policy).
 *
 * @see 国家医保局 财政部《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》(医保发〔2022〕22号)
 * @example
 * ```ts
 * import { chengduEmployeeExample } from "@carekit/settlement/examples";
 *
 * const policy = PolicySchema.parse(chengduEmployeeExample({ pooledAnnualCapFen: 30_000_000 }));
 * policy.schemes.employee?.inpatient.in_service.level3.first;
 * // → { deductibleFen: 80_000, rate: 0.85 }
 * // the national ceiling: another temporary patient loses at most 20 points, and 85 % × 30 % is 25.5
 * const other_temporary = { kind: "pre_self_pay", rate: 0.3 };
 * PolicySchema.safeParse({ ...policy, crossProvince: { ...policy.crossProvince, other_temporary } }).success;
 * // → false
 * ```
 */
export const PolicySchema = /* @__PURE__ */ z
  .strictObject({
    id: KeySchema,
    version: z.string().min(1).max(40),
    effectiveFrom: IsoDateSchema,
    effectiveTo: IsoDateSchema.optional(),
    region: RegionCodeSchema,
    source: SourceSchema,
    rounding: z.enum(ROUNDING_MODES as readonly [RoundingMode, ...RoundingMode[]]).default("half-up"),
    preSelfPay: z.discriminatedUnion("owner", [
      z.strictObject({ owner: z.literal("treatment_place") }),
      z.strictObject({ owner: z.literal("insured_place"), classBRate: RateSchema }),
    ]),
    unknownItem: z.enum(["reject", "full_self_pay"]),
    crossProvince: z.strictObject({
      referred: AdjustmentSchema,
      emergency: AdjustmentSchema,
      other_temporary: AdjustmentSchema,
      unregistered: z.union([AdjustmentSchema, z.strictObject({ kind: z.literal("not_settleable") })]),
    }),
    schemes: z
      .strictObject({ employee: SchemeRulesSchema.optional(), resident: SchemeRulesSchema.optional() })
      .refine((schemes) => schemes.employee !== undefined || schemes.resident !== undefined, {
        error: "at least one scheme is required",
        params: { zh: "至少需要一个险种" },
      }),
  })
  .superRefine((policy, ctx) => {
    if (policy.effectiveTo !== undefined && policy.effectiveTo < policy.effectiveFrom) {
      ctx.addIssue({
        code: "custom",
        path: ["effectiveTo"],
        message: "effectiveTo is before effectiveFrom",
        params: { zh: "失效日期早于生效日期" },
      });
    }
    const rates = policyRates(policy);
    for (const registration of TEMPORARY_REGISTRATIONS) {
      const adjustment = policy.crossProvince?.[registration];
      if (adjustment === undefined) continue;
      const ceilingPoints = NATIONAL_CROSS_PROVINCE_RULES.maxReductionPoints[registration];
      const worst = Math.max(0, ...rates.map((bp) => reductionBasisPoints(adjustment, bp)));
      if (worst > ceilingPoints * 100) {
        ctx.addIssue({
          code: "custom",
          path: ["crossProvince", registration],
          message: `lowers a ratio by ${worst / 100} points, above the national ceiling of ${ceilingPoints} (医保发〔2022〕22号)`,
          params: {
            zh: `支付比例降幅 ${worst / 100} 个百分点，超过国家规定的上限 ${ceilingPoints} 个百分点（医保发〔2022〕22号）`,
          },
        });
      }
    }
    for (const [scheme, rules] of Object.entries(policy.schemes ?? {})) {
      const ids = new Set<string>(["pooled", "outpatientPooled"]);
      rules?.furtherFunds?.forEach((fund, index) => {
        // (a name of Object.prototype, e.g. valueOf, would be read from every accumulators record that lacks it)
        if (ids.has(fund.id) || fund.id in Object.prototype) {
          ctx.addIssue({
            code: "custom",
            path: ["schemes", scheme, "furtherFunds", index, "id"],
            message: `duplicate or reserved fund id ${fund.id}`,
            params: { zh: `基金标识 ${fund.id} 重复或为保留名` },
          });
        }
        ids.add(fund.id);
      });
    }
  });

/** An insured-place policy (参保地政策), as supplied by the caller; see {@link PolicySchema}. */
export type Policy = z.input<typeof PolicySchema>;

type ParsedPolicy = z.output<typeof PolicySchema>;

/** A rate in basis points, or `undefined` when it is invalid (its own issue is reported by the schema). */
function safeBasisPoints(rate: unknown): number | undefined {
  return RateSchema.safeParse(rate).success ? rateToBasisPoints(rate as number) : undefined;
}

/**
 * Every valid reimbursement rate of a policy, in basis points, for the ceiling check. The refinement also runs when
 * other fields failed, so it reads the tables defensively.
 */
function policyRates(policy: ParsedPolicy): number[] {
  const rates: (number | undefined)[] = [];
  for (const rules of Object.values(policy.schemes ?? {})) {
    if (rules === undefined) continue;
    for (const status of PERSON_STATUSES) {
      for (const level of HOSPITAL_GRADES) {
        const row = rules.inpatient?.[status]?.[level];
        rates.push(safeBasisPoints(row?.first?.rate), safeBasisPoints(row?.later?.rate));
        rates.push(safeBasisPoints(rules.outpatient_general?.table?.[status]?.[level]?.rate));
      }
    }
    for (const disease of rules.outpatient_chronic?.diseases ?? []) rates.push(safeBasisPoints(disease?.rate));
  }
  return rates.filter((bp): bp is number => bp !== undefined);
}

/**
 * How many basis points an adjustment takes off a rate of `bp`, the quantity the national ceiling limits.
 * `preSelfPay` at rate p leaves the fund `bp × (1 − p)` of the in-scope amount, so it lowers the ratio by `bp × p`.
 */
function reductionBasisPoints(adjustment: Adjustment, bp: number): number {
  switch (adjustment.kind) {
    case "none":
      return 0;
    case "ratio_minus_points":
      return Math.min(bp, adjustment.points * 100);
    case "ratio_times":
      return (bp * (10_000 - (safeBasisPoints(adjustment.factor) ?? 10_000))) / 10_000;
    case "pre_self_pay":
      return (bp * (safeBasisPoints(adjustment.rate) ?? 0)) / 10_000;
    default:
      return 0;
  }
}
