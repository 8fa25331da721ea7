import { type BadInputCase, badInputSuite, expectCarekitError } from "@carekit/test-utils";
import { describe, expect, it } from "vitest";
import * as capacity from "../src/index.js";

const gap = { population: 870_000, existingSlots: 1727, targetPer1000: 4.5 };
const children = { infant: 1, toddler: 1, olderToddler: 1 };

const cases: BadInputCase[] = [
  ["zero population", () => capacity.slotsPer1000({ existingSlots: 1, population: 0 }), "OUT_OF_RANGE", "population"],
  ["negative population", () => capacity.childcareGap({ ...gap, population: -5 }), "OUT_OF_RANGE", "population"],
  [
    "fractional slots",
    () => capacity.slotsPer1000({ existingSlots: 1.5, population: 10 }),
    "INVALID_INPUT",
    "existingSlots",
  ],
  ["NaN population", () => capacity.childcareGap({ ...gap, population: Number.NaN }), "INVALID_INPUT", "population"],
  [
    "Infinity slots",
    () => capacity.childcareGap({ ...gap, existingSlots: Infinity }),
    "INVALID_INPUT",
    "existingSlots",
  ],
  ["missing population", () => capacity.slotsPer1000({ existingSlots: 1 } as never), "INVALID_INPUT", "population"],
  [
    "string count",
    () => capacity.utilization({ enrolled: "12" as never, existingSlots: 10 }),
    "INVALID_INPUT",
    "enrolled",
  ],
  [
    "unknown key",
    () => capacity.utilization({ enrolled: 1, existingSlots: 10, extra: 1 } as never),
    "INVALID_INPUT",
    "",
  ],
  ["zero capacity", () => capacity.utilization({ enrolled: 1, existingSlots: 0 }), "OUT_OF_RANGE", "existingSlots"],
  ["target 0", () => capacity.childcareGap({ ...gap, targetPer1000: 0 }), "OUT_OF_RANGE", "targetPer1000"],
  ["target above 100", () => capacity.childcareGap({ ...gap, targetPer1000: 100.5 }), "OUT_OF_RANGE", "targetPer1000"],
  [
    "target negative",
    () => capacity.elderBedGap({ elderPopulation: 10, existingBeds: 1, targetPer1000: -35 }),
    "OUT_OF_RANGE",
    "targetPer1000",
  ],
  [
    "target 5 decimals",
    () => capacity.childcareGap({ ...gap, targetPer1000: 4.12345 }),
    "OUT_OF_RANGE",
    "targetPer1000",
  ],
  ["target NaN", () => capacity.childcareGap({ ...gap, targetPer1000: Number.NaN }), "INVALID_INPUT", "targetPer1000"],
  [
    "areaType with a plain target",
    () => capacity.childcareGap({ ...gap, areaType: "new" }),
    "INVALID_INPUT",
    "areaType",
  ],
  [
    "target and standard",
    () => capacity.childcareGap({ ...gap, standard: "national2025" }),
    "INVALID_INPUT",
    "targetPer1000",
  ],
  [
    "neither target nor standard",
    () => capacity.childcareGap({ population: 10, existingSlots: 1 }),
    "INVALID_INPUT",
    "targetPer1000",
  ],
  [
    "unknown standard",
    () => capacity.childcareGap({ population: 10, existingSlots: 1, standard: "beijing2030" as never }),
    "UNKNOWN_STANDARD",
    "standard",
  ],
  [
    "standard of another kind",
    () => capacity.childcareGap({ population: 10, existingSlots: 1, standard: "nursingBeds2025" as never }),
    "UNKNOWN_STANDARD",
    "standard",
  ],
  [
    "prototype key as standard",
    () => capacity.nursingBedGap({ existingBeds: 10, nursingBeds: 1, standard: "__proto__" as never }),
    "UNKNOWN_STANDARD",
    "standard",
  ],
  [
    "no figure for existing areas",
    () => capacity.childcareGap({ population: 10, existingSlots: 1, standard: "taiyuan2025", areaType: "existing" }),
    "UNKNOWN_STANDARD",
    "areaType",
  ],
  [
    "own standard with a bad figure",
    () => capacity.defineStandard({ ...capacity.standards.sichuan, slotsPer1000: { new: 120, existing: null } }),
    "OUT_OF_RANGE",
    "slotsPer1000.new",
  ],
  [
    "own standard not validated by defineStandard",
    () =>
      capacity.childcareGap({
        population: 10,
        existingSlots: 1,
        standard: { ...capacity.standards.sichuan, slotsPer1000: { new: 120, existing: null } } as never,
      }),
    "INVALID_INPUT",
    "standard",
  ],
  [
    "share above 1",
    () => capacity.nursingBedGap({ existingBeds: 10, nursingBeds: 1, targetShare: 1.2 }),
    "OUT_OF_RANGE",
    "targetShare",
  ],
  [
    "nursing beds above beds",
    () => capacity.nursingBedShare({ nursingBeds: 11, existingBeds: 10 }),
    "OUT_OF_RANGE",
    "nursingBeds",
  ],
  [
    "elder age 70",
    () => capacity.bedsPer1000Elders({ existingBeds: 1, elderPopulation: 10, elderAge: 70 as never }),
    "INVALID_INPUT",
    "elderAge",
  ],
  [
    "growth rate −100 %",
    () => capacity.projectPopulation({ base: 10, baseYear: 2020, targetYear: 2025, annualGrowthRate: -1 }),
    "OUT_OF_RANGE",
    "annualGrowthRate",
  ],
  [
    "target year before base year",
    () => capacity.projectPopulation({ base: 10, baseYear: 2025, targetYear: 2020, annualGrowthRate: 0.01 }),
    "OUT_OF_RANGE",
    "targetYear",
  ],
  [
    "one-point series",
    () => capacity.projectFromSeries({ series: [{ year: 2020, value: 1 }], targetYear: 2025 }),
    "OUT_OF_RANGE",
    "series",
  ],
  [
    "repeated year",
    () =>
      capacity.projectFromSeries({
        series: [
          { year: 2020, value: 1 },
          { year: 2020, value: 2 },
        ],
        targetYear: 2025,
      }),
    "INVALID_INPUT",
    "series[1].year",
  ],
  [
    "trend below zero",
    () =>
      capacity.projectFromSeries({
        series: [
          { year: 2019, value: 8213 },
          { year: 2021, value: 5503 },
        ],
        targetYear: 2030,
      }),
    "OUT_OF_RANGE",
    "targetYear",
  ],
  [
    "fractional children",
    () => capacity.planChildcareClasses({ children: { ...children, infant: 0.5 } }),
    "INVALID_INPUT",
    "children.infant",
  ],
  [
    "class rules missing",
    () => capacity.planChildcareClasses({ children, standard: "taiyuan2025" }),
    "MISSING_RULE",
    "standard",
  ],
  [
    "area type unknown",
    () =>
      capacity.planChildcareFacility({ plannedPopulation: 1000, standard: "taiyuan2025", areaType: "old" as never }),
    "INVALID_INPUT",
    "areaType",
  ],
  [
    "negative land",
    () => capacity.planResidentialLand({ residentialLandMu: -300 }),
    "OUT_OF_RANGE",
    "residentialLandMu",
  ],
  [
    "land 5 decimals",
    () => capacity.planResidentialLand({ residentialLandMu: 1.23456 }),
    "OUT_OF_RANGE",
    "residentialLandMu",
  ],
  [
    "function listed twice",
    () => capacity.checkEmbeddedComplex({ floorAreaM2: 800, functions: ["childcare", "childcare"] }),
    "INVALID_INPUT",
    "functions[1]",
  ],
  ["rows not iterable", () => capacity.assessRegions(42 as never, { targetPer1000: 4.5 }), "INVALID_INPUT", "rows"],
  ["options target 0", () => capacity.assessRegions([], { targetPer1000: 0 }), "OUT_OF_RANGE", "options.targetPer1000"],
  [
    "a share as a per-1000 target",
    () => capacity.childcareGap({ ...gap, targetPer1000: 0.0045 }),
    "OUT_OF_RANGE",
    "targetPer1000",
  ],
  [
    "a percentage as a share",
    () => capacity.nursingBedGap({ existingBeds: 100, nursingBeds: 1, targetShare: 55 }),
    "OUT_OF_RANGE",
    "targetShare",
  ],
  [
    "population as a string",
    () => capacity.childcareGap({ ...gap, population: "870000" as never }),
    "INVALID_INPUT",
    "population",
  ],
  [
    "assessRegion bad row",
    () => capacity.assessRegion({ region: "a", population: 1.5 }, { targetPer1000: 4.5 }),
    "INVALID_INPUT",
    "population",
  ],
];

