import { describe, expect, it } from "vitest";
import {
  assessPlan,
  assessProgress,
  catalogues,
  computeIndicator,
  IndicatorCatalogueSchema,
  plans,
} from "../src/index.js";

/**
 * Figures the seeds report (observations, not targets):
 * - 城口县 2024年1—11月 (seed 000): 基层医疗卫生机构总诊疗人次占比 65%, 县域内就诊率 92%, 县内医检互认率 42.77%;
 * - 重庆市 (seed 001): 基层诊疗量占比 2009年 68.9%, 2019年 50.72%, 2020年 52.97% (25 试点区县 60.59%);
 * - 库伦旗 (seed 004, a 2025 report): 重点人群慢性病规范化管理率 98.2%, 家庭医生签约服务率 95.7%.
 */
const reported = [
  { indicatorId: "primaryCareVisitShare", year: 2024, value: 65 }, // 城口
  { indicatorId: "inCountyVisitRate", year: 2024, value: 92 }, // 城口
  { indicatorId: "testResultRecognitionRate", year: 2024, value: 42.77 }, // 城口
  { indicatorId: "primaryCareVisitShare", year: 2009, value: 68.9 }, // 重庆市
  { indicatorId: "primaryCareVisitShare", year: 2019, value: 50.72 }, // 重庆市
  { indicatorId: "primaryCareVisitShare", year: 2020, value: 52.97 }, // 重庆市
  { indicatorId: "chronicDiseaseManagementRate", year: 2025, value: 98.2 }, // 库伦旗
  { indicatorId: "familyDoctorContractRate", year: 2025, value: 95.7 }, // 库伦旗
];

describe("county medical community catalogue", () => {
  it("checks reported county figures against the 国办发〔2015〕70号 targets", () => {
    const plan = plans.tieredCare2015;
    expect(
      assessProgress({ plan, indicatorId: "primaryCareVisitShare", observed: { year: 2024, value: 65 } }).status,
    ).toBe(
      "achieved", // 城口 2024: 65% ≥ 65%
    );
    expect(assessProgress({ plan, indicatorId: "inCountyVisitRate", observed: { year: 2024, value: 92 } }).status).toBe(
      "achieved", // 城口 2024: 92% ≥ 90%
    );
    expect(
      assessProgress({ plan, indicatorId: "primaryCareVisitShare", observed: { year: 2020, value: 52.97 } }).status,
    ).toBe(
      "off_track", // 重庆市 2020: 52.97%, three years after the 2017 target year
    );
  });

  it("keeps every reported figure: indicators without a 70号 target come back as errors with their index", () => {
    const { results, priorityOrder, errors } = assessPlan({ plan: plans.tieredCare2015, observations: reported });
    const table = priorityOrder.map((position) => results[position] as (typeof results)[number]);
    expect(table.map((row) => [row.indicatorId, row.observed.year, row.status])).toEqual([
      ["primaryCareVisitShare", 2009, "achieved"],
      ["primaryCareVisitShare", 2019, "off_track"],
      ["primaryCareVisitShare", 2020, "off_track"],
      ["primaryCareVisitShare", 2024, "achieved"],
      ["inCountyVisitRate", 2024, "achieved"],
    ]);
    expect(errors.map((error) => [error.index, error.code])).toEqual([
      [2, "UNKNOWN_INDICATOR"],
      [6, "UNKNOWN_INDICATOR"],
      [7, "UNKNOWN_INDICATOR"],
    ]);
  });

  it("computes the primary-care share from counts (重庆市 2020: 9048.04万 of all visits = 52.97%)", () => {
    const share = catalogues.countyMedicalCommunity.indicators.find((d) => d.id === "primaryCareVisitShare");
    if (!share) throw new Error("missing");
    // the total is not published; 17 081.4万人次 is the total the 52.97% implies, to the 万
    const result = computeIndicator({
      definition: share,
      inputs: { primaryCareVisits: 90_480_400, totalVisits: 170_814_000 },
    });
    expect(result.rounded).toBe(52.97);
  });

  it("is a valid catalogue whose unconfirmed formulas say so", () => {
    const catalogue = catalogues.countyMedicalCommunity;
    expect(IndicatorCatalogueSchema.safeParse(catalogue).success).toBe(true);
    const unconfirmed = catalogue.indicators
      .filter((d) => d.sources.every((s) => s.confidence === "UNCONFIRMED" || s.title.startsWith("国务院办公厅")))
      .map((d) => d.id);
    expect(unconfirmed).toEqual(["inCountyVisitRate", "testResultRecognitionRate", "familyDoctorContractRate"]);
  });
});
