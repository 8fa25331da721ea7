import type { Source } from "@carekit/core";
import { deepFreeze } from "@carekit/core/internal";
import type { IndicatorCatalogue } from "../catalogue.js";
import type { IndicatorDefinition, IndicatorTerm } from "../definition.js";
import type { Plan } from "../plan.js";

const GUIDING_OPINION_70: Source = {
  title: "国务院办公厅关于推进分级诊疗制度建设的指导意见",
  number: "国办发〔2015〕70号",
  note: "国办发〔2015〕70号: 2017 pilot targets 基层医疗卫生机构诊疗量占比 ≥65%, 县域内就诊率 90%左右 (CONFIRMED-2 through reposts).",
  confidence: "CONFIRMED-2",
};

const READING: Source = {
  title: "carekit reading of the indicator name",
  note: "No official numerator/denominator definition was found; this formula is the usual reading of the name and must be checked against the local 医共体 assessment rules before use.",
  confidence: "UNCONFIRMED",
};

function share(spec: {
  id: string;
  zh: string;
  en: string;
  numerator: IndicatorTerm;
  denominator: IndicatorTerm;
  domain?: IndicatorDefinition["domain"];
  sources: readonly Source[];
}): IndicatorDefinition {
  return {
    id: spec.id,
    name: { zh: spec.zh, en: spec.en },
    scoring: "proportion",
    numerator: spec.numerator,
    denominator: spec.denominator,
    factor: 100,
    unit: "%",
    decimals: 2,
    polarity: "increase",
    periodicity: "annual",
    domain: spec.domain ?? "tieredCare",
    sources: [...spec.sources],
  };
}

/**
 * The county medical community catalogue (紧密型县域医共体指标目录): 基层医疗卫生机构诊疗量占比, 县域内就诊率,
 * 医检互认率, 慢性病规范管理率 and 家庭医生签约服务率 — the figures county reports (城口县, 库伦旗) and Chongqing's
 * 医共体 pilots publish. Only the primary-care share and the chronic-disease management rate rest on a written
 * formula; the other three say they are readings.
 *
 * @see 国办发〔2015〕70号; 国家基本公共卫生服务规范（第三版）
 * @example
 * ```ts
 * import { catalogues } from "@carekit/indicators";
 *
 * const catalogue = catalogues.countyMedicalCommunity;
 * catalogue.indicators.map((definition) => definition.id);
 * // → ["primaryCareVisitShare", "inCountyVisitRate", "testResultRecognitionRate", "chronicDiseaseManagementRate", "familyDoctorContractRate"]
 * // 基层医疗卫生机构诊疗量占比: primary-care visits over all visits, in per cent
 * const primary = catalogue.indicators[0];
 * primary?.numerator.expression; // → "primaryCareVisits"
 * primary?.denominator?.expression; // → "totalVisits"
 * primary?.unit; // → "%"
 * ```
 */
