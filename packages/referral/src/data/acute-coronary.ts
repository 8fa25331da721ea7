import { defineRuleSet } from "../define.js";

/**
 * 急性冠脉综合征急诊转诊规则集 — emergency transfer for suspected acute coronary syndrome: 以最快速度就近转诊至可做
 * PCI（经皮冠状动脉介入治疗）的医疗机构. The target is "the nearest PCI-capable facility", which can be a county or a
 * higher hospital, so the rules name no level. The suspicion criterion is CONFIRMED-2 (the 2022 county hypertension
 * scheme's 急诊转诊 list); the older symptom-based reading (chest pain or tightness ≥10 min with sweating and ST
 * elevation in ≥2 leads) is SECONDARY. The dedicated 2021 急性冠状动脉综合征分级诊疗服务技术方案 was not retrieved, so
 * its own criteria are not encoded.
 *
 * @see 国卫办医函〔2022〕34号《县域高血压分级诊疗技术方案》急诊转诊第 5 条; 急性冠状动脉综合征分级诊疗服务技术方案 (2021-09-24)
 * @example
 * ```ts
 * import { acuteCoronary, compileRuleSet } from "@carekit/referral";
 *
 * const decision = compileRuleSet(acuteCoronary).evaluate({
 *   facts: { suspectedAcs: true, chestPainMinutes: 40, sweating: true, stElevationLeads: 2 },
 *   at: "2024-06-15", level: "township_health_center" });
 * decision.action; // → "emergency_transfer"
 * decision.targetLevel; // → null
 * decision.fired.map((f) => f.ruleId); // → ["acs-suspected", "acs-chest-pain-st-elevation"]
 * ```
 */
export const acuteCoronary = /* @__PURE__ */ defineRuleSet({
  id: "acute-coronary-syndrome",
  version: "2022.1",
  effectiveFrom: "2022-01-26",
  region: "CN",
  source: {
    title: "县域高血压分级诊疗技术方案 — 急诊转诊（急性冠脉综合征）",
    number: "国卫办医函〔2022〕34号",
    confidence: "CONFIRMED-2",
    note: "Reproduced by zyqjg.com/article-18161-2.html and in a public open-source health-record system.",
  },
  facts: {
    suspectedAcs: { type: "boolean", label: { zh: "考虑急性冠脉综合征", en: "acute coronary syndrome suspected" } },
    chestPainMinutes: {
      type: "number",
      unit: "min",
      required: false,
      label: { zh: "胸闷胸痛持续时间", en: "duration of chest pain or tightness" },
    },
    sweating: { type: "boolean", required: false, label: { zh: "伴大汗", en: "with heavy sweating" } },
    stElevationLeads: {
      type: "integer",
      required: false,
      label: { zh: "心电图 ST 段抬高的导联数", en: "ECG leads with ST elevation" },
    },
  },
  rules: [
    {
      id: "acs-suspected",
      when: { fact: "suspectedAcs", op: "eq", value: true },
      then: {
        action: "emergency_transfer",
        urgency: "emergency",
        followUpDays: 14,
        reason: {
          zh: "考虑急性冠脉综合征：以最快速度就近转诊至可做 PCI 的医疗机构",
          en: "Acute coronary syndrome suspected: fastest transfer to the nearest PCI-capable facility",
        },
      },
      levels: ["village_clinic", "township_health_center", "community_health_center"],
    },
    {
      id: "acs-chest-pain-st-elevation",
      levels: ["village_clinic", "township_health_center", "community_health_center"],
      when: {
        all: [
          { fact: "chestPainMinutes", op: "gte", value: 10 },
          { fact: "sweating", op: "eq", value: true },
          { fact: "stElevationLeads", op: "gte", value: 2 },
        ],
      },
      then: {
        action: "emergency_transfer",
        urgency: "emergency",
        followUpDays: 14,
        reason: {
          zh: "胸闷胸痛持续 ≥10 分钟伴大汗，心电图 ≥2 个导联 ST 段抬高：就近转诊至可做 PCI 的医疗机构",
          en: "Chest pain ≥10 min with sweating and ST elevation in ≥2 leads: transfer to the nearest PCI-capable facility",
        },
      },
      source: {
        title: "县域高血压分级诊疗技术方案 — 急诊转诊（旧版表述）",
        confidence: "SECONDARY",
        note: "The older wording of the criterion; one reproduction. Overridable default.",
      },
    },
  ],
});
