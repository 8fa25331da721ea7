import { assessRegions, childcareGap, nursingBedGap, type RegionAssessment, standards } from "@carekit/capacity";
import { describeValue, fieldError } from "@carekit/core/internal";
import { assessPlan, definePlan, type Plan, type PlanObservation } from "@carekit/indicators";
import { groupedBarChart, progressChart } from "./charts.js";
import { financeSection } from "./finance.js";
import { checkReportInput, type DistrictReportInput, type RejectedRow } from "./input.js";
import type {
  HeadlineFigure,
  Label,
  ReportChart,
  ReportLang,
  ReportModel,
  ReportSection,
  ReportSource,
  ReportTable,
  TableRow,
} from "./model.js";
import { nextStepsSection } from "./next-steps.js";
import { renderHtml, renderMarkdown } from "./render.js";
import { fmt, ILLUSTRATIVE, NOT_GIVEN, same } from "./text.js";

/** The headline figures, as numbers (`null` = not given). */
export interface DistrictReportSummary {
  /** Sub-district rows assessed. */
  readonly regions: number;
  /** Rows rejected, both inputs together. */
  readonly rejectedRows: number;
  readonly rejectedRegions: number;
  readonly rejectedObservations: number;
  /** The headline's slot figures, from the district figure when given, else from the rows that give slots. */
  readonly requiredSlots: number | null;
  readonly existingSlots: number | null;
  readonly gap: number | null;
  /** Year of the population behind the headline's slot figures. */
  readonly populationYear: number | null;
  readonly bindingOffTrack: number;
  readonly indicatorsAssessed: number;
}

/** The report as a model (for Word and tests), in HTML and Markdown, with the rejected rows and the headline figures. */
export interface DistrictReport {
  readonly model: ReportModel;
  readonly html: string;
  readonly markdown: string;
  readonly rejected: readonly RejectedRow[];
  readonly summary: DistrictReportSummary;
}

const STATUS: Record<string, Label> = {
  achieved: { zh: "已达标", en: "achieved" },
  on_track: { zh: "进度正常", en: "on track" },
  off_track: { zh: "进度滞后", en: "off track" },
  no_baseline: { zh: "无基期值", en: "no baseline" },
};

const ATTRIBUTE: Record<string, Label> = {
  binding: { zh: "约束性", en: "binding" },
  expected: { zh: "预期性", en: "expected" },
  unlabelled: { zh: "未标注", en: "not labelled" },
};

/** The figures of one assessed row the report uses (one place to follow capacity's field names). */
interface RowFigures {
  readonly region: string;
  readonly population: number;
  readonly existingSlots: number | null;
  readonly slotsPer1000: number | null;
  readonly requiredSlots: number;
  readonly gap: number | null;
  readonly surplus: number | null;
  readonly enrolled: number | null;
  readonly utilization: number | null;
  readonly elderPopulation: number | null;
  readonly beds: number | null;
  readonly bedsPer1000Elders: number | null;
  readonly nursingBeds: number | null;
  readonly nursingBedShare: number | null;
  readonly requiredNursingBeds: number | null;
  readonly nursingBedGap: number | null;
  readonly nursingBedSurplus: number | null;
}

