import { beforeAll, describe, expect, it } from "vitest";
import { catalogues, plans, toFhirMeasure } from "../src/index.js";
import { expectValidFhir, loadFhirValidators } from "./fhir-validation.js";

beforeAll(loadFhirValidators, 120_000);

/** Whether `resource` passes the HL7 R4 JSON Schema and `@medplum/core`'s validateResource. */
function validate(resource: unknown): boolean {
  try {
    expectValidFhir(resource);
    return true;
  } catch {
    return false;
  }
}

const all = [...catalogues.yilaoYixiao.indicators, ...catalogues.countyMedicalCommunity.indicators];

describe("FHIR R4 Measure export", () => {
  it("writes scoring, improvementNotation and populations", () => {
    //#region example
    const slots = catalogues.yilaoYixiao.indicators.find((d) => d.id === "slotsPer1000");
    if (!slots) throw new Error("missing");
    const measure = toFhirMeasure({ definition: slots, plan: plans.dazu2023 });
    expect(measure.resourceType).toBe("Measure");
    expect(measure.scoring.coding[0]?.code).toBe("ratio"); // per-1000 over a population estimate (WHO SMART)
    expect(measure.improvementNotation?.coding[0]?.code).toBe("increase");
    expect(measure.group[0].population.map((p) => p.code.coding[0]?.code)).toEqual([
      "initial-population",
      "numerator",
      "denominator",
    ]);
    expect(measure.effectivePeriod).toEqual({ start: "2020", end: "2025" });
    expect(measure.guidance).toContain("target ≥ 4.5 个/千人 by 2025");
    //#endregion example
  });

  it("validates against the official FHIR R4 JSON Schema, with and without a plan", () => {
    for (const definition of all) {
      const alone = toFhirMeasure({ definition });
      expectValidFhir(alone);
    }
    for (const plan of Object.values(plans)) {
      for (const entry of plan.entries) {
        const definition = plan.indicators.find((d) => d.id === entry.indicatorId);
        if (!definition) throw new Error(entry.indicatorId);
        const measure = toFhirMeasure({ definition, plan });
        expectValidFhir(measure);
      }
    }
  });

  it("is rejected by the schema when broken (the validator can fail)", () => {
    const broken = { ...toFhirMeasure({ definition: all[0] as (typeof all)[number] }), status: "finished" };
    expect(validate(broken)).toBe(false);
    expect(validate({ ...broken, status: "active", group: [{ population: [{ code: "numerator" }] }] })).toBe(false);
  });

  it("maps proportions, counts and polarity", () => {
    const share = all.find((d) => d.id === "nursingBedShare");
    const count = all.find((d) => d.id === "elderCareWorkerTraining");
    if (!share || !count) throw new Error("missing");
    const proportion = toFhirMeasure({ definition: share });
    expect(proportion.scoring.coding[0]?.code).toBe("proportion");
    expect(proportion.group[0].population.map((p) => p.criteria.expression)).toEqual([
      "institutionBeds",
      "institutionBeds",
      "nursingBeds",
    ]);
    const cohort = toFhirMeasure({ definition: count });
    expect(cohort.scoring.coding[0]?.code).toBe("cohort");
    expect(cohort.group[0].population).toHaveLength(1);
    expect(toFhirMeasure({ definition: { ...share, polarity: "target" } }).improvementNotation).toBeUndefined();
    expect(toFhirMeasure({ definition: { ...share, polarity: "decrease" } }).improvementNotation?.coding[0]?.code).toBe(
      "decrease",
    );
    expect(proportion._title.extension[0]?.extension[1]?.valueString).toBe("养老机构护理型床位占比");
  });
});
