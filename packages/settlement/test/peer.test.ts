import { describe, expect, it } from "vitest";
import { generateClaims } from "../bench/claims.js";
import { settleByHand } from "../bench/handwritten.js";
import { createSettler, START_OF_YEAR } from "../src/index.js";
import { CHONGQING_CATALOGUE, CHONGQING_POLICY, SICHUAN_CATALOGUE, SICHUAN_POLICY } from "./fixtures.js";

describe("the benchmark's hand-written peer computes the same numbers as settle", () => {
  it("on 50,000 generated claims", () => {
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
