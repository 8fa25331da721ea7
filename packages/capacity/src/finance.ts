import type { TraceStep } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import { financeStandards, resolveStandard, type StandardRef } from "./builtin.js";
import { moneyStep, traceSource } from "./trace.js";
import { CountSchema, parse, YearSchema } from "./validate.js";

/**
 * Ownership of a publicly built childcare provider (举办方式): 公建公营 or 公建民营.
 *
 * @example
 * ```ts
 * import { OWNERSHIPS } from "@carekit/capacity";
 *
 * // 公建公营, 公建民营
 * OWNERSHIPS; // → ["publicly_built_publicly_run", "publicly_built_privately_run"]
 * ```
 */
export const OWNERSHIPS = ["publicly_built_publicly_run", "publicly_built_privately_run"] as const;

/** One of the {@link OWNERSHIPS}. */
export type Ownership = (typeof OWNERSHIPS)[number];

/**
 * A childcare class type (班型): 乳儿班 `infant`, 托小班 `toddler`, 托大班 `older_toddler`.
 *
 * @example
 * ```ts
 * import { CLASS_TYPES } from "@carekit/capacity";
 *
 * // 乳儿班, 托小班, 托大班
 * CLASS_TYPES; // → ["infant", "toddler", "older_toddler"]
 * ```
 */
export const CLASS_TYPES = ["infant", "toddler", "older_toddler"] as const;

/** One of the {@link CLASS_TYPES}. */
export type ClassType = (typeof CLASS_TYPES)[number];

/**
 * Kind of an inclusive (普惠) childcare provider for the operating subsidy: 独立托育机构 or 幼儿园办托班.
 *
 * @example
 * ```ts
 * import { PROVIDER_KINDS } from "@carekit/capacity";
 *
 * // 独立托育机构, 幼儿园办托班
 * PROVIDER_KINDS; // → ["independent", "kindergarten_class"]
 * ```
 */
export const PROVIDER_KINDS = ["independent", "kindergarten_class"] as const;

/** One of the {@link PROVIDER_KINDS}. */
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/**
 * A model-provider award (示范托育机构奖励): `municipal_model` (市级, paid by the city), `county_model` (县级, by the county).
 *
 * @example
 * ```ts
 * import { AWARDS } from "@carekit/capacity";
 *
 * // 市级示范托育机构, 县级示范托育机构
 * AWARDS; // → ["municipal_model", "county_model"]
 * ```
 */
export const AWARDS = ["municipal_model", "county_model"] as const;

/** One of the {@link AWARDS}. */
export type Award = (typeof AWARDS)[number];

const OWNERSHIP_ZH: Record<Ownership, string> = {
  publicly_built_publicly_run: "公建公营",
  publicly_built_privately_run: "公建民营",
};
const CLASS_ZH: Record<ClassType, string> = { infant: "乳儿班", toddler: "托小班", older_toddler: "托大班" };
const KIND_ZH: Record<ProviderKind, string> = { independent: "独立托育机构", kindergarten_class: "幼儿园办托班" };

/**
 * Zod schema of the input of {@link childcareMonthlyFee}.
 *
 * @example
 * ```ts
 * import { ChildcareMonthlyFeeInputSchema } from "@carekit/capacity";
 *
 * // 太原 2026, 公建公营, 乳儿班
 * const input = { standard: "taiyuan2026", ownership: "publicly_built_publicly_run", classType: "infant" };
 * ChildcareMonthlyFeeInputSchema.safeParse(input).success; // → true
 * // class types are the snake_case values of CLASS_TYPES
 * ChildcareMonthlyFeeInputSchema.safeParse({ ...input, classType: "乳儿班" }).success; // → false
 * ```
 */
export const ChildcareMonthlyFeeInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    standard: z.unknown(),
    ownership: z.enum(OWNERSHIPS),
    classType: z.enum(CLASS_TYPES),
  }))();

/** Input of {@link childcareMonthlyFee}: the finance standard, the provider's ownership and the child's class type. */
export type ChildcareMonthlyFeeInput = Omit<z.input<typeof ChildcareMonthlyFeeInputSchema>, "standard"> & {
  standard: StandardRef<"childcareFinance">;
};

/** Result of {@link childcareMonthlyFee}. */
export interface ChildcareMonthlyFee {
  /** 保育费: the fee per child per month, in fen. */
  readonly monthlyFeeFen: number;
  /** The ownership it applies to. */
  readonly ownership: Ownership;
  /** The class type it applies to. */
  readonly classType: ClassType;
  /** The standard applied. */
  readonly standard: string;
  /** How it was found. */
  readonly trace: TraceStep[];
}

