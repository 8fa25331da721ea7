/**
 * `@carekit/referral` — a typed, compiled, explainable referral-rule engine for tiered care (分级诊疗：基层首诊、
 * 双向转诊、急慢分治、上下联动), with the national hypertension, type 2 diabetes, acute coronary syndrome and COPD rule
 * sets as data, a rule-set linter and referral slips (转诊单).
 *
 * @packageDocumentation
 */

export { type BatchError, type BatchResult, CarekitError, isCarekitError } from "@carekit/core";
export type { Evidence } from "./condition.js";
export { acuteCoronary } from "./data/acute-coronary.js";
export { copd } from "./data/copd.js";
export { diabetes } from "./data/diabetes.js";
export { hypertension } from "./data/hypertension.js";
export { defineRuleSet } from "./define.js";
export {
  compileRuleSet,
  type Decision,
  type DecisionTraceStep,
  type Engine,
  type EvaluateInput,
  type FiredRule,
  type IndexedDecision,
} from "./engine.js";
export { type FactsOf, type FactValue, factsGuard, factsSchema } from "./facts.js";
export {
  LINT_BUDGET,
  LINT_MAX_TERMS,
  type LintFinding,
  type LintKind,
  type LintOptions,
  type LintResult,
  type LintSeverity,
  lintRuleSet,
} from "./lint.js";
export {
  ACTIONS,
  type Action,
  type Condition,
  ConditionSchema,
  FACILITY_LEVELS,
  FACT_TYPES,
  type FacilityLevel,
  FactNameSchema,
  type FactSpec,
  FactSpecSchema,
  type FactSpecs,
  type FactType,
  LabelSchema,
  LEVEL_RANK,
  type Leaf,
  LIMITS,
  OPERATORS,
  OPS_BY_TYPE,
  type Operator,
  type Outcome,
  OutcomeSchema,
  type Rule,
  RuleSchema,
  type RuleSet,
  RuleSetSchema,
  type RuleSource,
  SourceSchema,
  URGENCIES,
  type Urgency,
} from "./model.js";
export { ruleSets } from "./rule-sets.js";
export {
  DecisionSchema,
  type Facility,
  FacilitySchema,
  isSlipValid,
  issueReferralSlip,
  type ReferralSlip,
  ReferralSlipSchema,
} from "./slip.js";
export { factHeaders } from "./table/columns.js";
export { ruleSetToTable, TABLE_ROWS_PER_RULE, tableToRuleSet } from "./table/convert.js";
export { type CsvInput, tableFromCsv, tableToCsv } from "./table/csv.js";
export {
  type GridCell,
  type GridInput,
  type GridOptions,
  type TableMeta,
  tableFromGrid,
  tableToGrid,
} from "./table/grid.js";
export { type JdmInput, tableFromJdm } from "./table/jdm.js";
export {
  type DecisionTable,
  DecisionTableSchema,
  HIT_POLICIES,
  type HitPolicy,
  type TableRow,
  TableRowSchema,
} from "./table/model.js";
export { validateRuleSet } from "./validate.js";