export const countyMedicalCommunity: IndicatorCatalogue = /* @__PURE__ */ deepFreeze({
  id: "countyMedicalCommunity",
  version: "2026.1",
  name: { zh: "紧密型县域医共体指标", en: "County medical community indicators" },
  effectiveFrom: "2026-11-25",
  region: "CN",
  source: {
    title: "carekit county medical community catalogue",
    note: "Assembled from 国办发〔2015〕70号 and public county reports; effectiveFrom is this catalogue's release, not a policy date.",
    confidence: "SECONDARY",
  },
  indicators: [
    share({
      id: "primaryCareVisitShare",
      zh: "基层医疗卫生机构诊疗量占比",
      en: "Share of visits at primary care institutions",
      numerator: {
        definition: { zh: "基层医疗卫生机构总诊疗人次", en: "visits at primary care institutions" },
        expression: "primaryCareVisits",
      },
      denominator: {
        definition: { zh: "医疗卫生机构总诊疗人次", en: "visits at all medical institutions" },
        expression: "totalVisits",
      },
      sources: [
        GUIDING_OPINION_70,
        {
          title: "重庆推进区县医共体“三通”建设（重庆日报）",
          note: "Formula as reported: 2020 基层医疗卫生机构总诊疗9048.04万人次，占全市医疗总诊疗量的52.97%.",
          confidence: "SECONDARY",
        },
      ],
    }),
    share({
      id: "inCountyVisitRate",
      zh: "县域内就诊率",
      en: "Share of county residents' care received within the county",
      numerator: {
        definition: {
          zh: "县域居民在县域内医疗机构的就诊人次",
          en: "visits by county residents to institutions in the county",
        },
        expression: "inCountyVisits",
      },
      denominator: {
        definition: { zh: "县域居民就诊总人次", en: "all visits by county residents" },
        expression: "residentVisits",
      },
      sources: [GUIDING_OPINION_70, READING],
    }),
    share({
      id: "testResultRecognitionRate",
      zh: "医检互认率",
      en: "Mutual recognition rate of test and imaging results",
      numerator: {
        definition: { zh: "被互认的检查检验结果数", en: "results recognised by another institution" },
        expression: "recognisedResults",
      },
      denominator: {
        definition: { zh: "符合互认条件的检查检验结果数", en: "results eligible for recognition" },
        expression: "eligibleResults",
      },
      sources: [READING],
    }),
    share({
      id: "chronicDiseaseManagementRate",
      zh: "慢性病规范管理率",
      en: "Standardised chronic-disease management rate",
      domain: "health",
      numerator: {
        definition: { zh: "按规范管理的慢性病患者人数", en: "patients managed to the standard" },
        expression: "standardManaged",
      },
      denominator: {
        definition: { zh: "年内已管理的慢性病患者人数", en: "patients under management in the year" },
        expression: "managedPatients",
      },
      sources: [
        {
          title: "国家基本公共卫生服务规范（第三版） 高血压、2型糖尿病患者健康管理",
          note: "国家基本公共卫生服务规范（第三版）, as public health-service systems apply it: 规范管理率 = 规范管理人数 ÷ 年内管理人数.",
          confidence: "SECONDARY",
        },
      ],
    }),
    share({
      id: "familyDoctorContractRate",
      zh: "家庭医生签约服务率",
      en: "Family-doctor contract rate",
      domain: "health",
      numerator: {
        definition: { zh: "签约家庭医生服务的常住居民数", en: "residents with a family-doctor contract" },
        expression: "contractedResidents",
      },
      denominator: {
        definition: { zh: "常住人口数", en: "resident population" },
        expression: "residentPopulation",
        population: { basis: "resident", zh: "常住人口（也有地区按重点人群计算）" },
      },
      sources: [READING],
    }),
  ],
});

/**
 * The 2017 tiered-care targets of 国办发〔2015〕70号 (分级诊疗试点目标): 基层医疗卫生机构诊疗量占比 ≥65%,
 * 县域内就诊率 90%左右 (recorded as `>= 90`; the document says “about”). No baselines; attribute `unlabelled`.
 *
 * @see 国务院办公厅《关于推进分级诊疗制度建设的指导意见》(国办发〔2015〕70号)
 * @example
 * ```ts
 * import { assessProgress, plans } from "@carekit/indicators";
 *
 * const plan = plans.tieredCare2015;
 * // 城口县 2024: 基层诊疗量占比 65 % (target ≥ 65 %), 县域内就诊率 92 % (target about 90 %)
 * assessProgress({ plan, indicatorId: "primaryCareVisitShare", observed: { year: 2024, value: 65 } }).status; // → "achieved"
 * assessProgress({ plan, indicatorId: "inCountyVisitRate", observed: { year: 2024, value: 92 } }).status; // → "achieved"
 * // 重庆市 2020: 52.97 %, three years after the 2017 target year
 * assessProgress({ plan, indicatorId: "primaryCareVisitShare", observed: { year: 2020, value: 52.97 } }).status;
 * // → "off_track"
 * ```
 */
export const tieredCare2015: Plan = /* @__PURE__ */ deepFreeze({
  id: "tieredCare2015",
  version: "2015",
  name: { zh: "分级诊疗制度建设 2017 年目标", en: "Tiered-care targets for 2017" },
  effectiveFrom: "2015-09-08",
  effectiveTo: "2017-12-31",
  region: "CN",
  source: {
    ...GUIDING_OPINION_70,
    note: `${GUIDING_OPINION_70.note} effectiveFrom is the issue date as recalled (UNCONFIRMED); effectiveTo the end of the target year.`,
  },
  indicators: countyMedicalCommunity.indicators.filter((definition) =>
    ["primaryCareVisitShare", "inCountyVisitRate"].includes(definition.id),
  ),
  entries: [
    {
      indicatorId: "primaryCareVisitShare",
      target: { year: 2017, value: 65, comparator: ">=" },
      attribute: "unlabelled",
      responsible: [],
    },
    {
      indicatorId: "inCountyVisitRate",
      target: { year: 2017, value: 90, comparator: ">=" },
      attribute: "unlabelled",
      responsible: [],
      note: "70号 says 县域内就诊率提高到90%左右 (about 90%).",
    },
  ],
});
