import {
  type ChildcareStandard,
  childcareGap,
  defineStandard,
  nursingBedGap,
  planChildcareFacility,
  projectPopulation,
  standards,
} from "@carekit/capacity";
import type { Label, ReportSection, ReportTable, TableRow } from "./model.js";
import { fmt } from "./text.js";

/** The built-in childcare standards whose facility rules the 下一步 section can size against. */
export const FACILITY_STANDARDS = ["taiyuan2025", "national2025", "sichuan"] as const;

/** Id of a standard for {@link FACILITY_STANDARDS}. */
export type FacilityStandardId = (typeof FACILITY_STANDARDS)[number];

/** What the 下一步 section needs of one sub-district. */
export interface NextStepRow {
  readonly region: string;
  readonly population: number;
  readonly gap: number | null;
  readonly beds: number | null;
  readonly nursingBeds: number | null;
  readonly nursingBedGap: number | null;
}

/** A binding indicator's latest observation, as the section ranks them. */
export interface OffTrackIndicator {
  readonly name: Label;
  readonly observed: { readonly year: number; readonly value: number };
  readonly expected: number | null;
  readonly target: { readonly year: number; readonly value: number; readonly comparator: string };
  readonly illustrative: boolean;
}

/** Input of {@link nextStepsSection}. */
export interface NextStepsInput {
  readonly rows: readonly NextStepRow[];
  readonly rowsIllustrative: boolean;
  readonly rowsYear: Label;
  readonly targetPer1000: number;
  /** The standard whose class, carer and area rules size the facilities. */
  readonly facilityStandard: FacilityStandardId;
  /** The district's region code (GB/T 2260), to say when the standard is another place's. */
  readonly regionCode: string;
  /** The district-wide population for two years, for the 2030 horizon (omitted when not known). */
  readonly horizon?:
    | {
        readonly from: { readonly year: number; readonly population: number };
        readonly to: { readonly year: number; readonly population: number };
        readonly existingSlots: number;
        readonly source: Label;
      }
    | undefined;
  /** District totals of beds and nursing beds (rows that give both), for the 2030 nursing-bed target. */
  readonly beds?: { readonly beds: number; readonly nursingBeds: number } | undefined;
  readonly offTrack: readonly OffTrackIndicator[];
}

/**
 * The facility for exactly `slots` places under a standard's class, carer and area rules: planChildcareFacility sizes
 * a facility from a planned population at the standard's slots per 1000, so the population is `slots × 10` at 100 per
 * 1000 (the highest target the schema allows), which gives `ceil(slots × 10 × 100 ÷ 1000) = slots` exactly.
 */
function facilityFor(slots: number, sizing: ChildcareStandard) {
  return planChildcareFacility({ plannedPopulation: slots * 10, standard: sizing, areaType: "new" });
}

/** The standard {@link facilityFor} sizes with: its own rules at 100 per 1000, defined (validated) once per report. */
function sizingStandard(standard: ChildcareStandard): ChildcareStandard {
  return defineStandard({ ...standard, slotsPer1000: { new: 100, existing: 100 } });
}

const yesNo = (value: boolean | null): Label =>
  value === null ? { zh: "标准未规定", en: "not set" } : value ? { zh: "是", en: "yes" } : { zh: "否", en: "no" };

/**
 * 下一步 · What to do next: sub-districts ranked by slot gap with the facility each would need under the chosen
 * standard (classes, carers, floor and land area), those with a nursing-bed gap, the 2030 horizon, and the binding
 * indicators off track with their distance to target.
 */
