import { fenToYuan, IsoDateSchema, parseInput } from "@carekit/core";
import * as z from "zod";
import type { SettlementResult } from "./types.js";

const ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
const CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
const PAYMENT_TYPE = "http://terminology.hl7.org/CodeSystem/ex-paymenttype";

/** An HL7 FHIR R4 `Money` in yuan (CNY). */
export interface FhirMoney {
  readonly value: number;
  readonly currency: "CNY";
}

/** An HL7 FHIR R4 `CodeableConcept` with one coding. */
export interface FhirCodeableConcept {
  readonly coding: readonly { readonly system: string; readonly code: string; readonly display?: string }[];
  readonly text?: string;
}

/** One adjudication line (审核结果) of a FHIR `ClaimResponse`. */
export interface FhirAdjudication {
  readonly category: FhirCodeableConcept;
  readonly amount?: FhirMoney;
  readonly value?: number;
}

/** The subset of an HL7 FHIR R4 `ClaimResponse` that {@link toFhirClaimResponse} produces. */
export interface FhirClaimResponse {
  readonly resourceType: "ClaimResponse";
  readonly status: "active";
  readonly type: FhirCodeableConcept;
  readonly use: "claim";
  readonly patient: { readonly identifier: { readonly system: string; readonly value: string } };
  readonly created: string;
  readonly insurer: { readonly identifier: { readonly system: string; readonly value: string } };
  readonly request: { readonly identifier: { readonly system: string; readonly value: string } };
  readonly outcome: "complete";
  readonly disposition: string;
  readonly item: readonly { readonly itemSequence: number; readonly adjudication: readonly FhirAdjudication[] }[];
  readonly total: readonly FhirAdjudication[];
  readonly payment: { readonly type: FhirCodeableConcept; readonly amount: FhirMoney };
}

const FhirInputSchema = /* @__PURE__ */ z.strictObject({
  result: z.looseObject({
    claimId: z.string(),
    personId: z.string(),
    policyId: z.string(),
    careType: z.string(),
    totalFen: z.number(),
  }),
  created: IsoDateSchema,
  identifierSystem: z.url().optional(),
});

function money(fen: number): FhirMoney {
  return { value: Number(fenToYuan(fen)), currency: "CNY" };
}

function category(code: string, zh: string): FhirCodeableConcept {
  return { coding: [{ system: ADJUDICATION, code }], text: zh };
}

/**
 * Express a settlement as an HL7 FHIR R4 `ClaimResponse` (FHIR 理赔响应) so that insurers' systems can read it:
 * adjudication categories `submitted` (医疗费总额 `totalFen`), `eligible` (符合政策范围金额 `inScopeFen`), `deductible`
 * (起付标准), `eligpercent` (the pooled fund's rate, in percent) and `benefit` (基金支付总额 `fundsPaidFen`), per claim
 * and in `total`; `payment.amount` is the funds' total. Amounts are yuan with two decimals.
 *
 * @param input.result - a {@link SettlementResult}
 * @param input.created - the response's creation date (an explicit argument: no hidden clock)
 * @param input.identifierSystem - URI of the identifier system for person, claim and policy ids (default
 *   `urn:carekit:settlement`)
 * @returns a `ClaimResponse` that validates against the official FHIR R4 JSON Schema
 * @throws {CarekitError} `INVALID_INPUT` for a missing result or a bad date
 * @see HL7 FHIR R4 ClaimResponse (hl7.org/fhir/R4/claimresponse.html); adjudication code system
 *   `http://terminology.hl7.org/CodeSystem/adjudication`
 * @example
 * {@includeCode ../test/fhir.test.ts#example}
 */
export function toFhirClaimResponse(input: {
  readonly result: SettlementResult;
  readonly created: string;
  readonly identifierSystem?: string;
}): FhirClaimResponse {
  parseInput(FhirInputSchema, input, { label: { en: "FHIR export input", zh: "FHIR 导出参数" } });
  const { result, created } = input;
  const system = input.identifierSystem ?? "urn:carekit:settlement";
  const percent = result.pooledFundRateBasisPoints / 100;
  const lines: FhirAdjudication[] = [
    { category: category("submitted", "医疗费总额"), amount: money(result.totalFen) },
    { category: category("eligible", "符合政策范围金额"), amount: money(result.inScopeFen) },
    { category: category("deductible", "起付标准"), amount: money(result.deductibleFen) },
    { category: category("eligpercent", "统筹基金支付比例"), value: percent },
    { category: category("benefit", "基金支付总额"), amount: money(result.fundsPaidFen) },
  ];
  return {
    resourceType: "ClaimResponse",
    status: "active",
    type: {
      coding: [{ system: CLAIM_TYPE, code: result.careType === "inpatient" ? "institutional" : "professional" }],
    },
    use: "claim",
    patient: { identifier: { system, value: result.personId } },
    created,
    insurer: { identifier: { system, value: result.policyId } },
    request: { identifier: { system, value: result.claimId } },
    outcome: "complete",
    disposition: `${result.crossProvince ? "跨省异地就医直接结算" : "本省结算"}: 基金支付 ${fenToYuan(result.fundsPaidFen)} 元, 个人负担 ${fenToYuan(result.patientPaysFen)} 元`,
    item: [{ itemSequence: 1, adjudication: lines }],
    total: lines.filter((line) => line.amount !== undefined),
    payment: {
      type: { coding: [{ system: PAYMENT_TYPE, code: "complete" }] },
      amount: money(result.fundsPaidFen),
    },
  };
}
