import type { Claim } from "../src/index.js";

/** Deterministic PRNG (mulberry32), so that every run settles the same claims. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ROUTES = [
  ["510104", "500111"], // 成都锦江区 → 大足区 (川→渝)
  ["510105", "500233"],
  ["500111", "510104"], // 渝→川
  ["500111", "500233"], // same province
  ["510104", "510105"],
] as const;
const LEVELS = ["primary", "level1", "level2", "level3"] as const;
const REGISTRATIONS: readonly Claim["registration"][] = [
  { kind: "long_term_resident", subType: "retired_resettled" },
  { kind: "referred" },
  { kind: "emergency" },
  { kind: "other_temporary" },
  { kind: "unregistered" },
];
const INPATIENT: Claim["careType"] = { kind: "inpatient" };

/** Claims per person: a person's claims are consecutive, so a bench can carry the accumulators from one to the next. */
export const CLAIMS_PER_PERSON = 4;

/**
 * `count` pre-classified 2024 inpatient claims, {@link CLAIMS_PER_PERSON} consecutive ones per person in discharge-date
 * order: 川↔渝 and
 * same-province routes, every facility level and registration, charges around the seed's ¥3,353.99 average stay with
 * a long tail (1 % up to ¥500,000, which crosses the pooled fund's cap).
 */
export function generateClaims(count: number, seed = 2024): Claim[] {
  const next = random(seed);
  const claims: Claim[] = [];
  for (let i = 0; i < count; i++) {
    const [insuredRegion, treatmentRegion] = ROUTES[Math.floor(next() * ROUTES.length)] ?? ROUTES[0];
    const scale = next() < 0.01 ? 50_000_000 : 600_000;
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const date = `2024-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
    claims.push({
      id: `c${i}`,
      personId: `p${Math.floor(i / CLAIMS_PER_PERSON)}`,
      insuredRegion,
      treatmentRegion,
      scheme: "employee",
      personStatus: next() < 0.3 ? "retired" : "in_service",
      hospitalGrade: LEVELS[Math.floor(next() * LEVELS.length)] ?? "level3",
      careType: INPATIENT,
      admissionDate: date,
      dischargeDate: date,
      registration: REGISTRATIONS[Math.floor(next() * REGISTRATIONS.length)] ?? { kind: "referred" },
      charges: {
        kind: "totals",
        classAFen: Math.floor(next() * scale),
        classBFen: Math.floor(next() * scale * 0.3),
        classCFen: Math.floor(next() * scale * 0.05),
        overPriceCapFen: next() < 0.2 ? Math.floor(next() * 20_000) : 0,
      },
    });
  }
  // each person's claims in discharge-date order (the dates shuffled among them), as a ledger settles them
  for (let first = 0; first < claims.length; first += CLAIMS_PER_PERSON) {
    const own = claims.slice(first, first + CLAIMS_PER_PERSON);
    const dates = own.map((claim) => claim.dischargeDate).sort();
    own.forEach((claim, i) => {
      claims[first + i] = { ...claim, admissionDate: dates[i] as string, dischargeDate: dates[i] as string };
    });
  }
  return claims;
}
