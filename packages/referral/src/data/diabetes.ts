import { defineRuleSet } from "../define.js";

const PRIMARY = ["village_clinic", "township_health_center"] as const;

/**
 * 2型糖尿病分级诊疗规则集 — upward referral (上转至二级及以上医院) for type 2 diabetes: the nine criteria of the
 * 2015 national 糖尿病分级诊疗服务技术方案 ("糖尿病双向转诊标准"). Only two have numbers in the source: age under
 * 25 and 3–6 months of treatment not at target (read as "at least 3 months"; raise it to 6 by overriding the rule).
 * The source gives no HbA1c, BP or LDL cut-off for "不达标", so whether the patient is at target is the care team's
 * count of months, not a threshold here. Downward criteria are left out: they are unconfirmed.
 *
 * All criteria are SECONDARY (one reproduction, mdjjksjc.com): overridable defaults, not official text.
 *
 * @see 《糖尿病分级诊疗服务技术方案》(2015, 国家卫生计生委办公厅 — document number unconfirmed)
 * @example
 * ```ts
 * import { compileRuleSet, diabetes } from "@carekit/referral";
 *
 * const facts = { newHyperglycemiaUnclassified: false, age: 24, pregnantOrLactating: false, acuteComplication: false,
 *   recurrentHypoglycemia: false, monthsNotAtTarget: 0, chronicComplicationWorkupHard: false,
 *   organDamageNeedsEmergencyCare: false, unstableGlucoseOrInsulinPlan: false };
 * const decision = compileRuleSet(diabetes).evaluate({ facts, at: "2024-11-30", level: "village_clinic" });
 * decision.action; // → "refer_up"
 * decision.fired[0]?.evidence[0]; // → { fact: "age", op: "lt", expected: 25, actual: 24, result: true }
 * ```
 */
