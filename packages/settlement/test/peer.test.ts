import { describe, expect, it } from "vitest";
import { generateClaims } from "../bench/claims.js";
import { settleByHand } from "../bench/handwritten.js";
import { settleTight } from "../bench/tight.js";
import { createSettler, START_OF_YEAR } from "../src/index.js";
import { CHONGQING_CATALOGUE, CHONGQING_POLICY, SICHUAN_CATALOGUE, SICHUAN_POLICY } from "./fixtures.js";

describe("the benchmark's hand-written peers compute the same numbers as settle", () => {
  it("both peers, on every one of 50,000 generated claims", () => {
    const settler = createSettler({
      policies: [SICHUAN_POLICY, CHONGQING_POLICY],
      catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
      trace: false,
    });
    const claims = generateClaims(50_000);
    let capped = 0;
    for (const claim of claims) {
      const r = settler.settle({ claim, accumulators: START_OF_YEAR }).result;
      const hand = settleByHand(claim);
      expect(settleTight(claim)).toEqual(hand);
      expect({
        total: r.totalFen,
        fullSelfPay: r.fullSelfPayFen,
        overLimitSelfPay: r.overLimitSelfPayFen,
        preSelfPay: r.preSelfPayFen,
        inScope: r.inScopeFen,
        deductible: r.deductibleFen,
        pooledFundPaidFen: r.pooledFundPaidFen,
        pooledFundRateBasisPoints: r.pooledFundRateBasisPoints,
        largeExpensePaid: r.furtherFunds[0]?.paidFen,
        coinsurance: r.coinsuranceFen,
        overCap: r.overCapFen,
        patientPays: r.patientPaysFen,
      }).toEqual(hand);
      if (r.pooledFundPaidFen === 30_000_000) capped += 1;
    }
    expect(capped).toBeGreaterThan(0); // the data exercise the cap
  });
});

describe("the agreement check can fail", () => {
  it("catches a tight peer that rounds the pre-self-pay down", () => {
    const claims = generateClaims(2_000);
    const roundedDown = (claim: (typeof claims)[number]) => {
      const r = settleTight(claim);
      const b = claim.charges.kind === "totals" ? claim.charges.classBFen : 0;
      return { ...r, preSelfPay: Math.floor((b * 1_000) / 10_000) };
    };
    expect(claims.some((claim) => roundedDown(claim).preSelfPay !== settleByHand(claim).preSelfPay)).toBe(true);
  });
});
