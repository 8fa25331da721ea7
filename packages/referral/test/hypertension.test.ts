import { describe, expect, it } from "vitest";
import { compileRuleSet, type FacilityLevel, hypertension, ruleSets } from "../src/index.js";
import { calmPatient, type HypertensionFacts } from "./fixtures.js";

const engine = compileRuleSet(hypertension);
const at = "2024-11-30";

type Patch = Partial<{ -readonly [K in keyof HypertensionFacts]: HypertensionFacts[K] }>;
type Case = [ruleId: string, level: FacilityLevel, fires: Patch, justBelow: Patch];

const follow = { visit: "follow_up" } as const;
const cases: Case[] = [
  ["emergency-consciousness", "village_clinic", { consciousnessImpaired: true }, { consciousnessImpaired: false }],
  [
    "emergency-severe-bp-neuro",
    "village_clinic",
    { sbp: 180, symptoms: ["vomiting"] },
    { sbp: 179, dbp: 109, symptoms: ["vomiting"] },
  ],
  [
    "emergency-severe-bp-neuro",
    "township_health_center",
    { dbp: 110, symptoms: ["limb_paralysis"] },
    { dbp: 110, symptoms: ["dyspnea"] },
  ],
  [
    "emergency-bp-chest-back-pain",
    "township_health_center",
    { dbp: 110, symptoms: ["chest_back_pain"] },
    { sbp: 179, dbp: 109, symptoms: ["chest_back_pain"] },
  ],
  [
    "emergency-bp-heart-failure",
    "village_clinic",
    { sbp: 140, symptoms: ["orthopnea"] },
    { sbp: 139, dbp: 89, symptoms: ["orthopnea"] },
  ],
  ["emergency-acs", "township_health_center", { suspectedAcs: true }, { suspectedAcs: false }],
  ["emergency-other", "village_clinic", { otherLifeThreatening: true }, { otherLifeThreatening: false }],
  ["bp-severe", "village_clinic", { sbp: 180 }, { sbp: 179, dbp: 109 }],
  ["bp-severe", "township_health_center", { dbp: 110 }, { sbp: 179.9, dbp: 109.9 }],
  [
    "first-suspected-complication",
    "village_clinic",
    { suspectedNewComplication: true },
    { ...follow, suspectedNewComplication: true },
  ],
  ["first-pregnancy", "village_clinic", { pregnantOrLactating: true }, { ...follow, pregnantOrLactating: true }],
  ["first-onset-under-30", "township_health_center", { ageAtOnset: 29 }, { ageAtOnset: 30 }],
  [
    "first-proteinuria-hematuria",
    "village_clinic",
    { proteinuriaOrHematuria: true },
    { proteinuriaOrHematuria: false },
  ],
  [
    "first-hypokalemia",
    "village_clinic",
    { unexplainedHypokalemia: true },
    { ...follow, unexplainedHypokalemia: true },
  ],
  ["first-paroxysmal", "village_clinic", { paroxysmalRiseWithSymptoms: true }, { paroxysmalRiseWithSymptoms: false }],
  ["first-arm-difference", "village_clinic", { armSbpDifference: 21 }, { armSbpDifference: 20 }],
  ["first-workup", "township_health_center", { needsWorkup: true }, { needsWorkup: false }],
  [
    "followup-resistant",
    "village_clinic",
    { ...follow, fullDoseDrugCount: 3, atTarget: false },
    { ...follow, fullDoseDrugCount: 2, atTarget: false },
  ],
  [
    "followup-fluctuation",
    "village_clinic",
    { ...follow, hardToControlFluctuation: true },
    { hardToControlFluctuation: true },
  ],
  [
    "followup-adverse-reaction",
    "village_clinic",
    { ...follow, adverseDrugReaction: true },
    { adverseDrugReaction: true },
  ],
  [
    "followup-serious-condition",
    "village_clinic",
    { ...follow, seriousConditionOnFollowUp: true },
    { seriousConditionOnFollowUp: true },
  ],
  [
    "followup-uncontrolled-twice",
    "village_clinic",
    { ...follow, consecutiveUncontrolled: 2 },
    { ...follow, consecutiveUncontrolled: 1 },
  ],
  [
    "followup-uncontrolled-twice",
    "township_health_center",
    { ...follow, complicationNewOrWorse: true },
    { complicationNewOrWorse: true },
  ],
  ["followup-uncontrolled-once", "village_clinic", { ...follow, sbp: 140 }, { ...follow, sbp: 139, dbp: 89 }],
  ["tcm-need", "township_health_center", { tcmNeedUnmet: true }, { tcmNeedUnmet: false }],
  [
    "down-county-to-township",
    "county_hospital",
    { diagnosisConfirmed: true, planSuitsPrimaryCare: true, stable: true },
    { diagnosisConfirmed: true, planSuitsPrimaryCare: true, stable: false },
  ],
  [
    "down-township-to-village",
    "township_health_center",
    { diagnosisConfirmed: true, planUnchangedRecently: true, stable: true },
    { diagnosisConfirmed: true, planUnchangedRecently: true, stable: true, atTarget: false },
  ],
];