function figuresOf(r: RegionAssessment): RowFigures {
  const c = r.childcare;
  const n = r.nursingCare;
  return {
    region: r.region,
    population: r.population,
    existingSlots: c.existingSlots,
    slotsPer1000: c.slotsPer1000?.rounded ?? null,
    requiredSlots: c.requiredSlots,
    gap: c.gap,
    surplus: c.surplus,
    enrolled: c.enrolled,
    utilization: c.utilization?.rounded ?? null,
    elderPopulation: r.elderPopulation,
    beds: r.elderCare.existingBeds,
    bedsPer1000Elders: r.elderCare.bedsPer1000Elders?.rounded ?? null,
    nursingBeds: n.nursingBeds,
    nursingBedShare: n.nursingBedShare?.rounded ?? null,
    requiredNursingBeds: n.requiredNursingBeds,
    nursingBedGap: n.gap,
    nursingBedSurplus: n.surplus,
  };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Ratio to 2 decimals, half-up on the exact quotient of integers (as capacity rounds its ratios). */
function ratio2(numerator: number, denominator: number, scale: number): number | null {
  if (denominator === 0) return null;
  const n = BigInt(numerator) * BigInt(scale) * 100n;
  const d = BigInt(denominator);
  return Number((n * 2n + d) / (2n * d)) / 100;
}

/** Normalise a printed indicator name for matching: no spaces, full-width brackets and percent as half-width. */
function normaliseName(name: string): string {
  return name
    .replace(/\s+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/％/g, "%")
    .replace(/\(%\)$/, "");
}

/**
 * Map an observation's indicator, written as its id or as its Chinese name as the plan prints it
 * (`养老机构护理型床位占比`), to the plan's id. An unknown name is left as written, so the assessment rejects the row
 * with `UNKNOWN_INDICATOR` instead of dropping it.
 */
export function resolveIndicatorId(plan: Plan, written: string): string {
  if (typeof written !== "string") {
    throw fieldError(
      "INVALID_INPUT",
      "written",
      `an indicator id or name is a string, got ${describeValue(written)}`,
      `指标编号或名称应为字符串，实际为 ${describeValue(written, "zh")}`,
    );
  }
  return resolveId(definePlan(plan), written);
}

/** {@link resolveIndicatorId} for a plan the report has already checked. */
function resolveId(plan: Plan, written: string): string {
  const ids = new Set(plan.entries.map((entry) => entry.indicatorId));
  const text = written.trim();
  if (ids.has(text)) return text;
  const wanted = normaliseName(text);
  const match = plan.indicators.filter(
    (definition) =>
      ids.has(definition.id) &&
      (normaliseName(definition.name.zh) === wanted || normaliseName(definition.name.en) === wanted),
  );
  return match.length === 1 && match[0] ? match[0].id : written;
}

function yearOf(year: number | undefined | null): Label {
  return year === undefined || year === null
    ? { zh: "人口年份未提供", en: "population year not given" }
    : { zh: `${year} 年`, en: `${year}` };
}

function withMark(label: Label, illustrative: boolean): Label {
  return illustrative ? { zh: `${label.zh}（${ILLUSTRATIVE.zh}）`, en: `${label.en} (${ILLUSTRATIVE.en})` } : label;
}

/**
 * Build the district planning report (区县“一老一小”规划报告): the headline with the year, source and rows behind
 * each figure; childcare slots and elder-care beds per sub-district with totals and the district-wide figure side by
 * side (differences computed and explained in the rows); the plan's indicator table; the rows that were rejected.
 * Missing inputs are shown as 未提供 / not given, never as 0; illustrative inputs are marked on every section and
 * figure drawn from them.
 */
export async function buildDistrictReport(given: DistrictReportInput): Promise<DistrictReport> {
  const input = checkReportInput(given);
  const lang: ReportLang = input.lang ?? "both";
  const rowsIllustrative = input.illustrative?.rows === true;
  const obsIllustrative = input.illustrative?.observations === true;
  const lineOf = (lines: readonly number[] | undefined, index: number): number | null => lines?.[index] ?? null;

  // ── capacity ────────────────────────────────────────────────────────────────────────────────────────────────
  const capacity = assessRegions(input.rows, {
    targetPer1000: input.targetPer1000,
    ...(input.nursingShareTarget === undefined ? {} : { nursingShareTarget: input.nursingShareTarget }),
  });
  const rows = capacity.results.map(figuresOf);
  const rejected: RejectedRow[] = [
    ...(input.rejected ?? []),
    ...capacity.errors.map((e) => ({
      input: "regions" as const,
      line: lineOf(input.rowLines, e.index),
      index: e.index,
      code: e.code,
      path: e.issues[0]?.path ?? "",
      message: e.message,
      messageZh: e.messageZh,
    })),
  ];

  const withSlots = rows.filter((r) => r.existingSlots !== null);
  const slotTotals = {
    population: sum(rows.map((r) => r.population)),
    requiredSlots: sum(rows.map((r) => r.requiredSlots)),
    populationWithSlots: sum(withSlots.map((r) => r.population)),
    requiredWithSlots: sum(withSlots.map((r) => r.requiredSlots)),
    existingSlots: sum(withSlots.map((r) => r.existingSlots ?? 0)),
    gap: sum(withSlots.map((r) => r.gap ?? 0)),
    surplus: sum(withSlots.map((r) => r.surplus ?? 0)),
  };
  const withEnrolment = rows.filter((r) => r.existingSlots !== null && r.enrolled !== null);
  const enrolledTotal = sum(withEnrolment.map((r) => r.enrolled ?? 0));
  const utilizationTotal =
    withEnrolment.length === 0
      ? null
      : ratio2(enrolledTotal, sum(withEnrolment.map((r) => r.existingSlots ?? 0)), 1 * 100);
  const allSlotsGiven = rows.length > 0 && withSlots.length === rows.length;
  // the same rows, computed once for the district as a whole (one ceiling instead of one per row)
  const wholeSamePopulation = allSlotsGiven
    ? childcareGap({
        population: slotTotals.population,
        existingSlots: slotTotals.existingSlots,
        targetPer1000: input.targetPer1000,
      })
    : undefined;
  const district = input.district
    ? childcareGap({
        population: input.district.population,
        existingSlots: input.district.existingSlots,
        targetPer1000: input.targetPer1000,
      })
    : undefined;

  const rowsYear = yearOf(input.populationYear);
  const rowsFrom: Label = input.rowsSource ?? { zh: "街镇数据", en: "sub-district rows" };
  const rejectedRegions = rejected.filter((r) => r.input === "regions").length;

  // ── headline: slots ────────────────────────────────────────────────────────────────────────────────────────
  const headline: HeadlineFigure[] = [];
  let headSlots: { required: number; existing: number; gap: number; year: number | null } | null = null;
  if (district && input.district) {
    headSlots = {
      required: district.requiredSlots,
      existing: district.existingSlots,
      gap: district.gap,
      year: input.district.populationYear,
    };
    headline.push({
      label: {
        zh: `托位缺口（${input.district.populationYear} 年，全区口径）`,
        en: `Childcare slot gap (${input.district.populationYear}, district-wide)`,
      },
      value: {
        zh: `${fmt(district.gap)} 个（需 ${fmt(district.requiredSlots)}，现有 ${fmt(district.existingSlots)}）`,
        en: `${fmt(district.gap)} (need ${fmt(district.requiredSlots)}, have ${fmt(district.existingSlots)})`,
      },
      basis: {
        zh: `${input.district.populationYear} 年常住人口 ${fmt(input.district.population)} 人 × 每千人 ${input.targetPer1000} 个；${input.district.source.zh}。街镇表合计（${rowsYear.zh}人口）另列于表中，差异逐项说明`,
        en: `${input.district.populationYear} resident population ${fmt(input.district.population)} × ${input.targetPer1000} per 1000; ${input.district.source.en}. The sub-district total (${rowsYear.en} population) is in the table, with the difference explained`,
      },
      illustrative: false,
      missing: false,
    });
  } else if (withSlots.length > 0) {
    headSlots = {
      required: slotTotals.requiredWithSlots,
      existing: slotTotals.existingSlots,
      gap: slotTotals.gap,
      year: input.populationYear ?? null,
    };
    headline.push({
      label: { zh: `托位缺口（${rowsYear.zh}）`, en: `Childcare slot gap (${rowsYear.en})` },
      value: {
        zh: `${fmt(slotTotals.gap)} 个（需 ${fmt(slotTotals.requiredWithSlots)}，现有 ${fmt(slotTotals.existingSlots)}）`,
        en: `${fmt(slotTotals.gap)} (need ${fmt(slotTotals.requiredWithSlots)}, have ${fmt(slotTotals.existingSlots)})`,
      },
      basis: {
        zh: `${rowsFrom.zh}：${rows.length} 个街镇中 ${withSlots.length} 个提供托位数${withSlots.length < rows.length ? `（${rows.length - withSlots.length} 个未提供，不计入）` : ""}；拒收 ${rejectedRegions} 行；每千人 ${input.targetPer1000} 个`,
        en: `${rowsFrom.en}: ${withSlots.length} of ${rows.length} sub-districts give slots${withSlots.length < rows.length ? ` (${rows.length - withSlots.length} not given, left out)` : ""}; ${rejectedRegions} row(s) rejected; ${input.targetPer1000} per 1000`,
      },
      illustrative: rowsIllustrative,
      missing: false,
    });
  } else {
    headline.push({
      label: { zh: "托位缺口", en: "Childcare slot gap" },
      value: NOT_GIVEN,
      basis: {
        zh: `${rows.length} 个可用街镇行均未提供托位数（拒收 ${rejectedRegions} 行），无法测算缺口`,
        en: `none of the ${rows.length} usable sub-district rows gives slots (${rejectedRegions} row(s) rejected): no gap can be computed`,
      },
      illustrative: false,
      missing: true,
    });
  }
  headline.push(
    utilizationTotal === null
      ? {
          label: { zh: "托位利用率", en: "Slot utilisation" },
          value: NOT_GIVEN,
          basis: { zh: "没有同时提供托位数和在托人数的街镇", en: "no sub-district gives both slots and enrolment" },
          illustrative: false,
          missing: true,
        }
      : {
          label: { zh: `托位利用率（${rowsYear.zh}）`, en: `Slot utilisation (${rowsYear.en})` },
          value: same(`${fmt(utilizationTotal, 2)}%`),
          basis: {
            zh: `在托 ${fmt(enrolledTotal)} ÷ 托位 ${fmt(sum(withEnrolment.map((r) => r.existingSlots ?? 0)))}；${withEnrolment.length} 个街镇（${rowsFrom.zh}）`,
            en: `enrolled ${fmt(enrolledTotal)} ÷ slots ${fmt(sum(withEnrolment.map((r) => r.existingSlots ?? 0)))}; ${withEnrolment.length} sub-districts (${rowsFrom.en})`,
          },
          illustrative: rowsIllustrative,
          missing: false,
        },
  );

  // ── beds ───────────────────────────────────────────────────────────────────────────────────────────────────
  const withBeds = rows.filter((r) => r.beds !== null);
  const withNursing = rows.filter((r) => r.beds !== null && r.nursingBeds !== null);
  const bedsTotal = sum(withBeds.map((r) => r.beds ?? 0));
  const nursingBedsBeds = sum(withNursing.map((r) => r.beds ?? 0));
  const nursingTotal = sum(withNursing.map((r) => r.nursingBeds ?? 0));
  const shareTotal = withNursing.length === 0 ? null : ratio2(nursingTotal, nursingBedsBeds, 100);
  const nursingRequiredRows = sum(withNursing.map((r) => r.requiredNursingBeds ?? 0));
  const nursingGapRows = sum(withNursing.map((r) => r.nursingBedGap ?? 0));
  const nursingSurplusRows = sum(withNursing.map((r) => r.nursingBedSurplus ?? 0));
  const nursingWhole =
    input.nursingShareTarget !== undefined && withNursing.length > 0 && nursingBedsBeds > 0
      ? nursingBedGap({
          existingBeds: nursingBedsBeds,
          nursingBeds: nursingTotal,
          targetShare: input.nursingShareTarget,
        })
      : undefined;
  const indicators = assessPlan({
    plan: input.plan,
    observations: input.observations.map((o): PlanObservation => {
      try {
        return typeof o === "object" && o !== null && typeof o.indicatorId === "string"
          ? { ...o, indicatorId: resolveId(input.plan, o.indicatorId) }
          : (o as PlanObservation);
      } catch {
        // an observation that cannot be read is passed on as it is: assessPlan rejects it as that row's
        // UNREADABLE_INPUT, so it is listed with the rejected rows instead of being dropped
        return o as PlanObservation;
      }
    }),
  });
  const shareEntry = input.plan.entries.find((e) => e.indicatorId === "nursingBedShare");
  const shareLatest = indicators.results
    .filter((r) => r.indicatorId === "nursingBedShare")
    .reduce<(typeof indicators.results)[number] | undefined>(
      (latest, r) => (latest === undefined || r.observed.year > latest.observed.year ? r : latest),
      undefined,
    );
  headline.push(
    shareTotal === null
      ? {
          label: { zh: "护理型床位占比", en: "Nursing-bed share" },
          value: NOT_GIVEN,
          basis: {
            zh: "没有同时提供养老床位和护理型床位的街镇",
            en: "no sub-district gives both beds and nursing beds",
          },
          illustrative: false,
          missing: true,
        }
      : {
          label: { zh: `护理型床位占比（${rowsYear.zh}）`, en: `Nursing-bed share (${rowsYear.en})` },
          value: same(`${fmt(shareTotal, 2)}%`),
          basis: {
            zh: `护理型床位 ${fmt(nursingTotal)} ÷ 养老床位 ${fmt(nursingBedsBeds)}，${withNursing.length} 个街镇${shareLatest ? `；指标表中为 ${shareLatest.observed.year} 年观测值 ${fmt(shareLatest.observed.value, 2)}%${obsIllustrative ? "（示意）" : ""}，年份不同` : ""}`,
            en: `nursing beds ${fmt(nursingTotal)} ÷ beds ${fmt(nursingBedsBeds)}, ${withNursing.length} sub-districts${shareLatest ? `; the indicator table shows the ${shareLatest.observed.year} observation ${fmt(shareLatest.observed.value, 2)}%${obsIllustrative ? " (illustrative)" : ""}, another year` : ""}`,
          },
          illustrative: rowsIllustrative,
          missing: false,
        },
  );

  // ── indicators headline ────────────────────────────────────────────────────────────────────────────────────
  const rejectedObservations = indicators.errors.map((e) => ({
    input: "observations" as const,
    line: lineOf(input.observationLines, e.index),
    index: e.index,
    code: e.code,
    path: e.issues[0]?.path ?? "",
    message: e.message,
    messageZh: e.messageZh,
  }));
  rejected.push(...rejectedObservations);
  const latestYear = Math.max(0, ...indicators.results.map((r) => r.observed.year));
  const rejectedObs = rejected.filter((r) => r.input === "observations").length;
  headline.push({
    label: { zh: "约束性指标进度滞后", en: "Binding indicators off track" },
    value:
      indicators.results.length === 0
        ? NOT_GIVEN
        : { zh: `${indicators.summary.bindingOffTrack} 个`, en: `${indicators.summary.bindingOffTrack}` },
    basis: {
      zh: `${indicators.results.length} 个观测值${latestYear > 0 ? `（最近 ${latestYear} 年）` : ""}，拒收 ${rejectedObs} 行；按各指标最近一次观测判断`,
      en: `${indicators.results.length} observation(s)${latestYear > 0 ? ` (latest ${latestYear})` : ""}, ${rejectedObs} rejected; each indicator judged on its latest observation`,
    },
    illustrative: obsIllustrative,
    missing: indicators.results.length === 0,
  });
  headline.push({
    label: { zh: "数据行", en: "Rows used" },
    value: {
      zh: `街镇 ${rows.length} 行，观测值 ${indicators.results.length} 行`,
      en: `${rows.length} sub-district rows, ${indicators.results.length} observations`,
    },
    basis: {
      zh: `拒收 ${rejected.length} 行（街镇 ${rejectedRegions}，观测值 ${rejectedObs}），见“拒收的数据行”`,
      en: `${rejected.length} row(s) rejected (${rejectedRegions} sub-district, ${rejectedObs} observation), listed under “Rejected rows”`,
    },
    illustrative: false,
    missing: false,
  });

  // ── childcare section ──────────────────────────────────────────────────────────────────────────────────────
  const rowBanner = rowsIllustrative
    ? {
        zh: `示意数据：本节街镇数据为示意数据（${rowsFrom.zh}），不是官方统计；由此得出的每个数字都标有“示意”。`,
        en: `Illustrative data: the sub-district rows in this section are illustrative (${rowsFrom.en}), not official statistics; every figure drawn from them is marked.`,
      }
    : undefined;
  const slotRows: TableRow[] = rows.map((r) => ({
    className: r.existingSlots === null ? "missing" : (r.gap ?? 0) > 0 ? "gap" : undefined,
    cells: [
      r.region,
      fmt(r.population),
      fmt(r.existingSlots),
      fmt(r.slotsPer1000, 2),
      fmt(r.requiredSlots),
      fmt(r.gap),
      r.utilization === null ? "—" : `${fmt(r.utilization, 2)}%`,
    ],
  }));
  const totalPer1000 =
    withSlots.length === 0 ? null : ratio2(slotTotals.existingSlots, slotTotals.populationWithSlots, 1000);
  slotRows.push({
    className: "total",
    cells: [
      withMark(
        {
          zh: `合计（${rows.length} 个街镇，${rowsYear.zh}人口）`,
          en: `Total (${rows.length} sub-districts, ${rowsYear.en} population)`,
        },
        rowsIllustrative,
      ),
      fmt(slotTotals.population),
      withSlots.length === 0 ? "—" : fmt(slotTotals.existingSlots),
      fmt(totalPer1000, 2),
      fmt(slotTotals.requiredSlots),
      withSlots.length === 0 ? "—" : fmt(slotTotals.gap),
      utilizationTotal === null ? "—" : `${fmt(utilizationTotal, 2)}%`,
    ],
  });
  slotRows.push({
    className: "explain",
    note:
      withSlots.length < rows.length
        ? {
            zh: `合计说明：${rows.length - withSlots.length} 个街镇未提供托位数，其现有托位和缺口为“—”（未提供），不按 0 计；合计的现有托位与缺口只含提供托位数的 ${withSlots.length} 个街镇，所需托位含全部 ${rows.length} 个。`,
            en: `About the total: ${rows.length - withSlots.length} sub-district(s) give no slots; their slots and gap show “—” (not given), never 0; the total's slots and gap cover only the ${withSlots.length} that do, the required slots all ${rows.length}.`,
          }
        : {
            zh: `合计说明：逐街镇测算之和——每个街镇的所需托位各自向上取整，缺口不与其他街镇的富余相抵${slotTotals.surplus > 0 ? `（富余合计 ${fmt(slotTotals.surplus)} 个未抵减）` : ""}。`,
            en: `About the total: the sum of the per-row figures — each row's required slots rounded up on its own, gaps not netted against surpluses elsewhere${slotTotals.surplus > 0 ? ` (surpluses of ${fmt(slotTotals.surplus)} not netted)` : ""}.`,
          },
  });
  if (wholeSamePopulation) {
    const ceilingDiff = slotTotals.requiredSlots - wholeSamePopulation.requiredSlots;
    const gapDiff = slotTotals.gap - wholeSamePopulation.gap;
    slotRows.push({
      className: "district",
      cells: [
        { zh: `全区一次测算（同一${rowsYear.zh}人口）`, en: `District computed once (same ${rowsYear.en} population)` },
        fmt(wholeSamePopulation.population),
        fmt(wholeSamePopulation.existingSlots),
        fmt(wholeSamePopulation.slotsPer1000.rounded, 2),
        fmt(wholeSamePopulation.requiredSlots),
        fmt(wholeSamePopulation.gap),
        "",
      ],
    });
    slotRows.push({
      className: "explain",
      note: {
        zh: `差异说明：所需托位比合计少 ${fmt(ceilingDiff)} 个，因为全区只向上取整一次，而合计中 ${rows.length} 个街镇各自取整；缺口少 ${fmt(gapDiff)} 个${slotTotals.surplus > 0 ? `（其中 ${fmt(slotTotals.surplus)} 个为街镇富余在全区口径下抵减）` : ""}。`,
        en: `Difference: ${fmt(ceilingDiff)} fewer slots required than the total, because the district is rounded up once where the total rounds each of the ${rows.length} rows up; the gap is ${fmt(gapDiff)} smaller${slotTotals.surplus > 0 ? ` (of which ${fmt(slotTotals.surplus)} are sub-district surpluses netted district-wide)` : ""}.`,
      },
    });
  }
  if (district && input.district) {
    const base = wholeSamePopulation;
    slotRows.push({
      className: "district headline",
      cells: [
        {
          zh: `全区 ${input.district.populationYear} 年（规划口径，摘要采用）`,
          en: `District ${input.district.populationYear} (the plan's figure, used in the headline)`,
        },
        fmt(district.population),
        fmt(district.existingSlots),
        fmt(district.slotsPer1000.rounded, 2),
        fmt(district.requiredSlots),
        fmt(district.gap),
        "",
      ],
    });
    slotRows.push({
      className: "explain",
      note: base
        ? {
            zh: `差异说明：与上一行相比，人口由 ${fmt(base.population)}（${rowsYear.zh}）变为 ${fmt(district.population)}（${input.district.populationYear} 年，${input.district.source.zh}），所需托位 ${fmt(base.requiredSlots)} → ${fmt(district.requiredSlots)}（${signed(district.requiredSlots - base.requiredSlots)}）${district.existingSlots === base.existingSlots ? "" : `，现有托位 ${fmt(base.existingSlots)} → ${fmt(district.existingSlots)}`}，缺口 ${fmt(base.gap)} → ${fmt(district.gap)}（${signed(district.gap - base.gap)}）。与街镇合计相比：所需 ${signed(district.requiredSlots - slotTotals.requiredSlots)}（人口变化 ${signed(district.requiredSlots - base.requiredSlots)}，逐街镇取整 ${signed(base.requiredSlots - slotTotals.requiredSlots)}），缺口 ${signed(district.gap - slotTotals.gap)}。`,
            en: `Difference: against the row above, the population goes from ${fmt(base.population)} (${rowsYear.en}) to ${fmt(district.population)} (${input.district.populationYear}, ${input.district.source.en}), required slots ${fmt(base.requiredSlots)} → ${fmt(district.requiredSlots)} (${signed(district.requiredSlots - base.requiredSlots)})${district.existingSlots === base.existingSlots ? "" : `, existing slots ${fmt(base.existingSlots)} → ${fmt(district.existingSlots)}`}, gap ${fmt(base.gap)} → ${fmt(district.gap)} (${signed(district.gap - base.gap)}). Against the sub-district total: required ${signed(district.requiredSlots - slotTotals.requiredSlots)} (population ${signed(district.requiredSlots - base.requiredSlots)}, per-row rounding ${signed(base.requiredSlots - slotTotals.requiredSlots)}), gap ${signed(district.gap - slotTotals.gap)}.`,
          }
        : {
            zh: `差异说明：全区口径使用 ${input.district.populationYear} 年人口 ${fmt(district.population)} 和现有托位 ${fmt(district.existingSlots)}（${input.district.source.zh}）；街镇表不完整，无法逐项对账。`,
            en: `Difference: the district figure uses the ${input.district.populationYear} population ${fmt(district.population)} and ${fmt(district.existingSlots)} existing slots (${input.district.source.en}); the sub-district table is incomplete, so the two cannot be reconciled item by item.`,
          },
    });
  }
  const slotTable: ReportTable = {
    caption: withMark(
      { zh: `各街镇托位（${rowsYear.zh}人口）`, en: `Childcare slots by sub-district (${rowsYear.en} population)` },
      rowsIllustrative,
    ),
    columns: [
      { zh: "街镇", en: "Sub-district" },
      { zh: "常住人口", en: "Residents" },
      { zh: "现有托位", en: "Slots" },
      { zh: "每千人托位", en: "Per 1000" },
      { zh: "所需托位", en: "Required" },
      { zh: "缺口", en: "Gap" },
      { zh: "利用率", en: "Utilisation" },
    ],
    rows: slotRows,
    numeric: [1, 2, 3, 4, 5, 6],
    notes: [
      {
        zh: `所需托位 = ⌈常住人口 × ${input.targetPer1000} ÷ 1000⌉；“—” = 未提供（不按 0 计）。`,
        en: `Required = ⌈residents × ${input.targetPer1000} ÷ 1000⌉; “—” = not given (never counted as 0).`,
      },
    ],
  };
  const charts: ReportChart[] = [];
  if (rows.length > 0) {
    charts.push({
      title: withMark({ zh: "托位：现有与所需", en: "Childcare slots: existing and required" }, rowsIllustrative),
      illustrative: rowsIllustrative,
      svg: await groupedBarChart({
        lang,
        title: withMark(
          {
            zh: `托位：现有与按每千人 ${input.targetPer1000} 个所需（${rowsYear.zh}）`,
            en: `Childcare slots: existing and required at ${input.targetPer1000} per 1000 (${rowsYear.en})`,
          },
          rowsIllustrative,
        ),
        valueTitle: { zh: "托位数", en: "slots" },
        data: rows.flatMap((r) => [
          ...(r.existingSlots === null
            ? []
            : [{ label: r.region, series: { zh: "现有", en: "existing" }, value: r.existingSlots }]),
          { label: r.region, series: { zh: "所需", en: "required" }, value: r.requiredSlots },
        ]),
      }),
    });
  }
  const childcare: ReportSection = {
    id: "childcare",
    heading: { zh: "托育服务能力", en: "Childcare capacity" },
    banner: rowBanner,
    paragraphs: [
      headSlots
        ? {
            zh: `按每千人口 ${input.targetPer1000} 个托位测算，${headSlots.year === null ? "" : `${headSlots.year} 年`}需要托位 ${fmt(headSlots.required)} 个，现有 ${fmt(headSlots.existing)} 个，缺口 ${fmt(headSlots.gap)} 个（${district ? input.district?.source.zh : `${rowsFrom.zh}${rowsIllustrative ? "，示意" : ""}`}）。各街镇按本街镇常住人口分别测算，缺口不与其他街镇的富余相抵；合计与全区口径的差异在表中逐行说明。`,
            en: `At ${input.targetPer1000} slots per 1000 residents, ${headSlots.year === null ? "the district needs" : `${headSlots.year} needs`} ${fmt(headSlots.required)} slots; it has ${fmt(headSlots.existing)}, a gap of ${fmt(headSlots.gap)} (${district ? input.district?.source.en : `${rowsFrom.en}${rowsIllustrative ? ", illustrative" : ""}`}). Each sub-district is assessed on its own residents, its gap not netted against surpluses elsewhere; the table explains, row by row, how the total and the district figure differ.`,
          }
        : {
            zh: "没有提供托位数的街镇，托位缺口未能测算（未提供，不是 0）。",
            en: "No sub-district gives its slots, so no slot gap is computed (not given, not 0).",
          },
    ],
    charts,
    tables: [slotTable],
  };

  // ── beds section ───────────────────────────────────────────────────────────────────────────────────────────
  const bedRows: TableRow[] = rows.map((r) => ({
    className: r.beds === null ? "missing" : (r.nursingBedGap ?? 0) > 0 ? "gap" : undefined,
    cells: [
      r.region,
      fmt(r.elderPopulation),
      fmt(r.beds),
      fmt(r.bedsPer1000Elders, 2),
      fmt(r.nursingBeds),
      r.nursingBedShare === null ? "—" : `${fmt(r.nursingBedShare, 2)}%`,
      fmt(r.requiredNursingBeds),
      fmt(r.nursingBedGap),
    ],
  }));
  const withElders = rows.filter((r) => r.beds !== null && r.elderPopulation !== null);
  const eldersTotal = sum(withElders.map((r) => r.elderPopulation ?? 0));
  const bedsPer1000 =
    withElders.length === 0 ? null : ratio2(sum(withElders.map((r) => r.beds ?? 0)), eldersTotal, 1000);
  bedRows.push({
    className: "total",
    cells: [
      withMark({ zh: `合计（${rows.length} 个街镇）`, en: `Total (${rows.length} sub-districts)` }, rowsIllustrative),
      withElders.length === 0 ? "—" : fmt(sum(rows.map((r) => r.elderPopulation ?? 0))),
      withBeds.length === 0 ? "—" : fmt(bedsTotal),
      fmt(bedsPer1000, 2),
      withNursing.length === 0 ? "—" : fmt(nursingTotal),
      shareTotal === null ? "—" : `${fmt(shareTotal, 2)}%`,
      input.nursingShareTarget === undefined || withNursing.length === 0 ? "—" : fmt(nursingRequiredRows),
      input.nursingShareTarget === undefined || withNursing.length === 0 ? "—" : fmt(nursingGapRows),
    ],
  });
  if (nursingWhole) {
    bedRows.push({
      className: "district",
      cells: [
        { zh: "全区一次测算", en: "District computed once" },
        "",
        fmt(nursingWhole.existingBeds),
        "",
        fmt(nursingWhole.nursingBeds),
        `${fmt(nursingWhole.nursingBedShare.rounded, 2)}%`,
        fmt(nursingWhole.requiredNursingBeds),
        fmt(nursingWhole.gap),
      ],
    });
    bedRows.push({
      className: "explain",
      note: {
        zh: `差异说明：所需护理型床位 = ⌈养老床位 × ${fmt(input.nursingShareTarget === undefined ? null : input.nursingShareTarget * 100)}%⌉。合计 ${fmt(nursingRequiredRows)} 张是 ${withNursing.length} 个街镇各自向上取整之和，全区一次测算为 ${fmt(nursingWhole.requiredNursingBeds)} 张，相差 ${fmt(nursingRequiredRows - nursingWhole.requiredNursingBeds)} 张；缺口 ${fmt(nursingGapRows)} 与 ${fmt(nursingWhole.gap)} 相差 ${fmt(nursingGapRows - nursingWhole.gap)} 张${nursingSurplusRows > 0 ? `（含街镇富余 ${fmt(nursingSurplusRows)} 张在全区口径下抵减）` : ""}。`,
        en: `Difference: required nursing beds = ⌈beds × ${fmt(input.nursingShareTarget === undefined ? null : input.nursingShareTarget * 100)}%⌉. The total ${fmt(nursingRequiredRows)} rounds each of the ${withNursing.length} rows up; computed once for the district it is ${fmt(nursingWhole.requiredNursingBeds)}, ${fmt(nursingRequiredRows - nursingWhole.requiredNursingBeds)} fewer; the gap ${fmt(nursingGapRows)} against ${fmt(nursingWhole.gap)} differs by ${fmt(nursingGapRows - nursingWhole.gap)}${nursingSurplusRows > 0 ? ` (including sub-district surpluses of ${fmt(nursingSurplusRows)} netted district-wide)` : ""}.`,
      },
    });
  }
  const shareNotes: Label[] = [];
  if (shareTotal !== null && shareEntry?.baseline && shareEntry.baseline.year === input.populationYear) {
    const printed = shareEntry.baseline.value;
    shareNotes.push({
      zh: `规划指标表的 ${shareEntry.baseline.year} 年基期值为 ${fmt(printed, 2)}%，街镇合计为 ${fmt(nursingTotal)} ÷ ${fmt(nursingBedsBeds)} = ${fmt(shareTotal, 2)}%${Math.abs(printed - shareTotal) < 0.005 ? "，二者一致" : `：${fmt(printed, 2)}% × ${fmt(nursingBedsBeds)} = ${fmt((printed * nursingBedsBeds) / 100, 2)} 张，床位只能取整数，${fmt(nursingTotal)} 张对应 ${fmt(shareTotal, 2)}%`}。${shareLatest ? `指标表中的 ${fmt(shareLatest.observed.value, 2)}% 是 ${shareLatest.observed.year} 年的观测值${obsIllustrative ? "（示意）" : ""}，不是同一年份。` : ""}`,
      en: `The plan's indicator table gives ${fmt(printed, 2)}% for ${shareEntry.baseline.year}; the sub-district total is ${fmt(nursingTotal)} ÷ ${fmt(nursingBedsBeds)} = ${fmt(shareTotal, 2)}%${Math.abs(printed - shareTotal) < 0.005 ? ", the same" : `: ${fmt(printed, 2)}% × ${fmt(nursingBedsBeds)} = ${fmt((printed * nursingBedsBeds) / 100, 2)} beds, and beds are whole, so ${fmt(nursingTotal)} beds are ${fmt(shareTotal, 2)}%`}.${shareLatest ? ` The indicator table's ${fmt(shareLatest.observed.value, 2)}% is the ${shareLatest.observed.year} observation${obsIllustrative ? " (illustrative)" : ""}, another year.` : ""}`,
    });
  }
  const bedTable: ReportTable = {
    caption: withMark(
      {
        zh: `各街镇养老床位与护理型床位（${rowsYear.zh}）`,
        en: `Elder-care and nursing beds by sub-district (${rowsYear.en})`,
      },
      rowsIllustrative,
    ),
    columns: [
      { zh: "街镇", en: "Sub-district" },
      { zh: "60岁及以上", en: "Aged 60+" },
      { zh: "养老床位", en: "Beds" },
      { zh: "每千名老人", en: "Per 1000 elders" },
      { zh: "护理型床位", en: "Nursing beds" },
      { zh: "护理型占比", en: "Nursing share" },
      { zh: "所需护理型", en: "Nursing required" },
      { zh: "缺口", en: "Gap" },
    ],
    rows: bedRows,
    numeric: [1, 2, 3, 4, 5, 6, 7],
    notes: [
      {
        zh: `“—” = 未提供（不按 0 计）${input.nursingShareTarget === undefined ? "；未选定护理型床位占比目标，故不测算所需护理型床位" : ""}。`,
        en: `“—” = not given (never counted as 0)${input.nursingShareTarget === undefined ? "; no nursing-bed share target was chosen, so no nursing beds are required" : ""}.`,
      },
      ...shareNotes,
    ],
  };
  const bedCharts: ReportChart[] = [];
  if (withBeds.length > 0) {
    bedCharts.push({
      title: withMark({ zh: "养老床位与护理型床位", en: "Elder-care and nursing beds" }, rowsIllustrative),
      illustrative: rowsIllustrative,
      svg: await groupedBarChart({
        lang,
        title: withMark(
          { zh: `养老床位与护理型床位（${rowsYear.zh}）`, en: `Elder-care and nursing beds (${rowsYear.en})` },
          rowsIllustrative,
        ),
        valueTitle: { zh: "床位数", en: "beds" },
        data: withBeds.flatMap((r) => [
          { label: r.region, series: { zh: "养老床位", en: "beds" }, value: r.beds ?? 0 },
          ...(r.nursingBeds === null
            ? []
            : [{ label: r.region, series: { zh: "护理型床位", en: "nursing" }, value: r.nursingBeds }]),
          ...(r.requiredNursingBeds === null
            ? []
            : [
                { label: r.region, series: { zh: "所需护理型", en: "nursing required" }, value: r.requiredNursingBeds },
              ]),
        ]),
      }),
    });
  }
  const bedsSection: ReportSection = {
    id: "beds",
    heading: { zh: "养老床位与护理型床位", en: "Elder-care and nursing beds" },
    banner: rowBanner,
    paragraphs: [
      withBeds.length === 0
        ? {
            zh: "没有提供养老床位数的街镇（未提供，不是 0）。",
            en: "No sub-district gives its beds (not given, not 0).",
          }
        : withMark(
            {
              zh: `${rowsYear.zh}：养老床位 ${fmt(bedsTotal)} 张（${withBeds.length} 个街镇），每千名老年人 ${fmt(bedsPer1000, 2)} 张；护理型床位 ${fmt(nursingTotal)} 张，占比 ${fmt(shareTotal, 2)}%${nursingWhole ? `；按 ${fmt((input.nursingShareTarget ?? 0) * 100)}% 目标，全区缺口 ${fmt(nursingWhole.gap)} 张（逐街镇合计 ${fmt(nursingGapRows)} 张，差异见表）` : ""}`,
              en: `${rowsYear.en}: ${fmt(bedsTotal)} elder-care beds (${withBeds.length} sub-districts), ${fmt(bedsPer1000, 2)} per 1000 elders; ${fmt(nursingTotal)} nursing beds, a ${fmt(shareTotal, 2)}% share${nursingWhole ? `; against the ${fmt((input.nursingShareTarget ?? 0) * 100)}% target the district lacks ${fmt(nursingWhole.gap)} (${fmt(nursingGapRows)} summed over the rows; the table explains the difference)` : ""}`,
            },
            rowsIllustrative,
          ),
    ],
    charts: bedCharts,
    tables: [bedTable],
  };

  // ── indicators section ─────────────────────────────────────────────────────────────────────────────────────
  const entries = new Map(input.plan.entries.map((entry) => [entry.indicatorId, entry]));
  const mark = obsIllustrative ? "（示意）" : "";
  const markEn = obsIllustrative ? " (illustrative)" : "";
  const indicatorRows: TableRow[] = indicators.priorityOrder.map((position) => {
    const r = indicators.results[position] as (typeof indicators.results)[number];
    return {
      className: `status-${r.status}`,
      cells: [
        { zh: r.name.zh, en: r.name.en },
        ATTRIBUTE[r.attribute] ?? same(r.attribute),
        r.baseline ? `${fmt(r.baseline.value, 2)} (${r.baseline.year})` : "—",
        `${r.target.comparator} ${fmt(r.target.value, 2)} (${r.target.year})`,
        {
          zh: `${fmt(r.observed.value, 2)} (${r.observed.year})${mark}`,
          en: `${fmt(r.observed.value, 2)} (${r.observed.year})${markEn}`,
        },
        r.expected === null ? "—" : fmt(r.expected, 2),
        STATUS[r.status] ?? same(r.status),
        entries.get(r.indicatorId)?.responsible.join("、") ?? "—",
      ],
    };
  });
  const progressData = indicators.priorityOrder
    .map((position) => indicators.results[position] as (typeof indicators.results)[number])
    .filter((r) => r.target.value !== 0)
    .map((r) => ({
      indicator: r.name.zh,
      status: r.status,
      percentOfTarget: Math.round((r.observed.value / r.target.value) * 1000) / 10,
    }));
  const indicatorCharts: ReportChart[] = [];
  if (progressData.length > 0) {
    indicatorCharts.push({
      title: withMark({ zh: "指标进度", en: "Indicator progress" }, obsIllustrative),
      illustrative: obsIllustrative,
      svg: await progressChart({
        lang,
        statusNames: STATUS,
        title: withMark(
          { zh: "指标进度（实际值 ÷ 目标值）", en: "Indicator progress (observed ÷ target)" },
          obsIllustrative,
        ),
        data: progressData,
      }),
    });
  }
  const indicatorSection: ReportSection = {
    id: "indicators",
    heading: { zh: "主要指标进度", en: "Indicator progress" },
    banner: obsIllustrative
      ? {
          zh: "示意数据：本节的指标观测值为示意数据，用来展示报告的各种状态，不是官方统计；实际值一栏逐项标有“示意”。",
          en: "Illustrative data: the observations in this section are illustrative, chosen to show each status the report can give; they are not official statistics, and each observed value is marked.",
        }
      : undefined,
    paragraphs: [
      {
        zh: `共评估 ${indicators.results.length} 个观测值${mark}，拒收 ${rejectedObs} 行；约束性指标进度滞后 ${indicators.summary.bindingOffTrack} 个。期望值按基期到目标年线性插值；基期值、目标值取自《${input.plan.source.title}》${input.plan.source.number ? `（${input.plan.source.number}）` : ""}。`,
        en: `${indicators.results.length} observation(s) assessed${markEn}, ${rejectedObs} rejected; ${indicators.summary.bindingOffTrack} binding indicator(s) off track. Expected values are interpolated linearly from baseline to target year; baselines and targets from ${input.plan.source.title}${input.plan.source.number ? ` (${input.plan.source.number})` : ""}.`,
      },
      ...(indicators.summary.notObserved.length > 0
        ? [
            {
              zh: `未提供观测值的指标 ${indicators.summary.notObserved.length} 个：${indicators.summary.notObserved.map((id) => input.plan.indicators.find((d) => d.id === id)?.name.zh ?? id).join("、")}。`,
              en: `${indicators.summary.notObserved.length} indicator(s) without an observation (not given): ${indicators.summary.notObserved.map((id) => input.plan.indicators.find((d) => d.id === id)?.name.en ?? id).join("; ")}.`,
            },
          ]
        : []),
    ],
    charts: indicatorCharts,
    tables: [
      {
        caption: withMark({ zh: "规划指标与观测值", en: "Plan indicators and observations" }, obsIllustrative),
        columns: [
          { zh: "指标", en: "Indicator" },
          { zh: "属性", en: "Attribute" },
          { zh: "基期值", en: "Baseline" },
          { zh: "目标值", en: "Target" },
          { zh: "实际值", en: "Observed" },
          { zh: "期望值", en: "Expected" },
          { zh: "状态", en: "Status" },
          { zh: "责任单位", en: "Responsible" },
        ],
        rows: indicatorRows,
        numeric: [5],
      },
    ],
  };

  // ── next steps ─────────────────────────────────────────────────────────────────────────────────────────────
  const offTrackIds = new Set(indicators.summary.bindingOffTrackIds);
  const latestById = new Map<string, (typeof indicators.results)[number]>();
  for (const r of indicators.results) {
    const seen = latestById.get(r.indicatorId);
    if (!seen || r.observed.year >= seen.observed.year) latestById.set(r.indicatorId, r);
  }
  const next = nextStepsSection({
    rows,
    rowsIllustrative,
    rowsYear,
    targetPer1000: input.targetPer1000,
    facilityStandard: input.facilityStandard ?? "taiyuan2025",
    regionCode: input.plan.region,
    horizon:
      input.district?.previous === undefined
        ? undefined
        : {
            from: input.district.previous,
            to: { year: input.district.populationYear, population: input.district.population },
            existingSlots: input.district.existingSlots,
            source: input.district.source,
          },
    beds: withNursing.length > 0 ? { beds: nursingBedsBeds, nursingBeds: nursingTotal } : undefined,
    offTrack: input.plan.entries
      .filter((e) => offTrackIds.has(e.indicatorId))
      .map((e) => latestById.get(e.indicatorId))
      .filter((r) => r !== undefined)
      .map((r) => ({
        name: { zh: r.name.zh, en: r.name.en },
        observed: r.observed,
        expected: r.expected,
        target: r.target,
        illustrative: obsIllustrative,
      })),
  });

  // ── rejected rows ──────────────────────────────────────────────────────────────────────────────────────────
  const INPUT: Record<RejectedRow["input"], Label> = {
    regions: { zh: "街镇数据", en: "sub-district rows" },
    observations: { zh: "指标观测值", en: "observations" },
  };
  const rejectedSection: ReportSection = {
    id: "rejected",
    heading: { zh: "拒收的数据行", en: "Rejected rows" },
    paragraphs: [
      rejected.length === 0
        ? { zh: "没有拒收的数据行。", en: "No row was rejected." }
        : {
            zh: `共拒收 ${rejected.length} 行（街镇数据 ${rejectedRegions} 行，指标观测值 ${rejectedObs} 行），未计入上文任何数字；同样的内容写入错误文件 report.errors.csv。请按原因改正后重新生成报告。`,
            en: `${rejected.length} row(s) rejected (${rejectedRegions} sub-district, ${rejectedObs} observation); none counts in any figure above. The same list is written to the error file report.errors.csv. Correct them and build the report again.`,
          },
    ],
    tables:
      rejected.length === 0
        ? []
        : [
            {
              caption: { zh: "拒收行及原因", en: "Rejected rows and why" },
              columns: [
                { zh: "数据", en: "Input" },
                { zh: "行号", en: "Line" },
                { zh: "代码", en: "Code" },
                { zh: "字段", en: "Field" },
                { zh: "原因", en: "Reason" },
                { zh: "原因（英文）", en: "Reason (English)" },
              ],
              rows: rejected.map((r) => ({
                className: "rejected",
                cells: [
                  INPUT[r.input],
                  r.line === null ? `#${r.index + 1}` : String(r.line),
                  r.code,
                  r.path || "—",
                  r.messageZh,
                  r.message,
                ],
              })),
              numeric: [1],
            },
          ],
  };

  // ── sources ────────────────────────────────────────────────────────────────────────────────────────────────
  const usedStandards = [
    standards.national2025,
    ...(input.nursingShareTarget === undefined ? [] : [standards.nursingBeds2025]),
  ];
  const sources: ReportSource[] = [
    { title: input.plan.source.title, number: input.plan.source.number ?? undefined },
    ...usedStandards.map((s) => ({
      title: s.source.title,
      number: s.source.number ?? undefined,
      note: s.source.url ?? undefined,
    })),
    ...(input.sources ?? []),
  ];

  const banners: Label[] = [];
  if (rowsIllustrative || obsIllustrative) {
    const what = [
      ...(rowsIllustrative ? [{ zh: "街镇数据", en: "the sub-district rows" }] : []),
      ...(obsIllustrative ? [{ zh: "指标观测值", en: "the indicator observations" }] : []),
    ];
    banners.push({
      zh: `示意数据：本报告中的${what.map((w) => w.zh).join("和")}为示意数据，不是官方统计；由示意数据得出的数字均标有“示意”。`,
      en: `Illustrative data: ${what.map((w) => w.en).join(" and ")} in this report are illustrative, not official statistics; every figure drawn from them is marked “illustrative”.`,
    });
  }
  const model: ReportModel = {
    title: { zh: `${input.name.zh}“一老一小”规划报告`, en: `${input.name.en}: elder and child care planning report` },
    subtitle: { zh: input.plan.name.zh, en: input.plan.name.en },
    generatedOn: input.generatedOn,
    banners,
    headline,
    sections: [
      childcare,
      bedsSection,
      indicatorSection,
      next,
      ...(input.finance === undefined
        ? []
        : [
            financeSection({
              standard: input.finance,
              gap: headSlots?.gap ?? null,
              gapYear: headSlots?.year ?? null,
              illustrative: !(district && input.district) && rowsIllustrative,
              regionCode: input.plan.region,
            }),
          ]),
      rejectedSection,
    ],
    sources,
  };
  return {
    model,
    html: renderHtml(model, lang),
    markdown: renderMarkdown(model, lang),
    rejected,
    summary: {
      regions: rows.length,
      rejectedRows: rejected.length,
      rejectedRegions,
      rejectedObservations: rejectedObs,
      requiredSlots: headSlots?.required ?? null,
      existingSlots: headSlots?.existing ?? null,
      gap: headSlots?.gap ?? null,
      populationYear: headSlots?.year ?? null,
      bindingOffTrack: indicators.summary.bindingOffTrack,
      indicatorsAssessed: indicators.results.length,
    },
  };
}

function signed(value: number): string {
  return value > 0 ? `+${fmt(value)}` : value < 0 ? `−${fmt(-value)}` : "±0";
}
