import { defineRuleSet } from "../define.js";

const PRIMARY = ["village_clinic", "township_health_center"] as const;
/** The urgent referral (基本公卫: 危急情况 SBP ≥180 and/or DBP ≥110 → 紧急转诊): routine upward criteria yield to it. */
const URGENT_REFERRAL = ["bp-severe"] as const;
/** The routine upward criteria with a two-week follow-up: the 中医 criterion, which has none, yields to them. */
const ROUTINE_REFERRAL = [
  "first-suspected-complication",
  "first-pregnancy",
  "first-onset-under-30",
  "first-proteinuria-hematuria",
  "first-hypokalemia",
  "first-paroxysmal",
  "first-arm-difference",
  "first-workup",
  "followup-resistant",
  "followup-fluctuation",
  "followup-adverse-reaction",
  "followup-serious-condition",
  "followup-uncontrolled-twice",
] as const;
const GUIDE = {
  title: "国家基层高血压防治管理指南（2017, 2020）— 转诊建议",
  confidence: "SECONDARY",
  note: "Wording from a secondary reproduction in a public open-source health-record system, cross-checked against the 2017 guide; an overridable default, not an official text.",
} as const;
const PUBLIC_HEALTH = {
  title: "国家基本公共卫生服务规范（第三版）— 高血压患者健康管理服务规范",
  confidence: "CONFIRMED-2",
  note: "Follow-up rule reproduced by ≥2 independent secondary sources (m.29sky.cn, miaoshou.net, xinxueguanw.cn).",
} as const;
const COUNTY_EMERGENCY = {
  title: "县域高血压分级诊疗技术方案 — 急诊转诊",
  number: "国卫办医函〔2022〕34号",
  confidence: "CONFIRMED-2",
  note: "Reproduced by zyqjg.com/article-18161-2.html and in a public open-source health-record system.",
} as const;
const COUNTY_DOWN = {
  title: "县域高血压分级诊疗技术方案 — 下转标准",
  number: "国卫办医函〔2022〕34号",
  confidence: "SECONDARY",
  note: "One secondary reproduction (zyqjg.com); an overridable default. The blood-pressure conditions read 血压控制正常或达标 and 病情稳定 with the thresholds of 国家基本公共卫生服务规范（第三版）: controlled < 140/90 mmHg, 危急情况 ≥ 180/110 mmHg.",
} as const;

/**
 * 高血压分级诊疗规则集 — tiered-care referral rules for hypertension at 村卫生室 / 乡镇卫生院 / 县级医院:
 * 初诊转诊 (first-visit upward, 9 criteria), 随访转诊 (follow-up upward, 4 criteria), the 基本公卫 follow-up rule
 * (first uncontrolled visit → adjust and see again within 2 weeks; 连续两次控制不满意 → refer, follow up within 2
 * weeks; SBP ≥180 and/or DBP ≥110 → urgent referral), 急诊转诊 (6 criteria, CONFIRMED-2), the 中医 criterion and the
 * 2022 县域 downward criteria.
 *
 * Numbers appear only where the source has them (≥180/110, <30 years, >20 mmHg, ≥140/90, three drugs, two visits,
 * 2 weeks). Criteria without a number are boolean facts — e.g. the hypokalaemia criterion, whose "<3.5 mmol/L"
 * reading is unconfirmed, is the boolean `unexplainedHypokalemia`. Each rule's `source.confidence` gives the
 * confidence of its criterion; SECONDARY criteria are overridable defaults, not official text.
 *
 * @see 国卫办医函〔2022〕34号《县域高血压分级诊疗技术方案》(2022-01-26); 国家基层高血压防治管理指南; 国家基本公共卫生服务规范（第三版）
 * @example
 * ```ts
 * import { hypertension, lintRuleSet } from "@carekit/referral";
 *
 * hypertension.rules.length; // → 24
 * hypertension.facts.sbp.unit; // → "mmHg"
 * lintRuleSet(hypertension).findings.filter((f) => f.kind === "conflict").length; // → 0
 * ```
 */
