import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPlanObservation } from "../src/assess-plan.js";
import { assessPlan, assessPlanAsync, type PlanObservation, PlanObservationSchema, plans } from "../src/index.js";

/**
 * Illustrative observations for 大足区 in 2022: slotsPer1000 is the plan's own count (1727 托位) over the 2020
 * population (2.07); the others are made-up values that exercise each status, not reported figures.
 */
const observations: PlanObservation[] = [
  { indicatorId: "slotsPer1000", year: 2022, value: 2.07 },
  { indicatorId: "nursingBedShare", year: 2022, value: 40 },
  { indicatorId: "basicMedicalInsuranceRate", year: 2022, value: 96 },
  { indicatorId: "townshipAffordableChildcareCoverage", year: 2022, value: 30 },
  { indicatorId: "elderHealthManagementRate", year: 2022, value: 68 },
  { indicatorId: "noSuchIndicator", year: 2022, value: 1 },
  { indicatorId: "dayCareCoverage", year: 2019, value: 80 },
];

describe("assessPlan", () => {
  it("assesses the 大足区 table binding-first and never drops a row", () => {
    const { results, priorityOrder, errors, summary } = assessPlan({ plan: plans.dazu2023, observations });
    const table = priorityOrder.map((position) => results[position] as (typeof results)[number]);
    expect(table.map((row) => [row.indicatorId, row.attribute, row.status])).toEqual([
      ["basicMedicalInsuranceRate", "binding", "achieved"],
      ["nursingBedShare", "binding", "off_track"], // the line is at 43.38% in 2022
      ["elderHealthManagementRate", "binding", "on_track"],
      ["slotsPer1000", "expected", "off_track"], // the line is at 2.418 in 2022
      ["townshipAffordableChildcareCoverage", "expected", "no_baseline"],
    ]);
    expect(errors.map((error) => [error.index, error.code])).toEqual([
      [5, "UNKNOWN_INDICATOR"],
      [6, "OUT_OF_RANGE"], // 2019 is before the 2020 baseline
    ]);
    expect(results.length + errors.length).toBe(observations.length);
    expect(summary.bindingOffTrack).toBe(1);
    expect(summary.bindingOffTrackIds).toEqual(["nursingBedShare"]);
    expect(summary.byStatus).toEqual({ achieved: 1, on_track: 1, off_track: 2, no_baseline: 1 });
    expect(summary.notObserved).toHaveLength(21 - 5);
    expect(table.map((row) => row.index)).toEqual([2, 1, 4, 0, 3]);
    expect(results.map((row) => row.index)).toEqual([0, 1, 2, 3, 4]);
    expect(errors[1]?.issues[0]?.path).toBe("observations[6].year");
    expect(PlanObservationSchema.safeParse(observations[0]).success).toBe(true);
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
  });

  it("reads async iterables", async () => {
    async function* stream() {
      yield* observations.slice(0, 3);
    }
    const { results } = await assessPlanAsync({ plan: plans.dazu2023, observations: stream() });
    expect(results).toHaveLength(3);
  });

  it("skips the trace on request, with the same statuses", () => {
    const full = assessPlan({ plan: plans.dazu2023, observations });
    const lean = assessPlan({ plan: plans.dazu2023, observations, explain: false });
    expect(lean.results.map((row) => row.trace)).toEqual(lean.results.map(() => []));
    expect(lean.results.map((row) => [row.index, row.status, row.expected, row.gap])).toEqual(
      full.results.map((row) => [row.index, row.status, row.expected, row.gap]),
    );
  });

  it("counts a binding indicator by its latest observation", () => {
    const { summary, results } = assessPlan({
      plan: plans.dazu2023,
      observations: [
        { indicatorId: "nursingBedShare", year: 2021, value: 30 },
        { indicatorId: "nursingBedShare", year: 2025, value: 61 },
      ],
    });
    expect(results.map((row) => row.status)).toEqual(["off_track", "achieved"]);
    expect(summary.bindingOffTrack).toBe(0);
  });
});

describe("fast observation guard", () => {
  it("accepts only what PlanObservationSchema accepts (property)", () => {
    const anything = fc.oneof(
      fc.record({
        indicatorId: fc.oneof(fc.string({ maxLength: 70 }), fc.integer()),
        year: fc.oneof(fc.integer({ min: 1900, max: 2200 }), fc.double()),
        value: fc.oneof(fc.double(), fc.integer({ min: -5, max: 2_000_000_000 })),
      }),
      fc.record({ indicatorId: fc.string(), year: fc.integer(), value: fc.double(), extra: fc.anything() }),
      fc.anything(),
    );
    fc.assert(
      fc.property(anything, (value) => {
        if (isPlanObservation(value)) expect(PlanObservationSchema.safeParse(value).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(isPlanObservation({ indicatorId: "nursingBedShare", year: 2023, value: 40.5 })).toBe(true);
  });
});
