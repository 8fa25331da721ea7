import { ConfidenceSchema } from "@carekit/core";
import { describe, expect, it } from "vitest";
import {
  CARE_TYPES,
  ClaimSchema,
  HOSPITAL_GRADES,
  ITEM_CLASSES,
  isClaim,
  LONG_TERM_SUBTYPES,
  MAX_AMOUNT_FEN,
  PERSON_STATUSES,
  SCHEMES,
  TEMPORARY_REGISTRATIONS,
} from "../src/index.js";
import { CROSS_CLAIM } from "./fixtures.js";

describe("ClaimSchema and isClaim", () => {
  it("accepts itemised or pre-classified claims and rejects unknown keys", () => {
    expect(ClaimSchema.parse(CROSS_CLAIM)).toEqual(CROSS_CLAIM);
    const itemised = {
      ...CROSS_CLAIM,
      charges: { kind: "lines", lines: [{ itemCode: "A-ward", amountFen: 120_000 }] },
    };
    expect(ClaimSchema.safeParse(itemised).success).toBe(true);
    expect(ClaimSchema.safeParse({ ...CROSS_CLAIM, remark: "x" }).success).toBe(false);
    expect(ClaimSchema.safeParse({ ...CROSS_CLAIM, dischargeDate: "2024-12-01" }).success).toBe(false);
  });

  it("has a fast guard that gives the schema's answer", () => {
    expect(isClaim(CROSS_CLAIM)).toBe(true);
    expect(isClaim({ ...CROSS_CLAIM, admissionDate: "2024-02-30" })).toBe(false);
    expect(isClaim({ ...CROSS_CLAIM, charges: { ...CROSS_CLAIM.charges, classAFen: 100.5 } })).toBe(false);
  });
});

describe("enumerations", () => {
  it("name the values the schemas accept", () => {
    expect(SCHEMES).toEqual(["employee", "resident"]); // 职工医保 / 城乡居民医保
    expect(PERSON_STATUSES).toEqual(["in_service", "retired"]); // 在职 / 退休
    expect(HOSPITAL_GRADES).toEqual(["primary", "level1", "level2", "level3"]); // 基层 / 一级 / 二级 / 三级
    expect(CARE_TYPES).toEqual(["inpatient", "outpatient_chronic", "outpatient_general"]);
    expect(TEMPORARY_REGISTRATIONS).toEqual(["referred", "emergency", "other_temporary"]);
    expect(LONG_TERM_SUBTYPES).toEqual(["retired_resettled", "long_term_residence", "posted_worker"]);
    expect(ITEM_CLASSES).toEqual(["A", "B", "C"]); // 甲 / 乙 / 丙
    expect(MAX_AMOUNT_FEN).toBe(100_000_000_000); // ¥1,000,000,000.00
    expect(ConfidenceSchema.options).toContain("CONFIRMED-2");
  });
});

describe("isClaim on region codes and dates character by character", () => {
  const base = {
    id: "c",
    personId: "p",
    insuredRegion: "510104",
    treatmentRegion: "500111",
    scheme: "employee",
    personStatus: "in_service",
    hospitalGrade: "level3",
    careType: { kind: "inpatient" },
    admissionDate: "2024-02-29",
    dischargeDate: "2024-02-29",
    registration: { kind: "referred" },
    charges: { kind: "totals", classAFen: 1, classBFen: 2, classCFen: 3, overPriceCapFen: 0 },
  };
  const odd = ["/", ":", "a", " ", "-", "０", "\u0000"];
  it("agrees with the schema when any one character of a region code or date is changed", () => {
    const cases: unknown[] = [];
    for (const field of ["insuredRegion", "treatmentRegion", "admissionDate", "dischargeDate"] as const) {
      const text = base[field];
      for (let i = 0; i < text.length; i++) {
        for (const c of [...odd, "0", "1", "9"])
          cases.push({ ...base, [field]: text.slice(0, i) + c + text.slice(i + 1) });
      }
    }
    for (const region of ["599999", "999999", "000000", "969696"]) cases.push({ ...base, insuredRegion: region });
    for (const date of [
      "2023-02-29",
      "2024-13-01",
      "2024-00-10",
      "2024-04-31",
      "2024-12-31",
      "0000-01-01",
      "9999-12-31",
    ]) {
      cases.push({ ...base, admissionDate: date, dischargeDate: date });
    }
    for (const value of cases) expect(isClaim(value)).toBe(ClaimSchema.safeParse(value).success);
  });
});
