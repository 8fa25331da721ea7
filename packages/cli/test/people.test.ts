// settle's compact per-person state: accumulators come back exactly as they went in (key order included), whatever
// their shape — packed into numbers when it allows, kept as they are when not — and dates compare as text does.
import { type Accumulators, AccumulatorsSchema } from "@carekit/settlement";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, People } from "../src/commands/people.js";

const fen = fc.integer({ min: 0, max: 100_000_000_000 });
const fund = fc.record({ baseFen: fen, paidFen: fen });
const accumulators: fc.Arbitrary<Accumulators> = fc.record({
  personId: fc.constantFrom("p1", "p-2", "人员3"),
  year: fc.integer({ min: 2000, max: 2030 }),
  inpatientAdmissions: fc.integer({ min: 0, max: 1000 }),
  deductiblePaidFen: fc.record({ inpatient: fen, outpatient_general: fen, outpatient_chronic: fen }),
  funds: fc.dictionary(fc.constantFrom("pooled", "serious_illness", "civil_servant", "supplementary"), fund, {
    maxKeys: 4,
  }),
  chronicMonthlyPaidFen: fc.dictionary(fc.constantFrom("diabetes@2024-01", "hypertension@2024-02"), fen, {
    maxKeys: 2,
  }),
});

describe("People", () => {
  it("gives back each person's accumulators exactly, over many persons and updates (compact or kept)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), accumulators), { maxLength: 200 }), (updates) => {
        const people = new People();
        const expected = new Map<string, Accumulators>();
        for (const [n, a] of updates) {
          const personId = `p${n}`;
          const value = { ...a, personId };
          expect(AccumulatorsSchema.safeParse(value).success).toBe(true);
          people.set(people.slot(personId), personId, value, "2024-03-05", n + 2, `c${n}`);
          expected.set(personId, value);
        }
        for (const [personId, value] of expected) {
          const slot = people.slot(personId);
          expect(JSON.stringify(people.accumulatorsAt(slot, personId))).toBe(JSON.stringify(value));
          expect(people.previous(slot)).toMatchObject({ discharge: "2024-03-05", claimId: `c${personId.slice(1)}` });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("compares discharge dates as the text YYYY-MM-DD compares, also for text that is not such a date", () => {
    const people = new People();
    const a = {
      personId: "p",
      year: 2024,
      inpatientAdmissions: 1,
      deductiblePaidFen: { inpatient: 1, outpatient_general: 0, outpatient_chronic: 0 },
      funds: {},
      chronicMonthlyPaidFen: {},
    };
    people.set(-1, "p", a, "2024-03-05", 2, "c1");
    const slot = people.slot("p");
    const dates = fc.oneof(
      fc
        .date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(dates, (date) => {
        expect(people.isBefore(slot, date)).toBe(date < "2024-03-05");
      }),
    );
    expect(dayNumber("2024-03-05")).toBe(20240305);
    expect(dayNumber("2024/03/05")).toBe(-1);
  });
});
