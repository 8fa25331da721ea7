import type { ContributionPolicy } from "../contribution.js";

const RECOGNITION_NOTE =
  "川渝 recognition (重庆市—成都市, from 2024-03-01) is reported by 重庆日报 (新重庆, early 2025: '川渝医院牵手 为两地群众筑牢卫生健康保护网', '成渝两地职工医保实际缴费年限互认'); its rule text is UNCONFIRMED (no published rule could be read): recognising only actual months, counting them towards the total but NOT towards the local-actual requirement, and counting all of the partner's months are this module's assumptions — override `recognition` when the rule is known.";

/**
 * 重庆市 职工医保 contribution years for retirement benefits (重庆职工医保缴费年限): men 30 years, women 25 (360 / 300
 * months), of which 10 years (120 months) actually paid in 重庆; with the 川渝 recognition of 成都市 months from
 * 2024-03-01. SECONDARY source — an overridable default; the recognition details are assumptions (see `source.note`).
 *
 * @see 重庆市 职工医保 retirement-benefit rules for 随单位参保人员 from 2014-01-01, as reposted on lvdouya.com.cn
 *   (2023-08-20, SECONDARY: the official text could not be read); the recognition: 重庆日报（新重庆）《川渝医院牵手 为两地群众筑牢卫生健康保护网》（“唱好‘双城记’ 打造增长极”五年巡礼，2025 年初，数据截至 2024-12-31）
 * @example
 * ```ts
 * CHONGQING_CONTRIBUTION_POLICY.requiredTotalMonths;
 * // → { male: 360, female: 300 }
 * CHONGQING_CONTRIBUTION_POLICY.requiredLocalActualMonths;
 * // → 120
 * ```
 */
export const CHONGQING_CONTRIBUTION_POLICY: ContributionPolicy = {
  id: "cq-employee-contribution-years",
  version: "2024-03-01",
  effectiveFrom: "2024-03-01",
  region: "500000",
  source: {
    title: "重庆市职工基本医疗保险缴费年限规定（转载）",
    number: "unknown (secondary repost)",
    url: "https://lvdouya.com.cn/baoxian/202308/232766.html",
    note: `SECONDARY: one repost (2023-08-20) states 男满30年、女满25年, 在本市实际缴费年限满10年 for 随单位参保人员 since 2014-01-01; not read on ylbzj.cq.gov.cn. ${RECOGNITION_NOTE}`,
    confidence: "SECONDARY",
  },
  requiredTotalMonths: { male: 360, female: 300 },
  requiredLocalActualMonths: 120,
  recognition: {
    partnerRegions: ["510100"],
    effectiveFrom: "2024-03-01",
    recognizedKinds: ["actual"],
    countsTowardLocalActual: false,
    monthsFrom: "allPeriods",
  },
};

/**
 * 成都市 职工医保 contribution years for retirement benefits (成都职工医保缴费年限): men 25 years, women 20 (300 / 240
 * months) including deemed years; no local-actual requirement is stated in the source (`null`); with the 川渝
 * recognition of 重庆市 months from 2024-03-01. SECONDARY source (weak site) — an overridable default.
 *
 * @see 成都 职工医保 25/20-year rule as reported on m.jiusongjiankang.com (SECONDARY, a weak site: the official
 *   text could not be read); the recognition: 重庆日报（新重庆）《川渝医院牵手 为两地群众筑牢卫生健康保护网》（“唱好‘双城记’ 打造增长极”五年巡礼，2025 年初，数据截至 2024-12-31）
 * @example
 * ```ts
 * CHENGDU_CONTRIBUTION_POLICY.requiredTotalMonths;
 * // → { male: 300, female: 240 }
 * ```
 */
export const CHENGDU_CONTRIBUTION_POLICY: ContributionPolicy = {
  id: "cd-employee-contribution-years",
  version: "2024-03-01",
  effectiveFrom: "2024-03-01",
  region: "510100",
  source: {
    title: "成都市职工基本医疗保险缴费年限规定（转载）",
    number: "unknown (secondary repost)",
    url: "https://m.jiusongjiankang.com/health/news/6130399.html",
    note: `SECONDARY (weak site): 男累计满25年、女满20年（含视同缴费年限）; a local actual-payment requirement is not stated, so requiredLocalActualMonths is null — supply it if your rule has one. ${RECOGNITION_NOTE}`,
    confidence: "SECONDARY",
  },
  requiredTotalMonths: { male: 300, female: 240 },
  requiredLocalActualMonths: null,
  recognition: {
    partnerRegions: ["500000"],
    effectiveFrom: "2024-03-01",
    recognizedKinds: ["actual"],
    countsTowardLocalActual: false,
    monthsFrom: "allPeriods",
  },
};