export function nextStepsSection(input: NextStepsInput): ReportSection {
  const standard = standards[input.facilityStandard] as ChildcareStandard;
  const otherPlace = standard.region !== "CN" && standard.region !== input.regionCode;
  const standardName: Label = {
    zh: `${standard.regionName}配建标准（${standard.source.title}${standard.source.number ? `，${standard.source.number}` : ""}）`,
    en: `the ${standard.regionName} provision standard (${standard.source.title}${standard.source.number ? `, ${standard.source.number}` : ""})`,
  };
  const paragraphs: Label[] = [];
  const tables: ReportTable[] = [];

  const ranked = input.rows
    .filter((r) => (r.gap ?? 0) > 0)
    .sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0) || a.region.localeCompare(b.region, "zh"));
  const notGiven = input.rows.filter((r) => r.gap === null);
  const mark = input.rowsIllustrative ? { zh: "（示意）", en: " (illustrative)" } : { zh: "", en: "" };
  if (ranked.length > 0) {
    const sizing = sizingStandard(standard);
    const plans = ranked.map((r) => ({ row: r, plan: facilityFor(r.gap ?? 0, sizing) }));
    const classSize = plans[0]?.plan.classPlan.classSize ?? 0;
    const rows: TableRow[] = plans.map(({ row, plan }, i) => ({
      className: i < 3 ? "priority" : undefined,
      cells: [
        String(i + 1),
        row.region,
        fmt(row.gap),
        fmt(plan.classes),
        fmt(plan.carers),
        fmt(plan.floorAreaM2),
        fmt(plan.landAreaM2),
        yesNo(plan.independentBuilding),
      ],
    }));
    const total = {
      gap: plans.reduce((s, p) => s + (p.row.gap ?? 0), 0),
      classes: plans.reduce((s, p) => s + p.plan.classes, 0),
      carers: plans.reduce((s, p) => s + p.plan.carers, 0),
      floor: plans.every((p) => p.plan.floorAreaM2 !== null)
        ? plans.reduce((s, p) => s + (p.plan.floorAreaM2 ?? 0), 0)
        : null,
      land: plans.every((p) => p.plan.landAreaM2 !== null)
        ? plans.reduce((s, p) => s + (p.plan.landAreaM2 ?? 0), 0)
        : null,
    };
    rows.push({
      className: "total",
      cells: [
        "",
        { zh: `合计（${plans.length} 个街镇）${mark.zh}`, en: `Total (${plans.length} sub-districts)${mark.en}` },
        fmt(total.gap),
        fmt(total.classes),
        fmt(total.carers),
        fmt(total.floor),
        fmt(total.land),
        "",
      ],
    });
    tables.push({
      caption: {
        zh: `按托位缺口排序的街镇与所需托育设施（${input.rowsYear.zh}人口）${mark.zh}`,
        en: `Sub-districts by slot gap and the childcare facilities they need (${input.rowsYear.en} population)${mark.en}`,
      },
      columns: [
        { zh: "序", en: "Rank" },
        { zh: "街镇", en: "Sub-district" },
        { zh: "托位缺口", en: "Slot gap" },
        { zh: "班数", en: "Classes" },
        { zh: "保育人员（下限）", en: "Carers (min.)" },
        { zh: "建筑面积㎡", en: "Floor m²" },
        { zh: "用地面积㎡", en: "Land m²" },
        { zh: "须独立设置", en: "Own building" },
      ],
      rows,
      numeric: [0, 2, 3, 4, 5, 6],
      notes: [
        {
          zh: `按${standardName.zh}测算：每班 ${classSize} 人，班数 = ⌈缺口 ÷ ${classSize}⌉；保育人员按托育机构设置标准（试行）（国卫人口发〔2019〕58号）的师生比取下限；建筑、用地面积 = ⌈缺口 × 每托位面积⌉，标准未规定者为“—”。逐街镇各建一处计算，合计为各街镇之和。`,
          en: `Sized under ${standardName.en}: ${classSize} children a class, classes = ⌈gap ÷ ${classSize}⌉; carers are the fewest the carer ratios of 托育机构设置标准（试行）(国卫人口发〔2019〕58号) allow; floor and land area = ⌈gap × area per slot⌉, “—” where the standard sets none. One facility per sub-district; the total is their sum.`,
        },
        ...(otherPlace
          ? [
              {
                zh: `注意：所选为${standard.regionName}的标准（另一城市的标准，仅作示意），不是本区的规定；请按本地标准复核。`,
                en: `Note: this is ${standard.regionName}'s standard — another city's, applied for illustration only, not this district's rule; check against the local standard.`,
              },
            ]
          : []),
        ...(notGiven.length > 0
          ? [
              {
                zh: `${notGiven.length} 个街镇未提供托位数，无法排序：${notGiven.map((r) => r.region).join("、")}。`,
                en: `${notGiven.length} sub-district(s) give no slots and cannot be ranked: ${notGiven.map((r) => r.region).join(", ")}.`,
              },
            ]
          : []),
      ],
    });
    const top = plans.slice(0, 3).map((p) => `${p.row.region}（${fmt(p.row.gap)}）`);
    paragraphs.push({
      zh: `托位缺口最大的街镇${mark.zh}：${top.join("、")}。按${standardName.zh}，补齐全部 ${plans.length} 个街镇的缺口共需 ${fmt(total.classes)} 个班、至少 ${fmt(total.carers)} 名保育人员${total.floor === null ? "" : `、建筑面积约 ${fmt(total.floor)} ㎡`}${total.land === null ? "" : `、用地约 ${fmt(total.land)} ㎡`}。`,
      en: `The largest slot gaps${mark.en}: ${plans
        .slice(0, 3)
        .map((p) => `${p.row.region} (${fmt(p.row.gap)})`)
        .join(
          ", ",
        )}. Under ${standardName.en}, closing the gaps of all ${plans.length} sub-districts takes ${fmt(total.classes)} classes and at least ${fmt(total.carers)} carers${total.floor === null ? "" : `, about ${fmt(total.floor)} m² of floor area`}${total.land === null ? "" : ` and ${fmt(total.land)} m² of land`}.`,
    });
  } else if (input.rows.length > 0 && notGiven.length < input.rows.length) {
    paragraphs.push({ zh: "各街镇均无托位缺口。", en: "No sub-district has a slot gap." });
  } else {
    paragraphs.push({
      zh: "街镇未提供托位数，无法按缺口排序（未提供，不是 0）。",
      en: "The sub-districts give no slots, so none can be ranked by gap (not given, not 0).",
    });
  }

  const nursing = input.rows
    .filter((r) => (r.nursingBedGap ?? 0) > 0)
    .sort((a, b) => (b.nursingBedGap ?? 0) - (a.nursingBedGap ?? 0) || a.region.localeCompare(b.region, "zh"));
  if (nursing.length > 0) {
    tables.push({
      caption: {
        zh: `按护理型床位缺口排序的街镇${mark.zh}`,
        en: `Sub-districts by nursing-bed gap${mark.en}`,
      },
      columns: [
        { zh: "序", en: "Rank" },
        { zh: "街镇", en: "Sub-district" },
        { zh: "养老床位", en: "Beds" },
        { zh: "护理型床位", en: "Nursing beds" },
        { zh: "护理型缺口", en: "Nursing-bed gap" },
      ],
      rows: nursing.map((r, i) => ({
        className: i < 3 ? "priority" : undefined,
        cells: [String(i + 1), r.region, fmt(r.beds), fmt(r.nursingBeds), fmt(r.nursingBedGap)],
      })),
      numeric: [0, 2, 3, 4],
      notes: [
        {
          zh: "缺口可通过新增护理型床位或将现有床位改造为护理型床位补齐。",
          en: "A gap is closed by adding nursing-care beds or converting existing beds.",
        },
      ],
    });
  }

  // ── the 2030 horizon ──────────────────────────────────────────────────────────────────────────────────────
  const horizonRows: TableRow[] = [];
  if (input.horizon) {
    const { from, to } = input.horizon;
    const years = to.year - from.year;
    const rate = Math.round(((to.population / from.population) ** (1 / years) - 1) * 1e6) / 1e6;
    const projected = projectPopulation({
      base: to.population,
      baseYear: to.year,
      targetYear: 2030,
      annualGrowthRate: rate,
    });
    const slots = childcareGap({
      population: projected,
      existingSlots: input.horizon.existingSlots,
      targetPer1000: input.targetPer1000,
    });
    horizonRows.push({
      cells: [
        { zh: "常住人口", en: "Residents" },
        `${fmt(to.population)} (${to.year})`,
        fmt(projected.value),
        {
          zh: `按 ${from.year}—${to.year} 年均增长 ${fmt(rate * 100, 4)}% 复合外推（${input.horizon.source.zh}）`,
          en: `compound growth at the ${from.year}–${to.year} average of ${fmt(rate * 100, 4)}% a year (${input.horizon.source.en})`,
        },
      ],
    });
    horizonRows.push({
      cells: [
        { zh: "所需托位 / 缺口", en: "Slots required / gap" },
        "",
        `${fmt(slots.requiredSlots)} / ${fmt(slots.gap)}`,
        {
          zh: `沿用每千人 ${input.targetPer1000} 个、现有 ${fmt(input.horizon.existingSlots)} 个；carekit 未收录十五五的托位数目标值`,
          en: `keeping ${input.targetPer1000} per 1000 and ${fmt(input.horizon.existingSlots)} existing slots; carekit holds no 十五五 slot target`,
        },
      ],
    });
  }
  if (input.beds && input.beds.beds > 0) {
    const target = standards.nursingBeds2030;
    const gap = nursingBedGap({
      existingBeds: input.beds.beds,
      nursingBeds: input.beds.nursingBeds,
      standard: "nursingBeds2030",
    });
    horizonRows.push({
      cells: [
        { zh: "护理型床位（所需 / 缺口）", en: "Nursing beds (required / gap)" },
        {
          zh: `${fmt(input.beds.nursingBeds)}（${input.rowsYear.zh}）`,
          en: `${fmt(input.beds.nursingBeds)} (${input.rowsYear.en})`,
        },
        `${fmt(gap.requiredNursingBeds)} / ${fmt(gap.gap)}`,
        {
          zh: `${target.targetYear} 年占比 ${fmt(target.targetShare * 100)}%（${target.source.title}），按现有养老床位 ${fmt(input.beds.beds)} 张${input.rowsIllustrative ? "（示意）" : ""}`,
          en: `${fmt(target.targetShare * 100)}% share by ${target.targetYear} (${target.source.title}), on today's ${fmt(input.beds.beds)} beds${input.rowsIllustrative ? " (illustrative)" : ""}`,
        },
      ],
    });
  }
  if (horizonRows.length > 0) {
    tables.push({
      caption: { zh: "2030 年（十五五末）展望", en: "The 2030 horizon (end of the 15th five-year plan)" },
      columns: [
        { zh: "项目", en: "Item" },
        { zh: "现状", en: "Now" },
        { zh: "2030 年", en: "2030" },
        { zh: "依据", en: "Basis" },
      ],
      rows: horizonRows,
      numeric: [1, 2],
    });
  }

  // ── binding indicators off track ──────────────────────────────────────────────────────────────────────────
  if (input.offTrack.length > 0) {
    tables.push({
      caption: { zh: "进度滞后的约束性指标", en: "Binding indicators off track" },
      columns: [
        { zh: "指标", en: "Indicator" },
        { zh: "实际值", en: "Observed" },
        { zh: "期望值", en: "Expected" },
        { zh: "目标值", en: "Target" },
        { zh: "距目标", en: "To target" },
        { zh: "落后进度", en: "Behind schedule" },
      ],
      rows: input.offTrack.map((r) => ({
        className: "status-off_track",
        cells: [
          r.name,
          {
            zh: `${fmt(r.observed.value, 2)} (${r.observed.year})${r.illustrative ? "（示意）" : ""}`,
            en: `${fmt(r.observed.value, 2)} (${r.observed.year})${r.illustrative ? " (illustrative)" : ""}`,
          },
          r.expected === null ? "—" : fmt(r.expected, 2),
          `${r.target.comparator} ${fmt(r.target.value, 2)} (${r.target.year})`,
          fmt(Math.abs(r.target.value - r.observed.value), 2),
          r.expected === null ? "—" : fmt(Math.abs(r.expected - r.observed.value), 2),
        ],
      })),
      numeric: [1, 2, 4, 5],
      notes: [
        {
          zh: "距目标 = |目标值 − 实际值|；落后进度 = |期望值 − 实际值|，期望值为基期到目标年的线性插值；单位与规划表相同。",
          en: "To target = |target − observed|; behind schedule = |expected − observed|, the expected value interpolated linearly from baseline to target year; in the plan table's units.",
        },
      ],
    });
  } else {
    paragraphs.push({ zh: "没有进度滞后的约束性指标。", en: "No binding indicator is off track." });
  }

  return {
    id: "next",
    heading: { zh: "下一步", en: "What to do next" },
    banner: input.rowsIllustrative
      ? {
          zh: "示意数据：本节的排序和设施测算基于示意的街镇数据，仅用来展示报告的用法。",
          en: "Illustrative data: the ranking and facility sizing here rest on the illustrative sub-district rows and only show how the report reads.",
        }
      : undefined,
    paragraphs,
    tables,
  };
}
