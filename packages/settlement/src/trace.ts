import type { Label } from "@carekit/core";

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
 * {@includeCode ../test/settle.test.ts#trace}
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

/** Where a step's rule came from (规则来源): the insured place's policy, the treatment place's catalogue, national. */
export type RuleOrigin = "insuredPlace" | "treatmentPlace" | "national";

/** The document a rule came from, as carried in a trace. */
export interface TraceSource {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  /** Document number (文号); `null` when the document has none or it is unknown. */
  readonly number: string | null;
}

/** One step of a settlement's explanation (结算过程). */
export interface TraceStep {
  readonly step: StepId;
  /** Bilingual label of the step (or of the fund, for `fund` steps). */
  readonly label: Label;
  /** The amount this step produced, in fen. */
  readonly amountFen: number;
  /** The rate applied, in basis points, where there is one. */
  readonly basisPoints?: number;
  /** The rule applied: a path into the policy or catalogue, or a short rule name. */
  readonly rule: string;
  readonly origin: RuleOrigin;
  readonly source: TraceSource;
}
