import {
  type ChildcareGap,
  childcareGap,
  type ElderBedGap,
  type NursingBedGap,
  type RatioResult,
} from "@carekit/capacity";
import { formatTrace, type TraceStep } from "@carekit/core";
import type { IndicatorValue } from "@carekit/indicators";
import { compileRuleSet, type Decision, hypertension } from "@carekit/referral";
import { createSettler, type FundPayment, type SettlementResult, START_OF_YEAR } from "@carekit/settlement";
import { describe, expect, expectTypeOf, it } from "vitest";
import { calmPatient } from "../../referral/test/fixtures.js";
import {
  CHONGQING_CATALOGUE,
  CHONGQING_POLICY,
  CROSS_CLAIM,
  SICHUAN_CATALOGUE,
  SICHUAN_POLICY,
} from "../../settlement/test/fixtures.js";

// One surface across the packages (issue "One surface for every package"): the renamed fields are the only names
// (checked by `tsc` over this file: `npm run typecheck -w @carekit/e2e`), and one core renderer shows a capacity, a
// referral and a settlement trace.

describe("one vocabulary: the renamed fields are the only names", () => {
  it("capacity: existingSlots / existingBeds, gap / surplus, value + rounded ratios", () => {
    expectTypeOf<keyof ChildcareGap>().toEqualTypeOf<
      | "requiredSlots"
      | "existingSlots"
      | "gap"
      | "surplus"
      | "slotsPer1000"
      | "targetPer1000"
      | "population"
      | "year"
      | "trace"
    >();
    expectTypeOf<keyof ElderBedGap>().toEqualTypeOf<
      | "requiredBeds"
      | "existingBeds"
      | "gap"
      | "surplus"
      | "bedsPer1000Elders"
      | "targetPer1000"
      | "elderPopulation"
      | "elderAge"
      | "year"
      | "trace"
    >();
    expectTypeOf<keyof NursingBedGap>().toEqualTypeOf<
      | "requiredNursingBeds"
      | "nursingBeds"
      | "gap"
      | "surplus"
      | "nursingBedShare"
      | "targetShare"
      | "existingBeds"
      | "trace"
    >();
    expectTypeOf<keyof RatioResult>().toEqualTypeOf<
      "value" | "rounded" | "decimals" | "unit" | "numerator" | "denominator" | "trace"
    >();
  });

  it("settlement: every money field ends in Fen; the pooled fund and the funds' total are told apart", () => {
    expectTypeOf<keyof SettlementResult>().toEqualTypeOf<
      | "claimId"
      | "personId"
      | "year"
      | "careType"
      | "crossProvince"
      | "policyId"
      | "catalogueId"
      | "totalFen"
      | "fullSelfPayFen"
      | "overLimitSelfPayFen"
      | "preSelfPayFen"
      | "inScopeFen"
      | "deductibleFen"
      | "pooledFundPaidFen"
      | "pooledFundRateBasisPoints"
      | "furtherFunds"
      | "fundsPaidFen"
      | "coinsuranceFen"
      | "overCapFen"
      | "patientPaysFen"
      | "trace"
    >();
    type MoneyKeys = Extract<keyof SettlementResult, `${string}Fen`>;
    expectTypeOf<SettlementResult[MoneyKeys]>().toEqualTypeOf<number>();
    expectTypeOf<Extract<keyof FundPayment, `${string}Fen`>>().not.toBeNever();
  });

  it("indicators: value exact with rounded and decimals beside it, as capacity's ratios", () => {
    expectTypeOf<Pick<IndicatorValue, "value" | "rounded" | "decimals">>().toEqualTypeOf<{
      readonly value: number;
      readonly rounded: number;
      readonly decimals: number;
    }>();
    expectTypeOf<Pick<RatioResult, "value" | "rounded" | "decimals">>().toEqualTypeOf<{
      readonly value: number;
      readonly rounded: number;
      readonly decimals: number;
    }>();
  });

  it("referral: a decision's trace is core's TraceStep with the rule id", () => {
    expectTypeOf<Decision["trace"][number]>().toExtend<TraceStep>();
  });
});

describe("one trace shape, one renderer", () => {
  const gap = childcareGap({ population: 870_000, existingSlots: 1727, targetPer1000: 4.5 });
  const decision = compileRuleSet(hypertension).evaluate({
    facts: { ...calmPatient, sbp: 185, dbp: 112, symptoms: ["vomiting"] },
    at: "2024-11-30",
    level: "village_clinic",
  });
  // settlement's own test fixture: a 成都 employee treated in 大足区, ¥3,353.99
  const settler = createSettler({
    policies: [SICHUAN_POLICY, CHONGQING_POLICY],
    catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
  });
  const { result } = settler.settle({ claim: CROSS_CLAIM, accumulators: START_OF_YEAR });

  const traces: [string, readonly TraceStep[]][] = [
    ["capacity childcareGap", gap.trace],
    ["referral evaluate", decision.trace],
    ["settlement settle", result.trace],
  ];

  for (const [name, trace] of traces) {
    it(`${name}: every step is core's TraceStep and formatTrace renders it, one line a step, in zh and en`, () => {
      expect(trace.length).toBeGreaterThan(0);
      for (const step of trace) {
        expect(Object.keys(step)).toEqual(
          expect.arrayContaining(["step", "label", "rule", "inputs", "result", "source"]),
        );
        expect(step.label.zh).toMatch(/[\u4e00-\u9fff]/);
      }
      const zh = formatTrace(trace);
      const en = formatTrace(trace, { lang: "en" });
      expect(zh.split("\n")).toHaveLength(trace.length);
      expect(en.split("\n")).toHaveLength(trace.length);
      expect(en).not.toBe(zh);
    });
  }

  it("the figures the traces explain", () => {
    expect(formatTrace(gap.trace)).toContain("3915");
    expect(decision.action).toBe("emergency_transfer");
    expect(result.totalFen).toBe(335_399);
    expect(result.fundsPaidFen + result.patientPaysFen).toBe(result.totalFen);
  });
});
