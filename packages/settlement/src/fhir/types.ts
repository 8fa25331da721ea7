/**
 * The HL7 FHIR R4 data types {@link toFhirClaimResponse} writes, as plain mutable JSON shapes (no `readonly`), so
 * that a result is assignable to `@types/fhir`'s `ClaimResponse` (`import type { ClaimResponse } from "fhir/r4"`)
 * and to `@medplum/fhirtypes`' without a cast, while carekit's published types do not depend on either package.
 */

/**
 * An HL7 FHIR R4 `Money` in yuan (CNY): `value` is the number `fen / 100` built from the integer fen (3915 fen →
 * `39.15`), the nearest double of the two-decimal amount; JSON cannot carry trailing zeros, so ¥1,904.00 is written
 * `1904`. `Math.round(value * 100)` gives the fen back exactly for every amount carekit settles.
 */
export interface FhirMoney {
  value: number;
  currency: "CNY";
}

/** An HL7 FHIR R4 `Coding`. */
export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}

/** An HL7 FHIR R4 `CodeableConcept`: the codings, and the Chinese term as `text`. */
export interface FhirCodeableConcept {
  coding: FhirCoding[];
  text?: string;
}

/** An HL7 FHIR R4 `Identifier`: a `value` within a `system` (a URI naming the namespace). */
export interface FhirIdentifier {
  system: string;
  value: string;
}

/** An HL7 FHIR R4 `Reference`: a literal `reference`, a logical `identifier`, or both, with the target's `type`. */
export interface FhirReference {
  reference?: string;
  type?: string;
  identifier?: FhirIdentifier;
  display?: string;
}

/**
 * One adjudication (审核结果) of a FHIR `ClaimResponse`: a `category` from the R4 adjudication code system, an
 * `amount` (or a `value` for `eligpercent`), and for a fund's `benefit` the fund as `reason`.
 */
export interface FhirAdjudication {
  category: FhirCodeableConcept;
  reason?: FhirCodeableConcept;
  amount?: FhirMoney;
  value?: number;
}

/** One `ClaimResponse.item`: the claim line it answers (`itemSequence`, 1-based) and its adjudications. */
export interface FhirClaimResponseItem {
  itemSequence: number;
  adjudication: FhirAdjudication[];
}

/** One `ClaimResponse.total`: a category's amount for the whole claim. */
export interface FhirClaimResponseTotal {
  category: FhirCodeableConcept;
  amount: FhirMoney;
}

/**
 * The HL7 FHIR R4 `ClaimResponse` (FHIR 理赔响应) {@link toFhirClaimResponse} writes: the elements R4 requires
 * (`status`, `type`, `use`, `patient`, `created`, `insurer`, `outcome`) and the adjudication of the claim.
 */
export interface FhirClaimResponse {
  readonly resourceType: "ClaimResponse";
  status: "active";
  type: FhirCodeableConcept;
  use: "claim";
  patient: FhirReference;
  /** A FHIR `dateTime`: `YYYY-MM-DD`, or `YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)`. */
  created: string;
  insurer: FhirReference;
  request: FhirReference;
  outcome: "complete";
  disposition: string;
  item: FhirClaimResponseItem[];
  adjudication: FhirAdjudication[];
  total: FhirClaimResponseTotal[];
  payment: { type: FhirCodeableConcept; amount: FhirMoney };
}