export const diabetes = /* @__PURE__ */ defineRuleSet({
  id: "diabetes-type2",
  version: "2015.1",
  effectiveFrom: "2015-01-01",
  region: "CN",
  source: {
    title: "糖尿病分级诊疗服务技术方案 — 糖尿病双向转诊标准（上转）",
    confidence: "SECONDARY",
    note: "One secondary reproduction (mdjjksjc.com/html/2016/1022/60420775.shtm); the plan's document number (国卫办医函〔2015〕1026号?) and its date are unconfirmed — only the year 2015 is known, so effectiveFrom is 2015-01-01, a placeholder for that year. Overridable defaults, not official text.",
  },
  facts: {
    newHyperglycemiaUnclassified: {
      type: "boolean",
      label: { zh: "初次发现血糖异常，病因和分型不明确", en: "new hyperglycaemia, cause and type unclear" },
    },
    age: { type: "integer", unit: "years", label: { zh: "年龄（周岁）", en: "age in completed years" } },
    pregnantOrLactating: { type: "boolean", label: { zh: "妊娠或哺乳期", en: "pregnant or breastfeeding" } },
    acuteComplication: {
      type: "boolean",
      label: {
        zh: "急性并发症：严重低血糖或高血糖伴或不伴意识障碍（酮症、疑似酮症酸中毒、高血糖高渗综合征或乳酸性酸中毒）",
        en: "acute complication (severe hypo- or hyperglycaemia, ketosis, suspected DKA, HHS or lactic acidosis)",
      },
    },
    recurrentHypoglycemia: { type: "boolean", label: { zh: "反复发生低血糖", en: "recurrent hypoglycaemia" } },
    monthsNotAtTarget: {
      type: "integer",
      unit: "months",
      label: {
        zh: "血糖、血压、血脂规范治疗后仍不达标的月数",
        en: "months of treatment with glucose, BP or lipids not at target",
      },
    },
    chronicComplicationWorkupHard: {
      type: "boolean",
      label: {
        zh: "慢性并发症筛查、方案制定和疗效评估在基层处理有困难",
        en: "chronic-complication screening or planning beyond primary care",
      },
    },
    organDamageNeedsEmergencyCare: {
      type: "boolean",
      label: { zh: "慢性并发症导致严重靶器官损害需紧急救治", en: "severe target-organ damage needing emergency care" },
    },
    unstableGlucoseOrInsulinPlan: {
      type: "boolean",
      label: {
        zh: "血糖波动较大，基层处理困难或需制定胰岛素方案",
        en: "unstable glucose, or an insulin regimen needed",
      },
    },
  },
  rules: [
    {
      id: "dm-organ-damage-emergency",
      levels: PRIMARY,
      when: { fact: "organDamageNeedsEmergencyCare", op: "eq", value: true },
      then: {
        action: "emergency_transfer",
        targetLevel: "county_hospital",
        urgency: "emergency",
        reason: {
          zh: "慢性并发症导致严重靶器官损害需紧急救治（急性心脑血管病、肾功能不全、严重视力下降、间歇性跛行和缺血性症状、糖尿病足）",
          en: "Severe target-organ damage from a chronic complication needing emergency care",
        },
      },
    },
    {
      id: "dm-acute-complication",
      levels: PRIMARY,
      when: { fact: "acuteComplication", op: "eq", value: true },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        urgency: "urgent",
        reason: {
          zh: "急性并发症：严重低血糖或高血糖伴或不伴意识障碍",
          en: "Acute complication: severe hypo- or hyperglycaemia with or without impaired consciousness",
        },
      },
    },
    {
      id: "dm-unclassified",
      // routine criteria yield to the urgent acute-complication referral (as rule order decided before); so do those below
      overriddenBy: ["dm-acute-complication"],
      levels: PRIMARY,
      when: { fact: "newHyperglycemiaUnclassified", op: "eq", value: true },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        reason: {
          zh: "初次发现血糖异常，病因和分型不明确",
          en: "Newly found hyperglycaemia of unclear cause and type",
        },
      },
    },
    {
      id: "dm-under-25",
      overriddenBy: ["dm-acute-complication"],
      levels: PRIMARY,
      when: { fact: "age", op: "lt", value: 25 },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        reason: {
          zh: "儿童和年轻人（年龄 <25 岁）糖尿病患者",
          en: "Child or young adult with diabetes (age under 25)",
        },
      },
    },
    {
      id: "dm-pregnancy",
      overriddenBy: ["dm-acute-complication"],
      levels: PRIMARY,
      when: { fact: "pregnantOrLactating", op: "eq", value: true },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        reason: { zh: "妊娠和哺乳期妇女血糖异常", en: "Abnormal glucose in pregnancy or breastfeeding" },
      },
    },
    {
      id: "dm-recurrent-hypoglycemia",
      overriddenBy: ["dm-acute-complication"],
      levels: PRIMARY,
      when: { fact: "recurrentHypoglycemia", op: "eq", value: true },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        reason: { zh: "反复发生低血糖", en: "Recurrent hypoglycaemia" },
      },
    },
    {
      id: "dm-not-at-target",
      overriddenBy: ["dm-acute-complication"],
      levels: PRIMARY,
      when: { fact: "monthsNotAtTarget", op: "gte", value: 3 },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        reason: {
          zh: "血糖、血压、血脂长期治疗（3–6 个月）不达标",
          en: "Glucose, BP or lipids not at target after 3–6 months of treatment",
        },
      },
      source: {
        title: "糖尿病分级诊疗服务技术方案 — 糖尿病双向转诊标准（上转）",
        confidence: "SECONDARY",
        note: "The source says 3–6 months; 3 is the earliest point it allows. A committee that reads it as 6 overrides this value.",
      },
    },
    {
      id: "dm-chronic-complication-workup",
      overriddenBy: ["dm-acute-complication"],
      levels: PRIMARY,
      when: { fact: "chronicComplicationWorkupHard", op: "eq", value: true },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        reason: {
          zh: "慢性并发症（视网膜病变、肾病、神经病变、糖尿病足或周围血管病变）的筛查、治疗方案制定和疗效评估在基层处理有困难",
          en: "Screening, planning or assessment of chronic complications beyond primary care",
        },
      },
    },
    {
      id: "dm-unstable-or-insulin",
      overriddenBy: ["dm-acute-complication"],
      levels: PRIMARY,
      when: { fact: "unstableGlucoseOrInsulinPlan", op: "eq", value: true },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        reason: {
          zh: "血糖波动较大，基层处理困难或需要制定胰岛素控制方案",
          en: "Unstable glucose hard to manage in primary care, or an insulin regimen needed",
        },
      },
    },
  ],
});
