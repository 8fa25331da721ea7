import { GB_T_2260_SYSTEM, regionOf } from "@carekit/core/regions";
import type { FhirIdentifier, FhirReference } from "./types.js";

/** The identifier systems of a `ClaimResponse`'s references, one per role; see {@link FHIR_IDENTIFIER_SYSTEMS}. */
export interface FhirIdentifierSystems {
  /** System of the claim id (`request.identifier`). */
  readonly claim?: string;
  /** System of the person id (`patient.identifier`). */
  readonly patient?: string;
  /** System of the insurer's region code (`insurer.identifier`, when the insurer is identified by region). */
  readonly insurer?: string;
}

/**
 * The default identifier systems of {@link toFhirClaimResponse}, one per role so that a claim `c-1`, a person `c-1`
 * and a region never share a namespace: `urn:carekit:settlement:claim` (the claim id, 单据号),
 * `urn:carekit:settlement:patient` (the person id, 人员编号) and, for the insurer identified by the insured place's
 * region code, `urn:carekit:gb-t-2260` — the six-digit 行政区划代码 of GB/T 2260, core's `GB_T_2260_SYSTEM`, which `@carekit/indicators`
 * uses for a MeasureReport's subject (HL7 registers no URI for GB/T 2260). Pass your own in `identifierSystems` to
 * use your platform's (e.g. the 医保 platform's 人员编号 system).
 *
 * @example
 * ```ts
 * FHIR_IDENTIFIER_SYSTEMS.claim; // → "urn:carekit:settlement:claim"
 * FHIR_IDENTIFIER_SYSTEMS.insurer; // → "urn:carekit:gb-t-2260"
 * ```
 */
export const FHIR_IDENTIFIER_SYSTEMS: Readonly<Required<FhirIdentifierSystems>> = /* @__PURE__ */ Object.freeze({
  claim: "urn:carekit:settlement:claim",
  patient: "urn:carekit:settlement:patient",
  insurer: GB_T_2260_SYSTEM,
});

/**
 * The code system carekit names funds in (`adjudication.reason` of each `benefit`): `pooled` (统筹基金, inpatient
 * and 门诊慢特病), `outpatientPooled` (普通门诊统筹), and the policy's further funds by their `id` (e.g.
 * `large_expense`) — the same keys as `accumulators.funds`.
 *
 * @example
 * ```ts
 * FHIR_FUND_SYSTEM; // → "urn:carekit:settlement:fund"
 * ```
 */
export const FHIR_FUND_SYSTEM = "urn:carekit:settlement:fund";

/**
 * Who the insurer of a `ClaimResponse` is (保险方): the insured place's region code (参保地行政区划代码, the
 * `Organization` identified by it under the insurer system), or your own `Organization` by a literal `reference`
 * (`"Organization/123"`, or an absolute URL ending so) or a logical `identifier`. `display` names it for people.
 */
export type FhirInsurer =
  | { readonly region: string; readonly display?: string }
  | { readonly reference: string; readonly display?: string }
  | { readonly identifier: Readonly<FhirIdentifier>; readonly display?: string };

/** The insurer `Reference` for `insurer`, its region checked against the bundled GB/T 2260 table. */
export function insurerReference(insurer: FhirInsurer, system: string, path: string): FhirReference {
  if ("region" in insurer) {
    const region = regionOf(insurer.region, `${path}.region`);
    return {
      type: "Organization",
      identifier: { system, value: region.code },
      display: insurer.display ?? `${region.name}（参保地医保）`,
    };
  }
  const reference: FhirReference =
    "reference" in insurer
      ? { reference: insurer.reference, type: "Organization" }
      : { type: "Organization", identifier: { system: insurer.identifier.system, value: insurer.identifier.value } };
  if (insurer.display !== undefined) reference.display = insurer.display;
  return reference;
}