export const hypertension = /* @__PURE__ */ defineRuleSet({
  id: "hypertension",
  version: "2022.1",
  effectiveFrom: "2022-01-26",
  region: "CN",
  source: {
    title: "县域高血压分级诊疗技术方案",
    number: "国卫办医函〔2022〕34号",
    confidence: "CONFIRMED-2",
    note: "Criteria drawn from the 2022 county scheme, the national primary-care hypertension guide and the 基本公卫 service norms; each rule carries its own source and confidence. SECONDARY criteria are overridable defaults.",
  },
  facts: {
    visit: {
      type: "string",
      enum: ["first", "follow_up"],
      valueLabels: { first: { zh: "初诊", en: "first visit" }, follow_up: { zh: "随访", en: "follow-up visit" } },
      label: { zh: "就诊类型（初诊/随访）", en: "visit type" },
    },
    sbp: { type: "number", unit: "mmHg", label: { zh: "收缩压", en: "systolic blood pressure" } },
    dbp: { type: "number", unit: "mmHg", label: { zh: "舒张压", en: "diastolic blood pressure" } },
    // The symptoms named by the 急诊转诊 criteria 2–4 of 《县域高血压分级诊疗技术方案》(国卫办医函〔2022〕34号):
    // 剧烈头痛、呕吐、突发言语障碍、肢体瘫痪、持续性胸背部剧烈疼痛、下肢水肿、呼吸困难、不能平卧.
    symptoms: {
      type: "string[]",
      enum: [
        "severe_headache",
        "vomiting",
        "speech_disorder",
        "limb_paralysis",
        "chest_back_pain",
        "leg_edema",
        "dyspnea",
        "orthopnea",
      ],
      valueLabels: {
        severe_headache: { zh: "剧烈头痛", en: "severe headache" },
        vomiting: { zh: "呕吐", en: "vomiting" },
        speech_disorder: { zh: "突发言语障碍", en: "sudden speech disorder" },
        limb_paralysis: { zh: "肢体瘫痪", en: "limb paralysis" },
        chest_back_pain: { zh: "持续性胸背部剧烈疼痛", en: "persistent severe chest or back pain" },
        leg_edema: { zh: "下肢水肿", en: "leg oedema" },
        dyspnea: { zh: "呼吸困难", en: "dyspnoea" },
        orthopnea: { zh: "不能平卧", en: "orthopnoea (cannot lie flat)" },
      },
      label: { zh: "症状", en: "symptoms" },
    },
    consciousnessImpaired: {
      type: "boolean",
      label: { zh: "意识丧失或模糊", en: "loss or clouding of consciousness" },
    },
    suspectedAcs: { type: "boolean", label: { zh: "考虑急性冠脉综合征", en: "acute coronary syndrome suspected" } },
    otherLifeThreatening: {
      type: "boolean",
      label: { zh: "其他影响生命体征的严重情况", en: "other life-threatening condition" },
    },
    pregnantOrLactating: { type: "boolean", label: { zh: "妊娠或哺乳期", en: "pregnant or breastfeeding" } },
    ageAtOnset: { type: "integer", unit: "years", required: false, label: { zh: "发病年龄", en: "age at onset" } },
    suspectedNewComplication: {
      type: "boolean",
      label: {
        zh: "怀疑新出现心脑肾并发症或其他严重临床情况",
        en: "new heart, brain or kidney complication suspected",
      },
    },
    proteinuriaOrHematuria: { type: "boolean", label: { zh: "伴蛋白尿或血尿", en: "proteinuria or haematuria" } },
    unexplainedHypokalemia: {
      type: "boolean",
      label: { zh: "非利尿剂或小剂量利尿剂引起的低血钾", en: "hypokalaemia not caused by (low-dose) diuretics" },
    },
    paroxysmalRiseWithSymptoms: {
      type: "boolean",
      label: { zh: "阵发性血压升高伴头痛、心慌、多汗", en: "paroxysmal rise with headache, palpitations, sweating" },
    },
    armSbpDifference: {
      type: "number",
      unit: "mmHg",
      required: false,
      label: { zh: "双上肢收缩压差异", en: "inter-arm systolic difference" },
    },
    needsWorkup: {
      type: "boolean",
      label: { zh: "因诊断需要到上级医院进一步检查", en: "needs diagnostic work-up at a higher level" },
    },
    fullDoseDrugCount: {
      type: "integer",
      label: { zh: "足量使用的降压药物种数", en: "antihypertensives at full dose" },
    },
    atTarget: { type: "boolean", label: { zh: "血压达标", en: "blood pressure at target" } },
    hardToControlFluctuation: {
      type: "boolean",
      label: { zh: "血压明显波动并难以控制", en: "marked, hard-to-control fluctuation" },
    },
    adverseDrugReaction: {
      type: "boolean",
      label: { zh: "怀疑与降压药物相关且难以处理的不良反应", en: "hard-to-manage adverse drug reaction" },
    },
    seriousConditionOnFollowUp: {
      type: "boolean",
      label: {
        zh: "随访中发现严重临床疾患或心脑肾损害而难以处理",
        en: "serious condition or organ damage found at follow-up",
      },
    },
    consecutiveUncontrolled: {
      type: "integer",
      label: { zh: "连续控制不满意（≥140/90 mmHg）的随访次数", en: "consecutive uncontrolled follow-ups" },
    },
    complicationNewOrWorse: {
      type: "boolean",
      label: { zh: "出现新的并发症或原有并发症加重", en: "new or worsening complication" },
    },
    tcmNeedUnmet: {
      type: "boolean",
      label: { zh: "有中医药治疗需求而乡镇卫生院不能提供或疗效不佳", en: "TCM need the township centre cannot meet" },
    },
    diagnosisConfirmed: { type: "boolean", label: { zh: "已明确诊断", en: "diagnosis confirmed" } },
    planSuitsPrimaryCare: {
      type: "boolean",
      label: { zh: "治疗方案明确、适合基层后续诊疗或居家口服药", en: "plan fits primary care or home medication" },
    },
    stable: { type: "boolean", label: { zh: "病情稳定（含并发症治疗后稳定）", en: "condition stable" } },
    planUnchangedRecently: {
      type: "boolean",
      label: { zh: "有长期治疗方案且近期无需调整", en: "long-term plan needs no change" },
    },
  },
  rules: [
    {
      id: "emergency-consciousness",
      levels: PRIMARY,
      when: { fact: "consciousnessImpaired", op: "eq", value: true },
      then: {
        action: "emergency_transfer",
        targetLevel: "county_hospital",
        urgency: "emergency",
        followUpDays: 14,
        reason: { zh: "意识丧失或模糊", en: "Loss or clouding of consciousness" },
      },
      source: COUNTY_EMERGENCY,
    },
    {
      id: "emergency-severe-bp-neuro",
      levels: PRIMARY,
      when: {
        all: [
          {
            any: [
              { fact: "sbp", op: "gte", value: 180 },
              { fact: "dbp", op: "gte", value: 110 },
            ],
          },
          {
            fact: "symptoms",
            op: "includesAny",
            value: ["severe_headache", "vomiting", "speech_disorder", "limb_paralysis"],
          },
        ],
      },
      then: {
        action: "emergency_transfer",
        targetLevel: "county_hospital",
        urgency: "emergency",
        followUpDays: 14,
        reason: {
          zh: "血压≥180/110 mmHg 伴剧烈头痛、呕吐，或突发言语障碍和/或肢体瘫痪",
          en: "BP ≥180/110 mmHg with severe headache or vomiting, or sudden speech disorder or limb paralysis",
        },
      },
      source: COUNTY_EMERGENCY,
    },
    {
      id: "emergency-bp-chest-back-pain",
      levels: PRIMARY,
      when: {
        all: [
          {
            any: [
              { fact: "sbp", op: "gte", value: 180 },
              { fact: "dbp", op: "gte", value: 110 },
            ],
          },
          { fact: "symptoms", op: "includes", value: "chest_back_pain" },
        ],
      },
      then: {
        action: "emergency_transfer",
        targetLevel: "county_hospital",
        urgency: "emergency",
        followUpDays: 14,
        reason: {
          zh: "血压显著升高伴持续性胸背部剧烈疼痛",
          en: "Markedly raised BP with persistent severe chest or back pain",
        },
      },
      source: {
        ...COUNTY_EMERGENCY,
        note: "“血压显著升高” read as ≥180/110 mmHg, the figure the guide gives for 显著升高 (初诊转诊 item 1); the criterion itself has no number.",
      },
    },
    {
      id: "emergency-bp-heart-failure",
      levels: PRIMARY,
      when: {
        all: [
          {
            any: [
              { fact: "sbp", op: "gte", value: 140 },
              { fact: "dbp", op: "gte", value: 90 },
            ],
          },
          { fact: "symptoms", op: "includesAny", value: ["leg_edema", "dyspnea", "orthopnea"] },
        ],
      },
      then: {
        action: "emergency_transfer",
        targetLevel: "county_hospital",
        urgency: "emergency",
        followUpDays: 14,
        reason: {
          zh: "血压升高伴下肢水肿、呼吸困难或不能平卧",
          en: "Raised BP with leg oedema, dyspnoea or orthopnoea",
        },
      },
      source: {
        ...COUNTY_EMERGENCY,
        note: "“血压升高” read as ≥140/90 mmHg, the 基本公卫 threshold of uncontrolled BP; the criterion itself has no number.",
      },
    },
    {
      id: "emergency-acs",
      // as rule order decided before: these transfers go to the county hospital; committees may prefer the nearest PCI centre
      overriddenBy: [
        "emergency-consciousness",
        "emergency-severe-bp-neuro",
        "emergency-bp-chest-back-pain",
        "emergency-bp-heart-failure",
      ],
      levels: PRIMARY,
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
      source: COUNTY_EMERGENCY,
    },
    {
      id: "emergency-other",
      overriddenBy: ["emergency-acs"],
      levels: PRIMARY,
      when: { fact: "otherLifeThreatening", op: "eq", value: true },
      then: {
        action: "emergency_transfer",
        targetLevel: "county_hospital",
        urgency: "emergency",
        followUpDays: 14,
        reason: {
          zh: "其他影响生命体征的严重情况（意识淡漠伴血压过低或测不出、心率过慢或过快、突发严重全身过敏反应等）",
          en: "Other life-threatening condition (apathy with very low BP, very slow or fast heart rate, severe anaphylaxis…)",
        },
      },
      source: COUNTY_EMERGENCY,
    },
    {
      id: "bp-severe",
      levels: PRIMARY,
      when: {
        any: [
          { fact: "sbp", op: "gte", value: 180 },
          { fact: "dbp", op: "gte", value: 110 },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        urgency: "urgent",
        followUpDays: 14,
        reason: {
          zh: "血压显著升高 ≥180/110 mmHg（危急情况，紧急转诊，2 周内随访）",
          en: "Markedly raised blood pressure ≥180/110 mmHg (urgent referral, follow up within 2 weeks)",
        },
      },
      source: PUBLIC_HEALTH,
    },
    {
      id: "first-suspected-complication",
      // a routine referral yields to the urgent one (基本公卫: 危急情况 → 紧急转诊); so do the criteria below
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "first" },
          { fact: "suspectedNewComplication", op: "eq", value: true },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: {
          zh: "初诊：怀疑新出现心脑肾并发症或其他严重临床情况",
          en: "First visit: new heart, brain or kidney complication or other serious condition suspected",
        },
      },
      source: GUIDE,
    },
    {
      id: "first-pregnancy",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "first" },
          { fact: "pregnantOrLactating", op: "eq", value: true },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: { zh: "初诊：妊娠和哺乳期女性", en: "First visit: pregnant or breastfeeding" },
      },
      source: GUIDE,
    },
    {
      id: "first-onset-under-30",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "first" },
          { fact: "ageAtOnset", op: "lt", value: 30 },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: { zh: "初诊：发病年龄 <30 岁", en: "First visit: onset before age 30" },
      },
      source: GUIDE,
    },
    {
      id: "first-proteinuria-hematuria",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "first" },
          { fact: "proteinuriaOrHematuria", op: "eq", value: true },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: { zh: "初诊：伴蛋白尿或血尿", en: "First visit: proteinuria or haematuria" },
      },
      source: GUIDE,
    },
    {
      id: "first-hypokalemia",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "first" },
          { fact: "unexplainedHypokalemia", op: "eq", value: true },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: {
          zh: "初诊：非利尿剂或小剂量利尿剂引起的低血钾",
          en: "First visit: hypokalaemia not caused by (low-dose) diuretics",
        },
      },
      source: {
        ...GUIDE,
        confidence: "UNCONFIRMED",
        note: "The reproduction reads 高血钾 (almost certainly a typo for 低血钾) and the <3.5 mmol/L cut-off is unconfirmed, so this is a boolean fact, not a number.",
      },
    },
    {
      id: "first-paroxysmal",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "first" },
          { fact: "paroxysmalRiseWithSymptoms", op: "eq", value: true },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: {
          zh: "初诊：阵发性血压升高伴头痛、心慌、多汗",
          en: "First visit: paroxysmal rise with headache, palpitations and sweating",
        },
      },
      source: GUIDE,
    },
    {
      id: "first-arm-difference",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "first" },
          { fact: "armSbpDifference", op: "gt", value: 20 },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: { zh: "初诊：双上肢收缩压差异 >20 mmHg", en: "First visit: inter-arm systolic difference >20 mmHg" },
      },
      source: GUIDE,
    },
    {
      id: "first-workup",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "first" },
          { fact: "needsWorkup", op: "eq", value: true },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: {
          zh: "初诊：因诊断需要到上级医院进一步检查",
          en: "First visit: needs diagnostic work-up at a higher level",
        },
      },
      source: GUIDE,
    },
    {
      id: "followup-resistant",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "follow_up" },
          { fact: "fullDoseDrugCount", op: "gte", value: 3 },
          { fact: "atTarget", op: "eq", value: false },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: {
          zh: "随访：至少三种降压药物足量使用，血压仍未达标",
          en: "Follow-up: BP not at target on at least three drugs at full dose",
        },
      },
      source: {
        ...GUIDE,
        note: "“含一种利尿剂” (one of them a diuretic) is in the 2020 guide by recollection only — unconfirmed, so not required here.",
      },
    },
    {
      id: "followup-fluctuation",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "follow_up" },
          { fact: "hardToControlFluctuation", op: "eq", value: true },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: { zh: "随访：血压明显波动并难以控制", en: "Follow-up: marked, hard-to-control fluctuation" },
      },
      source: GUIDE,
    },
    {
      id: "followup-adverse-reaction",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "follow_up" },
          { fact: "adverseDrugReaction", op: "eq", value: true },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: {
          zh: "随访：怀疑与降压药物相关且难以处理的不良反应",
          en: "Follow-up: hard-to-manage adverse reaction to antihypertensives",
        },
      },
      source: GUIDE,
    },
    {
      id: "followup-serious-condition",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "follow_up" },
          { fact: "seriousConditionOnFollowUp", op: "eq", value: true },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: {
          zh: "随访：发现严重临床疾患或心脑肾损害而难以处理",
          en: "Follow-up: serious condition or heart, brain or kidney damage hard to manage",
        },
      },
      source: GUIDE,
    },
    {
      id: "followup-uncontrolled-twice",
      overriddenBy: URGENT_REFERRAL,
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "follow_up" },
          {
            any: [
              { fact: "consecutiveUncontrolled", op: "gte", value: 2 },
              { fact: "complicationNewOrWorse", op: "eq", value: true },
            ],
          },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        followUpDays: 14,
        reason: {
          zh: "随访：连续两次血压控制不满意，或出现新的并发症或原有并发症加重；2 周内主动随访转诊情况",
          en: "Follow-up: uncontrolled twice in a row, or new or worsening complication; follow up the referral within 2 weeks",
        },
      },
      source: PUBLIC_HEALTH,
    },
    {
      id: "followup-uncontrolled-once",
      levels: PRIMARY,
      when: {
        all: [
          { fact: "visit", op: "eq", value: "follow_up" },
          {
            any: [
              { fact: "sbp", op: "gte", value: 140 },
              { fact: "dbp", op: "gte", value: 90 },
            ],
          },
        ],
      },
      then: {
        action: "manage_locally",
        followUpDays: 14,
        reason: {
          zh: "随访：血压控制不满意（≥140/90 mmHg）— 调整用药，2 周内随访",
          en: "Follow-up: BP uncontrolled (≥140/90 mmHg) — adjust treatment, see again within 2 weeks",
        },
      },
      source: {
        ...PUBLIC_HEALTH,
        note: "≥140/90 is CONFIRMED-2; the older-patient threshold 150/90 has one source only (SECONDARY) and is not applied.",
      },
    },
    {
      id: "tcm-need",
      // the 中医 referral (no follow-up window of its own) yields to every other upward criterion
      overriddenBy: [...URGENT_REFERRAL, ...ROUTINE_REFERRAL],
      levels: ["township_health_center"],
      when: { fact: "tcmNeedUnmet", op: "eq", value: true },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        reason: {
          zh: "有中医药治疗需求而乡镇卫生院不能提供，或中医药疗效不佳",
          en: "TCM need the township centre cannot meet, or TCM not effective",
        },
      },
      source: { ...COUNTY_DOWN, title: "县域高血压分级诊疗技术方案 — 上转标准（中医）" },
    },
    {
      id: "down-county-to-township",
      levels: ["county_hospital"],
      when: {
        all: [
          { fact: "diagnosisConfirmed", op: "eq", value: true },
          { fact: "planSuitsPrimaryCare", op: "eq", value: true },
          { fact: "stable", op: "eq", value: true },
          // 病情稳定 excludes the 危急情况 of the 基本公卫 norms (SBP ≥180 and/or DBP ≥110 mmHg)
          { fact: "sbp", op: "lt", value: 180 },
          { fact: "dbp", op: "lt", value: 110 },
        ],
      },
      then: {
        action: "refer_down",
        targetLevel: "township_health_center",
        reason: {
          zh: "已明确诊断，治疗方案明确、适合基层后续诊疗或居家口服药，病情稳定",
          en: "Diagnosis confirmed, plan fits primary care or home medication, condition stable",
        },
      },
      source: COUNTY_DOWN,
    },
    {
      id: "down-township-to-village",
      levels: ["township_health_center"],
      when: {
        all: [
          { fact: "diagnosisConfirmed", op: "eq", value: true },
          { fact: "planUnchangedRecently", op: "eq", value: true },
          { fact: "stable", op: "eq", value: true },
          { fact: "atTarget", op: "eq", value: true },
          // 血压控制正常或达标, read with the 基本公卫 threshold: controlled is SBP < 140 and DBP < 90 mmHg
          { fact: "sbp", op: "lt", value: 140 },
          { fact: "dbp", op: "lt", value: 90 },
        ],
      },
      then: {
        action: "refer_down",
        targetLevel: "village_clinic",
        reason: {
          zh: "诊断明确并有长期治疗方案、近期无需调整，病情稳定、血压达标，需长期随访",
          en: "Diagnosis confirmed with a long-term plan needing no change, stable, BP at target, needs long-term follow-up",
        },
      },
      source: COUNTY_DOWN,
    },
  ],
});
