import type { ChildcareStandard } from "../standard.js";

const DAZU_PLAN = {
  title: "重庆市大足区“一老一小”整体解决方案",
  number: "大足府办发〔2023〕37号",
  note: "Read on the 大足区 government site. 表2-1 指标13: 2020 年 1.03, 2025 年 4.5 (预期性); text: 2025 年常住人口约 87 万人, 需要托位 3915 个, 缺口 2188 个. 成文 2023-03-31, published 2023-04-10.",
  confidence: "CONFIRMED",
} as const;

/**
 * National 2025 childcare target and class rules (全国托育): 每千人口拥有3岁以下婴幼儿托位数 4.5 by 2025 (baseline
 * 1.8 in 2020), with the class rules of 托育机构设置标准（试行）(国卫人口发〔2019〕58号): 乳儿班 ≤10, 托小班 ≤15,
 * 托大班 ≤20, mixed classes from 18 months ≤18; carers at least 1:3, 1:5, 1:7; a full-time health worker from
 * 150 children. The national target covers the whole resident population, so it applies to new and existing
 * areas alike. The mixed-class carer ratio is not set nationally and stays `null`.
 *
 * @see 《"十四五"公共服务规划》— 每千人口拥有3岁以下婴幼儿托位数 2025 年 4.5 个; 国家卫生健康委《托育机构设置标准（试行）》《托育机构管理规范（试行）》（国卫人口发〔2019〕58号，2019-10-08）
 * @example
 * ```ts
 * import { childcareGap, standards } from "@carekit/capacity";
 *
 * // 4.5 slots per 1000 residents by 2025, from 1.8 in 2020
 * standards.national2025.slotsPer1000; // → { new: 4.5, existing: 4.5 }
 * standards.national2025.baseline; // → { year: 2020, value: 1.8 }
 * standards.national2025.classRules?.classSize; // → { infant: 10, toddler: 15, olderToddler: 20, mixed: 18 }
 * // 大足区: about 870,000 residents, 1727 slots
 * childcareGap({ population: 870_000, existingSlots: 1727, standard: "national2025" }).gap; // → 2188
 * ```
 */
export const national2025: ChildcareStandard = {
  kind: "childcare",
  id: "national2025",
  version: "十四五 (2021–2025)",
  effectiveFrom: "2021-01-01",
  effectiveTo: "2025-12-31",
  region: "CN",
  regionName: "全国",
  source: {
    title: "“十四五”公共服务规划：每千人口拥有3岁以下婴幼儿托位数 2025 年达到 4.5 个",
    number: null,
    note: "4.5 by 2025 against 1.8 in 2020 (2.03 at end-2021), stated by two or more independent reposts . Document number not confirmed in our sources.",
    confidence: "CONFIRMED-2",
  },
  targetYear: 2025,
  slotsPer1000: { new: 4.5, existing: 4.5 },
  baseline: { year: 2020, value: 1.8 },
  classRules: {
    classSize: { infant: 10, toddler: 15, olderToddler: 20, mixed: 18 },
    carerRatio: { infant: 3, toddler: 5, olderToddler: 7, mixed: null },
    mixedFromMonths: 18,
    fullTimeHealthWorkerFrom: 150,
    source: {
      title: "托育机构设置标准（试行）第十九条、第二十条",
      number: "国卫人口发〔2019〕58号",
      note: "Issued and effective 2019-10-08. Class sizes and carer ratios (不低于) CONFIRMED-2. No national carer ratio for mixed classes (深圳 uses 1:6), so it is a parameter. Full-time health worker from 150 children: 托儿所幼儿园卫生保健管理办法 (卫生部 教育部令第76号) 第十二条, one secondary source (C1.7).",
      confidence: "CONFIRMED-2",
    },
  },
  facility: null,
};

/**
 * Sichuan 托育机构设置标准实施细则 第五条 (四川): new residential areas at least 10 slots per 1000 residents;
 * old town and built-up areas without a facility at least 8 (by purchase, exchange or lease). One secondary source:
 * an overridable default, document number and effective date unconfirmed.
 *
 * @see 《四川省托育机构设置标准实施细则》第五条 (as published at tuoyupt.com/ztydetail/679.html; SECONDARY)
 * @example
 * ```ts
 * import { childcareGap, standards } from "@carekit/capacity";
 *
 * // 四川: 10 slots per 1000 residents in new areas, 8 in existing ones
 * standards.sichuan.slotsPer1000; // → { new: 10, existing: 8 }
 * standards.sichuan.region; // → "510000"
 * // about 870,000 residents in an existing area: 870,000 × 8 ÷ 1000
 * const gap = childcareGap({ population: 870_000, existingSlots: 1727, standard: "sichuan", areaType: "existing" });
 * gap.requiredSlots; // → 6960
 * ```
 */
