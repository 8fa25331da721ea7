import { ROUNDING_MODES, type RoundingMode } from "@carekit/core";
import { differential } from "@carekit/test-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FundOutcome, runFund } from "../src/funds.js";
import { dayKey, yearOfDay } from "../src/internal/day-key.js";
import { type PooledOutcome, payPooled } from "../src/internal/pooled-fund.js";
import { MAX_AMOUNT_FEN } from "../src/limits.js";
import { referenceDayKey, referenceYearOf } from "./reference/day-key.js";
import { referencePayPooled } from "./reference/pooled-fund.js";

// Each fast path of src/internal/ against its obviously correct reference in test/reference/, and each differential
// test shown to catch a planted bug (so none of them can pass by accident).

const isoDate = fc
  .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function pooled(eligible: number, bp: number, room: number, rounding: RoundingMode) {
  const out: PooledOutcome = { paid: 0, coinsurance: 0, passOn: 0 };
  payPooled(eligible, bp, room, rounding, out);
  return { ...out };
}

const pooledCase = fc.record({
  eligible: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: MAX_AMOUNT_FEN })),
  bp: fc.oneof(fc.constantFrom(0, 1, 5_000, 8_500, 9_999, 10_000), fc.integer({ min: 0, max: 10_000 })),
  room: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: MAX_AMOUNT_FEN })),
  rounding: fc.constantFrom(...(ROUNDING_MODES as readonly RoundingMode[])),
});

describe("src/internal against test/reference", () => {
  it("dayKey and yearOfDay read a date as date-fns does", () => {
    differential({ arbitrary: isoDate, fast: dayKey, reference: referenceDayKey, numRuns: 5_000 });
    differential({
      arbitrary: isoDate,
      fast: (date) => yearOfDay(dayKey(date)),
      reference: referenceYearOf,
      numRuns: 5_000,
    });
    expect(dayKey("2024-02-29")).toBe(20240229);
    expect(yearOfDay(dayKey("0999-12-31"))).toBe(999);
  });

  it("the specialised pooled fund pays exactly what the general runFund pays", () => {
    differential({
      arbitrary: pooledCase,
      fast: (c) => pooled(c.eligible, c.bp, c.room, c.rounding),
      reference: (c) => referencePayPooled(c.eligible, c.bp, c.room, c.rounding),
      numRuns: 20_000,
    });
    // the cap binds inside the claim: room 1000.00 at 85 % takes ⌈100000 / 0.85⌉ = 117648 fen of cost
    expect(pooled(224_000, 8_500, 100_000, "half-up")).toEqual({ paid: 100_000, coinsurance: 17_648, passOn: 106_352 });
  });

  it("a further fund without threshold and with one open segment is the pooled fund at any accumulated base", () => {
    // settle runs such funds (e.g. 大额) with payPooled instead of the general cascade
    const simpleCase = fc.record({
      pooled: pooledCase,
      base: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: MAX_AMOUNT_FEN })),
    });
    differential({
      arbitrary: simpleCase,
      fast: ({ pooled: c }) => pooled(c.eligible, c.bp, c.room, c.rounding),
      reference: ({ pooled: c, base }) => {
        const out: FundOutcome = { paid: 0, covered: 0, below: 0, passOn: 0 };
        runFund(c.eligible, base, 0, [Number.POSITIVE_INFINITY], [c.bp], c.room, c.rounding, out);
        return { paid: out.paid, coinsurance: out.covered - out.paid + out.below, passOn: out.passOn };
      },
      numRuns: 10_000,
    });
  });

  it("catches a planted bug in each fast path", () => {
    const offByOneDay = (date: string) => dayKey(date) + (date.endsWith("-31") ? 1 : 0);
    expect(() =>
      differential({ arbitrary: isoDate, fast: offByOneDay, reference: referenceDayKey, numRuns: 5_000 }),
    ).toThrow();
    // a capped claim that passes on one fen too many (rounding the cost that used up the room down instead of up)
    const flooredCap = (c: { eligible: number; bp: number; room: number; rounding: RoundingMode }) => {
      const out = pooled(c.eligible, c.bp, c.room, c.rounding);
      return out.passOn > 0 && c.bp > 0 ? { ...out, coinsurance: out.coinsurance - 1, passOn: out.passOn + 1 } : out;
    };
    expect(() =>
      differential({
        arbitrary: pooledCase,
        fast: flooredCap,
        reference: (c) => referencePayPooled(c.eligible, c.bp, c.room, c.rounding),
        numRuns: 20_000,
      }),
    ).toThrow();
  });
});
