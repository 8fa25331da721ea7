import { assessRegions, childcareGap, type RegionRow, standards } from "@carekit/capacity";
import { assessPlan, type Plan, type PlanObservation } from "@carekit/indicators";
import { groupedBarChart, progressChart } from "./charts.js";
import type { Label, ReportModel, ReportSection, ReportSource } from "./model.js";
import { renderHtml, renderMarkdown } from "./render.js";

/** Input of {@link buildDistrictReport}. */
export interface DistrictReportInput {
  /** The district's name (区县名称). */
  readonly name: Label;
  /** The district plan whose indicators are assessed (e.g. `plans.dazu2023`). */
  readonly plan: Plan;
  /** Sub-district rows (街道/镇): population, slots, enrolled, elders, beds, nursing beds. */
  readonly rows: readonly RegionRow[];
  /** Observed indicator values (indicatorId, year, value). */
  readonly observations: readonly PlanObservation[];
  /** Childcare slots per 1000 residents to plan for (e.g. 4.5). */
  readonly targetPer1000: number;
  /** Nursing-bed share to plan for, as a fraction (e.g. 0.6). */
  readonly nursingShareTarget?: number;
  /** A projected district population for the target year, for the district-level need. */
  readonly projection?: { readonly year: number; readonly population: number };
  /** The date printed on the report (YYYY-MM-DD); an explicit input, never the clock. */
  readonly generatedOn: string;
  /** Extra sources to list (e.g. the plan document behind the example data). */
  readonly sources?: readonly ReportSource[];
}

/** The report in both formats and the headline figures (规划报告). */
export interface DistrictReport {
  readonly html: string;
  readonly markdown: string;
  readonly summary: {
    readonly regions: number;
    readonly rejectedRows: number;
    readonly requiredSlots: number;
    readonly existingSlots: number;
    readonly slotGap: number;
    readonly bindingOffTrack: number;
    readonly indicatorsAssessed: number;
  };
}

const fmt = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined
    ? "—"
    : value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

const STATUS: Record<string, Label> = {
  achieved: { zh: "已达标", en: "achieved" },
  on_track: { zh: "进度正常", en: "on track" },
  off_track: { zh: "进度滞后", en: "off track" },
  no_baseline: { zh: "无基期值", en: "no baseline" },
};

/**
 * Build the district planning report (区县“一老一小”规划报告): capacity gaps per sub-district with a bar chart, the
 * elder-bed and nursing-bed position, the plan's indicator table with statuses and a progress chart, and the sources
 * of every standard used — as one self-contained HTML page and a Markdown twin.
 */
