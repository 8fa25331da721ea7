import type { ChildcareFinanceStandard } from "../standard.js";

/**
 * 太原 childcare fees and operating subsidies (太原市托育收费与运营补助): the monthly childcare fee (保育费) per child
 * in publicly built providers — 公建公营 托大班 365 元, 托小班 410 元, 乳儿班 545 元; 公建民营 1180, 1270 and 1545 元 — and,
 * from 2026, the city's operating subsidy (运营补助) to inclusive (普惠) providers by the children actually enrolled
 * and the months they are enrolled (at most 10 months): 550 元 a child a month for an independent provider (独立托育机构),
 * 350 元 for a kindergarten's childcare class (幼儿园办托班); a one-off award of 5万元 for a municipal model provider
 * (市级示范托育机构, paid by the city) and 3万元 for a county model provider (县级示范, paid by the county).
 *
 * Read in a news report of the measures (本报讯, 特约记者崔志芳), which gives no document number and no date of issue:
 * one secondary source, so the module is `SECONDARY` — an overridable default, not an official schedule.
 *
 * @see 太原市卫生健康委、市委编办、市发展改革委、市教育局等《支持托育服务高质量发展的若干措施》— 收费和补助政策
 * @example
 * ```ts
 * import { childcareMonthlyFee, childcareSubsidyBudget, standards } from "@carekit/capacity";
 *
 * // 太原 2026: 公建公营 fees per child per month, in fen (托大班 365 元, 托小班 410 元, 乳儿班 545 元)
 * const fees = standards.taiyuan2026.monthlyFeeFen.publicly_built_publicly_run;
 * fees; // → { older_toddler: 36_500, toddler: 41_000, infant: 54_500 }
 * // 公建民营 乳儿班: 1545.00 元
 * const fee = childcareMonthlyFee({ standard: "taiyuan2026", ownership: "publicly_built_privately_run", classType: "infant" });
 * fee.monthlyFeeFen; // → 154_500
 * // 550 元 per child per month in an independent provider, for at most 10 months a year
 * standards.taiyuan2026.subsidy.monthlyFenPerChild.independent; // → 55_000
 * standards.taiyuan2026.subsidy.maxMonthsPerYear; // → 10
 * // 20 children all 12 months of 2026: 10 months × 550 元 × 20 = 110,000.00 元
 * const providers = [{ kind: "independent", enrolled: 20, months: 12 }];
 * childcareSubsidyBudget({ standard: "taiyuan2026", year: 2026, providers }).operatingSubsidyFen; // → 11_000_000
 * ```
 */
export const taiyuan2026: ChildcareFinanceStandard = {
  kind: "childcareFinance",
  id: "taiyuan2026",
  version: "2026",
  effectiveFrom: null,
  effectiveTo: null,
  region: "140100",
  regionName: "太原市",
  source: {
    title:
      "太原市《支持托育服务高质量发展的若干措施》（市卫生健康委、市委编办、市发展改革委、市教育局等）：收费和补助政策",
    number: null,
    note: "Read in a news report of the measures (本报讯, 特约记者崔志芳): 公建公营的托大班、托小班、乳儿班保育费收费标准分别为每生每月365元、410元、545元；公建民营的分别为每生每月1180元、1270元、1545元。从2026年开始，市财政对普惠托育服务机构根据实际入托的3岁以下婴幼儿人数和入托月数（最多不超过10个月），按独立托育机构每人每月550元、幼儿园办托班每人每月350元的标准给予运营补助。被评为市级示范托育机构的，市财政给予奖励资金5万元；被评为县级示范托育机构的，各县财政给予奖励资金3万元。One secondary source; the report gives no document number and no date of issue (the fees' effective date is not stated; the subsidy applies from 2026).",
    confidence: "SECONDARY",
  },
  monthlyFeeFen: {
    publicly_built_publicly_run: { older_toddler: 36_500, toddler: 41_000, infant: 54_500 },
    publicly_built_privately_run: { older_toddler: 118_000, toddler: 127_000, infant: 154_500 },
  },
  subsidy: {
    effectiveFrom: "2026-01-01",
    monthlyFenPerChild: { independent: 55_000, kindergarten_class: 35_000 },
    maxMonthsPerYear: 10,
  },
  awardFen: { municipal_model: 5_000_000, county_model: 3_000_000 },
};
