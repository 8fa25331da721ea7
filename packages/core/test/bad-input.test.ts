import { describe, expect, it } from "vitest";
import * as core from "../src/index.js";
import * as regions from "../src/regions.js";

type Case = [label: string, call: () => unknown, code: string, path: string];

const cases: Case[] = [
  ["yuanToFen negative string", () => core.yuanToFen("-1.00"), "OUT_OF_RANGE", "yuan"],
  ["yuanToFen negative number", () => core.yuanToFen(-0.01), "OUT_OF_RANGE", "yuan"],
  ["yuanToFen three decimals", () => core.yuanToFen("1.005"), "OUT_OF_RANGE", "yuan"],
  ["yuanToFen float artefact", () => core.yuanToFen(0.1 + 0.2), "OUT_OF_RANGE", "yuan"],
  ["yuanToFen NaN", () => core.yuanToFen(Number.NaN), "INVALID_INPUT", "yuan"],
  ["yuanToFen Infinity", () => core.yuanToFen(Number.POSITIVE_INFINITY), "INVALID_INPUT", "yuan"],
  ["yuanToFen text", () => core.yuanToFen("abc"), "INVALID_INPUT", "yuan"],
  ["yuanToFen empty", () => core.yuanToFen(""), "INVALID_INPUT", "yuan"],
  ["yuanToFen thousands separator", () => core.yuanToFen("1,000.00"), "INVALID_INPUT", "yuan"],
  ["yuanToFen exponent", () => core.yuanToFen(1e21), "INVALID_INPUT", "yuan"],
  ["yuanToFen unsafe", () => core.yuanToFen("90071992547409.93"), "OUT_OF_RANGE", "yuan"],
  ["yuanToFen null", () => core.yuanToFen(null as unknown as string), "INVALID_INPUT", "yuan"],
  ["fenToYuan fraction", () => core.fenToYuan(1.5), "OUT_OF_RANGE", "fen"],
  ["fenToYuan negative", () => core.fenToYuan(-1), "OUT_OF_RANGE", "fen"],
  ["fenToYuan unsafe", () => core.fenToYuan(2 ** 53), "OUT_OF_RANGE", "fen"],
  ["formatFen NaN", () => core.formatFen(Number.NaN), "OUT_OF_RANGE", "fen"],
  ["formatFen string", () => core.formatFen("100" as unknown as number), "INVALID_INPUT", "fen"],
  ["rateToBasisPoints above 1", () => core.rateToBasisPoints(1.2), "OUT_OF_RANGE", "rate"],
  ["rateToBasisPoints five decimals", () => core.rateToBasisPoints(0.12345), "OUT_OF_RANGE", "rate"],
  ["rateToBasisPoints negative", () => core.rateToBasisPoints(-0.1), "OUT_OF_RANGE", "rate"],
  ["rateToBasisPoints percent text", () => core.rateToBasisPoints("85%"), "INVALID_INPUT", "rate"],
  ["applyRate fractional fen", () => core.applyRate(10.5, 5000), "OUT_OF_RANGE", "fen"],
  ["applyRate bp above 10000", () => core.applyRate(100, 10001), "OUT_OF_RANGE", "basisPoints"],
  ["applyRate fractional bp", () => core.applyRate(100, 85.5), "OUT_OF_RANGE", "basisPoints"],
  [
    "applyRate unknown rounding",
    () => core.applyRate(15, 5000, "nearest" as core.RoundingMode),
    "INVALID_INPUT",
    "rounding",
  ],
  ["divideRounded by zero", () => core.divideRounded(1, 0), "OUT_OF_RANGE", "denominator"],
  ["divideRounded negative", () => core.divideRounded(-1, 3), "OUT_OF_RANGE", "numerator"],
  ["parseIsoDate 2024-02-30", () => core.parseIsoDate("2024-02-30"), "INVALID_DATE", "date"],
  ["parseIsoDate month 13", () => core.parseIsoDate("2024-13-01"), "INVALID_DATE", "date"],
  ["parseIsoDate with time", () => core.parseIsoDate("2024-03-01T00:00:00Z"), "INVALID_DATE", "date"],
  ["ageOn before birth", () => core.ageOn({ birthDate: "2024-03-01", on: "2024-02-01" }), "INVALID_DATE", "on"],
  ["ageOn bad birthDate", () => core.ageOn({ birthDate: "1964/03/01", on: "2024-02-01" }), "INVALID_DATE", "birthDate"],
  ["monthsBetween reversed", () => core.monthsBetween({ from: "2024-03-01", to: "2024-01-01" }), "INVALID_DATE", "to"],
  [
    "monthsBetween bad from",
    () => core.monthsBetween({ from: "2023-02-29", to: "2024-01-01" }),
    "INVALID_DATE",
    "from",
  ],
  ["addDays fractional", () => core.addDays("2024-01-01", 1.5), "INVALID_INPUT", "days"],
  ["addDays NaN", () => core.addDays("2024-01-01", Number.NaN), "INVALID_INPUT", "days"],
  ["isOnOrBefore bad reference", () => core.isOnOrBefore("2024-01-01", "soon"), "INVALID_DATE", "reference"],
  ["regionName unknown", () => regions.regionName("110000"), "UNKNOWN_REGION", "code"],
  ["regionName number", () => regions.regionName(500111 as unknown as string), "UNKNOWN_REGION", "code"],
  ["provinceOf township code", () => regions.provinceOf("500111001"), "UNKNOWN_REGION", "code"],
  ["isCrossProvince bad b", () => regions.isCrossProvince("500111", "999999"), "UNKNOWN_REGION", "b"],
  ["listRegions bad parent", () => regions.listRegions("000000"), "UNKNOWN_REGION", "parent"],
];

describe("bad input to core gives CarekitError with code and path", () => {
  it("has at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)("%s", (_label, call, code, path) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(core.isCarekitError(thrown)).toBe(true);
    const error = thrown as core.CarekitError;
    expect(error.code).toBe(code);
    expect(error.issues[0]?.path).toBe(path);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
});
