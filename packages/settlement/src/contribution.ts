import { addDays, IsoDateSchema, type Label, monthsBetween, parseInput, SourceSchema } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import { RegionCodeSchema, regionOf } from "@carekit/core/regions";
import * as z from "zod";
import { KeySchema } from "./source.js";

const MonthsSchema = /* @__PURE__ */ z.number().int().min(0).max(1200);

/**
 * Zod schema of a city's contribution-year rule (职工医保缴费年限政策) and its recognition of another city's months
 * (缴费年限互认): the months required for retirement benefits without further contribution, by sex; the months that
 * must be actually paid locally (`null` when the source states none); and, when there is a recognition agreement,
 * the partner regions, its effective date, which kinds of months are recognised, whether recognised months also
 * count towards the local-actual requirement (the crux of any 互认 rule, UNCONFIRMED for 川渝), and whether all of
 * the partner's months count or only those from the effective date on.
 *
 * @example
 * ```ts
 * ContributionPolicySchema.parse(CHONGQING_CONTRIBUTION_POLICY).requiredTotalMonths;
 * // → { male: 360, female: 300 }
 * ```
 */
export const ContributionPolicySchema = /* @__PURE__ */ z.strictObject({
  id: KeySchema,
  version: z.string().min(1).max(40),
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.optional(),
  region: RegionCodeSchema,
  source: SourceSchema,
  requiredTotalMonths: z.strictObject({ male: MonthsSchema, female: MonthsSchema }),
  requiredLocalActualMonths: MonthsSchema.nullable(),
  recognition: z
    .strictObject({
      partnerRegions: z.array(RegionCodeSchema).min(1).max(50),
      effectiveFrom: IsoDateSchema,
      recognizedKinds: z
        .array(z.enum(["actual", "deemed"]))
        .min(1)
        .max(2),
      countsTowardLocalActual: z.boolean(),
      monthsFrom: z.enum(["allPeriods", "effectiveDate"]),
    })
    .nullable(),
});

/** A city's contribution-year rule; see {@link ContributionPolicySchema}. */
export type ContributionPolicy = z.infer<typeof ContributionPolicySchema>;

const PeriodSchema = /* @__PURE__ */ z
  .strictObject({
    city: RegionCodeSchema,
    from: IsoDateSchema,
    to: IsoDateSchema,
    kind: z.enum(["actual", "deemed"]),
  })
  .refine((period) => period.from <= period.to, {
    error: "to is before from",
    params: { zh: "结束日期早于开始日期" },
    path: ["to"],
  });

/** A contribution period: a city, the first and last day (inclusive), and whether paid (实际) or deemed (视同). */
export type ContributionPeriod = z.infer<typeof PeriodSchema>;

/**
 * Zod schema of the argument of {@link assessContributionYears}.
 *
 * @example
 * ```ts
 * // a woman retiring in 重庆: 242 months paid in 大足区, 38 months paid earlier in 成都锦江区
 * const input = {
 *   sex: "female", retirementCity: "500000", asOf: "2024-03-01", policy: CHONGQING_CONTRIBUTION_POLICY,
 *   periods: [
 *     { city: "510104", from: "2000-11-01", to: "2003-12-31", kind: "actual" },
 *     { city: "500111", from: "2004-01-01", to: "2024-02-29", kind: "actual" },
 *   ],
 * };
 * ContributionInputSchema.safeParse(input).success;
 * // → true
 * ContributionInputSchema.safeParse({ ...input, sex: "f" }).success;
 * // → false
 * ```
 */
export const ContributionInputSchema = /* @__PURE__ */ z.strictObject({
  sex: z.enum(["male", "female"]),
  retirementCity: RegionCodeSchema,
  asOf: IsoDateSchema,
  periods: z.array(PeriodSchema).max(1000),
  policy: ContributionPolicySchema,
});

/** The argument of {@link assessContributionYears}; see {@link ContributionInputSchema}. */
export interface ContributionInput {
  readonly sex: "male" | "female";
  /** The city whose rule applies (退休地), e.g. `500000` (重庆市) or a district inside it. */
  readonly retirementCity: string;
  /** The assessment date: periods are cut here, and recognition applies from its effective date. */
  readonly asOf: string;
  readonly periods: readonly ContributionPeriod[];
  readonly policy: ContributionPolicy;
}

/** One step of a contribution-year assessment. */
export interface ContributionStep {
  readonly label: Label;
  readonly months: number;
  readonly rule: string;
}

