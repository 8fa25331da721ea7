import type { Label, TraceSource } from "@carekit/core";
import type { Claim } from "./claim.js";
import type { CompiledAdjustment, CompiledCatalogue, CompiledPolicy } from "./compile.js";
import { NATIONAL_CROSS_PROVINCE_RULES } from "./data/national.js";
import { type SettlementTraceStep, STEP_LABELS } from "./trace.js";

const NATIONAL_SOURCE: TraceSource = Object.freeze({
  id: NATIONAL_CROSS_PROVINCE_RULES.id,
  version: NATIONAL_CROSS_PROVINCE_RULES.version,
  title: NATIONAL_CROSS_PROVINCE_RULES.source.title,
  number: NATIONAL_CROSS_PROVINCE_RULES.source.number,
  url: NATIONAL_CROSS_PROVINCE_RULES.source.url,
});

const POOLED_LABELS: Readonly<Record<string, Label>> = {
  pooled: { zh: "统筹基金支付", en: "pooled fund" },
  outpatientPooled: { zh: "门诊统筹支付", en: "outpatient pooled fund" },
};

/** The amounts of one settlement that its explanation shows. */
export interface ExplainedAmounts {
  readonly total: number;
  readonly classA: number;
  readonly classB: number;
  readonly classC: number;
  readonly over: number;
  readonly classBPre: number;
  readonly registrationPre: number;
  readonly inScope: number;
  readonly deductibleLeft: number;
  readonly deductible: number;
  readonly pooledRoom: number;
  readonly pooledPaid: number;
  readonly bp: number;
  readonly coinsurance: number;
  readonly overCap: number;
  readonly patientPays: number;
}

/** What {@link explain} needs: the claim, the documents applied and the amounts. */
export interface Explain {
  readonly claim: Claim;
  readonly policy: CompiledPolicy;
  readonly catalogue: CompiledCatalogue;
  readonly crossProvince: boolean;
  readonly adjustment: CompiledAdjustment;
  readonly amounts: ExplainedAmounts;
  /** The policy path of the benefit row applied (e.g. `schemes.employee.inpatient.in_service.level3.first`). */
  readonly rule: string;
  readonly pooledId: string;
  readonly furtherFunds: readonly { readonly id: string; readonly label: Label; readonly paidFen: number }[];
}

/**
 * Build a settlement's trace (结算过程) from what the settler computed — the same numbers, never recomputed: one
 * step per stage, each with its rule, inputs, result and source document.
 */