export async function buildDistrictReport(input: DistrictReportInput): Promise<DistrictReport> {
  const options = {
    targetPer1000: input.targetPer1000,
    ...(input.nursingShareTarget === undefined ? {} : { nursingShareTarget: input.nursingShareTarget }),
  };
  const capacity = assessRegions(input.rows, options);
  const totals = capacity.totals;
  const district =
    input.projection === undefined
      ? undefined
      : childcareGap({
          population: input.projection.population,
          existingSlots: totals.slots,
          targetPer1000: input.targetPer1000,
        });
  const indicators = assessPlan({ plan: input.plan, observations: input.observations });
  const entries = new Map(input.plan.entries.map((entry) => [entry.indicatorId, entry]));

  const capacityRows = capacity.results.map((r) => [
    r.region,
    fmt(r.population),
    fmt(r.slots),
    fmt(r.slotsPer1000, 2),
    fmt(r.requiredSlots),
    fmt(r.slotGap),
    r.utilization === null ? "—" : `${fmt(r.utilization, 2)}%`,
  ]);
  capacityRows.push([
    "合计 Total",
    fmt(totals.population),
    fmt(totals.slots),
    fmt(totals.slotsPer1000, 2),
    fmt(totals.requiredSlots),
    fmt(totals.slotGap),
    totals.utilization === null ? "—" : `${fmt(totals.utilization, 2)}%`,
  ]);

  const slotChart = await groupedBarChart({
    title: `托位：现有与按 ${input.targetPer1000}‰ 所需 · Childcare slots: existing and required`,
    valueTitle: "slots · 托位数",
    data: capacity.results.flatMap((r) => [
      { label: r.region, series: "现有 existing", value: r.slots ?? 0 },
      { label: r.region, series: "所需 required", value: r.requiredSlots },
    ]),
  });
  const bedChart = await groupedBarChart({
    title: "养老床位与护理型床位 · Elder-care and nursing beds",
    valueTitle: "beds · 床位数",
    data: capacity.results.flatMap((r) => [
      { label: r.region, series: "养老床位 beds", value: r.beds ?? 0 },
      { label: r.region, series: "护理型床位 nursing", value: r.nursingBeds ?? 0 },
      ...(r.requiredNursingBeds === null
        ? []
        : [{ label: r.region, series: "所需护理型 required nursing", value: r.requiredNursingBeds }]),
    ]),
  });

  const indicatorRows = indicators.results.map((r) => [
    r.name.zh,
    r.attribute === "binding" ? "约束性 binding" : "预期性 expected",
    r.baseline ? `${fmt(r.baseline.value, 2)} (${r.baseline.year})` : "—",
    `${r.target.comparator} ${fmt(r.target.value, 2)} (${r.target.year})`,
    `${fmt(r.observed.value, 2)} (${r.observed.year})`,
    r.expected === null ? "—" : fmt(r.expected, 2),
    `${STATUS[r.status]?.zh ?? r.status} ${STATUS[r.status]?.en ?? ""}`,
    entries.get(r.indicatorId)?.responsible.join("、") ?? "",
  ]);
  const progress = await progressChart({
    title: "指标进度 · Indicator progress (observed ÷ target)",
    data: indicators.results.map((r) => ({
      indicator: r.name.zh,
      status: r.status,
      percentOfTarget: r.target.value === 0 ? 0 : Math.round((r.observed.value / r.target.value) * 1000) / 10,
    })),
  });

  const gapFigure = district ?? {
    requiredSlots: totals.requiredSlots,
    existingSlots: totals.slots,
    gap: totals.slotGap,
  };
  const horizon = input.projection ? `${input.projection.year}` : "";
  const sections: ReportSection[] = [
    {
      heading: { zh: "托育服务能力", en: "Childcare capacity" },
      paragraphs: [
        {
          zh: `按每千人口 ${input.targetPer1000} 个托位测算，${horizon ? `${horizon} 年` : ""}需要托位 ${fmt(gapFigure.requiredSlots)} 个，现有 ${fmt(gapFigure.existingSlots)} 个，缺口 ${fmt(gapFigure.gap)} 个。各街镇按常住人口分别测算，缺口不与其他街镇的富余相抵。`,
          en: `At ${input.targetPer1000} slots per 1000 residents, ${horizon ? `${horizon} needs` : "the district needs"} ${fmt(gapFigure.requiredSlots)} slots; it has ${fmt(gapFigure.existingSlots)}, a gap of ${fmt(gapFigure.gap)}. Each sub-district is assessed on its own resident population; its gap is not netted against surpluses elsewhere.`,
        },
      ],
      charts: [slotChart],
      table: {
        columns: [
          { zh: "街镇", en: "Sub-district" },
          { zh: "常住人口", en: "Residents" },
          { zh: "托位", en: "Slots" },
          { zh: "每千人托位", en: "Per 1000" },
          { zh: "所需托位", en: "Required" },
          { zh: "缺口", en: "Gap" },
          { zh: "利用率", en: "Utilisation" },
        ],
        rows: capacityRows,
        rowClasses: [...capacity.results.map((r) => ((r.slotGap ?? 0) > 0 ? "gap" : "")), "total"],
        numeric: [1, 2, 3, 4, 5, 6],
      },
    },
    {
      heading: { zh: "养老床位与护理型床位", en: "Elder-care and nursing beds" },
      paragraphs: [
        {
          zh: `养老床位 ${fmt(totals.beds)} 张，每千名老年人 ${fmt(totals.bedsPer1000Elders, 2)} 张；护理型床位 ${fmt(totals.nursingBeds)} 张，占比 ${fmt(totals.nursingBedShare, 2)}%${input.nursingShareTarget === undefined ? "" : `，按 ${fmt(input.nursingShareTarget * 100)}% 目标缺口 ${fmt(totals.nursingBedGap)} 张`}。`,
          en: `${fmt(totals.beds)} elder-care beds, ${fmt(totals.bedsPer1000Elders, 2)} per 1000 elders; ${fmt(totals.nursingBeds)} nursing beds, a ${fmt(totals.nursingBedShare, 2)}% share${input.nursingShareTarget === undefined ? "" : `; ${fmt(totals.nursingBedGap)} short of the ${fmt(input.nursingShareTarget * 100)}% target`}.`,
        },
      ],
      charts: [bedChart],
    },
    {
      heading: { zh: "主要指标进度", en: "Indicator progress" },
      paragraphs: [
        {
          zh: `共评估 ${indicators.results.length} 个指标观测值，约束性指标进度滞后 ${indicators.summary.bindingOffTrack} 个。期望值按基期到目标年线性插值。`,
          en: `${indicators.results.length} observations assessed; ${indicators.summary.bindingOffTrack} binding indicator(s) off track. Expected values are interpolated linearly from baseline to target year.`,
        },
      ],
      charts: [progress],
      table: {
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
        rowClasses: indicators.results.map((r) => `status-${r.status}`),
        numeric: [4, 5],
      },
    },
  ];

  const usedStandards = [
    standards.national2025,
    ...(input.nursingShareTarget === undefined ? [] : [standards.nursingBeds2025]),
  ];
  const sources: ReportSource[] = [
    ...usedStandards.map((s) => ({ title: s.source.title, number: s.source.number ?? undefined, note: s.source.note })),
    { title: input.plan.source.title, number: input.plan.source.number ?? undefined, note: input.plan.source.note },
    ...(input.sources ?? []),
  ];
  const model: ReportModel = {
    title: { zh: `${input.name.zh}“一老一小”规划报告`, en: `${input.name.en}: elder and child care planning report` },
    subtitle: { zh: input.plan.name.zh, en: input.plan.name.en },
    generatedOn: input.generatedOn,
    summary: [
      {
        zh: `托位缺口 ${fmt(gapFigure.gap)} 个（需 ${fmt(gapFigure.requiredSlots)}，现有 ${fmt(gapFigure.existingSlots)}）`,
        en: `Slot gap ${fmt(gapFigure.gap)} (need ${fmt(gapFigure.requiredSlots)}, have ${fmt(gapFigure.existingSlots)})`,
      },
      { zh: `托位利用率 ${fmt(totals.utilization, 2)}%`, en: `Slot utilisation ${fmt(totals.utilization, 2)}%` },
      {
        zh: `护理型床位占比 ${fmt(totals.nursingBedShare, 2)}%`,
        en: `Nursing-bed share ${fmt(totals.nursingBedShare, 2)}%`,
      },
      {
        zh: `约束性指标滞后 ${indicators.summary.bindingOffTrack} 个`,
        en: `Binding indicators off track: ${indicators.summary.bindingOffTrack}`,
      },
    ],
    sections,
    sources,
  };
  return {
    html: renderHtml(model),
    markdown: renderMarkdown(model),
    summary: {
      regions: capacity.results.length,
      rejectedRows: capacity.errors.length,
      requiredSlots: gapFigure.requiredSlots,
      existingSlots: gapFigure.existingSlots,
      slotGap: gapFigure.gap,
      bindingOffTrack: indicators.summary.bindingOffTrack,
      indicatorsAssessed: indicators.results.length,
    },
  };
}