/** The outcome of {@link assessContributionYears}; all counts are whole calendar months. */
export interface ContributionAssessment {
  /** Months counted for the total requirement: local (actual and deemed) and recognised, overlaps once. */
  readonly totalMonths: number;
  /** Months actually paid in the retirement city (本地实际缴费). */
  readonly localActualMonths: number;
  /** Months the recognition adds beyond the local ones (互认的外地月数). */
  readonly recognizedOtherCityMonths: number;
  readonly requiredTotalMonths: number;
  /** `null` when the policy states no local-actual requirement. */
  readonly requiredLocalActualMonths: number | null;
  /** 累计缴费年限缺口: months short of the total requirement, `max(0, requiredTotalMonths − totalMonths)`. */
  readonly totalGapMonths: number;
  /**
   * 本地实际缴费年限缺口: months short of the local-actual requirement (recognised months included only when the
   * policy counts them), never below 0; `null` when the policy states no such requirement.
   */
  readonly localActualGapMonths: number | null;
  /** Months still to be paid locally (还需缴费月数): the larger of the two gaps, `max(totalGapMonths, localActualGapMonths)`. */
  readonly shortfallMonths: number;
  readonly eligible: boolean;
  readonly trace: readonly ContributionStep[];
}

interface Interval {
  from: string;
  /** Exclusive end: the day after the last day. */
  end: string;
}

/** Whole calendar months covered by a set of intervals, overlapping or adjacent ones merged first. */
function monthsOf(intervals: readonly Interval[]): number {
  const sorted = [...intervals].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let months = 0;
  let current: Interval | undefined;
  for (const interval of sorted) {
    if (current !== undefined && interval.from <= current.end) {
      if (interval.end > current.end) current.end = interval.end;
      continue;
    }
    if (current !== undefined) months += monthsBetween({ from: current.from, to: current.end });
    current = { ...interval };
  }
  if (current !== undefined) months += monthsBetween({ from: current.from, to: current.end });
  return months;
}

/** The earlier of two ISO dates (ISO dates order as strings). */
function earlier(a: string, b: string): string {
  if (a < b) return a;
  return b;
}

function within(code: string, area: string): boolean {
  let region = regionOf(code);
  while (region.code !== area) {
    if (region.parent === null) return false;
    region = regionOf(region.parent);
  }
  return true;
}

const LABELS = {
  local: { zh: "本地缴费年限（实际+视同）", en: "local months (actual and deemed)" },
  localActual: { zh: "本地实际缴费年限", en: "local actual months" },
  recognized: { zh: "互认的外地缴费年限", en: "recognised months of the partner city" },
  total: { zh: "累计缴费年限", en: "total months" },
  shortfall: { zh: "还需缴费月数", en: "months still to pay" },
} as const;

/**
 * Assess employee medical-insurance contribution years for retirement benefits (职工医保缴费年限认定), with the
 * 川渝 mutual recognition of contribution years (缴费年限互认, 重庆市—成都市 from 2024-03-01, as the 重庆日报
 * reported it).
 *
 * Periods are cut at `asOf` (inclusive), merged where they overlap or touch, and counted in whole calendar months
 * (`monthsBetween` of `@carekit/core`, on date-fns; a period's `to` is its last day). Local periods are those in the
 * policy's region; a partner city's periods of a recognised kind count when `asOf` is on or after the recognition's
 * effective date (only from that date on, when `monthsFrom` is `effectiveDate`). Other cities' periods are not
 * counted. Both gaps are returned: `totalGapMonths = max(0, requiredTotal − total)` and `localActualGapMonths =
 * max(0, requiredLocalActual − localActual)`, with `shortfallMonths` the larger — local months
 * close both gaps at once; recognised months count towards the local-actual requirement only when the policy says so.
 *
 * @param input - `sex`, `retirementCity` (must lie in the policy's region), `asOf`, `periods`, `policy`
 * @returns months counted, required and short, `eligible`, and a trace
 * @throws {CarekitError} `INVALID_INPUT` for a bad field (path e.g. `periods[1].to`); `POLICY_REGION_MISMATCH` when
 *   the retirement city is outside the policy's region
 * @see 重庆日报（新重庆）《川渝医院牵手 为两地群众筑牢卫生健康保护网》（“唱好‘双城记’ 打造增长极”五年巡礼，2025 年初，数据截至 2024-12-31）: 重庆市和成都市 职工医保缴费年限互认 from 2024-03-01 (a news report; the rule text itself is
 *   UNCONFIRMED — no published rule could be read); the 重庆 and 成都 year requirements are SECONDARY (see
 *   {@link CHONGQING_CONTRIBUTION_POLICY}, {@link CHENGDU_CONTRIBUTION_POLICY})
 * @example
 * ```ts
 * // a woman retiring in 重庆: 242 months paid in 大足区, 38 months paid earlier in 成都锦江区
 * const input = {
 *   sex: "female", retirementCity: "500000", asOf: "2024-03-01", policy: CHONGQING_CONTRIBUTION_POLICY,
 *   periods: [
 *     { city: "510104", from: "2000-11-01", to: "2003-12-31", kind: "actual" },
 *     { city: "500111", from: "2004-01-01", to: "2024-02-29", kind: "actual" },
 *   ],
 * };
 * const result = assessContributionYears(input);
 * result.totalMonths;
 * // → 280
 * result.recognizedOtherCityMonths;
 * // → 38
 * result.shortfallMonths;
 * // → 20
 * result.eligible;
 * // → false
 * ```
 */
