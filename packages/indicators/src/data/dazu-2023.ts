import { deepFreeze } from "@carekit/core/internal";
import type { Plan } from "../plan.js";
import { DAZU_TABLE_2_1, yilaoYixiao } from "./yilao-yixiao.js";

/**
 * The 大足区 plan (大足区“一老一小”整体解决方案 表2-1): the 21 indicators with their 2020 baselines, 2025 targets,
 * attributes (约束性/预期性) and responsible departments, transcribed from the published text. Values are as printed
 * (32.30% is `32.3`); a bare figure is read as “at least” (`>=`), `>70%` as `>`; the four rows whose 2020 column is
 * empty (rows 4, 15, 19, 20) have no baseline — never invented.
 *
 * Printed figures that do not square with the rest of the document are kept as printed and flagged in `note`.
 *
 * @see 重庆市大足区人民政府办公室 大足府办发〔2023〕37号 (成文 2023-03-31, 发布 2023-04-10), 表2-1
 * @example
 * ```ts
 * import { assessProgress, plans } from "@carekit/indicators";
 *
 * const plan = plans.dazu2023;
 * plan.region; // → "500111"
 * plan.entries.length; // → 21
 * // 表2-1: 养老机构护理型床位占比 32.30 % (2020) → 60 % (2025), 约束性, 区民政局
 * const nursing = plan.entries.find((entry) => entry.indicatorId === "nursingBedShare");
 * nursing?.baseline; // → { year: 2020, value: 32.3 }
 * nursing?.target; // → { year: 2025, value: 60, comparator: ">=" }
 * nursing?.attribute; // → "binding"
 * // 2023: the straight line from 32.30 % to 60 % is at 48.92 %; 45 % is behind it, 15 points short of the target
 * const status = assessProgress({ plan, indicatorId: "nursingBedShare", observed: { year: 2023, value: 45 } });
 * status.expected; // → 48.92
 * status.gap; // → 15
 * ```
 */
