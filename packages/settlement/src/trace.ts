import type { Label, TraceStep } from "@carekit/core";

// The vocabulary of a settlement's trace (结算过程的步骤与来源): step ids, their labels, where a rule came from, and
// the step type. Its own module, imported by the result types and by the explanation that fills it.

/** The steps of a settlement, in order; each has a fixed bilingual label in {@link STEP_LABELS}. */
export type StepId =
  | "scope"
  | "catalogue"
  | "fullSelfPay"
  | "overLimitSelfPay"
  | "preSelfPay"
  | "registration"
  | "inScope"
  | "deductible"
  | "fund"
  | "overCap"
  | "patientPays";

/**
 * Bilingual labels of every settlement step (结算步骤名称), resolved once and shared by every trace.
 *
 * @example
 * ```ts
 * STEP_LABELS.deductible;
 * // → { zh: "起付标准", en: "deductible" }
 * ```
 */
export const STEP_LABELS: Readonly<Record<StepId, Label>> = {
  scope: { zh: "判定是否跨省异地就医", en: "cross-province or not" },
  catalogue: { zh: "按就医地目录分类（甲/乙/丙、限价）", en: "classify by the treatment-place catalogue" },
  fullSelfPay: { zh: "全自费（丙类）", en: "fully self-paid (class C)" },
  overLimitSelfPay: { zh: "超限价自费", en: "over the price cap, self-paid" },
  preSelfPay: { zh: "乙类先行自付", en: "class-B pre-self-pay" },
  registration: { zh: "备案类型待遇调整", en: "registration adjustment" },
  inScope: { zh: "符合政策范围金额", en: "in-scope amount" },
  deductible: { zh: "起付标准", en: "deductible" },
  fund: { zh: "基金支付", en: "fund payment" },
  overCap: { zh: "超过最高支付限额", en: "above the annual caps" },
  patientPays: { zh: "个人负担", en: "patient pays" },
};

/**
 * Where a step's rule came from (规则来源): the insured place's policy (参保地政策), the treatment place's catalogue
 * (就医地目录) or the national rules (国家规定).
 */
export type RuleOrigin = "insured_place" | "treatment_place" | "national";

/**
 * One step of a settlement's explanation (结算过程): core's one trace shape (`TraceStep` of `@carekit/core`) with the settlement's
 * own `step` ids and the `origin` of its rule, so `formatTrace` from `@carekit/core` renders it.
 */
export type SettlementTraceStep = TraceStep<{ readonly step: StepId; readonly origin: RuleOrigin }>;
