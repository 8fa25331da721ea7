import type { Claim } from "../src/index.js";
import type { HandResult } from "./handwritten.js";

/**
 * One insured place's parameters as an integrator would hard-code them: plain numbers and flat integer tables,
 * indexed by hospital grade (0 primary … 3 level3) and, for the rates, retired + 4. Copied from `test/fixtures.ts`
 * (the 成都 and 重庆 fixture policies carry the same numbers).
 */
interface TightPolicy {
  readonly deductibleFen: Int32Array;
  readonly rateBp: Int32Array;
  /** Rate points off for a cross-province temporary patient: 0 long-term, 1000 referred/emergency, 2000 others. */
  readonly referredOffBp: number;
  readonly otherOffBp: number;
  readonly classBPreBp: number;
  readonly pooledCapFen: number;
  readonly largeBp: number;
  readonly largeCapFen: number;
}

const FIXTURE: TightPolicy = {
  deductibleFen: Int32Array.of(16_000, 20_000, 40_000, 80_000),
  rateBp: Int32Array.of(9_500, 9_200, 8_900, 8_500, 9_800, 9_500, 9_200, 8_800),
  referredOffBp: 1_000,
  otherOffBp: 2_000,
  classBPreBp: 1_000,
  pooledCapFen: 30_000_000,
  largeBp: 9_000,
  largeCapFen: 30_000_000,
};

/** The one policy lookup: by the insured region's province (its first two digits), 50 重庆 or 51 四川. */
const POLICIES: readonly (TightPolicy | undefined)[] = (() => {
  const table: (TightPolicy | undefined)[] = [];
  table[50] = FIXTURE;
  table[51] = FIXTURE;
  return table;
})();

/**
 * The tightest settle an integrator would write by hand for a first inpatient stay with pre-classified totals, in
 * plain integer arithmetic: no validation, no region table, no trace, no objects but the result, one policy lookup.
 * The same numbers as `settleByHand` and `settle` (checked in `test/peer.test.ts`); amounts must keep every
 * `fen × basis points` product below 2^53 (the generated claims do).
 */
export function settleTight(claim: Claim): HandResult {
  const charges = claim.charges as Extract<Claim["charges"], { kind: "totals" }>;
  const a = charges.classAFen;
  const b = charges.classBFen;
  const c = charges.classCFen;
  const over = charges.overPriceCapFen ?? 0;
  const insured = claim.insuredRegion;
  const treatment = claim.treatmentRegion;
  const i0 = insured.charCodeAt(0);
  const i1 = insured.charCodeAt(1);
  const policy = POLICIES[(i0 - 48) * 10 + i1 - 48] as TightPolicy;
  const grade = claim.hospitalGrade.charCodeAt(5);
  const g = grade <= 57 ? grade - 48 : 0; // "level1"–"level3" → 1–3, "primary" → 0
  let bp = policy.rateBp[claim.personStatus === "retired" ? g + 4 : g] as number;
  if (i0 !== treatment.charCodeAt(0) || i1 !== treatment.charCodeAt(1)) {
    const kind = claim.registration.kind.charCodeAt(0); // l(ong_term_resident) r(eferred) e(mergency) o u
    const off = kind === 108 ? 0 : kind === 114 || kind === 101 ? policy.referredOffBp : policy.otherOffBp;
    bp = bp > off ? bp - off : 0;
  }

  // 先行自付 at the class-B rate, rounded half up
  let n = b * policy.classBPreBp;
  let q = Math.floor(n / 10_000);
  const preSelfPay = (n - q * 10_000) * 2 >= 10_000 ? q + 1 : q;
  const inScope = a + b - preSelfPay;
  const deductibleLeft = policy.deductibleFen[g] as number;
  const deductible = Math.min(inScope, deductibleLeft);
  const eligible = inScope - deductible;

  // the pooled fund, up to its cap
  const cap = policy.pooledCapFen;
  let pooled: number;
  let covered: number;
  n = eligible * bp;
  if (n <= cap * 10_000) {
    q = Math.floor(n / 10_000);
    pooled = (n - q * 10_000) * 2 >= 10_000 ? q + 1 : q;
    if (pooled > cap) pooled = cap;
    covered = eligible;
  } else {
    pooled = cap;
    n = cap * 10_000;
    q = Math.floor(n / bp);
    covered = q * bp < n ? q + 1 : q;
  }

  // the large-expense fund on the rest, up to its cap
  const rest = eligible - covered;
  const largeCap = policy.largeCapFen;
  const largeBp = policy.largeBp;
  let large: number;
  let largeCovered: number;
  n = rest * largeBp;
  if (n <= largeCap * 10_000) {
    q = Math.floor(n / 10_000);
    large = (n - q * 10_000) * 2 >= 10_000 ? q + 1 : q;
    if (large > largeCap) large = largeCap;
    largeCovered = rest;
  } else {
    large = largeCap;
    n = largeCap * 10_000;
    q = Math.floor(n / largeBp);
    largeCovered = q * largeBp < n ? q + 1 : q;
  }
  const overCap = rest - largeCovered;
  const coinsurance = covered - pooled + largeCovered - large;
  return {
    total: a + b + c + over,
    fullSelfPay: c,
    overLimitSelfPay: over,
    preSelfPay,
    inScope,
    deductible,
    pooledFundPaidFen: pooled,
    pooledFundRateBasisPoints: bp,
    largeExpensePaid: large,
    coinsurance,
    overCap,
    patientPays: c + over + preSelfPay + deductible + coinsurance + overCap,
  };
}
