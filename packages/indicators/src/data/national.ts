import { deepFreeze } from "@carekit/core/internal";
import type { IndicatorDefinition } from "../definition.js";
import type { Plan } from "../plan.js";
import { yilaoYixiao } from "./yilao-yixiao.js";

function definitions(...ids: readonly string[]): IndicatorDefinition[] {
  return yilaoYixiao.indicators.filter((definition) => ids.includes(definition.id));
}

/**
 * National 十四五 (2021–2025) anchors for the 一老一小 indicators (国家“十四五”目标): 每千人口托位数 1.8 (2020) →
 * 4.5 (2025); 养老机构护理型床位占比 55% by 2025; 基本医疗保险参保率 稳定在95%以上 (SECONDARY: an overridable
 * default). The national plans do not label these targets 约束性 or 预期性 in any source we could read, so they are
 * `unlabelled`.
 *
 * @see “十四五”公共服务规划; “十四五”国家老龄事业发展和养老服务体系规划; “十四五”全民医疗保障规划 (国办发〔2021〕36号);
 *   《“十四五”公共服务规划》; 《“十四五”国家老龄事业发展和养老服务体系规划》; 《“十四五”全民医疗保障规划》(国办发〔2021〕36号)
 * @example
 * ```ts
 * import { assessProgress, plans } from "@carekit/indicators";
 *
 * const plan = plans.national14th;
 * // 2.03 per 1000 at the end of 2021: below the line from 1.8 (2020) to 4.5 (2025), which is at 2.34
 * const y2021 = assessProgress({ plan, indicatorId: "slotsPer1000", observed: { year: 2021, value: 2.03 } });
 * y2021.status; // → "off_track"
 * y2021.expected; // → 2.34
 * // 4.73 per 1000 in 2025 (国家卫生健康委 press conference, 2025-12-26)
 * assessProgress({ plan, indicatorId: "slotsPer1000", observed: { year: 2025, value: 4.73 } }).status; // → "achieved"
 * ```
 */
export const national14th: Plan = /* @__PURE__ */ deepFreeze({
  id: "national14th",
  version: "2022-02",
  name: { zh: "国家“十四五”一老一小相关目标", en: "National 14th five-year targets for elder and child care" },
  effectiveFrom: "2021-01-01",
  effectiveTo: "2025-12-31",
  region: "CN",
  source: {
    title: "国家“十四五”规划（公共服务、老龄事业和养老服务体系、全民医疗保障）",
    note: "effectiveFrom/effectiveTo are the five-year period, not a document date. Each row cites its own document.",
    confidence: "CONFIRMED-2",
  },
  indicators: definitions("slotsPer1000", "nursingBedShare", "basicMedicalInsuranceRate"),
  entries: [
    {
      indicatorId: "slotsPer1000",
      baseline: { year: 2020, value: 1.8 },
      target: { year: 2025, value: 4.5, comparator: ">=" },
      attribute: "unlabelled",
      responsible: [],
      source: {
        title: "“十四五”公共服务规划",
        note: "《“十四五”公共服务规划》: 4.5 by 2025, 1.8 in 2020; 2.03 at end-2021.",
        confidence: "CONFIRMED-2",
      },
    },
    {
      indicatorId: "nursingBedShare",
      target: { year: 2025, value: 55, comparator: ">=" },
      attribute: "unlabelled",
      responsible: [],
      source: {
        title: "“十四五”国家老龄事业发展和养老服务体系规划",
        url: "https://www.gov.cn/xinwen/2022-02/25/content_5675683.htm",
        note: "《“十四五”国家老龄事业发展和养老服务体系规划》. No 2020 national baseline was found.",
        confidence: "CONFIRMED",
      },
    },
    {
      indicatorId: "basicMedicalInsuranceRate",
      target: { year: 2025, value: 95, comparator: ">=" },
      attribute: "unlabelled",
      responsible: [],
      source: {
        title: "“十四五”全民医疗保障规划",
        number: "国办发〔2021〕36号",
        note: "《“十四五”全民医疗保障规划》(国办发〔2021〕36号): 稳定在95%以上 — one secondary source; an overridable default. Denominator UNCONFIRMED.",
        confidence: "SECONDARY",
      },
    },
  ],
});

/**
 * National 十五五 (2026–2030) anchor (国家“十五五”目标): 养老机构护理型床位占比 73% by 2030. The 2025 figure of 68%
 * quoted beside it is not independently confirmed, so no baseline is given.
 *
 * @see 国民经济和社会发展第十五个五年规划纲要 专栏1 (2026-03)
 * @example
 * ```ts
 * import { assessProgress, plans } from "@carekit/indicators";
 *
 * const plan = plans.national15th;
 * // 养老机构护理型床位占比 73 % by 2030, with no confirmed baseline
 * plan.entries[0]?.target; // → { year: 2030, value: 73, comparator: ">=" }
 * // so 68 % in 2026 has no line to be compared with
 * assessProgress({ plan, indicatorId: "nursingBedShare", observed: { year: 2026, value: 68 } }).status; // → "no_baseline"
 * ```
 */
export const national15th: Plan = /* @__PURE__ */ deepFreeze({
  id: "national15th",
  version: "2026-03",
  name: { zh: "国家“十五五”养老相关目标", en: "National 15th five-year target for elder care" },
  effectiveFrom: "2026-01-01",
  effectiveTo: "2030-12-31",
  region: "CN",
  source: {
    title: "国民经济和社会发展第十五个五年规划纲要 专栏1",
    note: "国民经济和社会发展第十五个五年规划纲要 专栏1: 73% by 2030 (CONFIRMED-2). effectiveFrom/effectiveTo are the five-year period.",
    confidence: "CONFIRMED-2",
  },
  indicators: definitions("nursingBedShare"),
  entries: [
    {
      indicatorId: "nursingBedShare",
      target: { year: 2030, value: 73, comparator: ">=" },
      attribute: "unlabelled",
      responsible: [],
    },
  ],
});
