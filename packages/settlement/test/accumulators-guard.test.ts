import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AccumulatorsSchema, isAccumulators } from "../src/accumulators.js";
import { MAX_ACCUMULATED_FEN, MAX_AMOUNT_FEN } from "../src/limits.js";

// The settler's fast guard for accumulators passed back to it against the schema it stands in for: whatever the
// guard accepts, the schema accepts (the guard may answer "not sure" — then the schema decides and explains), and
// well-formed accumulators take the fast path.

const count = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.constantFrom(0, MAX_AMOUNT_FEN, MAX_AMOUNT_FEN + 1, MAX_ACCUMULATED_FEN, MAX_ACCUMULATED_FEN + 1, -1, 0.5, -0),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, "1", null, undefined),
);
const fundId = fc.oneof(
  fc.constantFrom("pooled", "outpatientPooled", "large_expense", "serious.illness-2"),
  fc.constantFrom("", "constructor", "prototype", "__proto__", "-x", "a b", "x".repeat(65), "大额"),
  fc.string({ maxLength: 8 }),
);
const fundState = fc.oneof(
  fc.record({ baseFen: count, paidFen: count }),
  fc.record({ baseFen: count, paidFen: count, extra: count }),
  fc.record({ baseFen: count }),
  fc.constantFrom(null, 3, []),
);
const monthKey = fc.oneof(
  fc.constantFrom("uremiaDialysis@2024-03", "hypertension@2024-12", "x@2024-3", "@2024-03", "x@24-03"),
  fc.string({ maxLength: 12 }),
);
const candidate = fc.record(
  {
    personId: fc.oneof(fc.constantFrom("p-1", "", "x".repeat(65)), fc.string({ maxLength: 6 })),
    year: fc.oneof(fc.constantFrom(2024, 0, 9999, 10_000, -1, 2024.5), count),
    inpatientAdmissions: fc.oneof(fc.constantFrom(0, 3, 100_000, 100_001), count),
    deductiblePaidFen: fc.oneof(
      fc.record({ inpatient: count, outpatient_general: count, outpatient_chronic: count }),
      fc.record({ inpatient: count, outpatient_general: count }),
      fc.constant(null),
    ),
    funds: fc.dictionary(fundId, fundState, { maxKeys: 3 }),
    chronicMonthlyPaidFen: fc.dictionary(monthKey, count, { maxKeys: 2 }),
    extra: fc.constant(1),
  },
  { requiredKeys: [] },
);

// objects as JSON.parse makes them from hostile text: an own `__proto__` key, and arrays carrying named keys
const hostile = (good: Record<string, unknown>) =>
  fc.constantFrom(
    JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(good).slice(1)}`),
    { ...good, deductiblePaidFen: JSON.parse('{"inpatient":0,"outpatient_general":0,"__proto__":0}') },
    {
      ...good,
      deductiblePaidFen: JSON.parse('{"inpatient":0,"outpatient_general":0,"outpatient_chronic":0,"__proto__":0}'),
    },
    { ...good, deductiblePaidFen: Object.assign([], { inpatient: 0, outpatient_general: 0, outpatient_chronic: 0 }) },
    { ...good, funds: JSON.parse('{"__proto__":{"baseFen":0,"paidFen":0}}') },
    { ...good, funds: { pooled: JSON.parse('{"baseFen":0,"__proto__":0}') } },
    { ...good, funds: { pooled: Object.assign([], { baseFen: 0, paidFen: 0 }) } },
    { ...good, funds: Object.assign([], { pooled: { baseFen: 0, paidFen: 0 } }) },
    { ...good, chronicMonthlyPaidFen: JSON.parse('{"__proto__":5}') },
    Object.assign([], good),
  );
const GOOD = {
  personId: "p-1",
  year: 2024,
  inpatientAdmissions: 1,
  deductiblePaidFen: { inpatient: 80_000, outpatient_general: 0, outpatient_chronic: 0 },
  funds: { pooled: { baseFen: 224_000, paidFen: 190_400 }, large_expense: { baseFen: 0, paidFen: 0 } },
  chronicMonthlyPaidFen: { "uremiaDialysis@2024-03": 1_000 },
};

describe("isAccumulators", () => {
  it("accepts nothing the schema refuses (fund ids seen before included)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(candidate, hostile(GOOD)), { minLength: 1, maxLength: 4 }), (values) => {
        for (const value of values) {
          if (isAccumulators(value)) expect(AccumulatorsSchema.safeParse(value).success).toBe(true);
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it("takes the fast path for well-formed accumulators, and still refuses a bad id after good ones", () => {
    const good = GOOD;
    for (let i = 0; i < 3; i++) expect(isAccumulators(good)).toBe(true);
    for (const id of ["constructor", "prototype", "-x", "a b", ""]) {
      expect(isAccumulators({ ...good, funds: { ...good.funds, [id]: { baseFen: 0, paidFen: 0 } } })).toBe(false);
    }
  });
});
