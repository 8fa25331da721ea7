import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertFen, FenSchema, fenToYuan, formatFen, yuanToFen } from "../src/index.js";

describe("money in fen", () => {
  it("converts yuan and fen exactly", () => {
    //#region example
    expect(yuanToFen("3353.99")).toBe(335399);
    expect(yuanToFen(12.5)).toBe(1250);
    expect(fenToYuan(335399)).toBe("3353.99");
    expect(formatFen(335399)).toBe("¥3,353.99");
    //#endregion example
    expect(yuanToFen("0")).toBe(0);
    expect(yuanToFen("0.07")).toBe(7);
    expect(yuanToFen(0.07)).toBe(7);
    expect(fenToYuan(5)).toBe("0.05");
    expect(formatFen(123456789012)).toBe("¥1,234,567,890.12");
    expect(formatFen(0)).toBe("¥0.00");
  });

  it("names the caller's field in errors", () => {
    expect(() => yuanToFen("12.345", "claims[3].classA")).toThrow(/^claims\[3\]\.classA: /);
  });

  it("rejects float artefacts instead of rounding them", () => {
    expect(() => yuanToFen(0.1 + 0.2)).toThrow(/at most 2 decimals/);
    expect(yuanToFen(0.3)).toBe(30);
  });

  it("round-trips every safe fen amount", () => {
    fc.assert(fc.property(fc.maxSafeNat(), (fen) => yuanToFen(fenToYuan(fen)) === fen));
  });

  it("validates with schema and assertion", () => {
    //#region schema
    expect(FenSchema.safeParse(335399).success).toBe(true);
    expect(FenSchema.safeParse(3353.99).success).toBe(false);
    expect(FenSchema.safeParse(-1).success).toBe(false);
    //#endregion schema
    //#region assertFen
    expect(() => assertFen(100)).not.toThrow();
    expect(() => assertFen(1.5, "amount")).toThrow(/amount: must be a non-negative safe integer/);
    //#endregion assertFen
  });
});
