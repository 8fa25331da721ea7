/**
 * Typed indicator definitions (指标定义) for 一老一小 and 医共体 planning: numerator and denominator over named
 * inputs, factor, unit, polarity; plans with baselines, targets and 约束性/预期性 attributes kept apart from the
 * definitions; exact computation; progress against a straight line from baseline to target; DHIS2 and HL7 FHIR R4
 * `Measure` export. Catalogues: the 21 indicators of the 大足区 表2-1 and a county medical community set.
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
  assessPlan,
  assessPlanAsync,
  type PlanAssessment,
  type PlanAssessmentRow,
  type PlanObservation,
  PlanObservationSchema,
} from "./assess-plan.js";
export { catalogues, plans } from "./bundled.js";
export { type IndicatorCatalogue, IndicatorCatalogueSchema } from "./catalogue.js";
export { computeIndicator, type IndicatorValue } from "./compute.js";
export {
  defineIndicator,
  FACTORS,
  type IndicatorDefinition,
  IndicatorDefinitionSchema,
  IndicatorIdSchema,
  type IndicatorTerm,
  PopulationSchema,
  TermSchema,
} from "./definition.js";
export {
  type Dhis2Indicator,
  type Dhis2IndicatorFields,
  Dhis2IndicatorSchema,
  fromDhis2Indicator,
  toDhis2Indicator,
} from "./dhis2.js";
export {
  type FhirCodeableConcept,
  type FhirCoding,
  type FhirMeasure,
  type FhirMeasurePopulation,
  type FhirTranslated,
  toFhirMeasure,
} from "./fhir.js";
export {
  type Comparator,
  definePlan,
  PLAN_VALUE_DECIMALS,
  type Plan,
  type PlanEntry,
  PlanEntrySchema,
  PlanSchema,
} from "./plan.js";
export {
  assessProgress,
  type Observation,
  ObservationSchema,
  type ProgressAssessment,
  type ProgressStatus,
} from "./progress.js";
