import { describe, expect, it } from "vitest";
import {
  type Adjustment,
  type Claim,
  createSettler,
  emptyAccumulators,
  type Policy,
  type SettlementResult,
  START_OF_YEAR,
  STEP_LABELS,
} from "../src/index.js";
import { CHONGQING_CATALOGUE, CHONGQING_POLICY, CROSS_CLAIM, SICHUAN_CATALOGUE, SICHUAN_POLICY } from "./fixtures.js";

const settler = createSettler({
  policies: [SICHUAN_POLICY, CHONGQING_POLICY],
  catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
});

function withAdjustment(adjustment: Adjustment): Policy {
  return {
    ...SICHUAN_POLICY,
    crossProvince: { ...SICHUAN_POLICY.crossProvince, other_temporary: adjustment, unregistered: adjustment },
  };
}

function parts(result: SettlementResult) {
  const {
    totalFen,
    fullSelfPayFen,
    overLimitSelfPayFen,
    preSelfPayFen,
    inScopeFen,
    deductibleFen,
    pooledFundPaidFen,
    coinsuranceFen,
    overCapFen,
  } = result;
  return {
    totalFen,
    fullSelfPayFen,
    overLimitSelfPayFen,
    preSelfPayFen,
    inScopeFen,
    deductibleFen,
    pooledFundPaidFen,
    coinsuranceFen,
    overCapFen,
  };
}

