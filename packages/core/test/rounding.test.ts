import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divideRounded, ROUNDING_MODES } from "../src/index.js";
import { roundQuotient } from "../src/internal.js";

describe("divideRounded", () => {
  it("rounds by each mode", () => {
    //#region example
    expect(divideRounded(25, 10)).toBe(3); // 2.5 → 3 (四舍五入)
    expect(divideRounded(25, 10, "half-even")).toBe(2);
    expect(divideRounded(35, 10, "half-even")).toBe(4);
    expect(divideRounded(29, 10, "down")).toBe(2);
    expect(divideRounded(21, 10, "up")).toBe(3);
    //#endregion example
  });

  it("builds on roundQuotient", () => {
    //#region roundQuotient
    expect(roundQuotient(7, 5, 10, "half-up")).toBe(8); // 7.5
    expect(roundQuotient(7, 5, 10, "half-even")).toBe(8);
    expect(roundQuotient(8, 5, 10, "half-even")).toBe(8);
    expect(roundQuotient(8, 0, 10, "up")).toBe(8);
    //#endregion roundQuotient
  });

  it("equals BigInt arithmetic for huge numerators", () => {
    fc.assert(
      fc.property(
        fc.maxSafeNat(),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, mode) => {
          const q = BigInt(n) / BigInt(d);
          const r = BigInt(n) % BigInt(d);
          const expected = roundQuotient(Number(q), Number(r), d, mode);
          expect(divideRounded(n, d, mode)).toBe(expected);
        },
      ),
    );
  });
});