describe("bad input", () => {
  it("has at least 25 cases", () => expect(cases.length).toBeGreaterThanOrEqual(25));
});

badInputSuite("capacity: bad input gives CarekitError with code, path and a Chinese message", cases);

describe("messages that explain themselves", () => {
  it("hints that 0.0045 per 1000 looks like a share, and 55 as a share like a percentage", () => {
    const perMille = expectCarekitError(
      () => capacity.childcareGap({ ...gap, targetPer1000: 0.0045 }),
      "OUT_OF_RANGE",
      "targetPer1000",
    );
    expect(perMille.message).toContain("looks like a share, not a per-1000 figure");
    expect(perMille.messageZh).toContain("看起来是占比而不是每千人数");
    const share = expectCarekitError(
      () => capacity.assessRegions([], { targetPer1000: 4.5, nursingShareTarget: 60 }),
      "OUT_OF_RANGE",
      "options.nursingShareTarget",
    );
    expect(share.message).toContain("looks like a percentage, not a share");
    expect(share.messageZh).toContain("看起来是百分数而不是占比");
    expect(capacity.childcareGap({ ...gap, targetPer1000: 0.1 }).requiredSlots).toBe(87); // 0.1 is still accepted
  });

  it("rejects async rows that are not iterable with a CarekitError", async () => {
    await expect(capacity.assessRegionsAsync(42 as never, { targetPer1000: 4.5 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      issues: [expect.objectContaining({ path: "rows" })],
    });
  });

  it("names the forms a population may take, and what it got", () => {
    const error = expectCarekitError(
      () => capacity.childcareGap({ ...gap, population: "870,000" as never }),
      "INVALID_INPUT",
      "population",
    );
    expect(error.message).toContain("expected a whole number of people ≥ 1 (e.g. 870000) or a projection");
    expect(error.message).toContain('got "870,000"');
    expect(error.messageZh).toContain("应为不小于 1 的整数人数");
    expect(error.messageZh).toContain('实际为 "870,000"');
    expect(error.messageZh).not.toContain("不符合任何允许的形式");
  });
});
