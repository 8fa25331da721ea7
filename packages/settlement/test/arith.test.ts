import { applyRate, divideRounded, ROUNDING_MODES } from "@carekit/core";
import { roundQuotient } from "@carekit/core/internal";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyRateFast,
  applyRateUnchecked,
  divideByBp,
  divideUnchecked,
  roundUnchecked,
} from "../src/internal/arith.js";
import { MAX_AMOUNT_FEN } from "../src/limits.js";

const mode = fc.constantFrom(...ROUNDING_MODES);
const amount = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }),
  fc.integer({ min: 0, max: MAX_AMOUNT_FEN }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
);
const bp = fc.integer({ min: 0, max: 10_000 });

describe("the settler's unchecked arithmetic equals core's checked functions", () => {
  it("applyRateUnchecked = applyRate on every safe amount, rate 0–10000 and rounding mode", () => {
    fc.assert(
      fc.property(amount, bp, mode, (fen, basisPoints, rounding) => {
        expect(applyRateUnchecked(fen, basisPoints, rounding)).toBe(applyRate(fen, basisPoints, rounding));
      }),
      { numRuns: 20_000 },
    );
  });

  it("applyRateFast = applyRate on every safe amount, rate 0–10000 and rounding mode", () => {
    fc.assert(
      fc.property(amount, bp, mode, (fen, basisPoints, rounding) => {
        expect(applyRateFast(fen, basisPoints, rounding)).toBe(applyRate(fen, basisPoints, rounding));
      }),
      { numRuns: 20_000 },
    );
  });

  it("divideByBp = divideRounded(·, 10000) on every safe numerator", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 100_000_000 }),
          fc.integer({ min: 0, max: MAX_AMOUNT_FEN * 10_000 }),
          fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        ),
        mode,
        (numerator, rounding) => {
          expect(divideByBp(numerator, rounding)).toBe(divideRounded(numerator, 10_000, rounding));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("applyRateUnchecked = applyRate on exact halves and boundaries", () => {
    for (const rounding of ROUNDING_MODES) {
      for (const fen of [0, 1, 2, 3, 5, 15, 25, 9_999, 10_000, 10_001, 15_000, 25_000, MAX_AMOUNT_FEN]) {
        for (const basisPoints of [0, 1, 5_000, 9_999, 10_000]) {
          expect(applyRateUnchecked(fen, basisPoints, rounding)).toBe(applyRate(fen, basisPoints, rounding));
          expect(applyRateFast(fen, basisPoints, rounding)).toBe(applyRate(fen, basisPoints, rounding));
        }
      }
    }
    for (const rounding of ROUNDING_MODES) {
      for (const numerator of [0, 4_999, 5_000, 5_001, 15_000, 25_000, Number.MAX_SAFE_INTEGER, 2 ** 53 - 10_001]) {
        expect(divideByBp(numerator, rounding)).toBe(divideRounded(numerator, 10_000, rounding));
      }
    }
  });

  it("divideUnchecked = divideRounded on safe numerators and positive denominators", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
        fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
        mode,
        (numerator, denominator, rounding) => {
          expect(divideUnchecked(numerator, denominator, rounding)).toBe(
            divideRounded(numerator, denominator, rounding),
          );
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("roundUnchecked = roundQuotient for every remainder of small denominators", () => {
    for (const rounding of ROUNDING_MODES) {
      for (let denominator = 1; denominator <= 12; denominator++) {
        for (let remainder = 0; remainder < denominator; remainder++) {
          for (const quotient of [0, 1, 2, 7, 8]) {
            expect(roundUnchecked(quotient, remainder, denominator, rounding)).toBe(
              roundQuotient(quotient, remainder, denominator, rounding),
            );
          }
        }
      }
    }
  });
});
