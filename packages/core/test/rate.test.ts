import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyRate, RateSchema, ROUNDING_MODES, type RoundingMode, rateToBasisPoints } from "../src/index.js";

function exact(fen: number, bp: number, mode: RoundingMode): number {
  const n = BigInt(fen) * BigInt(bp);
  const q = n / 10000n;
  const r = n % 10000n;
  if (r === 0n) return Number(q);
  switch (mode) {
    case "down":
      return Number(q);
    case "up":
      return Number(q + 1n);
    case "half-up":
      return Number(r * 2n >= 10000n ? q + 1n : q);
    case "half-even":
      return Number(r * 2n > 10000n || (r * 2n === 10000n && q % 2n === 1n) ? q + 1n : q);
  }
}

describe("rates", () => {
  it("converts rates and applies them to the fen", () => {
    //#region example
    expect(rateToBasisPoints(0.85)).toBe(8500);
    expect(rateToBasisPoints("0.0125")).toBe(125);
    expect(applyRate(335399, 8500)).toBe(285089); // 2850.8915 元 → 2850.89 元 (四舍五入到分)
    expect(applyRate(5, 5000)).toBe(3); // 2.5 分 → 3 分
    expect(applyRate(5, 5000, "half-even")).toBe(2);
    expect(applyRate(5, 5000, "down")).toBe(2);
    //#endregion example
  });

  it("equals the exact rational result rounded by each mode (BigInt reference)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(...ROUNDING_MODES),
        (fen, bp, mode) => applyRate(fen, bp, mode) === exact(fen, bp, mode),
      ),
      { numRuns: 20_000 },
    );
  });

  it("is exact for every basis-point value from 0 to 10000, in every mode", () => {
    const fens = fc.sample(fc.integer({ min: 0, max: 1_000_000_000_000 }), { numRuns: 6, seed: 20241125 });
    for (let bp = 0; bp <= 10_000; bp++) {
      for (const fen of [...fens, 1, 5, 9_999, 10_001]) {
        for (const mode of ROUNDING_MODES) {
          if (applyRate(fen, bp, mode) !== exact(fen, bp, mode)) expect.fail(`fen ${fen}, bp ${bp}, ${mode}`);
        }
      }
    }
  });

  it("is exact at the edges of safe integers", () => {
    const max = Number.MAX_SAFE_INTEGER;
    for (const mode of ROUNDING_MODES) {
      for (const bp of [0, 1, 4999, 5000, 5001, 9999, 10000])
        expect(applyRate(max, bp, mode)).toBe(exact(max, bp, mode));
    }
  });

  it("validates rates in data", () => {
    //#region schema
    expect(RateSchema.safeParse(0.85).success).toBe(true);
    expect(RateSchema.safeParse(0.12345).success).toBe(false);
    expect(RateSchema.safeParse(1.2).success).toBe(false);
    //#endregion schema
  });
});