export function assessContributionYears(input: ContributionInput): ContributionAssessment {
  const { sex, retirementCity, asOf, periods, policy } = parseInput(ContributionInputSchema, input, {
    label: { en: "contribution-year input", zh: "缴费年限认定参数" },
  });
  if (!within(retirementCity, policy.region)) {
    throw fieldError(
      "POLICY_REGION_MISMATCH",
      "retirementCity",
      `${retirementCity} is not in the policy's region ${policy.region}`,
      `退休地 ${retirementCity} 不在政策地区 ${policy.region} 内`,
    );
  }
  const cutoff = addDays(asOf, 1);
  const recognition = policy.recognition;
  const recognitionActive = recognition !== null && recognition.effectiveFrom <= asOf;
  const local: Interval[] = [];
  const localActual: Interval[] = [];
  const recognized: Interval[] = [];
  let ignored = 0;
  for (const period of periods) {
    const end = addDays(period.to, 1);
    const interval = { from: period.from, end: earlier(end, cutoff) };
    if (interval.from >= interval.end) continue;
    if (within(period.city, policy.region)) {
      local.push(interval);
      if (period.kind === "actual") localActual.push(interval);
    } else if (
      recognitionActive &&
      recognition.recognizedKinds.includes(period.kind) &&
      recognition.partnerRegions.some((partner) => within(period.city, partner))
    ) {
      const from =
        recognition.monthsFrom === "effectiveDate" && interval.from < recognition.effectiveFrom
          ? recognition.effectiveFrom
          : interval.from;
      if (from < interval.end) recognized.push({ from, end: interval.end });
    } else {
      ignored += 1;
    }
  }
  const localMonths = monthsOf(local);
  const totalMonths = monthsOf([...local, ...recognized]);
  const localActualMonths = monthsOf(localActual);
  const recognizedOtherCityMonths = totalMonths - localMonths;
  const countsTowardLocal = recognitionActive && recognition.countsTowardLocalActual;
  const actualForRequirement = countsTowardLocal ? monthsOf([...localActual, ...recognized]) : localActualMonths;
  const requiredTotalMonths = policy.requiredTotalMonths[sex];
  const requiredLocal = policy.requiredLocalActualMonths;
  const totalGapMonths = Math.max(0, requiredTotalMonths - totalMonths);
  const localActualGapMonths = requiredLocal === null ? null : Math.max(0, requiredLocal - actualForRequirement);
  const shortfallMonths = Math.max(totalGapMonths, localActualGapMonths ?? 0);
  const source = `${policy.id} (${policy.source.number})`;
  return {
    totalMonths,
    localActualMonths,
    recognizedOtherCityMonths,
    requiredTotalMonths,
    requiredLocalActualMonths: requiredLocal,
    totalGapMonths,
    localActualGapMonths,
    shortfallMonths,
    eligible: shortfallMonths === 0,
    trace: [
      { label: LABELS.local, months: localMonths, rule: `periods in ${policy.region}, merged, whole months` },
      { label: LABELS.localActual, months: localActualMonths, rule: `kind = actual; ${source}` },
      {
        label: LABELS.recognized,
        months: recognizedOtherCityMonths,
        rule:
          recognition === null
            ? "no recognition agreement"
            : recognitionActive
              ? `recognition since ${recognition.effectiveFrom} (${recognition.partnerRegions.join(", ")}; ${recognition.recognizedKinds.join("+")}; from ${recognition.monthsFrom}); ${ignored} period(s) of other cities not counted`
              : `recognition starts ${recognition.effectiveFrom}, after ${asOf}`,
      },
      { label: LABELS.total, months: totalMonths, rule: `required ${requiredTotalMonths} (${sex}); ${source}` },
      {
        label: LABELS.shortfall,
        months: shortfallMonths,
        rule:
          requiredLocal === null
            ? "no local-actual requirement stated"
            : `local actual required ${requiredLocal}, counted ${actualForRequirement}${countsTowardLocal ? " (incl. recognised)" : ""}`,
      },
    ],
  };
}
