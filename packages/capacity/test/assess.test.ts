import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { handAssess } from "../bench/hand-loop.js";
import { generateRows } from "../bench/rows.js";
import {
  AssessRegionsOptionsSchema,
  assessRegions,
  childcareGap,
  isRegionRow,
  RegionRowSchema,
  utilization,
} from "../src/index.js";

describe("assessRegions", () => {
  it("assesses a table of districts, keeping bad rows as errors", () => {
    //#region example
    const rows = [
      // 大足区 (seed 002): 2025 population, slots, enrolment, elders 60+ and beds
      { region: "大足区", population: 870_000, slots: 1727, enrolled: 1234, elderPopulation: 188_900, beds: 7432 },
      // 重庆高新区 (seed 000): 575,100 residents, 57,200 aged 60+
      { region: "重庆高新区", population: 575_100, elderPopulation: 57_200 },
      { region: "bad row", population: 0 },
    ];
    const { results, errors, totals } = assessRegions(rows, { targetPer1000: 4.5, bedTargetPer1000: 35 });
    expect(results[0]).toMatchObject({ requiredSlots: 3915, slotGap: 2188, utilization: 71.45, bedSurplus: 820 });
    expect(results[1]).toMatchObject({ requiredSlots: 2588, slots: null, slotGap: null, requiredBeds: 2002 });
    expect(errors).toEqual([expect.objectContaining({ index: 2, code: "OUT_OF_RANGE" })]);
    expect(errors[0]?.issues[0]?.path).toBe("population");
    expect(totals).toMatchObject({ rows: 2, requiredSlots: 6503, slots: 1727, slotGap: 2188, utilization: 71.45 });
    expect(RegionRowSchema.safeParse(rows[0]).success).toBe(true);
    expect(AssessRegionsOptionsSchema.safeParse({ targetPer1000: 0 }).success).toBe(false);
    //#endregion example
  });

  it("agrees with childcareGap and utilization on the same row", () => {
    const { results } = assessRegions([{ region: "大足区", population: 870_000, slots: 1727, enrolled: 1234 }], {
      targetPer1000: 4.5,
    });
    const gap = childcareGap({ population: 870_000, existingSlots: 1727, targetPer1000: 4.5 });
    expect(results[0]?.requiredSlots).toBe(gap.requiredSlots);
    expect(results[0]?.slotGap).toBe(gap.gap);
    expect(results[0]?.slotsPer1000).toBe(gap.slotsPer1000);
    expect(results[0]?.utilization).toBe(utilization({ enrolled: 1234, capacity: 1727 }).value);
  });

  it("accepts iterables and async iterables, in input order", async () => {
    const rows = generateRows(50, 7);
    rows.splice(10, 0, { region: "", population: 1 });
    const fromArray = assessRegions(rows, { targetPer1000: 4.5 });
    function* generate() {
      yield* rows;
    }
    async function* stream() {
      for (const row of rows) yield row;
    }
    expect(assessRegions(generate(), { targetPer1000: 4.5 })).toEqual(fromArray);
    expect(await assessRegions(stream(), { targetPer1000: 4.5 })).toEqual(fromArray);
    expect(fromArray.results.length + fromArray.errors.length).toBe(rows.length);
    expect(fromArray.errors.map((error) => error.index)).toEqual([10]);
    expect(fromArray.results.map((result) => result.index)).toEqual([...rows.keys()].filter((i) => i !== 10));
  });

  it("never drops a row, whatever the rows are", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 30 }), (rows) => {
        const { results, errors } = assessRegions(rows, { targetPer1000: 4.5, nursingShareTarget: 0.55 });
        expect(results.length + errors.length).toBe(rows.length);
        const indexes = [...results.map((r) => r.index), ...errors.map((e) => e.index)].sort((a, b) => a - b);
        expect(indexes).toEqual([...rows.keys()]);
        for (const error of errors) expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
      }),
    );
  });

  it("computes the same numbers as the hand-written loop of the benchmark", () => {
    const rows = generateRows(20_000);
    const ours = assessRegions(rows, { targetPer1000: 4.5, bedTargetPer1000: 35, nursingShareTarget: 0.55 });
    expect(ours.errors).toEqual([]);
    expect(ours.results).toEqual(handAssess(rows, 45_000, 350_000, 5500));
  });

  it("has a fast guard that accepts only what the schema accepts", () => {
    const count = fc.oneof(
      fc.integer({ min: -5, max: 2_000_000_005 }),
      fc.double(),
      fc.constantFrom(undefined, null, "12", Number.NaN),
    );
    const row = fc.record(
      {
        region: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(42)),
        population: count,
        elderPopulation: count,
        slots: count,
        enrolled: count,
        beds: count,
        nursingBeds: count,
        extra: fc.integer(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(row, (candidate) => {
        const schemaSays = RegionRowSchema.safeParse(candidate).success;
        expect(isRegionRow(candidate)).toBe(schemaSays);
      }),
      { numRuns: 2000 },
    );
    for (const valid of generateRows(100)) expect(isRegionRow(valid)).toBe(true);
    //#region guard
    expect(isRegionRow({ region: "大足区", population: 870_000, slots: 1727 })).toBe(true);
    expect(isRegionRow({ region: "大足区", population: 870_000, slots: 17.5 })).toBe(false);
    expect(isRegionRow({ region: "大足区", population: 870_000, note: "extra key" })).toBe(false);
    //#endregion guard
  });

  it("rejects rows whose parts exceed their wholes", () => {
    const { errors } = assessRegions(
      [
        { region: "a", population: 100, elderPopulation: 101 },
        { region: "b", population: 100, beds: 10, nursingBeds: 11 },
        { region: "c", population: 100, nursingBeds: 1 },
      ],
      { targetPer1000: 4.5 },
    );
    expect(errors.map((error) => [error.code, error.issues[0]?.path])).toEqual([
      ["OUT_OF_RANGE", "elderPopulation"],
      ["OUT_OF_RANGE", "nursingBeds"],
      ["INVALID_INPUT", "nursingBeds"],
    ]);
  });
});
