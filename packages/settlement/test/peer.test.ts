import { describe, expect, it } from "vitest";
import { generateClaims } from "../bench/claims.js";
import { settleByHand } from "../bench/handwritten.js";
import { createSettler } from "../src/index.js";
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
      const r = settler.settle(claim).result;
      const hand = settleByHand(claim);
      expect({
        total: r.total,
        fullSelfPay: r.fullSelfPay,
        overLimitSelfPay: r.overLimitSelfPay,
        preSelfPay: r.preSelfPay,
        inScope: r.inScope,
        deductible: r.deductible,
        fundPaid: r.fundPaid,
        fundRateBasisPoints: r.fundRateBasisPoints,
        largeExpensePaid: r.furtherFunds[0]?.paidFen,
        coinsurance: r.coinsurance,
        overCap: r.overCap,
        patientPays: r.patientPays,
      }).toEqual(hand);
      if (r.fundPaid === 30_000_000) capped += 1;
    }
    expect(capped).toBeGreaterThan(0); // the data exercise the cap
  });
});
