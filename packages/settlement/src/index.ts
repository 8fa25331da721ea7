/**
 * Cross-province (川渝) medical-insurance claim settlement in integer fen (跨省异地就医直接结算): the treatment
 * place's item catalogue and the insured place's policy (就医地目录、参保地政策), registration adjustments for
 * temporary patients, annual accumulators, further funds, batch settlement, contribution-year recognition (缴费年限
 * 互认) and an HL7 FHIR R4 `ClaimResponse` view. Local parameter tables that rest on unconfirmed sources live in the
 * separate `@carekit/settlement/examples` entry point.
 *
 * @packageDocumentation
 */

export {
  type BatchError,
  type BatchResult,
  CarekitError,
  isCarekitError,
} from "@carekit/core";
export {
  type Accumulators,
  AccumulatorsSchema,
  accumulatorsFromPlatform,
  emptyAccumulators,
  type PlatformAccumulators,
  PlatformAccumulatorsSchema,
  START_OF_YEAR,
  type StartOfYear,
} from "./accumulators.js";
export {
  ITEM_CLASSES,
  type ItemCatalogue,
  type ItemCatalogueEntry,
  ItemCatalogueSchema,
  type ItemClass,
} from "./catalogue.js";
export { type Charges, type Claim, ClaimSchema } from "./claim.js";
export type { SettlerOptions } from "./compile.js";
export {
  assessContributionYears,
  type ContributionAssessment,
  type ContributionInput,
  ContributionInputSchema,
  type ContributionPeriod,
  type ContributionPolicy,
  ContributionPolicySchema,
  type ContributionStep,
} from "./contribution.js";
export { CHENGDU_CONTRIBUTION_POLICY, CHONGQING_CONTRIBUTION_POLICY } from "./data/contribution.js";
export { NATIONAL_CROSS_PROVINCE_RULES, NationalRulesSchema } from "./data/national.js";
export { type FhirClaimResponseInput, toFhirClaimResponse } from "./fhir/claim-response.js";
export {
  FHIR_FUND_SYSTEM,
  FHIR_IDENTIFIER_SYSTEMS,
  type FhirIdentifierSystems,
  type FhirInsurer,
} from "./fhir/identifiers.js";
export type {
  FhirAdjudication,
  FhirClaimResponse,
  FhirClaimResponseItem,
  FhirClaimResponseTotal,
  FhirCodeableConcept,
  FhirCoding,
  FhirIdentifier,
  FhirMoney,
  FhirReference,
} from "./fhir/types.js";
export {
  type DerivedPolicy,
  definePolicy,
  type PolicyOverride,
  type ResolvedPolicy,
  resolvePolicy,
} from "./inheritance.js";
export { isClaim } from "./internal/claim-guard.js";
export { MAX_ACCUMULATED_FEN, MAX_AMOUNT_FEN } from "./limits.js";
export {
  type Adjustment,
  AdjustmentSchema,
  CARE_TYPES,
  type CareType,
  type FurtherFund,
  FurtherFundSchema,
  HOSPITAL_GRADES,
  type HospitalGrade,
  LONG_TERM_SUBTYPES,
  PERSON_STATUSES,
  type PersonStatus,
  type Policy,
  PolicySchema,
  SCHEMES,
  type Scheme,
  type SchemeRules,
  TEMPORARY_REGISTRATIONS,
  type TemporaryRegistration,
} from "./policy.js";
export { createSettler } from "./settle.js";
export { type RuleOrigin, type SettlementTraceStep, STEP_LABELS, type StepId } from "./trace.js";
export type {
  FundPayment,
  SettledClaim,
  SettleInput,
  Settlement,
  SettlementBatchAsyncInput,
  SettlementBatchError,
  SettlementBatchInput,
  SettlementBatchResult,
  SettlementLedger,
  SettlementLedgerInput,
  SettlementResult,
  Settler,
} from "./types.js";