describe("built-in hypertension rules", () => {
  it("nothing fires for a calm patient at any level", () => {
    for (const level of ["village_clinic", "township_health_center", "county_hospital"] as const) {
      const decision = engine.evaluate({ facts: calmPatient, at, level });
      expect(decision.fired).toEqual([]);
      expect(decision.action).toBe("manage_locally");
    }
  });

  it("has a firing and a non-firing case for every rule", () => {
    const covered = new Set(cases.map(([id]) => id));
    expect([...covered].sort()).toEqual(hypertension.rules.map((rule) => rule.id).sort());
  });

  it.each(cases)("%s at %s: fires, and does not fire just below", (ruleId, level, fires, justBelow) => {
    const firing = engine.evaluate({ facts: { ...calmPatient, ...fires }, at, level });
    const fired = firing.fired.find((f) => f.ruleId === ruleId);
    expect(fired).toBeDefined();
    // the evidence names facts the rule reads, each leaf held, with the patient's own values
    expect(fired?.evidence.length).toBeGreaterThan(0);
    for (const item of fired?.evidence ?? []) {
      expect(item.result).toBe(true);
      expect(item.actual).toEqual({ ...calmPatient, ...fires }[item.fact as keyof HypertensionFacts] ?? null);
    }
    for (const [fact, value] of Object.entries(fires)) {
      if (fact === "visit" || (typeof value === "boolean" && !value)) continue;
      const named = fired?.evidence.some((item) => item.fact === fact);
      if (fact !== "sbp" && fact !== "dbp") expect(named).toBe(true);
    }
    const rule = hypertension.rules.find((r) => r.id === ruleId);
    expect(fired?.action).toBe(rule?.then.action);
    expect(fired?.reason).toEqual(rule?.then.reason);
    expect(firing.trace.some((step) => step.ruleId === ruleId && step.step === "rule")).toBe(true);

    const below = engine.evaluate({ facts: { ...calmPatient, ...justBelow }, at, level });
    expect(below.fired.map((f) => f.ruleId)).not.toContain(ruleId);
  });

  it("reports ≥180/110 as an urgent referral to the county with the evidence", () => {
    //#region example
    const engine = compileRuleSet(ruleSets.hypertension);
    const decision = engine.evaluate({
      facts: { ...calmPatient, sbp: 186, dbp: 112 },
      at: "2024-11-30",
      level: "village_clinic",
    });
    expect(decision.action).toBe("refer_up");
    expect(decision.targetLevel).toBe("county_hospital");
    expect(decision.urgency).toBe("urgent");
    expect(decision.followUpDays).toBe(14); // 2 周内随访
    expect(decision.fired[0]?.evidence).toEqual([
      { fact: "sbp", op: "gte", expected: 180, actual: 186, result: true },
      { fact: "dbp", op: "gte", expected: 110, actual: 112, result: true },
    ]);
    //#endregion example
  });

  it("an emergency outranks an urgent referral; both are reported", () => {
    const decision = engine.evaluate({
      facts: { ...calmPatient, sbp: 192, symptoms: ["severe_headache"] },
      at,
      level: "village_clinic",
    });
    expect(decision.action).toBe("emergency_transfer");
    expect(decision.fired.map((f) => f.ruleId)).toEqual(["emergency-severe-bp-neuro", "bp-severe"]);
    expect(decision.trace.at(-1)?.ruleId).toBe("emergency-severe-bp-neuro");
    expect(decision.trace.at(-1)?.source?.number).toBe("国卫办医函〔2022〕34号");
  });

  it("first uncontrolled follow-up: manage locally and see again within 14 days; twice: refer up", () => {
    const once = engine.evaluate({
      facts: { ...calmPatient, visit: "follow_up", sbp: 146, consecutiveUncontrolled: 1 },
      at,
      level: "village_clinic",
    });
    expect([once.action, once.followUpDays, once.targetLevel]).toEqual(["manage_locally", 14, null]);
    const twice = engine.evaluate({
      facts: { ...calmPatient, visit: "follow_up", sbp: 146, consecutiveUncontrolled: 2 },
      at,
      level: "village_clinic",
    });
    expect([twice.action, twice.targetLevel]).toEqual(["refer_up", "county_hospital"]);
  });

  it("upward rules do not apply at the county hospital, downward rules only there", () => {
    const county = engine.evaluate({ facts: { ...calmPatient, sbp: 200 }, at, level: "county_hospital" });
    expect(county.action).toBe("manage_locally");
    const down = engine.evaluate({
      facts: { ...calmPatient, diagnosisConfirmed: true, planSuitsPrimaryCare: true, stable: true },
      at,
      level: "county_hospital",
    });
    expect([down.action, down.targetLevel]).toEqual(["refer_down", "township_health_center"]);
  });

  it("cites the 2022 county scheme and gives every rule a confidence", () => {
    expect(hypertension.source.number).toBe("国卫办医函〔2022〕34号");
    expect(hypertension.effectiveFrom).toBe("2022-01-26");
    for (const rule of hypertension.rules)
      expect(rule.source?.confidence).toMatch(/^(CONFIRMED|CONFIRMED-2|SECONDARY|UNCONFIRMED)$/);
  });
});
