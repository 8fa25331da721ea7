import { describe, expect, it } from "vitest";
import { AccumulatorsSchema, createSettler, emptyAccumulators, START_OF_YEAR } from "../src/index.js";
import { CHONGQING_CATALOGUE, CHONGQING_POLICY, CROSS_CLAIM, SICHUAN_CATALOGUE, SICHUAN_POLICY } from "./fixtures.js";

describe("accumulators", () => {
  it("start the year at zero and validate", () => {
    const start = emptyAccumulators({ personId: "p-1", year: 2024 });
    expect(start).toEqual({
      personId: "p-1",
      year: 2024,
      inpatientAdmissions: 0,
      deductiblePaidFen: { inpatient: 0, outpatient_general: 0, outpatient_chronic: 0 },
      funds: {},
      chronicMonthlyPaidFen: {},
    });
    expect(AccumulatorsSchema.safeParse({ ...start, funds: { pooled: { baseFen: 1, paidFen: -1 } } }).success).toBe(
      false,
    );
  });

  it("rejects a bad person or year", () => {
    expect(() => emptyAccumulators({ personId: "", year: 2024 })).toThrow(/personId/);
    expect(() => emptyAccumulators({ personId: "p", year: 2024.5 })).toThrow(/year/);
  });
});

describe("shared zero state", () => {
  it("returned accumulators cannot be mutated into the next person's year", () => {
    const settler = createSettler({
      policies: [SICHUAN_POLICY, CHONGQING_POLICY],
      catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
    });
    const first = settler.settle({ claim: CROSS_CLAIM, accumulators: START_OF_YEAR }).accumulators;
    expect(() => {
      (first.chronicMonthlyPaidFen as Record<string, number>)["dialysis@2024-12"] = 1;
    }).toThrow(TypeError);
    const other = settler.settle({
      claim: { ...CROSS_CLAIM, id: "c-9", personId: "p-9" },
      accumulators: START_OF_YEAR,
    }).accumulators;
    expect(other.chronicMonthlyPaidFen).toEqual({});
  });
});
