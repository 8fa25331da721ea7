import type { FacilityLevel, FactsOf, hypertension } from "../src/index.js";

/** Facts of the built-in hypertension rule set. */
export type HypertensionFacts = FactsOf<(typeof hypertension)["facts"]>;

/** One generated patient: facts and the level that sees them. */
export interface Patient {
  readonly facts: HypertensionFacts;
  readonly level: FacilityLevel;
}

/** mulberry32 — a tiny deterministic PRNG, so every run sees the same patients. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYMPTOMS = [
  "severe_headache",
  "vomiting",
  "speech_disorder",
  "limb_paralysis",
  "chest_back_pain",
  "leg_edema",
  "dyspnea",
  "orthopnea",
] as const;
const LEVELS: readonly FacilityLevel[] = [
  "village_clinic",
  "village_clinic",
  "township_health_center",
  "county_hospital",
];

/**
 * `count` realistic hypertension patients (fixed seed): blood pressure spread around the treated range with a tail
 * above 180/110, rare symptoms and findings (≈3 % each), half first visits, a mix of levels.
 */
export function generatePatients(count: number, seed = 20241130): Patient[] {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const rare = (p = 0.03) => r() < p;
  const out: Patient[] = [];
  for (let i = 0; i < count; i++) {
    const sbp = int(100, 215) + (r() < 0.5 ? 0.5 : 0);
    const symptoms = SYMPTOMS.filter(() => rare(0.04));
    const facts: HypertensionFacts = {
      visit: r() < 0.5 ? "first" : "follow_up",
      sbp,
      dbp: Math.max(50, Math.round(sbp * 0.6 + int(-15, 15))),
      symptoms,
      consciousnessImpaired: rare(0.005),
      suspectedAcs: rare(0.005),
      otherLifeThreatening: rare(0.005),
      pregnantOrLactating: rare(),
      ...(r() < 0.6 ? { ageAtOnset: int(18, 80) } : {}),
      suspectedNewComplication: rare(),
      proteinuriaOrHematuria: rare(),
      unexplainedHypokalemia: rare(0.01),
      paroxysmalRiseWithSymptoms: rare(0.01),
      ...(r() < 0.4 ? { armSbpDifference: int(0, 30) } : {}),
      needsWorkup: rare(),
      fullDoseDrugCount: int(0, 4),
      atTarget: sbp < 140,
      hardToControlFluctuation: rare(),
      adverseDrugReaction: rare(),
      seriousConditionOnFollowUp: rare(0.01),
      consecutiveUncontrolled: sbp >= 140 ? int(0, 3) : 0,
      complicationNewOrWorse: rare(),
      tcmNeedUnmet: rare(),
      diagnosisConfirmed: r() < 0.7,
      planSuitsPrimaryCare: r() < 0.6,
      stable: r() < 0.6,
      planUnchangedRecently: r() < 0.6,
    };
    out.push({ facts, level: LEVELS[int(0, LEVELS.length - 1)] as FacilityLevel });
  }
  return out;
}
