import { type CarekitError, isCarekitError } from "@carekit/core";
import { describe, expect, it } from "vitest";
import * as capacity from "../src/index.js";

type Case = [label: string, call: () => unknown, code: string, path: string];

const gap = { population: 870_000, existingSlots: 1727, targetPer1000: 4.5 };
const children = { infant: 1, toddler: 1, olderToddler: 1 };

const cases: Case[] = [
  ["zero population", () => capacity.slotsPer1000({ slots: 1, population: 0 }), "OUT_OF_RANGE", "population"],
  ["negative population", () => capacity.childcareGap({ ...gap, population: -5 }), "OUT_OF_RANGE", "population"],
  ["fractional slots", () => capacity.slotsPer1000({ slots: 1.5, population: 10 }), "INVALID_INPUT", "slots"],
  ["NaN population", () => capacity.childcareGap({ ...gap, population: Number.NaN }), "INVALID_INPUT", "population"],
  [
    "Infinity slots",
    () => capacity.childcareGap({ ...gap, existingSlots: Infinity }),
    "INVALID_INPUT",
    "existingSlots",
  ],
  ["missing population", () => capacity.slotsPer1000({ slots: 1 } as never), "INVALID_INPUT", "population"],
  ["string count", () => capacity.utilization({ enrolled: "12" as never, capacity: 10 }), "INVALID_INPUT", "enrolled"],
  ["unknown key", () => capacity.utilization({ enrolled: 1, capacity: 10, extra: 1 } as never), "INVALID_INPUT", ""],
  ["zero capacity", () => capacity.utilization({ enrolled: 1, capacity: 0 }), "OUT_OF_RANGE", "capacity"],
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
    () => capacity.nursingBedGap({ beds: 10, nursingBeds: 1, standard: "__proto__" as never }),
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
    () =>
      capacity.childcareGap({
        population: 10,
        existingSlots: 1,
        standard: { ...capacity.standards.sichuan, slotsPer1000: { new: 120, existing: null } },
      }),
    "OUT_OF_RANGE",
    "standard.slotsPer1000.new",
  ],
  [
    "share above 1",
    () => capacity.nursingBedGap({ beds: 10, nursingBeds: 1, targetShare: 1.2 }),
    "OUT_OF_RANGE",
    "targetShare",
  ],
  [
    "nursing beds above beds",
    () => capacity.nursingBedShare({ nursingBeds: 11, beds: 10 }),
    "OUT_OF_RANGE",
    "nursingBeds",
  ],
  [
    "elder age 70",
    () => capacity.bedsPer1000Elders({ beds: 1, elderPopulation: 10, elderAge: 70 as never }),
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
];

describe("bad input gives CarekitError with code, path and a Chinese message", () => {
  it("has at least 25 cases", () => expect(cases.length).toBeGreaterThanOrEqual(25));

  it.each(cases)("%s", (_label, call, code, path) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(isCarekitError(thrown)).toBe(true);
    const error = thrown as CarekitError;
    expect(error.code).toBe(code);
    expect(error.issues[0]?.path).toBe(path);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
});