export const sichuan: ChildcareStandard = {
  kind: "childcare",
  id: "sichuan",
  version: "实施细则",
  effectiveFrom: null,
  effectiveTo: null,
  region: "510000",
  regionName: "四川省",
  source: {
    title: "四川省托育机构设置标准（试行）实施细则 第五条",
    number: null,
    note: "One secondary source (tuoyupt.com/ztydetail/679.html): an overridable default. Document number and effective date not confirmed. 'existing' = 老城区和已建成居住区 without a facility.",
    confidence: "SECONDARY",
  },
  targetYear: null,
  slotsPer1000: { new: 10, existing: 8 },
  baseline: null,
  classRules: null,
  facility: null,
};

/**
 * Taiyuan 2025 childcare facility standard (太原): at least 10 slots per 1000 residents when urban childcare
 * facilities are planned; classes of 20 children; a building of its own from 4 classes; land ≥10 m² and floor area
 * ≥12 m² per slot; residential communities of 3000 or more planned residents must provide a facility. Read in one
 * news report: an overridable default. No figure for existing areas.
 *
 * @see 太原市卫生健康委等《支持托育服务高质量发展的若干措施》— 城市托育服务设施配建
 * @example
 * ```ts
 * import { planChildcareFacility, standards } from "@carekit/capacity";
 *
 * // 太原: 10 slots per 1000 planned residents in new areas; 10 m² of land and 12 m² of floor per slot
 * standards.taiyuan2025.slotsPer1000; // → { new: 10, existing: null }
 * standards.taiyuan2025.facility?.landM2PerSlot; // → 10
 * standards.taiyuan2025.facility?.floorM2PerSlot; // → 12
 * // a new community planned for 12,000 residents: 120 slots, 1200 m² of land, 1440 m² of floor
 * const plan = planChildcareFacility({ plannedPopulation: 12_000, standard: "taiyuan2025", areaType: "new" });
 * plan.landAreaM2; // → 1200
 * plan.floorAreaM2; // → 1440
 * ```
 */
export const taiyuan2025: ChildcareStandard = {
  kind: "childcare",
  id: "taiyuan2025",
  version: "2025",
  effectiveFrom: null,
  effectiveTo: null,
  region: "140100",
  regionName: "太原市",
  source: {
    title: "太原市《支持托育服务高质量发展的若干措施》（市卫生健康委、市委编办、市发展改革委、市教育局等）",
    number: null,
    note: "Read in a 2025 news report (山西太原打造“15分钟托育服务圈”): one source, so an overridable default. Document number and effective date not given there. Applies to 城市托育服务设施配建 (new urban areas); no figure for existing areas.",
    confidence: "SECONDARY",
  },
  targetYear: null,
  slotsPer1000: { new: 10, existing: null },
  baseline: null,
  classRules: null,
  facility: {
    planningClassSize: 20,
    independentBuildingFromClasses: 4,
    landM2PerSlot: 10,
    floorM2PerSlot: 12,
    requiredFromPopulation: 3000,
    source: {
      title: "太原市《支持托育服务高质量发展的若干措施》：城市托育服务设施配建",
      number: null,
      note: "每班人数按20人计算，4个班及以上的建筑独立设置；每托位用地面积不宜少于10平方米，建筑面积不应少于12平方米；规划人口达0.3万人及以上的居住社区需按规定进行配建 . One source (a news report): an overridable default.",
      confidence: "SECONDARY",
    },
  },
};

/**
 * 大足区 2025 childcare target (大足区托位目标): 4.5 slots per 1000 residents by 2025 against 1.03 in 2020, from the
 * district's 一老一小 plan (大足府办发〔2023〕37号, 表2-1 指标13), which computes 3915 slots needed for about 870,000
 * residents and a gap of 2188.
 *
 * @see 重庆市大足区人民政府办公室《重庆市大足区"一老一小"整体解决方案》（大足府办发〔2023〕37号，2023-03-31）
 * @example
 * ```ts
 * import { childcareGap, standards } from "@carekit/capacity";
 *
 * // 大足区: 4.5 slots per 1000 residents by 2025, from 1.03 in 2020
 * standards.dazuChildcare2025.slotsPer1000.new; // → 4.5
 * standards.dazuChildcare2025.baseline; // → { year: 2020, value: 1.03 }
 * // 预测到2025年需要提供托位3915个，目前托位数缺口为2188个
 * const dazu = childcareGap({ population: 870_000, existingSlots: 1727, standard: "dazuChildcare2025" });
 * dazu.requiredSlots; // → 3915
 * dazu.gap; // → 2188
 * ```
 */
export const dazuChildcare2025: ChildcareStandard = {
  kind: "childcare",
  id: "dazuChildcare2025",
  version: "2023",
  effectiveFrom: "2023-04-10",
  effectiveTo: "2025-12-31",
  region: "500111",
  regionName: "大足区",
  source: DAZU_PLAN,
  targetYear: 2025,
  slotsPer1000: { new: 4.5, existing: 4.5 },
  baseline: { year: 2020, value: 1.03 },
  classRules: null,
  facility: null,
};

/** The source of the 大足区 plan, shared by the 大足 modules. */
export const dazuPlanSource = DAZU_PLAN;
