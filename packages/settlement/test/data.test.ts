import { LabelSchema, parseIsoDate, SourceSchema } from "@carekit/core";
import { getMonth, getYear } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHENGDU_CONTRIBUTION_POLICY,
  CHONGQING_CONTRIBUTION_POLICY,
  ContributionPolicySchema,
  NATIONAL_CROSS_PROVINCE_RULES,
  NationalRulesSchema,
} from "../src/index.js";
import { isIsoDate } from "../src/internal/claim-guard.js";

describe("data modules", () => {
  it("cite their sources with a confidence label", () => {
    expect(SourceSchema.parse(NATIONAL_CROSS_PROVINCE_RULES.source).number).toBe("医保发〔2022〕22号");
    expect(SourceSchema.safeParse({ title: "x", number: "1", confidence: "OFFICIAL" }).success).toBe(false);
    expect(LabelSchema.parse({ zh: "起付标准", en: "deductible" })).toEqual({ zh: "起付标准", en: "deductible" });
  });

  it("ship the national cross-province rules (CONFIRMED-2)", () => {
    expect(NationalRulesSchema.parse(NATIONAL_CROSS_PROVINCE_RULES)).toEqual(NATIONAL_CROSS_PROVINCE_RULES);
    expect(NATIONAL_CROSS_PROVINCE_RULES.maxReductionPoints).toEqual({
      referred: 10,
      emergency: 10,
      other_temporary: 20,
    });
    expect(NATIONAL_CROSS_PROVINCE_RULES.emergencyCountsAsRegistered).toBe(true);
    expect(NATIONAL_CROSS_PROVINCE_RULES.source.confidence).toBe("CONFIRMED-2");
  });

  it("mark secondary parameter tables as such in source.note", () => {
    for (const policy of [CHONGQING_CONTRIBUTION_POLICY, CHENGDU_CONTRIBUTION_POLICY]) {
      expect(ContributionPolicySchema.parse(policy)).toEqual(policy);
      expect(policy.source.confidence).toBe("SECONDARY");
      expect(policy.source.note).toMatch(/SECONDARY/);
      expect(policy.source.note).toMatch(/UNCONFIRMED/);
    }
  });

  it("reads year and month of a validated ISO date exactly as date-fns does (the hot path slices the string)", () => {
    const day = fc
      .integer({ min: -200_000, max: 2_900_000 })
      .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (iso) => {
        expect(isIsoDate(iso)).toBe(true);
        const date = parseIsoDate(iso);
        expect(Number(iso.slice(0, 4))).toBe(getYear(date));
        expect(Number(iso.slice(5, 7))).toBe(getMonth(date) + 1);
      }),
      { numRuns: 2_000 },
    );
  });
});
