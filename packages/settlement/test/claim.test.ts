import { ConfidenceSchema } from "@carekit/core";
import { describe, expect, it } from "vitest";
import {
  CARE_TYPES,
  ClaimSchema,
  FACILITY_LEVELS,
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
    //#region schema
    expect(ClaimSchema.parse(CROSS_CLAIM)).toEqual(CROSS_CLAIM);
    const itemised = {
      ...CROSS_CLAIM,
      charges: { kind: "lines", lines: [{ itemCode: "A-ward", amountFen: 120_000 }] },
    };
    expect(ClaimSchema.safeParse(itemised).success).toBe(true);
    expect(ClaimSchema.safeParse({ ...CROSS_CLAIM, remark: "x" }).success).toBe(false);
    expect(ClaimSchema.safeParse({ ...CROSS_CLAIM, dischargeDate: "2024-12-01" }).success).toBe(false);
    //#endregion schema
  });

  it("has a fast guard that gives the schema's answer", () => {
    //#region guard
    expect(isClaim(CROSS_CLAIM)).toBe(true);
    expect(isClaim({ ...CROSS_CLAIM, admissionDate: "2024-02-30" })).toBe(false);
    expect(isClaim({ ...CROSS_CLAIM, charges: { ...CROSS_CLAIM.charges, classAFen: 100.5 } })).toBe(false);
    //#endregion guard
  });
});

describe("enumerations", () => {
  it("name the values the schemas accept", () => {
    //#region enums
    expect(SCHEMES).toEqual(["employee", "resident"]); // 职工医保 / 城乡居民医保
    expect(PERSON_STATUSES).toEqual(["inService", "retired"]); // 在职 / 退休
    expect(FACILITY_LEVELS).toEqual(["primary", "level1", "level2", "level3"]); // 基层 / 一级 / 二级 / 三级
    expect(CARE_TYPES).toEqual(["inpatient", "outpatientChronic", "outpatientGeneral"]);
    expect(TEMPORARY_REGISTRATIONS).toEqual(["referred", "emergency", "otherTemporary"]);
    expect(LONG_TERM_SUBTYPES).toEqual(["retiredResettled", "longTermResidence", "postedWorker"]);
    expect(ITEM_CLASSES).toEqual(["A", "B", "C"]); // 甲 / 乙 / 丙
    expect(MAX_AMOUNT_FEN).toBe(100_000_000_000); // ¥1,000,000,000.00
    expect(ConfidenceSchema.options).toContain("CONFIRMED-2");
    //#endregion enums
  });
});