export function explain(x: Explain): SettlementTraceStep[] {
  const p = x.policy.source;
  const c = x.catalogue.source;
  const a = x.amounts;
  const adjustment = x.adjustment;
  const registration = x.claim.registration.kind;
  const registrationRule = !x.crossProvince
    ? "same province: local policy, no adjustment"
    : registration === "long_term_resident"
      ? "long_term_resident: local standard (参保地本地就医标准)"
      : `crossProvince.${registration}: ${adjustment.kind}`;
  const insuredClassB = x.policy.insuredClassBBp !== undefined;
  const steps: SettlementTraceStep[] = [
    {
      step: "scope",
      label: STEP_LABELS.scope,
      rule: "province(insuredRegion) ≠ province(treatmentRegion)",
      inputs: { insuredRegion: x.claim.insuredRegion, treatmentRegion: x.claim.treatmentRegion },
      result: x.crossProvince,
      amountFen: a.total,
      origin: "national",
      source: NATIONAL_SOURCE,
    },
    {
      step: "catalogue",
      label: STEP_LABELS.catalogue,
      rule: "classAFen + classBFen + classCFen + overLimitSelfPayFen",
      inputs: { classAFen: a.classA, classBFen: a.classB, classCFen: a.classC, overLimitSelfPayFen: a.over },
      result: a.total,
      amountFen: a.total,
      origin: "treatment_place",
      source: c,
    },
    {
      step: "fullSelfPay",
      label: STEP_LABELS.fullSelfPay,
      rule: "class C",
      inputs: { classCFen: a.classC },
      result: a.classC,
      amountFen: a.classC,
      origin: "treatment_place",
      source: c,
    },
    {
      step: "overLimitSelfPay",
      label: STEP_LABELS.overLimitSelfPay,
      rule: "amountFen − priceCapFen × quantity",
      inputs: {},
      result: a.over,
      amountFen: a.over,
      origin: "treatment_place",
      source: c,
    },
    {
      step: "preSelfPay",
      label: STEP_LABELS.preSelfPay,
      rule: insuredClassB ? "classBFen × policy.preSelfPay.classBRate" : "classBFen × catalogue.classBPreSelfPayRate",
      inputs: { classBFen: a.classB },
      result: a.classBPre,
      amountFen: a.classBPre,
      origin: insuredClassB ? "insured_place" : "treatment_place",
      source: insuredClassB ? p : c,
    },
    {
      step: "registration",
      label: STEP_LABELS.registration,
      rule: registrationRule,
      inputs: { registration, crossProvince: x.crossProvince },
      result: a.registrationPre,
      amountFen: a.registrationPre,
      origin: adjustment.kind === "none" ? "national" : "insured_place",
      source: adjustment.kind === "none" ? NATIONAL_SOURCE : p,
    },
    {
      step: "inScope",
      label: STEP_LABELS.inScope,
      rule: "classAFen + classBFen − preSelfPayFen",
      inputs: { classAFen: a.classA, classBFen: a.classB, preSelfPayFen: a.classBPre + a.registrationPre },
      result: a.inScope,
      amountFen: a.inScope,
      origin: "treatment_place",
      source: c,
    },
    {
      step: "deductible",
      label: STEP_LABELS.deductible,
      rule: `min(inScopeFen, deductibleLeftFen) — ${x.rule}`,
      inputs: { inScopeFen: a.inScope, deductibleLeftFen: a.deductibleLeft },
      result: a.deductible,
      amountFen: a.deductible,
      origin: "insured_place",
      source: p,
    },
    {
      step: "fund",
      label: POOLED_LABELS[x.pooledId] ?? STEP_LABELS.fund,
      rule: `min((inScopeFen − deductibleFen) × rate, capRoomFen) — ${x.rule}`,
      inputs: { inScopeFen: a.inScope, deductibleFen: a.deductible, capRoomFen: a.pooledRoom },
      result: a.pooledPaid,
      amountFen: a.pooledPaid,
      basisPoints: a.bp,
      origin: "insured_place",
      source: p,
    },
  ];
  for (const fund of x.furtherFunds) {
    steps.push({
      step: "fund",
      label: fund.label,
      rule: `furtherFunds.${fund.id}`,
      inputs: {},
      result: fund.paidFen,
      amountFen: fund.paidFen,
      origin: "insured_place",
      source: p,
    });
  }
  steps.push(
    {
      step: "overCap",
      label: STEP_LABELS.overCap,
      rule: "in-scope cost above every fund's annual cap or monthly quota",
      inputs: {},
      result: a.overCap,
      amountFen: a.overCap,
      origin: "insured_place",
      source: p,
    },
    {
      step: "patientPays",
      label: STEP_LABELS.patientPays,
      rule: "fullSelfPayFen + overLimitSelfPayFen + preSelfPayFen + deductibleFen + coinsuranceFen + overCapFen",
      inputs: {
        fullSelfPayFen: a.classC,
        overLimitSelfPayFen: a.over,
        preSelfPayFen: a.classBPre + a.registrationPre,
        deductibleFen: a.deductible,
        coinsuranceFen: a.coinsurance,
        overCapFen: a.overCap,
      },
      result: a.patientPays,
      amountFen: a.patientPays,
      origin: "insured_place",
      source: p,
    },
  );
  return steps;
}
