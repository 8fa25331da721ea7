import type { NursingBedStandard } from "../standard.js";
import { dazuPlanSource } from "./childcare.js";

/**
 * National nursing-bed share target for 2025 (护理型床位占比 2025): at least 55 % of the beds of elder-care
 * institutions are nursing-care beds by 2025.
 *
 * @see 《"十四五"国家老龄事业发展和养老服务体系规划》(国务院, published 2022-02)
 * @example
 * ```ts
 * import { nursingBedGap, standards } from "@carekit/capacity";
 *
 * // the national 2025 target: 55 % of beds are nursing beds
 * standards.nursingBeds2025.targetShare; // → 0.55
 * // 大足区: 7432 beds, 2400 of them nursing beds; 7432 × 0.55 = 4087.6
 * nursingBedGap({ existingBeds: 7432, nursingBeds: 2400, standard: "nursingBeds2025" }).requiredNursingBeds; // → 4088
 * ```
 */
export const nursingBeds2025: NursingBedStandard = {
  kind: "nursingBedShare",
  id: "nursingBeds2025",
  version: "十四五 (2021–2025)",
  effectiveFrom: "2021-01-01",
  effectiveTo: "2025-12-31",
  region: "CN",
  regionName: "全国",
  source: {
    title: "“十四五”国家老龄事业发展和养老服务体系规划（国务院）",
    number: null,
    url: "https://www.gov.cn/xinwen/2022-02/25/content_5675683.htm",
    note: "养老机构护理型床位占比 55 % by 2025, read on gov.cn (新华社 report). Document number not recorded in our sources.",
    confidence: "CONFIRMED",
  },
  targetYear: 2025,
  targetShare: 0.55,
  baseline: null,
};

/**
 * National nursing-bed share target for 2030 (护理型床位占比 2030): 73 % by 2030, a main indicator of the 十五五
 * plan, with 68 % reached in 2025 as the baseline.
 *
 * @see 《国民经济和社会发展第十五个五年规划纲要》专栏1 (2026-03); 国务院新闻办公室发布会 (2026-09-23, 民政部)
 * @example
 * ```ts
 * import { nursingBedGap, standards } from "@carekit/capacity";
 *
 * // the national 2030 target: 73 % of beds are nursing beds
 * standards.nursingBeds2030.targetShare; // → 0.73
 * // 大足区: 7432 beds, 2400 of them nursing beds; 7432 × 0.73 = 5425.36
 * nursingBedGap({ existingBeds: 7432, nursingBeds: 2400, standard: "nursingBeds2030" }).requiredNursingBeds; // → 5426
 * ```
 */
export const nursingBeds2030: NursingBedStandard = {
  kind: "nursingBedShare",
  id: "nursingBeds2030",
  version: "十五五 (2026–2030)",
  effectiveFrom: "2026-01-01",
  effectiveTo: "2030-12-31",
  region: "CN",
  regionName: "全国",
  source: {
    title: "国民经济和社会发展第十五个五年规划纲要 专栏1：养老机构护理型床位占比",
    number: null,
    note: "73 % by 2030 stated by two independent sources (the 十五五 规划纲要 专栏1 as quoted, and the 国新办 press conference of 2026-09-23); the same sources give 68 % for 2025, used as the baseline. Document number not recorded in our sources.",
    confidence: "CONFIRMED-2",
  },
  targetYear: 2030,
  targetShare: 0.73,
  baseline: { year: 2025, value: 0.68 },
};

/**
 * 大足区 2025 nursing-bed share target (大足区护理型床位占比): 60 % by 2025 (约束性) against 32.30 % in 2020,
 * from the district's 一老一小 plan, 表2-1 指标5.
 *
 * @see 重庆市大足区人民政府办公室《重庆市大足区"一老一小"整体解决方案》（大足府办发〔2023〕37号，2023-03-31）
 * @example
 * ```ts
 * import { nursingBedGap, standards } from "@carekit/capacity";
 *
 * // 大足区: 60 % nursing beds by 2025, from 32.3 % in 2020
 * standards.dazu2025.targetShare; // → 0.6
 * standards.dazu2025.baseline; // → { year: 2020, value: 0.323 }
 * // 7432 beds, 2400 of them nursing beds: 7432 × 0.6 = 4459.2 → 4460 needed
 * nursingBedGap({ existingBeds: 7432, nursingBeds: 2400, standard: "dazu2025" }).gap; // → 2060
 * ```
 */
export const dazu2025: NursingBedStandard = {
  kind: "nursingBedShare",
  id: "dazu2025",
  version: "2023",
  effectiveFrom: "2023-04-10",
  effectiveTo: "2025-12-31",
  region: "500111",
  regionName: "大足区",
  source: {
    ...dazuPlanSource,
    note: "表2-1 指标5 养老机构护理型床位占比: 2020 年 32.30 %, 2025 年 60 % (约束性, 区民政局). Read on the 大足区 government site.",
  },
  targetYear: 2025,
  targetShare: 0.6,
  baseline: { year: 2020, value: 0.323 },
};
