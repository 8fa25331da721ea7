import { describe, expect, it } from "vitest";
import { AccumulatorsSchema, emptyAccumulators } from "../src/index.js";

describe("accumulators", () => {
  it("start the year at zero and validate", () => {
    //#region example
    const start = emptyAccumulators({ personId: "p-1", year: 2024 });
    expect(start).toEqual({
      personId: "p-1",
      year: 2024,
      inpatientAdmissions: 0,
      deductiblePaidFen: { inpatient: 0, outpatientGeneral: 0, outpatientChronic: 0 },
      funds: {},
      chronicMonthlyPaidFen: {},
    });
    expect(AccumulatorsSchema.safeParse({ ...start, funds: { pooled: { baseFen: 1, paidFen: -1 } } }).success).toBe(
      false,
    );
    //#endregion example
  });

  it("rejects a bad person or year", () => {
    expect(() => emptyAccumulators({ personId: "", year: 2024 })).toThrow(/personId/);
    expect(() => emptyAccumulators({ personId: "p", year: 2024.5 })).toThrow(/year/);
  });
});
