import type { Source } from "@carekit/core";
import { deepFreeze } from "@carekit/core/internal";
import type { IndicatorCatalogue } from "../catalogue.js";
import type { IndicatorDefinition, IndicatorTerm } from "../definition.js";

/** 表2-1 of the 大足区 plan: the indicator names, attributes and figures as printed. */
export const DAZU_TABLE_2_1: Source = {
  title: "重庆市大足区“一老一小”整体解决方案 表2-1 养老托育服务健康发展主要指标",
  number: "大足府办发〔2023〕37号",
  note: "Read on the 大足区 government site (published 2023-04-10). The table prints names, figures, attributes and departments only; unless another source is cited, numerator and denominator are carekit's reading of the indicator name (UNCONFIRMED as a formula).",
  confidence: "CONFIRMED",
};

const RESIDENTS = { basis: "resident", zh: "常住人口" } as const;
const RESIDENTS_60 = {
  basis: "resident",
  ageMin: 60,
  zh: "辖区内60周岁及以上常住居民（老年人权益保障法 第2条）",
} as const;
const RESIDENTS_65 = { basis: "resident", ageMin: 65, zh: "年内辖区内65岁及以上常住居民" } as const;
const RESIDENTS_UNDER_3 = { basis: "resident", ageBelow: 3, zh: "辖区内3岁以下常住婴幼儿" } as const;
const ENROLMENT_BASIS = { basis: "unspecified", zh: "应参保人员（按常住还是户籍人口未查实）" } as const;

function term(expression: string, zh: string, en: string, population?: IndicatorTerm["population"]): IndicatorTerm {
  return { definition: { zh, en }, expression, ...(population ? { population } : {}) };
}

/** A percentage (比例，%) of the 表2-1 kind: proportion × 100, two decimals, higher is better. */
function percent(spec: {
  id: string;
  zh: string;
  en: string;
  domain: IndicatorDefinition["domain"];
  numerator: IndicatorTerm;
  denominator: IndicatorTerm;
  periodicity?: IndicatorDefinition["periodicity"];
  sources?: readonly Source[];
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
    periodicity: spec.periodicity ?? "annual",
    domain: spec.domain,
    sources: [DAZU_TABLE_2_1, ...(spec.sources ?? [])],
  };
}

/** A count printed in 表2-1 without a unit (likely 万人, not stated): kept as printed. */
function unstatedCount(spec: {
  id: string;
  zh: string;
  en: string;
  domain: IndicatorDefinition["domain"];
  numerator: IndicatorTerm;
}): IndicatorDefinition {
  return {
    id: spec.id,
    name: { zh: spec.zh, en: spec.en },
    scoring: "count",
    numerator: spec.numerator,
    factor: 1,
    unit: "未注明",
    decimals: 2,
    polarity: "increase",
    periodicity: "annual",
    domain: spec.domain,
    sources: [
      {
        ...DAZU_TABLE_2_1,
        note: "表2-1 prints this figure (0.2, 0.03 …) without a unit; the unit is not stated anywhere in the plan, so a head count from computeIndicator cannot be compared with it until the unit is confirmed.",
      },
    ],
  };
}

const communities = term(
  "communities",
  "城乡社区（村、社区）总数",
  "urban and rural communities (villages and neighbourhoods)",
);

/**
 * The 一老一小 catalogue (“一老一小”指标目录): the 21 indicators of 表2-1 of the 大足区 plan as computable
 * definitions, in table order. Formulas rest on the cited public documents where one exists (健康管理率 counts
 * residents aged 65+, 托位数 is per 1000 常住人口); elsewhere they are readings of the indicator name and say so.
 *
 * @see 大足府办发〔2023〕37号 表2-1; 国家基本公共卫生服务规范（第三版）; 《“十四五”国家老龄事业发展和养老服务体系规划》
 * @example
 * ```ts
 * import { catalogues, computeIndicator } from "@carekit/indicators";
 *
 * const catalogue = catalogues.yilaoYixiao;
 * catalogue.indicators.length; // → 21
 * // 每千人口拥有3岁以下婴幼儿托位数: slots per 1000 常住人口
 * const slots = catalogue.indicators.find((definition) => definition.id === "slotsPer1000");
 * slots?.factor; // → 1000
 * slots?.unit; // → "个/千人"
 * // 大足区: 1727 托位 for 834,600 residents (2020)
 * computeIndicator({ definition: slots!, inputs: { slots: 1727, residentPopulation: 834_600 } }).rounded; // → 2.07
 * ```
 */