/**
 * 保育费收费标准 — a family's monthly childcare fee (每生每月保育费) in a publicly built provider, by ownership
 * (公建公营 / 公建民营) and class type (托大班 / 托小班 / 乳儿班), read from a finance standard, in integer fen.
 *
 * @param input - `{ standard, ownership, classType }`: `standard` a built-in id (`"taiyuan2026"`) or your own
 *   {@link ChildcareFinanceStandard}
 * @returns the monthly fee in fen, with the trace of where it comes from
 * @throws {CarekitError} INVALID_INPUT for an unknown ownership or class type, unknown keys or a malformed
 *   standard; UNKNOWN_STANDARD for an unknown standard id
 * @see 太原市卫生健康委等《支持托育服务高质量发展的若干措施》— 公建公营的托大班、托小班、乳儿班保育费收费标准分别为每生每月
 *   365元、410元、545元；公建民营的分别为每生每月1180元、1270元、1545元
 * @example
 * ```ts
 * import { childcareMonthlyFee } from "@carekit/capacity";
 *
 * // 太原: 公建公营 托大班, per child per month
 * childcareMonthlyFee({ standard: "taiyuan2026", ownership: "publicly_built_publicly_run", classType: "older_toddler" })
 *   .monthlyFeeFen; // → 36500
 * // 公建民营 乳儿班
 * childcareMonthlyFee({ standard: "taiyuan2026", ownership: "publicly_built_privately_run", classType: "infant" })
 *   .monthlyFeeFen; // → 154500
 * ```
 */
export function childcareMonthlyFee(input: ChildcareMonthlyFeeInput): ChildcareMonthlyFee {
  const parsed = parse(ChildcareMonthlyFeeInputSchema, input, { en: "childcare fee input", zh: "保育费输入" });
  const standard = resolveStandard(parsed.standard, "childcareFinance", financeStandards);
  const { ownership, classType } = parsed;
  const monthlyFeeFen = standard.monthlyFeeFen[ownership][classType];
  return {
    monthlyFeeFen,
    ownership,
    classType,
    standard: standard.id,
    trace: [
      moneyStep(
        "monthlyFee",
        `保育费（${OWNERSHIP_ZH[ownership]}，${CLASS_ZH[classType]}，每生每月）`,
        `childcare fee (${ownership}, ${classType}, per child per month)`,
        `standards.${standard.id}.monthlyFeeFen.${ownership}.${classType}`,
        { ownership, classType },
        monthlyFeeFen,
        traceSource(standard),
      ),
    ],
  };
}

/** Most providers in one budget. */
const MAX_PROVIDERS = 100_000;

/**
 * Zod schema of one provider in {@link childcareSubsidyBudget}: its kind, the children enrolled, the months they are
 * enrolled in the year (0–12; the standard's cap is applied by the function, not refused here) and an optional award.
 *
 * @example
 * ```ts
 * import { SubsidyProviderSchema } from "@carekit/capacity";
 *
 * // an independent provider with 20 children enrolled for 12 months
 * const provider = { name: "示例托育园", kind: "independent", enrolled: 20, months: 12 };
 * SubsidyProviderSchema.safeParse(provider).success; // → true
 * // kinds are the values of PROVIDER_KINDS, and children are whole
 * SubsidyProviderSchema.safeParse({ ...provider, kind: "独立" }).success; // → false
 * SubsidyProviderSchema.safeParse({ ...provider, enrolled: 20.5 }).success; // → false
 * ```
 */
export const SubsidyProviderSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    name: z.string().min(1).max(200).optional(),
    kind: z.enum(PROVIDER_KINDS),
    enrolled: CountSchema,
    months: z.number().int().min(0).max(12),
    award: z.enum(AWARDS).optional(),
  }))();

/** One provider of {@link childcareSubsidyBudget}; see {@link SubsidyProviderSchema}. */
export type SubsidyProvider = z.input<typeof SubsidyProviderSchema>;

/**
 * Zod schema of the input of {@link childcareSubsidyBudget}.
 *
 * @example
 * ```ts
 * import { ChildcareSubsidyBudgetInputSchema } from "@carekit/capacity";
 *
 * const providers = [{ kind: "independent", enrolled: 20, months: 12, award: "municipal_model" }];
 * ChildcareSubsidyBudgetInputSchema.safeParse({ standard: "taiyuan2026", year: 2026, providers }).success; // → true
 * // the year is required
 * ChildcareSubsidyBudgetInputSchema.safeParse({ standard: "taiyuan2026", providers }).success; // → false
 * ```
 */
export const ChildcareSubsidyBudgetInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    standard: z.unknown(),
    year: YearSchema,
    providers: z.array(SubsidyProviderSchema).max(MAX_PROVIDERS),
  }))();

/** Input of {@link childcareSubsidyBudget}: the standard, the budget year and the inclusive providers. */
export type ChildcareSubsidyBudgetInput = Omit<z.input<typeof ChildcareSubsidyBudgetInputSchema>, "standard"> & {
  standard: StandardRef<"childcareFinance">;
};

