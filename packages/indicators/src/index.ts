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
/** The identifier system of GB/T 2260 region codes in FHIR and DHIS2 exchange: core's, re-exported where it is used. */
export { GB_T_2260_SYSTEM } from "@carekit/core/regions";
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
  type Dhis2DataElement,
  Dhis2DataElementMapSchema,
  type Dhis2Indicator,
  type Dhis2IndicatorFields,
  Dhis2IndicatorSchema,
  type Dhis2IndicatorType,
  type Dhis2Metadata,
  Dhis2MetadataSchema,
  type Dhis2Translation,
  fromDhis2Indicator,
  fromDhis2Metadata,
  toDhis2Metadata,
} from "./dhis2.js";
export {
  DHIS2_PERIOD,
  type Dhis2Counts,
  type Dhis2CountsRead,
  Dhis2CountsSchema,
  type Dhis2DataValue,
  fromDhis2DataValueSet,
  toDhis2DataValueSet,
} from "./dhis2-data-values.js";
export { DHIS2_UID, dhis2Uid, isDhis2Operand } from "./dhis2-uid.js";
export {
  DEFAULT_FHIR_BASE,
  type FhirCodeableConcept,
  type FhirCoding,
  type FhirMeasure,
  type FhirMeasurePopulation,
  type FhirMeasureReport,
  type FhirTranslated,
  toFhirMeasure,
  toFhirMeasureReport,
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
