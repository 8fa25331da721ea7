import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessContributionYears,
  CHENGDU_CONTRIBUTION_POLICY,
  CHONGQING_CONTRIBUTION_POLICY,
  type ContributionPeriod,
  ContributionPolicySchema,
} from "../src/index.js";

const cq = CHONGQING_CONTRIBUTION_POLICY;

describe("assessContributionYears", () => {
  it("ships the 重庆 and 成都 parameters with their secondary sources", () => {
    expect(ContributionPolicySchema.parse(CHONGQING_CONTRIBUTION_POLICY)).toEqual(CHONGQING_CONTRIBUTION_POLICY);
    expect(ContributionPolicySchema.parse(CHENGDU_CONTRIBUTION_POLICY)).toEqual(CHENGDU_CONTRIBUTION_POLICY);
    expect(CHONGQING_CONTRIBUTION_POLICY.requiredTotalMonths).toEqual({ male: 360, female: 300 }); // 30 / 25 years
    expect(CHONGQING_CONTRIBUTION_POLICY.requiredLocalActualMonths).toBe(120); // 10 years paid in 重庆
    expect(CHENGDU_CONTRIBUTION_POLICY.requiredTotalMonths).toEqual({ male: 300, female: 240 }); // 25 / 20 years
    expect(CHONGQING_CONTRIBUTION_POLICY.source.confidence).toBe("SECONDARY");
  });

  it("recognises 成都 months from 2024-03-01: 38 months fewer to pay (seed 003)", () => {
    // A woman retiring in 重庆: 242 months paid in 大足区, 38 months paid earlier in 成都锦江区.
    const periods: ContributionPeriod[] = [
      { city: "510104", from: "2000-11-01", to: "2003-12-31", kind: "actual" },
      { city: "500111", from: "2004-01-01", to: "2024-02-29", kind: "actual" },
    ];
    const input = { sex: "female", retirementCity: "500000", periods, policy: CHONGQING_CONTRIBUTION_POLICY } as const;
    const before = assessContributionYears({ ...input, asOf: "2024-02-29" });
    const after = assessContributionYears({ ...input, asOf: "2024-03-01" });
    expect(before).toMatchObject({ totalMonths: 242, recognizedOtherCityMonths: 0, shortfallMonths: 58 });
    expect(after).toMatchObject({
      totalMonths: 280,
      localActualMonths: 242,
      recognizedOtherCityMonths: 38,
      requiredTotalMonths: 300,
      requiredLocalActualMonths: 120,
      shortfallMonths: 20,
      eligible: false,
    });
    expect(before.shortfallMonths - after.shortfallMonths).toBe(38); // "少补缴医保年限38个月"
    expect(after.trace.map((step) => step.months)).toEqual([242, 242, 38, 280, 20]);
  });

  it("counts overlapping periods once", () => {
    const periods: ContributionPeriod[] = [
      { city: "500111", from: "2010-01-01", to: "2015-12-31", kind: "actual" }, // 72 months
      { city: "500233", from: "2014-01-01", to: "2016-12-31", kind: "deemed" }, // overlaps by 24
      { city: "510104", from: "2015-07-01", to: "2017-06-30", kind: "actual" }, // 成都, overlaps by 18
    ];
    const result = assessContributionYears({
      sex: "male",
      retirementCity: "500000",
      asOf: "2024-12-31",
      periods,
      policy: cq,
    });
    expect(result.localActualMonths).toBe(72);
    expect(result.totalMonths).toBe(90); // 2010-01 … 2017-06
    expect(result.recognizedOtherCityMonths).toBe(6); // only 2017-01 … 2017-06 is new
  });

  it("handles a period crossing 2024-03-01 under either reading of the start date", () => {
    const periods: ContributionPeriod[] = [{ city: "510104", from: "2023-09-01", to: "2024-08-31", kind: "actual" }];
    const base = { sex: "male", retirementCity: "500111", asOf: "2024-12-31", periods } as const;
    expect(assessContributionYears({ ...base, policy: cq }).recognizedOtherCityMonths).toBe(12);
    const fromDate = { ...cq, recognition: { ...cq.recognition, monthsFrom: "effectiveDate" } } as const;
    expect(assessContributionYears({ ...base, policy: fromDate as typeof cq }).recognizedOtherCityMonths).toBe(6); // 2024-03 … 2024-08
    // cut at asOf: on 2024-05-31 only 9 months of the period have passed
    expect(assessContributionYears({ ...base, asOf: "2024-05-31", policy: cq }).recognizedOtherCityMonths).toBe(9);
  });

  it("finds a person short by exactly one month", () => {
    const periods: ContributionPeriod[] = [{ city: "500111", from: "1999-02-01", to: "2023-12-31", kind: "actual" }];
    const result = assessContributionYears({
      sex: "female",
      retirementCity: "500000",
      asOf: "2024-06-30",
      periods,
      policy: cq,
    });
    expect(result.totalMonths).toBe(299);
    expect(result.shortfallMonths).toBe(1);
    expect(result.eligible).toBe(false);
    const oneMore = [...periods, { city: "500111", from: "2024-01-01", to: "2024-01-31", kind: "actual" } as const];
    expect(
      assessContributionYears({
        sex: "female",
        retirementCity: "500000",
        asOf: "2024-06-30",
        periods: oneMore,
        policy: cq,
      }).eligible,
    ).toBe(true);
  });

  it("applies the local-actual requirement and its recognition flag", () => {
    // 25 years in 成都, 5 in 重庆: total met, local actual 60 < 120
    const periods: ContributionPeriod[] = [
      { city: "510104", from: "1994-01-01", to: "2018-12-31", kind: "actual" },
      { city: "500111", from: "2019-01-01", to: "2023-12-31", kind: "actual" },
    ];
    const input = { sex: "female", retirementCity: "500000", asOf: "2024-12-31", periods } as const;
    // the two gaps differ: the total is met (gap 0), the local-actual gap is 120 − 60 = 60
    expect(assessContributionYears({ ...input, policy: cq })).toMatchObject({
      totalMonths: 360,
      totalGapMonths: 0,
      localActualGapMonths: 60,
      shortfallMonths: 60,
    });
    const counts = { ...cq, recognition: { ...cq.recognition, countsTowardLocalActual: true } } as typeof cq;
    expect(assessContributionYears({ ...input, policy: counts }).shortfallMonths).toBe(0);
    // 成都 has no local-actual requirement in its source
    const cd = assessContributionYears({ ...input, retirementCity: "510100", policy: CHENGDU_CONTRIBUTION_POLICY });
    expect(cd).toMatchObject({
      requiredLocalActualMonths: null,
      localActualGapMonths: null,
      totalGapMonths: 0,
      totalMonths: 360,
      eligible: true,
    });
  });

  it("returns the total gap and the local-actual gap separately when both are open", () => {
    // a man in 重庆: 20 years in 成都 and 1 year in 重庆 → total 252 of 360 (gap 108), local actual 12 of 120 (gap 108)
    // and with 5 more 成都 years: total gap 48, local gap still 108 — shortfall is the larger
    const periods: ContributionPeriod[] = [
      { city: "510104", from: "1998-01-01", to: "2017-12-31", kind: "actual" },
      { city: "500111", from: "2023-01-01", to: "2023-12-31", kind: "actual" },
    ];
    const input = { sex: "male", retirementCity: "500000", asOf: "2024-12-31", periods, policy: cq } as const;
    expect(assessContributionYears(input)).toMatchObject({
      totalMonths: 252,
      localActualMonths: 12,
      totalGapMonths: 108,
      localActualGapMonths: 108,
      shortfallMonths: 108,
    });
    const longer = [{ city: "510104", from: "1993-01-01", to: "1997-12-31", kind: "actual" } as const, ...periods];
    expect(assessContributionYears({ ...input, periods: longer })).toMatchObject({
      totalMonths: 312,
      totalGapMonths: 48,
      localActualGapMonths: 108,
      shortfallMonths: 108,
    });
  });

  it("does not count deemed months of the partner city, nor other cities", () => {
    const periods: ContributionPeriod[] = [
      { city: "510104", from: "1990-01-01", to: "1999-12-31", kind: "deemed" },
      { city: "511702", from: "2000-01-01", to: "2000-12-31", kind: "actual" }, // 达州通川区: not a partner
    ];
    const result = assessContributionYears({
      sex: "male",
      retirementCity: "500000",
      asOf: "2024-12-31",
      periods,
      policy: cq,
    });
    expect(result.totalMonths).toBe(0);
  });

  it("properties: shortfall and counts are consistent for random periods", () => {
    const day = fc.integer({ min: 0, max: 365 * 40 }).map((n) => {
      const date = new Date(Date.UTC(1985, 0, 1 + n));
      return date.toISOString().slice(0, 10);
    });
    const period = fc.record({
      city: fc.constantFrom("500111", "500233", "510104", "511702"),
      from: day,
      to: day,
      kind: fc.constantFrom("actual", "deemed"),
    });
    fc.assert(
      fc.property(fc.array(period, { maxLength: 8 }), fc.constantFrom("male", "female"), (raw, sex) => {
        const periods = raw.map((p) => (p.from <= p.to ? p : { ...p, from: p.to, to: p.from })) as ContributionPeriod[];
        const r = assessContributionYears({ sex, retirementCity: "500000", asOf: "2025-06-30", periods, policy: cq });
        expect(r.localActualMonths).toBeLessThanOrEqual(r.totalMonths);
        expect(r.recognizedOtherCityMonths).toBeGreaterThanOrEqual(0);
        expect(r.shortfallMonths).toBe(Math.max(0, r.requiredTotalMonths - r.totalMonths, 120 - r.localActualMonths));
        expect(r.eligible).toBe(r.shortfallMonths === 0);
        // order does not matter; a duplicate changes nothing
        const again = assessContributionYears({
          sex,
          retirementCity: "500000",
          asOf: "2025-06-30",
          periods: [...periods].reverse().concat(periods),
          policy: cq,
        });
        expect(again.totalMonths).toBe(r.totalMonths);
      }),
      { numRuns: 200 },
    );
  });
});
