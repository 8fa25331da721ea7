import { plans } from "@carekit/indicators";
import { dazuExample } from "../src/examples/dazu.js";
import type { DistrictReportInput } from "../src/report/input.js";

/** The input `carekit report --example dazu` builds, for tests that call the report builder directly. */
export function exampleInput(overrides: Partial<DistrictReportInput> = {}): DistrictReportInput {
  const d = dazuExample;
  return {
    name: d.name,
    plan: plans.dazu2023,
    rows: d.rows.map(({ code: _code, ...row }) => row),
    populationYear: d.district.populationYear,
    rowsSource: d.rowsSource,
    observations: [...d.observations],
    illustrative: { rows: true, observations: true },
    district: {
      population: d.district.population2025,
      populationYear: 2025,
      existingSlots: d.district.existingSlots,
      source: d.district.source,
      previous: { year: 2020, population: d.district.population2020 },
    },
    targetPer1000: 4.5,
    nursingShareTarget: 0.6,
    generatedOn: "2026-12-01",
    ...overrides,
  };
}