export const dazu2023: Plan = /* @__PURE__ */ deepFreeze({
  id: "dazu2023",
  version: "2023-03-31",
  name: { zh: "重庆市大足区“一老一小”整体解决方案 主要指标", en: "大足区 elder and child care plan: main indicators" },
  effectiveFrom: "2023-03-31",
  region: "500111",
  source: DAZU_TABLE_2_1,
  indicators: yilaoYixiao.indicators,
  entries: [
    {
      indicatorId: "basicPensionInsuranceRate",
      baseline: { year: 2020, value: 90 },
      target: { year: 2025, value: 95, comparator: ">=" },
      attribute: "expected",
      responsible: ["区人力社保局"],
    },
    {
      indicatorId: "basicMedicalInsuranceRate",
      baseline: { year: 2020, value: 95 },
      target: { year: 2025, value: 95, comparator: ">=" },
      attribute: "binding",
      responsible: ["区医保局"],
    },
    {
      indicatorId: "dayCareCoverage",
      baseline: { year: 2020, value: 90 },
      target: { year: 2025, value: 100, comparator: ">=" },
      attribute: "binding",
      responsible: ["区民政局"],
    },
    {
      indicatorId: "newResidentialElderFacilityCompliance",
      target: { year: 2025, value: 100, comparator: ">=" },
      attribute: "binding",
      responsible: ["区规划自然资源局", "区住房城乡建委"],
    },
    {
      indicatorId: "nursingBedShare",
      baseline: { year: 2020, value: 32.3 },
      target: { year: 2025, value: 60, comparator: ">=" },
      attribute: "binding",
      responsible: ["区民政局"],
    },
    {
      indicatorId: "disabledDestituteCentralCareRate",
      baseline: { year: 2020, value: 37.3 },
      target: { year: 2025, value: 50, comparator: ">=" },
      attribute: "binding",
      responsible: ["区民政局"],
    },
    {
      indicatorId: "willingDestituteCentralCareRate",
      baseline: { year: 2020, value: 100 },
      target: { year: 2025, value: 100, comparator: ">=" },
      attribute: "binding",
      responsible: ["区民政局"],
    },
    {
      indicatorId: "elderHealthManagementRate",
      baseline: { year: 2020, value: 65.78 },
      target: { year: 2025, value: 70, comparator: ">" },
      attribute: "binding",
      responsible: ["区卫生健康委"],
      note: "表2-1 prints >70%; the plan's text (三、(四)) says 老年人健康管理率达到80% by 2025. The table's figure is kept.",
    },
    {
      indicatorId: "elderEducationCoverage",
      baseline: { year: 2020, value: 90 },
      target: { year: 2025, value: 100, comparator: ">=" },
      attribute: "binding",
      responsible: ["区教委", "区委老干局"],
    },
    {
      indicatorId: "safetyNetBedCompliance",
      baseline: { year: 2020, value: 100 },
      target: { year: 2025, value: 100, comparator: ">=" },
      attribute: "expected",
      responsible: ["区民政局"],
    },
    {
      indicatorId: "affordableBedShare",
      baseline: { year: 2020, value: 60 },
      target: { year: 2025, value: 80, comparator: ">=" },
      attribute: "expected",
      responsible: ["区民政局"],
    },
    {
      indicatorId: "vulnerableElderMonthlyVisitRate",
      baseline: { year: 2020, value: 100 },
      target: { year: 2025, value: 100, comparator: ">=" },
      attribute: "expected",
      responsible: ["区民政局"],
    },
    {
      indicatorId: "slotsPer1000",
      baseline: { year: 2020, value: 1.03 },
      target: { year: 2025, value: 4.5, comparator: ">=" },
      attribute: "expected",
      responsible: ["区卫生健康委", "区教委"],
      note: "表2-1 prints 1.03 for 2020, while the same plan counts 1727 slots and 83.46万 residents in 2020 (1727 ÷ 834600 × 1000 = 2.07). The table's figure is kept.",
    },
    {
      indicatorId: "infantHealthManagementRate",
      baseline: { year: 2020, value: 90 },
      target: { year: 2025, value: 92, comparator: ">=" },
      attribute: "expected",
      responsible: ["区卫生健康委"],
    },
    {
      indicatorId: "townshipAffordableChildcareCoverage",
      target: { year: 2025, value: 60, comparator: ">=" },
      attribute: "expected",
      responsible: ["区卫生健康委", "区教委"],
    },
    {
      indicatorId: "homeCareServiceCircleCoverage",
      baseline: { year: 2020, value: 100 },
      target: { year: 2025, value: 100, comparator: ">=" },
      attribute: "binding",
      responsible: ["区民政局"],
    },
    {
      indicatorId: "emergencyRescueCoverage",
      baseline: { year: 2020, value: 100 },
      target: { year: 2025, value: 100, comparator: ">=" },
      attribute: "expected",
      responsible: ["区民政局"],
    },
    {
      indicatorId: "threeSocialLinkageCoverage",
      baseline: { year: 2020, value: 60 },
      target: { year: 2025, value: 100, comparator: ">=" },
      attribute: "expected",
      responsible: ["区民政局"],
    },
    {
      indicatorId: "elderEducationParticipation",
      target: { year: 2025, value: 50, comparator: ">=" },
      attribute: "expected",
      responsible: ["区教委", "区委老干局"],
    },
    {
      indicatorId: "vocationalElderCareEnrolment",
      target: { year: 2025, value: 0.2, comparator: ">=" },
      attribute: "expected",
      responsible: ["区教委"],
      note: "Printed as 0.2 with no unit.",
    },
    {
      indicatorId: "elderCareWorkerTraining",
      baseline: { year: 2020, value: 0.03 },
      target: { year: 2025, value: 0.05, comparator: ">=" },
      attribute: "expected",
      responsible: ["区民政局"],
      note: "Printed as 0.03 and 0.05 with no unit.",
    },
  ],
});
