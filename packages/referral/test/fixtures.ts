import type { FactsOf, hypertension } from "../src/index.js";

/** Facts of the built-in hypertension rule set. */
export type HypertensionFacts = FactsOf<(typeof hypertension)["facts"]>;

/** A calm first-visit patient for whom no hypertension rule fires at any level. */
export const calmPatient: HypertensionFacts = {
  visit: "first",
  sbp: 128,
  dbp: 78,
  symptoms: [],
  consciousnessImpaired: false,
  suspectedAcs: false,
  otherLifeThreatening: false,
  pregnantOrLactating: false,
  suspectedNewComplication: false,
  proteinuriaOrHematuria: false,
  unexplainedHypokalemia: false,
  paroxysmalRiseWithSymptoms: false,
  needsWorkup: false,
  fullDoseDrugCount: 1,
  atTarget: true,
  hardToControlFluctuation: false,
  adverseDrugReaction: false,
  seriousConditionOnFollowUp: false,
  consecutiveUncontrolled: 0,
  complicationNewOrWorse: false,
  tcmNeedUnmet: false,
  diagnosisConfirmed: false,
  planSuitsPrimaryCare: false,
  stable: false,
  planUnchangedRecently: false,
};
