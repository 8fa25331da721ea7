import { describe, expect, it } from "vitest";
import {
  addDays,
  ageOn,
  formatIsoDate,
  IsoDateSchema,
  isOnOrBefore,
  monthsBetween,
  parseIsoDate,
} from "../src/index.js";

describe("ISO dates", () => {
  it("accepts only real calendar days", () => {
    //#region schema
    expect(IsoDateSchema.safeParse("2024-02-29").success).toBe(true);
    expect(IsoDateSchema.safeParse("2024-02-30").success).toBe(false);
    expect(IsoDateSchema.safeParse("2023-02-29").success).toBe(false);
    expect(IsoDateSchema.safeParse("2024-2-1").success).toBe(false);
    //#endregion schema
  });

  it("parses and formats without time-zone drift", () => {
    //#region parse
    const date = parseIsoDate("2024-03-01");
    expect(date.getDate()).toBe(1);
    expect(formatIsoDate(date)).toBe("2024-03-01");
    //#endregion parse
    expect(formatIsoDate(parseIsoDate("0099-12-31"))).toBe("0099-12-31");
  });

  it("computes completed years of age", () => {
    //#region age
    expect(ageOn({ birthDate: "1964-03-01", on: "2024-02-29" })).toBe(59);
    expect(ageOn({ birthDate: "1964-03-01", on: "2024-03-01" })).toBe(60);
    //#endregion age
    expect(ageOn({ birthDate: "2020-02-29", on: "2021-02-28" })).toBe(0);
    expect(ageOn({ birthDate: "2020-02-29", on: "2021-03-01" })).toBe(1);
  });

  it("counts whole calendar months", () => {
    //#region months
    expect(monthsBetween({ from: "2024-01-15", to: "2024-03-14" })).toBe(1);
    expect(monthsBetween({ from: "2024-01-15", to: "2024-03-15" })).toBe(2);
    expect(monthsBetween({ from: "2014-03-01", to: "2024-03-01" })).toBe(120);
    //#endregion months
  });

  it("adds days and compares", () => {
    //#region addDays
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(isOnOrBefore("2024-03-01", "2024-03-01")).toBe(true);
    expect(isOnOrBefore("2024-03-02", "2024-03-01")).toBe(false);
    //#endregion addDays
  });
});
