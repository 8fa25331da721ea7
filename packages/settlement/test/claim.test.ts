import { describe, expect, it } from "vitest";
import { ClaimSchema, isClaim } from "../src/index.js";
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