export const yilaoYixiao: IndicatorCatalogue = /* @__PURE__ */ deepFreeze({
  id: "yilaoYixiao",
  version: "2023.1",
  name: { zh: "“一老一小”养老托育服务指标（大足区 表2-1）", en: "Elder and child care indicators (大足区 table 2-1)" },
  effectiveFrom: "2023-03-31",
  region: "500111",
  source: DAZU_TABLE_2_1,
  indicators: [
    percent({
      id: "basicPensionInsuranceRate",
      zh: "基本养老保险参保率",
      en: "Basic pension insurance enrolment rate",
      domain: "insurance",
      numerator: term("pensionInsured", "参加基本养老保险人数", "people enrolled in basic pension insurance"),
      denominator: term("pensionEligible", "应参加基本养老保险人数", "people who should be enrolled", ENROLMENT_BASIS),
    }),
    percent({
      id: "basicMedicalInsuranceRate",
      zh: "基本医疗保险参保率",
      en: "Basic medical insurance enrolment rate",
      domain: "insurance",
      numerator: term("medicalInsured", "参加基本医疗保险人数", "people enrolled in basic medical insurance"),
      denominator: term("medicalEligible", "应参加基本医疗保险人数", "people who should be enrolled", ENROLMENT_BASIS),
      sources: [
        {
          title: "“十四五”全民医疗保障规划",
          number: "国办发〔2021〕36号",
          note: "《“十四五”全民医疗保障规划》(国办发〔2021〕36号): target 稳定在95%以上; denominator (常住 or 户籍) not found — UNCONFIRMED.",
          confidence: "SECONDARY",
        },
      ],
    }),
    percent({
      id: "dayCareCoverage",
      zh: "社区日间照料机构覆盖率",
      en: "Community day-care coverage",
      domain: "elderCare",
      numerator: term(
        "communitiesWithDayCare",
        "有日间照料机构的社区数",
        "communities with an elder day-care facility",
      ),
      denominator: communities,
    }),
    percent({
      id: "newResidentialElderFacilityCompliance",
      zh: "各地新建城区、新建居民住宅小区配套建设养老服务设施达标率",
      en: "New urban areas and housing estates with compliant elder-care facilities",
      domain: "elderCare",
      numerator: term(
        "compliantNewResidentialAreas",
        "配套养老服务设施达标的新建城区、新建住宅小区数",
        "new areas and estates whose elder-care facilities meet the standard",
      ),
      denominator: term("newResidentialAreas", "新建城区、新建住宅小区数", "new urban areas and housing estates"),
      sources: [
        {
          title: "“十四五”国家老龄事业发展和养老服务体系规划",
          note: "《“十四五”国家老龄事业发展和养老服务体系规划》: 新建城区、新建居住区配套建设养老服务设施达标率 100% by 2025.",
          confidence: "SECONDARY",
        },
      ],
    }),
    percent({
      id: "nursingBedShare",
      zh: "养老机构护理型床位占比",
      en: "Nursing-care bed share of elder-care institutions",
      domain: "elderCare",
      numerator: term("nursingBeds", "养老机构护理型床位数", "nursing-care beds in elder-care institutions"),
      denominator: term("institutionBeds", "养老机构床位总数", "all beds in elder-care institutions"),
      sources: [
        {
          title: "“十四五”国家老龄事业发展和养老服务体系规划",
          url: "https://www.gov.cn/xinwen/2022-02/25/content_5675683.htm",
          note: "《“十四五”国家老龄事业发展和养老服务体系规划》: 55% by 2025; formula 护理型床位 ÷ 养老机构床位 × 100.",
          confidence: "CONFIRMED",
        },
      ],
    }),
    percent({
      id: "disabledDestituteCentralCareRate",
      zh: "生活不能自理特困人员集中供养率",
      en: "Central-care rate of destitute persons unable to care for themselves",
      domain: "elderCare",
      numerator: term(
        "disabledDestituteInCentralCare",
        "集中供养的生活不能自理特困人员数",
        "such persons in central (institutional) care",
      ),
      denominator: term(
        "disabledDestitute",
        "生活不能自理特困人员总数",
        "destitute persons unable to care for themselves",
      ),
    }),
    percent({
      id: "willingDestituteCentralCareRate",
      zh: "有集中供养意愿的特困人员集中供养率",
      en: "Central-care rate of destitute persons who wish central care",
      domain: "elderCare",
      numerator: term(
        "willingDestituteInCentralCare",
        "已集中供养的有意愿特困人员数",
        "willing persons in central care",
      ),
      denominator: term(
        "destituteWishingCentralCare",
        "有集中供养意愿的特困人员数",
        "destitute persons who wish central care",
      ),
    }),
    percent({
      id: "elderHealthManagementRate",
      zh: "老年人健康管理率",
      en: "Elderly health management rate",
      domain: "health",
      numerator: term(
        "eldersHealthManaged",
        "年内接受健康管理人数（建档、体检、健康指导且体检表填写完整）",
        "people aged 65+ who received health management in the year (record, check-up, guidance, complete form)",
        RESIDENTS_65,
      ),
      denominator: term(
        "residents65Plus",
        "年内辖区内65岁及以上常住居民数",
        "residents aged 65 and over in the year",
        RESIDENTS_65,
      ),
      sources: [
        {
          title: "国家基本公共卫生服务规范（第三版） 老年人健康管理服务规范",
          note: "国家基本公共卫生服务规范（第三版） 老年人健康管理: 年内接受健康管理人数 ÷ 年内辖区内65岁及以上常住居民数 × 100%.",
          confidence: "CONFIRMED-2",
        },
      ],
    }),
    percent({
      id: "elderEducationCoverage",
      zh: "老年教育覆盖率",
      en: "Elder education coverage",
      domain: "education",
      numerator: term(
        "unitsWithElderEducation",
        "设有老年学校或老年学习点的镇街和村（社区）数",
        "towns and communities with an elder school or learning point",
      ),
      denominator: term("educationUnits", "镇街和村（社区）总数", "towns and communities"),
    }),
    percent({
      id: "safetyNetBedCompliance",
      zh: "公益性兜底保障养老床位达标率",
      en: "Public safety-net elder-care beds meeting the standard",
      domain: "elderCare",
      numerator: term(
        "compliantSafetyNetBeds",
        "达标的公益性兜底保障养老床位数",
        "safety-net beds meeting the standard",
      ),
      denominator: term("safetyNetBeds", "公益性兜底保障养老床位数", "public safety-net elder-care beds"),
    }),
    percent({
      id: "affordableBedShare",
      zh: "普惠性养老机构床位占比",
      en: "Affordable elder-care institution bed share",
      domain: "elderCare",
      numerator: term(
        "affordableInstitutionBeds",
        "普惠性养老机构床位数",
        "beds in affordable elder-care institutions",
      ),
      denominator: term("institutionBeds", "养老机构床位总数", "all beds in elder-care institutions"),
    }),
    percent({
      id: "vulnerableElderMonthlyVisitRate",
      zh: "特殊困难老年人月探访率",
      en: "Monthly visit rate of elders in special difficulty",
      domain: "elderCare",
      periodicity: "monthly",
      numerator: term(
        "vulnerableEldersVisited",
        "当月接受探访的特殊困难老年人数",
        "elders in special difficulty visited in the month",
      ),
      denominator: term("vulnerableElders", "特殊困难老年人数", "elders in special difficulty"),
    }),
    {
      id: "slotsPer1000",
      name: { zh: "每千人口拥有3岁以下婴幼儿托位数", en: "Childcare slots for under-3s per 1000 residents" },
      scoring: "ratio",
      numerator: term("slots", "3岁以下婴幼儿托位数", "childcare slots for children under 3"),
      denominator: term("residentPopulation", "常住人口数", "resident population", RESIDENTS),
      factor: 1000,
      unit: "个/千人",
      decimals: 2,
      polarity: "increase",
      periodicity: "annual",
      domain: "childcare",
      sources: [
        DAZU_TABLE_2_1,
        {
          title: "“十四五”公共服务规划",
          note: "《“十四五”公共服务规划》: 4.5 by 2025, 1.8 in 2020 (CONFIRMED-2); 托育机构设置标准（试行）: planning tied to 常住人口, formula 托位数 ÷ 常住人口 × 1000 not found in an official definition (SECONDARY).",
          confidence: "SECONDARY",
        },
      ],
    },
    percent({
      id: "infantHealthManagementRate",
      zh: "婴幼儿健康管理率",
      en: "Infant and toddler health management rate",
      domain: "health",
      numerator: term(
        "infantsHealthManaged",
        "年内接受健康管理的3岁以下婴幼儿数",
        "children under 3 who received health management in the year",
        RESIDENTS_UNDER_3,
      ),
      denominator: term("residentsUnder3", "辖区内3岁以下常住婴幼儿数", "resident children under 3", RESIDENTS_UNDER_3),
    }),
    percent({
      id: "townshipAffordableChildcareCoverage",
      zh: "镇(街道)普惠性托育点覆盖率",
      en: "Towns and sub-districts with an affordable childcare point",
      domain: "childcare",
      numerator: term(
        "townshipsWithAffordableChildcare",
        "设有普惠性托育点的镇（街道）数",
        "towns and sub-districts with an affordable childcare point",
      ),
      denominator: term("townships", "镇（街道）总数", "towns and sub-districts"),
    }),
    percent({
      id: "homeCareServiceCircleCoverage",
      zh: "“一刻钟”居家养老服务圈,助餐、助洁、助浴、助行等服务机制覆盖率",
      en: "Coverage of the 15-minute home-care circle (meals, cleaning, bathing, mobility)",
      domain: "elderCare",
      numerator: term(
        "communitiesWithHomeCareCircle",
        "建立助餐、助洁、助浴、助行等服务机制的社区数",
        "communities with meal, cleaning, bathing and mobility services",
      ),
      denominator: communities,
    }),
    percent({
      id: "emergencyRescueCoverage",
      zh: "居家社区养老紧急救援系统覆盖率",
      en: "Coverage of the home and community elder emergency-rescue system",
      domain: "elderCare",
      numerator: term(
        "communitiesWithEmergencyRescue",
        "接入紧急救援系统的社区数",
        "communities connected to the emergency-rescue system",
      ),
      denominator: communities,
    }),
    percent({
      id: "threeSocialLinkageCoverage",
      zh: "“三社联动”(社区为平台、社会组织为载体、社会工作者为支撑)机制覆盖率",
      en: "Coverage of the community–social organisation–social worker linkage",
      domain: "elderCare",
      numerator: term(
        "communitiesWithThreeSocialLinkage",
        "建立“三社联动”机制的社区数",
        "communities with the three-way linkage",
      ),
      denominator: communities,
    }),
    percent({
      id: "elderEducationParticipation",
      zh: "经常性参加教育活动的老年人占比",
      en: "Share of elders who regularly take part in education",
      domain: "education",
      numerator: term(
        "eldersInRegularEducation",
        "经常性参加教育活动的老年人数",
        "elders who regularly take part in education",
        RESIDENTS_60,
      ),
      denominator: term("residents60Plus", "60周岁及以上常住居民数", "residents aged 60 and over", RESIDENTS_60),
    }),
    unstatedCount({
      id: "vocationalElderCareEnrolment",
      zh: "职业院校养老服务相关专业招生数量",
      en: "Vocational-school enrolment in elder-care programmes",
      domain: "education",
      numerator: term(
        "vocationalElderCareEnrolment",
        "职业院校养老服务相关专业招生人数",
        "students enrolled in elder-care programmes",
      ),
    }),
    unstatedCount({
      id: "elderCareWorkerTraining",
      zh: "养老服务护理人员培训数量(每年)",
      en: "Elder-care workers trained (per year)",
      domain: "workforce",
      numerator: term(
        "elderCareWorkersTrained",
        "年内培训的养老服务护理人员数",
        "elder-care workers trained in the year",
      ),
    }),
  ],
});
