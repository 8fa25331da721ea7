import { defineRuleSet } from "../define.js";

/**
 * 慢阻肺县域分级诊疗规则集 — COPD in the county: what each level handles, turned into referral rules. 村卫生室
 * screens high-risk people, refers suspected patients up and recognises mild exacerbations; 乡镇卫生院 does portable
 * spirometry and imaging, treats mild and moderate exacerbations, refers severe and critical patients up and takes
 * stable patients back; 县级医院 confirms the diagnosis and sets the plan. The source has no numeric thresholds
 * (SpO₂ and similar are unconfirmed), so every criterion is a categorical or boolean fact.
 *
 * SECONDARY (one reproduction of the 2022 county COPD plan, m.yikaochacha.com): overridable defaults.
 *
 * @see 国卫办医函〔2022〕34号《县域慢性阻塞性肺疾病分级诊疗技术方案》; 国卫办医函〔2016〕1414号
 * @example
 * ```ts
 * import { compileRuleSet, copd } from "@carekit/referral";
 *
 * const facts = { suspectedCopd: false, exacerbation: "moderate", criticallyIll: false, diagnosisConfirmed: true,
 *   stablePhase: false } as const;
 * const engine = compileRuleSet(copd);
 * engine.evaluate({ facts, at: "2024-12-01", level: "village_clinic" }).targetLevel; // → "township_health_center"
 * engine.evaluate({ facts, at: "2024-12-01", level: "township_health_center" }).action; // → "manage_locally"
 * ```
 */
export const copd = /* @__PURE__ */ defineRuleSet({
  id: "copd-county",
  version: "2022.1",
  effectiveFrom: "2022-01-26",
  region: "CN",
  source: {
    title: "县域慢性阻塞性肺疾病分级诊疗技术方案 — 各级功能定位",
    number: "国卫办医函〔2022〕34号",
    confidence: "SECONDARY",
    note: "Rules derived from each level's functions in one reproduction (m.yikaochacha.com); no numeric thresholds were retrieved. Overridable defaults.",
  },
  facts: {
    suspectedCopd: {
      type: "boolean",
      label: { zh: "筛查发现可疑慢阻肺（尚未确诊）", en: "suspected COPD, not yet diagnosed" },
    },
    exacerbation: {
      type: "string",
      enum: ["none", "mild", "moderate", "severe"],
      valueLabels: {
        none: { zh: "无", en: "none" },
        mild: { zh: "轻度", en: "mild" },
        moderate: { zh: "中度", en: "moderate" },
        severe: { zh: "重度", en: "severe" },
      },
      label: { zh: "急性加重程度（无/轻度/中度/重度）", en: "exacerbation severity" },
    },
    criticallyIll: { type: "boolean", label: { zh: "急危重症", en: "critically ill" } },
    diagnosisConfirmed: {
      type: "boolean",
      label: { zh: "已确诊并有个体化治疗方案", en: "diagnosis confirmed with a plan" },
    },
    stablePhase: { type: "boolean", label: { zh: "稳定期", en: "stable phase" } },
  },
  rules: [
    {
      id: "copd-critical",
      levels: ["village_clinic", "township_health_center"],
      when: { fact: "criticallyIll", op: "eq", value: true },
      then: {
        action: "emergency_transfer",
        targetLevel: "county_hospital",
        urgency: "emergency",
        reason: { zh: "急危重症：上转县级医院", en: "Critically ill: transfer to the county hospital" },
      },
    },
    {
      id: "copd-village-exacerbation",
      levels: ["village_clinic"],
      when: { fact: "exacerbation", op: "in", value: ["moderate", "severe"] },
      then: {
        action: "refer_up",
        targetLevel: "township_health_center",
        urgency: "urgent",
        reason: {
          zh: "中重度急性加重：村卫生室只处理轻度急性加重",
          en: "Moderate or severe exacerbation: village clinics handle mild ones only",
        },
      },
    },
    {
      id: "copd-township-exacerbation",
      levels: ["township_health_center"],
      when: { fact: "exacerbation", op: "eq", value: "severe" },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        urgency: "urgent",
        reason: {
          zh: "重度急性加重：乡镇卫生院处理轻中度急性加重",
          en: "Severe exacerbation: township centres handle mild and moderate ones",
        },
      },
    },
    {
      id: "copd-suspected-village",
      // a routine screening referral yields to the urgent exacerbation referral (as rule order decided before)
      overriddenBy: ["copd-village-exacerbation"],
      levels: ["village_clinic"],
      when: {
        all: [
          { fact: "suspectedCopd", op: "eq", value: true },
          { fact: "diagnosisConfirmed", op: "eq", value: false },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "township_health_center",
        reason: {
          zh: "可疑慢阻肺：上转乡镇卫生院做便携肺功能和胸部影像检查",
          en: "Suspected COPD: refer to the township centre for portable spirometry and imaging",
        },
      },
    },
    {
      id: "copd-suspected-township",
      overriddenBy: ["copd-township-exacerbation"],
      levels: ["township_health_center"],
      when: {
        all: [
          { fact: "suspectedCopd", op: "eq", value: true },
          { fact: "diagnosisConfirmed", op: "eq", value: false },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        reason: {
          zh: "可疑慢阻肺：上转县级医院做肺通气、舒张和弥散功能检查以确诊并制定个体化方案",
          en: "Suspected COPD: refer to the county hospital to confirm with full lung-function tests and set a plan",
        },
      },
    },
    {
      id: "copd-down-stable",
      levels: ["county_hospital"],
      when: {
        all: [
          { fact: "diagnosisConfirmed", op: "eq", value: true },
          { fact: "stablePhase", op: "eq", value: true },
          { fact: "criticallyIll", op: "eq", value: false },
          { fact: "exacerbation", op: "eq", value: "none" },
        ],
      },
      then: {
        action: "refer_down",
        targetLevel: "township_health_center",
        reason: {
          zh: "已确诊、方案明确、稳定期：下转乡镇卫生院长期管理",
          en: "Diagnosed with a plan and stable: refer down to the township centre",
        },
      },
    },
  ],
});
