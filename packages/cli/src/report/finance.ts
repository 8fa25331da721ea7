import { childcareSubsidyBudget, standards } from "@carekit/capacity";
import { fenToYuan } from "@carekit/core";
import type { Label, ReportSection } from "./model.js";
import { fmt } from "./text.js";

/** The childcare finance standards `--finance` accepts (托育收费与补助标准). */
export const FINANCE_STANDARDS = ["taiyuan2026"] as const;

/** A {@link FINANCE_STANDARDS} id. */
export type FinanceStandardId = (typeof FINANCE_STANDARDS)[number];

/** Input of {@link financeSection}. */
export interface FinanceSectionInput {
  readonly standard: FinanceStandardId;
  /** The headline slot gap to close (`null` when not given). */
  readonly gap: number | null;
  /** The year the gap is stated for. */
  readonly gapYear: number | null;
  /** Whether the gap was drawn from illustrative inputs. */
  readonly illustrative: boolean;
  /** The district's GB/T 2260 code (the plan's region). */
  readonly regionCode: string;
}

function yuan(fen: number): string {
  const [whole = "0", cents = "00"] = fenToYuan(fen).split(".");
  return `${fmt(Number(whole))}.${cents}`;
}

/**
 * The 托育运营补助 section: what the selected city's operating subsidy would cost a year if the headline gap were
 * closed and every new slot filled — once with all new slots in independent providers (独立托育机构) and once in
 * kindergarten classes (幼儿园办托班), each for the standard's maximum months a year — computed by capacity's
 * `childcareSubsidyBudget` in integer fen. A standard of another city is marked as applied for illustration.
 */
export function financeSection(input: FinanceSectionInput): ReportSection {
  const standard = standards[input.standard];
  const heading: Label = { zh: "托育运营补助测算", en: "Childcare operating-subsidy budget" };
  const sameCity = input.regionCode.slice(0, 4) === standard.region.slice(0, 4);
  const banner: Label | undefined = sameCity
    ? undefined
    : {
        zh: `示意测算：以下采用${standard.regionName}的补助标准，并非本区县的政策；仅用于说明补齐缺口的财政量级。`,
        en: `Illustration: the subsidy rates below are ${standard.regionName}'s (Taiyuan), not this district's policy; they show the order of magnitude of closing the gap.`,
      };
  const sourceNote: Label = {
    zh: `来源：${standard.source.title}${standard.source.number ? `（${standard.source.number}）` : "（未见文号）"}；来源可信度 ${standard.source.confidence}。补助自 ${standard.subsidy.effectiveFrom.slice(0, 4)} 年起执行。`,
    en: `Source: ${standard.source.title}${standard.source.number ? ` (${standard.source.number})` : " (no document number seen)"}; confidence ${standard.source.confidence}. The subsidy applies from ${standard.subsidy.effectiveFrom.slice(0, 4)}.`,
  };
  if (input.gap === null) {
    return {
      id: "finance",
      heading,
      banner,
      paragraphs: [
        {
          zh: "托位缺口未提供，无法测算补助（未提供，不按 0 计）。",
          en: "The slot gap was not given, so no budget is computed (not given, not taken as 0).",
        },
        sourceNote,
      ],
    };
  }
  const months = standard.subsidy.maxMonthsPerYear;
  const year = Math.max(Number(standard.subsidy.effectiveFrom.slice(0, 4)), input.gapYear ?? 0);
  const kinds = [
    { kind: "independent", label: { zh: "全部由独立托育机构提供", en: "all in independent providers" } },
    { kind: "kindergarten_class", label: { zh: "全部由幼儿园办托班提供", en: "all in kindergarten classes" } },
  ] as const;
  const budgets = kinds.map((k) => ({
    ...k,
    budget: childcareSubsidyBudget({
      standard,
      year,
      providers: [{ kind: k.kind, enrolled: input.gap ?? 0, months: 12 }],
    }),
  }));
  const mark = input.illustrative ? { zh: "（示意）", en: " (illustrative)" } : { zh: "", en: "" };
  const gapText = { zh: `${fmt(input.gap)} 个${mark.zh}`, en: `${fmt(input.gap)}${mark.en}` };
  return {
    id: "finance",
    heading,
    banner,
    paragraphs: [
      {
        zh: `若补齐托位缺口 ${gapText.zh}（${input.gapYear ?? "年份未提供"} 年口径）且新增托位全部入托，按每名入托婴幼儿每月补助、每年最多 ${months} 个月计算，${year} 年度的运营补助如下表；实际金额取决于入托人数和月数，不含示范奖励。`,
        en: `If the slot gap of ${gapText.en} (${input.gapYear ?? "year not given"}) were closed and every new slot filled, the operating subsidy per enrolled child per month, for at most ${months} months a year, would cost the amounts below in ${year}; the real figure depends on enrolment and months, and excludes model-provider awards.`,
      },
      sourceNote,
    ],
    tables: [
      {
        caption: {
          zh: `补齐缺口的年度运营补助（${year} 年）`,
          en: `Annual operating subsidy for closing the gap (${year})`,
        },
        columns: [
          { zh: "情形", en: "Scenario" },
          { zh: "入托人数", en: "Children" },
          { zh: "补助月数", en: "Months paid" },
          { zh: "每人每月（元）", en: "Per child per month (yuan)" },
          { zh: "年度补助（元）", en: "Annual subsidy (yuan)" },
        ],
        rows: budgets.map((b) => ({
          cells: [
            b.label,
            `${fmt(input.gap ?? 0)}${mark.zh}`,
            String(b.budget.providers[0]?.paidMonths ?? 0),
            yuan(standard.subsidy.monthlyFenPerChild[b.kind]),
            `${yuan(b.budget.operatingSubsidyFen)}${mark.zh}`,
          ],
        })),
        numeric: [1, 2, 3, 4],
        notes: [
          {
            zh: "年度补助 = 入托人数 × min(入托月数, 每年最多月数) × 每人每月标准，按分精确计算。",
            en: "Annual subsidy = children × min(months enrolled, maximum months a year) × monthly rate, exact to the fen.",
          },
        ],
      },
    ],
  };
}
