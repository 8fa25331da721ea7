/**
 * 一老一小 care capacity (托位与养老床位): ratios per 1000, targets and gaps, projections, facility sizing and the
 * planning standards they come from — exact, explained by a trace, each figure citing its source.
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
  type AssessRegionsOptions,
  AssessRegionsOptionsSchema,
  assessRegion,
  assessRegions,
  assessRegionsAsync,
  createRegionTotals,
  type RegionAssessment,
  type RegionChildcare,
  type RegionElderCare,
  type RegionError,
  type RegionNursingCare,
  type RegionRow,
  RegionRowSchema,
  type RegionsAssessment,
  type RegionTotals,
  type RegionTotalsAccumulator,
} from "./assess.js";
export { type StandardId, type StandardRef, standards } from "./builtin.js";
export {
  type ChildcareClassPlan,
  type ClassGroup,
  type MixedClassGroup,
  type PlanChildcareClassesInput,
  PlanChildcareClassesInputSchema,
  planChildcareClasses,
} from "./classes.js";
export {
  type CheckEmbeddedComplexInput,
  CheckEmbeddedComplexInputSchema,
  checkEmbeddedComplex,
  type EmbeddedComplexCheck,
  type UnmetRequirement,
} from "./complex.js";
export type { Ratio } from "./exact.js";
export {
  type ChildcareFacilityPlan,
  type PlanChildcareFacilityInput,
  PlanChildcareFacilityInputSchema,
  planChildcareFacility,
} from "./facility.js";
export {
  AWARDS,
  type Award,
  type ChildcareMonthlyFee,
  type ChildcareMonthlyFeeInput,
  ChildcareMonthlyFeeInputSchema,
  type ChildcareSubsidyBudget,
  type ChildcareSubsidyBudgetInput,
  ChildcareSubsidyBudgetInputSchema,
  CLASS_TYPES,
  type ClassType,
  childcareMonthlyFee,
  childcareSubsidyBudget,
  OWNERSHIPS,
  type Ownership,
  PROVIDER_KINDS,
  type ProviderKind,
  type ProviderSubsidy,
  type SubsidyProvider,
  SubsidyProviderSchema,
} from "./finance.js";
export {
  type ChildcareGap,
  type ChildcareGapInput,
  ChildcareGapInputSchema,
  childcareGap,
  type ElderBedGap,
  type ElderBedGapInput,
  ElderBedGapInputSchema,
  elderBedGap,
  type NursingBedGap,
  type NursingBedGapInput,
  NursingBedGapInputSchema,
  nursingBedGap,
  type PopulationInput,
} from "./gap.js";
export {
  type PlanResidentialLandInput,
  PlanResidentialLandInputSchema,
  planResidentialLand,
  type ResidentialLandPlan,
} from "./land.js";
export {
  type PopulationProjection,
  PopulationProjectionSchema,
  type ProjectFromSeriesInput,
  ProjectFromSeriesInputSchema,
  type ProjectPopulationInput,
  ProjectPopulationInputSchema,
  projectFromSeries,
  projectPopulation,
} from "./projection.js";
export {
  type BedsPer1000EldersInput,
  BedsPer1000EldersInputSchema,
  bedsPer1000Elders,
  type NursingBedShareInput,
  NursingBedShareInputSchema,
  nursingBedShare,
  type RatioResult,
  type SlotsPer1000Input,
  SlotsPer1000InputSchema,
  slotsPer1000,
  type UtilizationInput,
  UtilizationInputSchema,
  utilization,
} from "./ratio.js";
export {
  type ChildcareFinanceStandard,
  ChildcareFinanceStandardSchema,
  type ChildcareStandard,
  ChildcareStandardSchema,
  type ClassRules,
  ClassRulesSchema,
  CORE_FUNCTIONS,
  type CoreFunction,
  defineStandard,
  type EmbeddedComplexStandard,
  EmbeddedComplexStandardSchema,
  type FacilityRules,
  FacilityRulesSchema,
  type NursingBedStandard,
  NursingBedStandardSchema,
  type ResidentialLandStandard,
  ResidentialLandStandardSchema,
  type Standard,
  StandardSchema,
} from "./standard.js";