/** One provider's share of a {@link ChildcareSubsidyBudget}. */
export interface ProviderSubsidy {
  /** Position of the provider in the input. */
  readonly index: number;
  /** Its name, if given. */
  readonly name: string | null;
  readonly kind: ProviderKind;
  readonly enrolled: number;
  /** Months given. */
  readonly months: number;
  /** Months paid for: `min(months, maxMonthsPerYear)`. */
  readonly paidMonths: number;
  /** 运营补助: `enrolled × paidMonths × monthlyFenPerChild[kind]`. */
  readonly operatingSubsidyFen: number;
  /** 示范奖励: the award's amount, 0 without one. */
  readonly awardFen: number;
  /** Who pays the award: `city`, `county`, or `null` without one. */
  readonly awardPaidBy: "city" | "county" | null;
}

/** Result of {@link childcareSubsidyBudget}: every amount in integer fen; the parts add up to `totalFen`. */
export interface ChildcareSubsidyBudget {
  /** The budget year. */
  readonly year: number;
  /** The standard applied. */
  readonly standard: string;
  /** Per provider, in input order. */
  readonly providers: readonly ProviderSubsidy[];
  /** Sums by provider kind. */
  readonly byKind: {
    readonly [K in ProviderKind]: {
      readonly providers: number;
      readonly enrolled: number;
      /** Σ enrolled × paidMonths. */
      readonly childMonths: number;
      readonly operatingSubsidyFen: number;
    };
  };
  /** 运营补助合计 (paid by the city). */
  readonly operatingSubsidyFen: number;
  /** 市级示范奖励合计 (paid by the city). */
  readonly municipalAwardsFen: number;
  /** 县级示范奖励合计 (paid by the counties). */
  readonly countyAwardsFen: number;
  /** What the city pays: operating subsidies + municipal awards. */
  readonly cityPaysFen: number;
  /** What the counties pay: county awards. */
  readonly countiesPayFen: number;
  /** Everything: `cityPaysFen + countiesPayFen`. */
  readonly totalFen: number;
  /** How it was computed. */
  readonly trace: TraceStep[];
}

function safeSum(a: number, b: number, path: string): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw fieldError(
      "OUT_OF_RANGE",
      path,
      `the budget exceeds ${Number.MAX_SAFE_INTEGER} fen and cannot be exact`,
      `预算超过 ${Number.MAX_SAFE_INTEGER} 分，无法精确表示`,
    );
  }
  return sum;
}

/**
 * 普惠托育运营补助预算 — the annual operating-subsidy budget for a set of inclusive (普惠) childcare providers: per
 * provider `enrolled × min(months, maxMonthsPerYear) × monthlyFenPerChild[kind]` (独立托育机构 or 幼儿园办托班), plus
 * the one-off awards of model providers (市级示范 paid by the city, 县级示范 by the county), summed by kind and by
 * payer, in integer fen. A year before the subsidy's start (2026 for `taiyuan2026`) is refused.
 *
 * @param input - `{ standard, year, providers: { name?, kind, enrolled, months, award? }[] }`
 * @returns per-provider amounts, sums by kind, what the city and the counties pay, the total and the trace
 * @throws {CarekitError} INVALID_INPUT for an unknown kind or award, fractional counts, unknown keys;
 *   OUT_OF_RANGE for months outside 0–12, a year before the subsidy applies, or a total beyond 2^53 fen;
 *   UNKNOWN_STANDARD for an unknown standard id
 * @see 太原市卫生健康委等《支持托育服务高质量发展的若干措施》— 从2026年开始，市财政对普惠托育服务机构根据实际入托的3岁以下
 *   婴幼儿人数和入托月数（最多不超过10个月），按独立托育机构每人每月550元、幼儿园办托班每人每月350元的标准给予运营补助；
 *   市级示范托育机构奖励5万元，县级示范托育机构奖励3万元
 * @example
 * ```ts
 * import { childcareSubsidyBudget } from "@carekit/capacity";
 *
 * // 20 children in an independent provider for all 12 months of 2026: paid for 10 months × 550 元 × 20
 * const budget = childcareSubsidyBudget({
 *   standard: "taiyuan2026",
 *   year: 2026,
 *   providers: [{ kind: "independent", enrolled: 20, months: 12 }],
 * });
 * budget.operatingSubsidyFen; // → 11000000
 * budget.providers[0]?.paidMonths; // → 10
 * childcareSubsidyBudget({ standard: "taiyuan2026", year: 2025, providers: [] }); // → throws OUT_OF_RANGE
 * ```
 */
