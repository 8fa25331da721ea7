import type { Claim } from "../src/index.js";

/** The breakdown the hand-written peer computes: the same fields as `SettlementResult`, without the trace. */
export interface HandResult {
  total: number;
  fullSelfPay: number;
  overLimitSelfPay: number;
  preSelfPay: number;
  inScope: number;
  deductible: number;
  pooledFundPaidFen: number;
  pooledFundRateBasisPoints: number;
  largeExpensePaid: number;
  coinsurance: number;
  overCap: number;
  patientPays: number;
}

/** Tables of the peer, hard-coded from `test/fixtures.ts` (the 成都/重庆 fixture policies and catalogues). */
const DEDUCTIBLE = { primary: 16_000, level1: 20_000, level2: 40_000, level3: 80_000 };
const RATE = {
  in_service: { primary: 9_500, level1: 9_200, level2: 8_900, level3: 8_500 },
  retired: { primary: 9_800, level1: 9_500, level2: 9_200, level3: 8_800 },
};
const MINUS = { long_term_resident: 0, referred: 1_000, emergency: 1_000, other_temporary: 2_000, unregistered: 2_000 };
const PRE_SELF_PAY_BP = 1_000;
const POOLED_CAP = 30_000_000;
const LARGE_BP = 9_000;
const LARGE_CAP = 30_000_000;

function halfUp(numerator: number): number {
  const q = Math.floor(numerator / 10_000);
  return (numerator - q * 10_000) * 2 >= 10_000 ? q + 1 : q;
}

function ceilDiv(numerator: number, denominator: number): number {
  const q = Math.floor(numerator / denominator);
  return q * denominator < numerator ? q + 1 : q;
}

/**
 * What a hospital system would write by hand for a first inpatient stay with pre-classified totals: no validation,
 * no region table (the province is the code's first two digits), no trace, one policy.
 */
export function settleByHand(claim: Claim): HandResult {
  const charges = claim.charges;
  if (charges.kind !== "totals") throw new Error("pre-classified claims only");
  const { classAFen: a, classBFen: b, classCFen: c } = charges;
  const over = charges.overPriceCapFen ?? 0;
  const total = a + b + c + over;
  const preSelfPay = halfUp(b * PRE_SELF_PAY_BP);
  const inScope = a + b - preSelfPay;
  const deductible = Math.min(inScope, DEDUCTIBLE[claim.hospitalGrade]);
  const cross = claim.insuredRegion.slice(0, 2) !== claim.treatmentRegion.slice(0, 2);
  let bp = RATE[claim.personStatus][claim.hospitalGrade];
  if (cross) bp = Math.max(0, bp - MINUS[claim.registration.kind]);
  const eligible = inScope - deductible;
  let pooledFundPaidFen: number;
  let covered: number;
  if (eligible * bp <= POOLED_CAP * 10_000) {
    pooledFundPaidFen = Math.min(halfUp(eligible * bp), POOLED_CAP);
    covered = eligible;
  } else {
    pooledFundPaidFen = POOLED_CAP;
    covered = ceilDiv(POOLED_CAP * 10_000, bp);
  }
  const rest = eligible - covered;
  let largeExpensePaid: number;
  let largeCovered: number;
  if (rest * LARGE_BP <= LARGE_CAP * 10_000) {
    largeExpensePaid = Math.min(halfUp(rest * LARGE_BP), LARGE_CAP);
    largeCovered = rest;
  } else {
    largeExpensePaid = LARGE_CAP;
    largeCovered = ceilDiv(LARGE_CAP * 10_000, LARGE_BP);
  }
  const overCap = rest - largeCovered;
  const coinsurance = covered - pooledFundPaidFen + largeCovered - largeExpensePaid;
  const patientPays = c + over + preSelfPay + deductible + coinsurance + overCap;
  return {
    total,
    fullSelfPay: c,
    overLimitSelfPay: over,
    preSelfPay,
    inScope,
    deductible,
    pooledFundPaidFen,
    pooledFundRateBasisPoints: bp,
    largeExpensePaid,
    coinsurance,
    overCap,
    patientPays,
  };
}
