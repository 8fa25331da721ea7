import { checkBatchConformance, throwingRecord } from "@carekit/test-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { handAssess } from "../bench/hand-loop.js";
import { generateRows } from "../bench/rows.js";
import {
  AssessRegionsOptionsSchema,
  assessRegion,
  assessRegions,
  assessRegionsAsync,
  childcareGap,
  createRegionTotals,
  RegionRowSchema,
  utilization,
} from "../src/index.js";

describe("assessRegions", () => {
  it("assesses a table of districts, keeping bad rows as errors", () => {
    const rows = [
      // 大足区 (大足府办发〔2023〕37号): 2025 population, slots, enrolment, elders 60+ and beds
      {
        region: "大足区",
        population: 870_000,
        existingSlots: 1727,
        enrolled: 1234,
        elderPopulation: 188_900,
        existingBeds: 7432,
      },
      // 重庆高新区: 575,100 residents, 57,200 aged 60+
      { region: "重庆高新区", population: 575_100, elderPopulation: 57_200 },
      { region: "bad row", population: 0 },
    ];
    const { results, errors, totals } = assessRegions(rows, { targetPer1000: 4.5, bedTargetPer1000: 35 });
    expect(results[0]?.childcare).toMatchObject({ requiredSlots: 3915, gap: 2188 });
    expect(results[0]?.childcare.utilization?.rounded).toBe(71.45);
    expect(results[0]?.elderCare).toMatchObject({ requiredBeds: 6612, surplus: 820 });
    expect(results[1]?.childcare).toMatchObject({ requiredSlots: 2588, existingSlots: null, gap: null });
    expect(results[1]?.elderCare.requiredBeds).toBe(2002);
    expect(errors).toEqual([expect.objectContaining({ index: 2, code: "OUT_OF_RANGE" })]);
    expect(errors[0]?.issues[0]?.path).toBe("population");
    expect(totals.childcare).toMatchObject({ rows: 1, requiredSlots: 6503, existingSlots: 1727, gap: 2188 });
    expect(totals.childcare.utilization?.rounded).toBe(71.45);
    expect(RegionRowSchema.safeParse(rows[0]).success).toBe(true);
    expect(AssessRegionsOptionsSchema.safeParse({ targetPer1000: 0 }).success).toBe(false);
  });

  it("agrees with childcareGap and utilization on the same row", () => {
    const { results } = assessRegions(
      [{ region: "大足区", population: 870_000, existingSlots: 1727, enrolled: 1234 }],
      { targetPer1000: 4.5 },
    );
    const gap = childcareGap({ population: 870_000, existingSlots: 1727, targetPer1000: 4.5 });
    expect(results[0]?.childcare.requiredSlots).toBe(gap.requiredSlots);
    expect(results[0]?.childcare.gap).toBe(gap.gap);
    expect(results[0]?.childcare.slotsPer1000).toEqual(gap.slotsPer1000);
    const { value, rounded, decimals } = utilization({ enrolled: 1234, existingSlots: 1727 });
    expect(results[0]?.childcare.utilization).toEqual({ value, rounded, decimals });
  });

  it("accepts iterables; assessRegionsAsync also async iterables, in input order", async () => {
    const rows: unknown[] = generateRows(50, 7);
    rows.splice(10, 0, { region: "", population: 1 });
    const fromArray = assessRegions(rows, { targetPer1000: 4.5 });
    function* generate() {
      yield* rows;
    }
    async function* stream() {
      for (const row of rows) yield row;
    }
    expect(assessRegions(generate(), { targetPer1000: 4.5 })).toEqual(fromArray);
    const streamed = await assessRegionsAsync(stream(), { targetPer1000: 4.5 });
    expect(streamed).toEqual(fromArray);
    expect(await assessRegionsAsync(rows, { targetPer1000: 4.5 })).toEqual(fromArray);
    expect(fromArray.results.length + fromArray.errors.length).toBe(rows.length);
    expect(fromArray.errors.map((error) => error.index)).toEqual([10]);
    expect(fromArray.results.map((result) => result.index)).toEqual([...rows.keys()].filter((i) => i !== 10));
  });

  it("keeps the batch contract, a throwing getter in the middle becoming that row's error", async () => {
    const rows = [...generateRows(5, 3), throwingRecord(), { region: "x", population: -1 }, ...generateRows(5, 4)];
    const options = { targetPer1000: 4.5, bedTargetPer1000: 35, nursingShareTarget: 0.55 };
    const sync = assessRegions(rows, options);
    checkBatchConformance(sync, rows, { indexOf: (r) => r.index, expectErrorAt: [5, 6] });
    expect(sync.errors[0]?.code).toBe("UNREADABLE_INPUT");
    const async = await assessRegionsAsync(rows, options);
    checkBatchConformance(async, rows, { indexOf: (r) => r.index, expectErrorAt: [5, 6] });
    expect(async).toEqual(sync);
  });

  it("never drops a row, whatever the rows are", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 30 }), (rows) => {
        const outcome = assessRegions(rows, { targetPer1000: 4.5, nursingShareTarget: 0.55 });
        checkBatchConformance(outcome, rows, { indexOf: (r) => r.index });
        for (const error of outcome.errors) expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
      }),
    );
  });

  it("computes the same numbers as the hand-written loop of the benchmark", () => {
    const rows = generateRows(20_000);
    const ours = assessRegions(rows, { targetPer1000: 4.5, bedTargetPer1000: 35, nursingShareTarget: 0.55 });
    expect(ours.errors).toEqual([]);
    expect(ours.results).toEqual(handAssess(rows, 45_000, 350_000, 5500));
  });

  it("rejects rows whose parts exceed their wholes", () => {
    const { errors } = assessRegions(
      [
        { region: "a", population: 100, elderPopulation: 101 },
        { region: "b", population: 100, existingBeds: 10, nursingBeds: 11 },
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

describe("assessRegion and createRegionTotals", () => {
  it("give, row by row, exactly what assessRegions gives", () => {
    const rows = generateRows(300, 11);
    const options = { targetPer1000: 4.5, bedTargetPer1000: 35, nursingShareTarget: 0.55 };
    const batch = assessRegions(rows, options);
    const totals = createRegionTotals();
    rows.forEach((row, index) => {
      const result = assessRegion(row, options, index);
      expect(result).toEqual(batch.results[index]);
      totals.add(result);
    });
    expect(totals.result()).toEqual(batch.totals);
  });

  it("per row and streaming totals", () => {
    const row = { region: "大足区", population: 870_000, existingSlots: 1727, enrolled: 1234 };
    const result = assessRegion(row, { targetPer1000: 4.5 });
    expect(result.childcare.requiredSlots).toBe(3915);
    expect(result.childcare.gap).toBe(2188);
    expect(result.childcare.slotsPer1000?.rounded).toBe(1.99);
    const totals = createRegionTotals();
    totals.add(assessRegion({ region: "龙岗街道", population: 100_000, existingSlots: 300 }, { targetPer1000: 4.5 }));
    totals.add(assessRegion({ region: "棠香街道", population: 50_000 }, { targetPer1000: 4.5 }));
    const sum = totals.result();
    expect(sum.childcare.requiredSlots).toBe(675); // 450 + 225, over both rows
    expect(sum.childcare.existingSlots).toBe(300); // only one row gave slots …
    expect(sum.childcare.rows).toBe(1); // … and the total says so
    expect(sum.elderCare.existingBeds).toBeNull(); // no row gave beds: not given, not 0
  });

  it("reports columns no row gave as null, never 0", () => {
    const { totals } = assessRegions([{ region: "a", population: 1000 }], { targetPer1000: 4.5 });
    expect(totals.childcare).toMatchObject({ existingSlots: null, gap: null, surplus: null, enrolled: null });
    expect(totals.childcare.slotsPer1000).toBeNull();
    expect(totals.elderPopulation).toBeNull();
    expect(totals.nursingCare).toMatchObject({ nursingBeds: null, requiredNursingBeds: null, gap: null });
    const empty = createRegionTotals().result();
    expect(empty).toMatchObject({ rows: 0, population: 0 });
    expect(empty.childcare.existingSlots).toBeNull();
  });

  it("re-validates options that changed and rejects bad ones", () => {
    const options = { targetPer1000: 4.5 };
    const row = { region: "a", population: 1000 };
    expect(assessRegion(row, options).childcare.requiredSlots).toBe(5);
    options.targetPer1000 = 10;
    expect(assessRegion(row, options).childcare.requiredSlots).toBe(10);
    options.targetPer1000 = 0.0045;
    expect(() => assessRegion(row, options)).toThrow(/looks like a share/);
  });

  it("add takes only what assessRegion makes: a crafted result beyond 2×10^9 is refused and adds nothing", () => {
    const totals = createRegionTotals();
    const big = assessRegion({ region: "a", population: 2_000_000_000 }, { targetPer1000: 4.5 });
    totals.add(big);
    const crafted = { ...big, population: Number.MAX_SAFE_INTEGER - 1 };
    expect(() => totals.add(crafted)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(totals.result().rows).toBe(1);
    expect(totals.result().population).toBe(2_000_000_000);
  });
});