export function childcareSubsidyBudget(input: ChildcareSubsidyBudgetInput): ChildcareSubsidyBudget {
  const parsed = parse(ChildcareSubsidyBudgetInputSchema, input, {
    en: "subsidy budget input",
    zh: "运营补助预算输入",
  });
  const standard = resolveStandard(parsed.standard, "childcareFinance", financeStandards);
  const { year } = parsed;
  const startYear = Number(standard.subsidy.effectiveFrom.slice(0, 4));
  if (year < startYear) {
    throw fieldError(
      "OUT_OF_RANGE",
      "year",
      `standard ${standard.id} pays operating subsidies from ${standard.subsidy.effectiveFrom}, not in ${year}`,
      `标准 ${standard.id} 自 ${standard.subsidy.effectiveFrom} 起给予运营补助，${year} 年不适用`,
    );
  }
  const cap = standard.subsidy.maxMonthsPerYear;
  const rates = standard.subsidy.monthlyFenPerChild;
  const byKind = {
    independent: { providers: 0, enrolled: 0, childMonths: 0, operatingSubsidyFen: 0 },
    kindergarten_class: { providers: 0, enrolled: 0, childMonths: 0, operatingSubsidyFen: 0 },
  };
  let operating = 0;
  let municipal = 0;
  let county = 0;
  const providers = parsed.providers.map((p, index): ProviderSubsidy => {
    const path = `providers[${index}]`;
    const paidMonths = Math.min(p.months, cap);
    const childMonths = p.enrolled * paidMonths;
    const subsidy = childMonths * rates[p.kind];
    if (!Number.isSafeInteger(subsidy)) safeSum(subsidy, 0, `${path}.enrolled`);
    const awardFen = p.award === undefined ? 0 : standard.awardFen[p.award];
    const sums = byKind[p.kind];
    sums.providers += 1;
    sums.enrolled = safeSum(sums.enrolled, p.enrolled, `${path}.enrolled`);
    sums.childMonths = safeSum(sums.childMonths, childMonths, `${path}.enrolled`);
    sums.operatingSubsidyFen = safeSum(sums.operatingSubsidyFen, subsidy, `${path}.enrolled`);
    operating = safeSum(operating, subsidy, `${path}.enrolled`);
    if (p.award === "municipal_model") municipal = safeSum(municipal, awardFen, `${path}.award`);
    if (p.award === "county_model") county = safeSum(county, awardFen, `${path}.award`);
    return {
      index,
      name: p.name ?? null,
      kind: p.kind,
      enrolled: p.enrolled,
      months: p.months,
      paidMonths,
      operatingSubsidyFen: subsidy,
      awardFen,
      awardPaidBy: p.award === undefined ? null : p.award === "municipal_model" ? "city" : "county",
    };
  });
  const cityPaysFen = safeSum(operating, municipal, "providers");
  const totalFen = safeSum(cityPaysFen, county, "providers");
  const source = traceSource(standard);
  const kindStep = (kind: ProviderKind) =>
    moneyStep(
      `operatingSubsidy.${kind}`,
      `运营补助（${KIND_ZH[kind]}，每人每月 ${rates[kind] / 100} 元，最多 ${cap} 个月）`,
      `operating subsidy (${kind}, ${rates[kind] / 100} yuan a child a month, at most ${cap} months)`,
      "Σ enrolled × min(months, maxMonthsPerYear) × monthlyFenPerChild",
      {
        providers: byKind[kind].providers,
        childMonths: byKind[kind].childMonths,
        monthlyFenPerChild: rates[kind],
        maxMonthsPerYear: cap,
      },
      byKind[kind].operatingSubsidyFen,
      source,
    );
  return {
    year,
    standard: standard.id,
    providers,
    byKind,
    operatingSubsidyFen: operating,
    municipalAwardsFen: municipal,
    countyAwardsFen: county,
    cityPaysFen,
    countiesPayFen: county,
    totalFen,
    trace: [
      kindStep("independent"),
      kindStep("kindergarten_class"),
      moneyStep(
        "municipalAwards",
        "市级示范托育机构奖励（市财政）",
        "municipal model-provider awards (paid by the city)",
        "count(municipal_model) × awardFen.municipal_model",
        { awardFen: standard.awardFen.municipal_model },
        municipal,
        source,
      ),
      moneyStep(
        "countyAwards",
        "县级示范托育机构奖励（县财政）",
        "county model-provider awards (paid by the counties)",
        "count(county_model) × awardFen.county_model",
        { awardFen: standard.awardFen.county_model },
        county,
        source,
      ),
      moneyStep(
        "total",
        "补助与奖励合计",
        "subsidies and awards in total",
        "operatingSubsidyFen + municipalAwardsFen + countyAwardsFen",
        { operatingSubsidyFen: operating, municipalAwardsFen: municipal, countyAwardsFen: county },
        totalFen,
        source,
      ),
    ],
  };
}