describe("settle: worked examples checked by hand", () => {
  it("川→渝 registered inpatient stay (long-term resident: 成都 policy, 重庆 catalogue, no adjustment)", () => {
    //#region example
    const settler = createSettler({
      policies: [SICHUAN_POLICY, CHONGQING_POLICY],
      catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
    });
    // 成都锦江区 employee, 三级 hospital in 大足区, ¥3,353.99: A 2500.00, B 600.00, C 153.99, over price cap 100.00
    const { result, accumulators } = settler.settle({ claim: CROSS_CLAIM, accumulators: START_OF_YEAR });
    expect(result.crossProvince).toBe(true);
    expect(result.policyId).toBe("fixture-cd-employee"); // 参保地政策
    expect(result.catalogueId).toBe("fixture-cq-catalogue"); // 就医地目录
    expect(result.totalFen).toBe(335_399);
    expect(result.preSelfPayFen).toBe(6_000); // 600.00 × 10 % class-B pre-self-pay
    expect(result.inScopeFen).toBe(304_000); // 2500 + 600 − 60
    expect(result.deductibleFen).toBe(80_000); // first 三级 stay: 800 元
    expect(result.pooledFundPaidFen).toBe(190_400); // (3040 − 800) × 85 %
    expect(result.pooledFundRateBasisPoints).toBe(8_500);
    expect(result.patientPaysFen).toBe(144_999); // 153.99 + 100 + 60 + 800 + 336
    expect(result.fundsPaidFen + result.patientPaysFen).toBe(result.totalFen);
    expect(accumulators.inpatientAdmissions).toBe(1);
    //#endregion example
    expect(parts(result)).toEqual({
      totalFen: 335_399,
      fullSelfPayFen: 15_399,
      overLimitSelfPayFen: 10_000,
      preSelfPayFen: 6_000,
      inScopeFen: 304_000,
      deductibleFen: 80_000,
      pooledFundPaidFen: 190_400,
      coinsuranceFen: 33_600,
      overCapFen: 0,
    });
    expect(result.furtherFunds).toEqual([
      { id: "large_expense", kind: "large_expense", label: expect.anything(), paidFen: 0 },
    ]);
  });

  it("the same patient unregistered: each adjustment kind gives its own result", () => {
    const unregistered = { ...CROSS_CLAIM, registration: { kind: "unregistered" } } satisfies Claim;
    const run = (adjustment: Adjustment) =>
      createSettler({ policies: [withAdjustment(adjustment)], catalogues: [CHONGQING_CATALOGUE] }).settle({
        claim: unregistered,
        accumulators: START_OF_YEAR,
      }).result;
    // −20 points: 85 % → 65 %; (3040 − 800) × 65 % = 1456.00
    const minus = run({ kind: "ratio_minus_points", points: 20 });
    expect([minus.pooledFundRateBasisPoints, minus.pooledFundPaidFen]).toEqual([6_500, 145_600]);
    // ×0.8: 85 % → 68 %; 2240 × 68 % = 1523.20
    const times = run({ kind: "ratio_times", factor: 0.8 });
    expect([times.pooledFundRateBasisPoints, times.pooledFundPaidFen]).toEqual([6_800, 152_320]);
    // 先行自付 20 %: 3040 × 20 % = 608 first, then (2432 − 800) × 85 % = 1387.20
    const pre = run({ kind: "pre_self_pay", rate: 0.2 });
    expect([pre.preSelfPayFen, pre.inScopeFen, pre.pooledFundRateBasisPoints, pre.pooledFundPaidFen]).toEqual([
      66_800, 243_200, 8_500, 138_720,
    ]);
    for (const result of [minus, times, pre]) expect(result.fundsPaidFen + result.patientPaysFen).toBe(335_399);
    expect(run({ kind: "none" }).pooledFundPaidFen).toBe(190_400);
  });

  it("a second admission in the same year takes the later-stay deductible", () => {
    const first = settler.settle({
      claim: { ...CROSS_CLAIM, dischargeDate: "2024-05-10", admissionDate: "2024-05-01" },
      accumulators: START_OF_YEAR,
    });
    const second = settler.settle({ claim: CROSS_CLAIM, accumulators: first.accumulators });
    expect(second.result.deductibleFen).toBe(40_000); // 400 元 for a later 三级 stay
    expect(second.result.pooledFundPaidFen).toBe(224_400); // (3040 − 400) × 85 %
    expect(second.accumulators.inpatientAdmissions).toBe(2);
    expect(second.accumulators.deductiblePaidFen.inpatient).toBe(120_000);
    // a new calendar year starts from zero
    const nextYear = createSettler({
      policies: [{ ...SICHUAN_POLICY, effectiveFrom: "2025-01-01", effectiveTo: "2025-12-31" }],
      catalogues: [CHONGQING_CATALOGUE],
    }).settle({
      claim: { ...CROSS_CLAIM, admissionDate: "2025-01-02", dischargeDate: "2025-01-09" },
      accumulators: second.accumulators,
    });
    expect(nextYear.result.deductibleFen).toBe(80_000);
    expect(nextYear.accumulators).toMatchObject({ year: 2025, inpatientAdmissions: 1 });
  });

  it("a claim that crosses the pooled fund's annual cap goes on to the large-expense fund", () => {
    const before = { ...emptyAccumulators({ personId: "p-1", year: 2024 }), inpatientAdmissions: 0 };
    const nearCap = { ...before, funds: { pooled: { baseFen: 35_000_000, paidFen: 29_900_000 } } };
    const { result, accumulators } = settler.settle({ claim: CROSS_CLAIM, accumulators: nearCap });
    // room 1000.00 takes ⌈1000 / 0.85⌉ = 1176.48 of cost; the other 2240 − 1176.48 = 1063.52 goes to 大额 at 90 %
    expect(result.pooledFundPaidFen).toBe(100_000);
    expect(result.furtherFunds[0]?.paidFen).toBe(95_717); // 957.168 → 957.17
    expect(result.coinsuranceFen).toBe(17_648 + 10_635);
    expect(result.overCapFen).toBe(0);
    expect(result.fundsPaidFen).toBe(195_717);
    expect(result.fundsPaidFen + result.patientPaysFen).toBe(335_399);
    expect(accumulators.funds.pooled).toEqual({ baseFen: 35_224_000, paidFen: 30_000_000 });
    expect(accumulators.funds.large_expense).toEqual({ baseFen: 106_352, paidFen: 95_717 });
  });

  it("a same-province claim uses the local policy with no adjustment", () => {
    // 大足区 insured, treated in 忠县, registered as "other temporary": same province, so no reduction
    const local = {
      ...CROSS_CLAIM,
      insuredRegion: "500111",
      treatmentRegion: "500233",
      registration: { kind: "other_temporary" },
    } satisfies Claim;
    const { result } = settler.settle({ claim: local, accumulators: START_OF_YEAR });
    expect(result.crossProvince).toBe(false);
    expect(result.policyId).toBe("fixture-cq-employee");
    expect(result.pooledFundRateBasisPoints).toBe(8_500);
    expect(result.pooledFundPaidFen).toBe(190_400);
    // the same claim across the border as "other temporary" loses 20 points
    expect(
      settler.settle({ claim: { ...local, insuredRegion: "510104" }, accumulators: START_OF_YEAR }).result
        .pooledFundRateBasisPoints,
    ).toBe(6_500);
  });

  it("outpatient dialysis against a monthly quota", () => {
    const dialysis = {
      ...CROSS_CLAIM,
      careType: { kind: "outpatient_chronic", disease: "uremiaDialysis" },
      admissionDate: "2024-06-12",
      dischargeDate: "2024-06-12",
      charges: { kind: "totals", classAFen: 450_000, classBFen: 0, classCFen: 0, overPriceCapFen: 0 },
    } satisfies Claim;
    const first = settler.settle({ claim: dialysis, accumulators: START_OF_YEAR });
    expect(first.result.pooledFundPaidFen).toBe(405_000); // 4500 × 90 %, quota 5000 not reached
    const second = settler.settle({
      claim: { ...dialysis, id: "c-2", dischargeDate: "2024-06-26", admissionDate: "2024-06-26" },
      accumulators: first.accumulators,
    });
    // quota room 5000 − 4050 = 950 takes ⌈950 / 0.9⌉ = 1055.56 of cost; the rest is above the quota
    expect(second.result.pooledFundPaidFen).toBe(95_000);
    expect(second.result.coinsuranceFen).toBe(105_556 - 95_000);
    expect(second.result.overCapFen).toBe(450_000 - 105_556);
    expect(second.accumulators.chronicMonthlyPaidFen["uremiaDialysis@2024-06"]).toBe(500_000);
    // July starts a fresh quota
    const july = settler.settle({
      claim: { ...dialysis, dischargeDate: "2024-07-03", admissionDate: "2024-07-03" },
      accumulators: second.accumulators,
    });
    expect(july.result.pooledFundPaidFen).toBe(405_000);
  });

  it("general outpatient visits share one annual deductible and their own fund", () => {
    const visit = (id: string, date: string, classAFen: number) =>
      ({
        ...CROSS_CLAIM,
        id,
        careType: { kind: "outpatient_general" },
        admissionDate: date,
        dischargeDate: date,
        charges: { kind: "totals", classAFen, classBFen: 0, classCFen: 0, overPriceCapFen: 0 },
      }) satisfies Claim;
    const first = settler.settle({ claim: visit("v-1", "2024-03-02", 15_000), accumulators: START_OF_YEAR });
    expect([first.result.deductibleFen, first.result.pooledFundPaidFen]).toEqual([15_000, 0]); // 150 of the 200 元 deductible
    const second = settler.settle({ claim: visit("v-2", "2024-04-09", 30_000), accumulators: first.accumulators });
    expect([second.result.deductibleFen, second.result.pooledFundPaidFen]).toEqual([5_000, 12_500]); // (300 − 50) × 50 %
    expect(second.accumulators.funds.outpatientPooled).toEqual({ baseFen: 25_000, paidFen: 12_500 });
    expect(second.accumulators.funds.pooled).toBeUndefined();
    expect(second.accumulators.inpatientAdmissions).toBe(0);
  });

  it("classifies itemised lines: class, price cap, item pre-self-pay rate", () => {
    const itemised = {
      ...CROSS_CLAIM,
      charges: {
        kind: "lines",
        lines: [
          { itemCode: "A-ward", amountFen: 120_000 },
          { itemCode: "A-drug", amountFen: 7_000, quantity: 3 }, // cap 20.00 × 3 = 60.00 → 10.00 over
          { itemCode: "B-drug", amountFen: 40_000 }, // 10 % → 40.00
          { itemCode: "B-implant", amountFen: 100_000 }, // 30 % → 300.00
          { itemCode: "C-vip", amountFen: 5_000 },
        ],
      },
    } satisfies Claim;
    const { result } = settler.settle({ claim: itemised, accumulators: START_OF_YEAR });
    expect(result.totalFen).toBe(272_000);
    expect(result.overLimitSelfPayFen).toBe(1_000);
    expect(result.fullSelfPayFen).toBe(5_000);
    expect(result.preSelfPayFen).toBe(34_000);
    expect(result.inScopeFen).toBe(120_000 + 6_000 + 140_000 - 34_000);
  });

  it("explains every step with labels, rule and source", () => {
    //#region trace
    const { result } = settler.settle({ claim: CROSS_CLAIM, accumulators: START_OF_YEAR });
    const steps = result.trace.map((step) => [step.step, step.amountFen, step.origin]);
    expect(steps).toEqual([
      ["scope", 335_399, "national"],
      ["catalogue", 335_399, "treatment_place"],
      ["fullSelfPay", 15_399, "treatment_place"],
      ["overLimitSelfPay", 10_000, "treatment_place"],
      ["preSelfPay", 6_000, "treatment_place"],
      ["registration", 0, "national"],
      ["inScope", 304_000, "treatment_place"],
      ["deductible", 80_000, "insured_place"],
      ["fund", 190_400, "insured_place"],
      ["fund", 0, "insured_place"],
      ["overCap", 0, "insured_place"],
      ["patientPays", 144_999, "insured_place"],
    ]);
    expect(result.trace[7]?.label).toEqual(STEP_LABELS.deductible); // { zh: "起付标准", en: "deductible" }
    expect(result.trace[7]?.rule).toBe(
      "min(inScopeFen, deductibleLeftFen) — schemes.employee.inpatient.in_service.level3.first",
    );
    expect(result.trace[8]?.source?.number).toBe("fixture");
    expect(result.trace[0]?.source?.number).toBe("医保发〔2022〕22号");
    //#endregion trace
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    const quiet = createSettler({ policies: [SICHUAN_POLICY], catalogues: [CHONGQING_CATALOGUE], trace: false });
    const bare = quiet.settle({ claim: CROSS_CLAIM, accumulators: START_OF_YEAR }).result;
    expect(bare.trace).toEqual([]);
    expect({ ...bare, trace: result.trace }).toEqual(result);
  });

  it("does not change the accumulators passed in", () => {
    const start = emptyAccumulators({ personId: "p-1", year: 2024 });
    const copy = structuredClone(start);
    settler.settle({ claim: CROSS_CLAIM, accumulators: start });
    expect(start).toEqual(copy);
  });

  it("uses the insured place's class-B rate when the policy says so, and rounds by the policy's mode", () => {
    const policy: Policy = {
      ...SICHUAN_POLICY,
      preSelfPay: { owner: "insured_place", classBRate: 0.05 },
      rounding: "down",
    };
    const { result } = createSettler({ policies: [policy], catalogues: [CHONGQING_CATALOGUE] }).settle({
      claim: {
        ...CROSS_CLAIM,
        charges: { kind: "totals", classAFen: 100_001, classBFen: 60_001, classCFen: 0, overPriceCapFen: 0 },
      },
      accumulators: START_OF_YEAR,
    });
    expect(result.preSelfPayFen).toBe(3_000); // 3000.05 fen, rounded down
    expect(result.trace[4]?.origin).toBe("insured_place");
    expect(result.pooledFundPaidFen).toBe(65_451); // (160002 − 3000 − 80000) × 0.85 = 65451.7 → down
  });
});
