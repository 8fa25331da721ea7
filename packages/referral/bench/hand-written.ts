import type { Action, FacilityLevel, Urgency } from "../src/index.js";
import type { HypertensionFacts } from "./patients.js";

/** What the hand-written function decides: the same fields as a `Decision`, fired rules by id only. */
export interface HandDecision {
  action: Action;
  targetLevel: FacilityLevel | null;
  urgency: Urgency;
  followUpDays: number | null;
  fired: string[];
}

/**
 * The built-in hypertension rule set written by hand with `if`/`else` — the way referral criteria sit in hospital
 * systems today. No validation, no evidence: the fastest possible baseline.
 */
export function hypertensionByHand(f: HypertensionFacts, level: FacilityLevel): HandDecision {
  const fired: string[] = [];
  const primary = level === "village_clinic" || level === "township_health_center";
  const first = f.visit === "first";
  const follow = f.visit === "follow_up";
  const severe = f.sbp >= 180 || f.dbp >= 110;
  const has = (s: HypertensionFacts["symptoms"][number]) => f.symptoms.includes(s);
  if (primary) {
    if (f.consciousnessImpaired) fired.push("emergency-consciousness");
    if (severe && (has("severe_headache") || has("vomiting") || has("speech_disorder") || has("limb_paralysis"))) {
      fired.push("emergency-severe-bp-neuro");
    }
    if (severe && has("chest_back_pain")) fired.push("emergency-bp-chest-back-pain");
    if ((f.sbp >= 140 || f.dbp >= 90) && (has("leg_edema") || has("dyspnea") || has("orthopnea"))) {
      fired.push("emergency-bp-heart-failure");
    }
    if (f.suspectedAcs) fired.push("emergency-acs");
    if (f.otherLifeThreatening) fired.push("emergency-other");
    if (severe) fired.push("bp-severe");
    if (first) {
      if (f.suspectedNewComplication) fired.push("first-suspected-complication");
      if (f.pregnantOrLactating) fired.push("first-pregnancy");
      if (f.ageAtOnset !== undefined && f.ageAtOnset < 30) fired.push("first-onset-under-30");
      if (f.proteinuriaOrHematuria) fired.push("first-proteinuria-hematuria");
      if (f.unexplainedHypokalemia) fired.push("first-hypokalemia");
      if (f.paroxysmalRiseWithSymptoms) fired.push("first-paroxysmal");
      if (f.armSbpDifference !== undefined && f.armSbpDifference > 20) fired.push("first-arm-difference");
      if (f.needsWorkup) fired.push("first-workup");
    }
    if (follow) {
      if (f.fullDoseDrugCount >= 3 && !f.atTarget) fired.push("followup-resistant");
      if (f.hardToControlFluctuation) fired.push("followup-fluctuation");
      if (f.adverseDrugReaction) fired.push("followup-adverse-reaction");
      if (f.seriousConditionOnFollowUp) fired.push("followup-serious-condition");
      if (f.consecutiveUncontrolled >= 2 || f.complicationNewOrWorse) fired.push("followup-uncontrolled-twice");
      if (f.sbp >= 140 || f.dbp >= 90) fired.push("followup-uncontrolled-once");
    }
  }
  if (level === "township_health_center" && f.tcmNeedUnmet) fired.push("tcm-need");
  if (
    level === "county_hospital" &&
    f.diagnosisConfirmed &&
    f.planSuitsPrimaryCare &&
    f.stable &&
    f.sbp < 180 &&
    f.dbp < 110
  ) {
    fired.push("down-county-to-township");
  }
  if (
    level === "township_health_center" &&
    f.diagnosisConfirmed &&
    f.planUnchangedRecently &&
    f.stable &&
    f.atTarget &&
    f.sbp < 140 &&
    f.dbp < 90
  ) {
    fired.push("down-township-to-village");
  }

  const emergency = fired.find((id) => id.startsWith("emergency-"));
  if (emergency !== undefined) {
    const pci = emergency === "emergency-acs";
    return {
      action: "emergency_transfer",
      targetLevel: pci ? null : "county_hospital",
      urgency: "emergency",
      followUpDays: 14,
      fired,
    };
  }
  const up = fired.find((id) => id !== "followup-uncontrolled-once" && !id.startsWith("down-"));
  if (up !== undefined) {
    return {
      action: "refer_up",
      targetLevel: "county_hospital",
      urgency: up === "bp-severe" ? "urgent" : "routine",
      followUpDays: up === "tcm-need" ? null : 14,
      fired,
    };
  }
  if (fired.includes("down-county-to-township")) {
    return {
      action: "refer_down",
      targetLevel: "township_health_center",
      urgency: "routine",
      followUpDays: null,
      fired,
    };
  }
  if (fired.includes("down-township-to-village")) {
    return { action: "refer_down", targetLevel: "village_clinic", urgency: "routine", followUpDays: null, fired };
  }
  if (fired.includes("followup-uncontrolled-once")) {
    return { action: "manage_locally", targetLevel: null, urgency: "routine", followUpDays: 14, fired };
  }
  return { action: "manage_locally", targetLevel: null, urgency: "routine", followUpDays: null, fired };
}
