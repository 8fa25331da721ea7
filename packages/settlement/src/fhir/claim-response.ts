import { formatFen, LabelSchema, parseInput } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import { regionOf } from "@carekit/core/regions";
import * as z from "zod";
import { type Claim, ClaimSchema, chargesTotal } from "../claim.js";
import { AmountSchema } from "../limits.js";
import { CARE_TYPES } from "../policy.js";
import { KeySchema } from "../source.js";
import type { SettlementResult } from "../types.js";
import { fhirDateTime } from "./date-time.js";
import {
  FHIR_FUND_SYSTEM,
  FHIR_IDENTIFIER_SYSTEMS,
  type FhirIdentifierSystems,
  type FhirInsurer,
  insurerReference,
} from "./identifiers.js";
import type {
  FhirAdjudication,
  FhirClaimResponse,
  FhirClaimResponseTotal,
  FhirCodeableConcept,
  FhirMoney,
} from "./types.js";

const ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
const CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
const PAYMENT_TYPE = "http://terminology.hl7.org/CodeSystem/ex-paymenttype";

/** The argument of {@link toFhirClaimResponse}. */
export interface FhirClaimResponseInput {
  /** The settlement (结算结果) `settle` returned. */
  readonly result: SettlementResult;
  /** The claim that was settled (结算单据): its lines become the items, its discharge date the default `created`. */
  readonly claim: Claim;
  /**
   * The insured place's policy the claim was settled under (its `id` is `result.policyId`): the insurer is the
   * `Organization` identified by its `region`. Required unless `insurer` is given.
   */
  readonly policy?: { readonly id: string; readonly region: string };
  /** The insurer, instead of the policy's region: another region code, or your own `Organization`. */
  readonly insurer?: FhirInsurer;
  /**
   * The response's creation time, a FHIR `dateTime` (`"2024-12-31"` or `"2024-12-31T16:20:00+08:00"`); default the
   * claim's discharge date (the day of direct settlement), so the same input always gives the same resource. Pass
   * `new Date().toISOString()` for the clock's time.
   */
  readonly created?: string;
  /** Identifier systems per role; defaults {@link FHIR_IDENTIFIER_SYSTEMS}. */
  readonly identifierSystems?: FhirIdentifierSystems;
}

const UriSchema = /* @__PURE__ */ z
  .string()
  .max(1000)
  .refine((text) => /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(text), {
    error: "must be an absolute URI (e.g. urn:example:claim)",
    params: { zh: "必须是绝对 URI（如 urn:example:claim）" },
  });
const DisplaySchema = /* @__PURE__ */ z.string().min(1).max(500).optional();
const ORGANIZATION_REFERENCE =
  /^(?:(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/\S*\/)?Organization\/[A-Za-z0-9.-]{1,64}(?:\/_history\/[A-Za-z0-9.-]{1,64})?|urn:(?:uuid|oid):\S+)$/;

const ResultSchema = /* @__PURE__ */ z.looseObject({
  claimId: z.string(),
  personId: z.string(),
  policyId: z.string(),
  careType: z.enum(CARE_TYPES),
  crossProvince: z.boolean(),
  totalFen: AmountSchema,
  fullSelfPayFen: AmountSchema,
  overLimitSelfPayFen: AmountSchema,
  preSelfPayFen: AmountSchema,
  inScopeFen: AmountSchema,
  deductibleFen: AmountSchema,
  pooledFundPaidFen: AmountSchema,
  pooledFundRateBasisPoints: z.number().int().min(0).max(10_000),
  furtherFunds: z
    .array(z.looseObject({ id: KeySchema, kind: z.string(), label: LabelSchema, paidFen: AmountSchema }))
    .max(10),
  fundsPaidFen: AmountSchema,
  coinsuranceFen: AmountSchema,
  overCapFen: AmountSchema,
  patientPaysFen: AmountSchema,
});

const InputSchema = /* @__PURE__ */ z.strictObject({
  result: ResultSchema,
  claim: ClaimSchema,
  policy: z.looseObject({ id: z.string(), region: z.string() }).optional(),
  insurer: z
    .union([
      z.strictObject({ region: z.string(), display: DisplaySchema }),
      z.strictObject({
        reference: z
          .string()
          .max(1000)
          .refine((text) => ORGANIZATION_REFERENCE.test(text), {
            error: "must reference an Organization (Organization/<id>, an absolute URL ending so, or urn:uuid:…)",
            params: { zh: "必须引用 Organization（Organization/<id>、以此结尾的绝对 URL 或 urn:uuid:…）" },
          }),
        display: DisplaySchema,
      }),
      z.strictObject({
        identifier: z.strictObject({
          system: UriSchema,
          value: z
            .string()
            .min(1)
            .max(200)
            .refine((text) => /^\S(.*\S)?$/.test(text), {
              error: "must not start or end with white space",
              params: { zh: "首尾不能有空白字符" },
            }),
        }),
        display: DisplaySchema,
      }),
    ])
    .optional(),
  created: z.unknown().optional(),
  identifierSystems: z
    .strictObject({ claim: UriSchema.optional(), patient: UriSchema.optional(), insurer: UriSchema.optional() })
    .optional(),
});

/** Two decimals from an integer number of hundredths, built from its digits: 3915 → 39.15 (the nearest double). */
function hundredths(n: number): number {
  const whole = Math.floor(n / 100);
  const rest = n - whole * 100;
  return Number(`${whole}.${rest < 10 ? "0" : ""}${rest}`);
}

function money(fen: number): FhirMoney {
  return { value: hundredths(fen), currency: "CNY" };
}

function category(code: string, display: string, zh: string): FhirCodeableConcept {
  return { coding: [{ system: ADJUDICATION, code, display }], text: zh };
}

const SUBMITTED = ["submitted", "Submitted Amount", "医疗费用总额"] as const;
const SUBMITTED_LINE = ["submitted", "Submitted Amount", "明细金额"] as const;
const ELIGIBLE = ["eligible", "Eligible Amount", "符合政策范围金额"] as const;
const DEDUCTIBLE = ["deductible", "Deductible", "起付标准"] as const;
const ELIGPERCENT = ["eligpercent", "Eligible %", "统筹基金支付比例"] as const;
const BENEFIT = ["benefit", "Benefit Amount", "基金支付"] as const;
const FUNDS_PAID = ["benefit", "Benefit Amount", "基金支付合计"] as const;
const COPAY = ["copay", "CoPay", "个人负担"] as const;

function line(kind: readonly [string, string, string], fen: number): FhirClaimResponseTotal {
  return { category: category(...kind), amount: money(fen) };
}

function mismatch(path: string, en: string, zh: string): never {
  throw fieldError("SETTLEMENT_MISMATCH", path, en, zh);
}

/**
 * Check that the settlement adds up and belongs to this claim: each row is a field, its value, the value it must
 * have and what that is (en, zh); any difference is a SETTLEMENT_MISMATCH at the field.
 */
function checkSettlement(result: z.output<typeof ResultSchema>, claim: Claim): void {
  const seen = new Set<string>(["pooled", "outpatientPooled"]);
  let funds = result.pooledFundPaidFen;
  result.furtherFunds.forEach((fund, i) => {
    if (seen.has(fund.id)) mismatch(`result.furtherFunds[${i}].id`, `${fund.id} appears twice`, `${fund.id} 重复出现`);
    seen.add(fund.id);
    funds += fund.paidFen;
  });
  const r = result;
  if (r.deductibleFen > r.inScopeFen) {
    mismatch("result.deductibleFen", `is more than inScopeFen ${r.inScopeFen}`, `超过符合政策范围金额 ${r.inScopeFen}`);
  }
  const rows: [string, number | string, number | string, string, string][] = [
    ["claimId", r.claimId, claim.id, "the claim's id", "单据号"],
    ["personId", r.personId, claim.personId, "the claim's person", "单据的人员"],
    ["careType", r.careType, claim.careType.kind, "the claim's care type", "单据的就医类型"],
    ["totalFen", r.totalFen, chargesTotal(claim.charges), "the claim's charges", "单据费用合计"],
    [
      "inScopeFen",
      r.inScopeFen,
      r.totalFen - r.preSelfPayFen - r.fullSelfPayFen - r.overLimitSelfPayFen,
      "totalFen − preSelfPayFen − fullSelfPayFen − overLimitSelfPayFen",
      "医疗费用总额 − 先行自付 − 全自费 − 超限价自费",
    ],
    [
      "fundsPaidFen",
      r.fundsPaidFen,
      funds,
      "the sum of the pooled and further funds' payments",
      "统筹基金与其他基金支付之和",
    ],
    [
      "patientPaysFen",
      r.patientPaysFen,
      r.fullSelfPayFen + r.overLimitSelfPayFen + r.preSelfPayFen + r.deductibleFen + r.coinsuranceFen + r.overCapFen,
      "the sum of its parts",
      "其组成部分之和",
    ],
    [
      "totalFen",
      r.totalFen,
      r.fundsPaidFen + r.patientPaysFen,
      "fundsPaidFen + patientPaysFen",
      "基金支付合计 + 个人负担",
    ],
  ];
  for (const [field, actual, expected, en, zh] of rows) {
    if (actual !== expected) {
      mismatch(`result.${field}`, `is ${actual}, but ${en} is ${expected}`, `为 ${actual}，而${zh}为 ${expected}`);
    }
  }
}

/** Throw unless `code` is the claim's insured region or one that contains it (its city or province). */
function checkInsuredPlace(code: string, claim: Claim, path: string): void {
  const insurer = regionOf(code, path);
  let region = regionOf(claim.insuredRegion, "claim.insuredRegion");
  for (;;) {
    if (region.code === insurer.code) return;
    if (region.parent === null) break;
    region = regionOf(region.parent);
  }
  mismatch(
    path,
    `region ${code} (${insurer.name}) does not contain the claim's insured region ${claim.insuredRegion}`,
    `行政区划 ${code}（${insurer.name}）不包含单据的参保地 ${claim.insuredRegion}`,
  );
}

/**
 * Express a settlement as an HL7 FHIR R4 `ClaimResponse` (FHIR 理赔响应) that says what the settlement says:
 *
 * - `patient`, `request` (the claim) and `insurer` are references with one identifier system per role
 *   ({@link FHIR_IDENTIFIER_SYSTEMS}); the insurer is the `Organization` identified by the insured place's region code
 *   (the policy's `region`, 参保地), or the `insurer` you give;
 * - `item`: one per claim line (`itemSequence` 1…n, each with its `submitted` amount) for an itemised claim, one for
 *   the whole claim for pre-classified totals. Deductible, rates and caps apply to the claim's in-scope total, not to
 *   a line, so the claim's adjudication is stated once, at the header (`adjudication`), never apportioned to lines;
 * - `adjudication` (header): `submitted` 医疗费用总额 (`totalFen`), `eligible` 符合政策范围金额 (`inScopeFen`),
 *   `deductible` 起付标准 (`deductibleFen`), `eligpercent` the pooled fund's rate in percent, one `benefit` per fund —
 *   the pooled fund first, then each further fund (大额 …) in the policy's order, the fund named by `reason` in
 *   {@link FHIR_FUND_SYSTEM} — and `copay` 个人负担 (`patientPaysFen`, everything the patient pays; the deductible is
 *   a part of it). One `benefit` per fund with a coded `reason` keeps every fund in the R4 `benefit` category any
 *   reader sums, and needs no extension or profile. From the resource:
 *   `Σ benefit + copay = submitted`, exactly in fen;
 * - `total`: `submitted`, `eligible`, `deductible`, `benefit` (基金支付合计 `fundsPaidFen`) and `copay`;
 *   `payment.amount` is the funds' total.
 *
 * Every amount is `{ value, currency: "CNY" }`, `value` the two-decimal yuan number built from the integer fen
 * (3915 fen → `39.15`; JSON drops trailing zeros, so ¥1,904.00 is `1904`): `Math.round(value * 100)` is the fen.
 *
 * @param input - `result` and the settled `claim`; `policy` (or `insurer`); optional `created`, `identifierSystems`
 * @returns plain JSON, assignable to `@types/fhir`'s R4 `ClaimResponse`, valid against the HL7 R4 JSON Schema and
 *   `@medplum/core`'s `validateResource`
 * @throws {CarekitError} `INVALID_INPUT` for a malformed input; `INVALID_DATE` for a `created` that is not a FHIR
 *   `dateTime`; `UNKNOWN_REGION` for an insurer region not in the bundled table; `SETTLEMENT_MISMATCH` when the
 *   settlement's parts do not add up, it is not the claim's, the policy is not the one it names, or the insurer's
 *   region does not contain the claim's insured region
 * @see HL7 FHIR R4 ClaimResponse (hl7.org/fhir/R4/claimresponse.html) and the adjudication code system
 *   `http://terminology.hl7.org/CodeSystem/adjudication` (hl7.org/fhir/R4/codesystem-adjudication.html)
 * @example
 * ```ts
 * const settler = createSettler({ policies: [policy], catalogues: [catalogue] });
 * const { result } = settler.settle({ claim, accumulators: START_OF_YEAR });
 * const response = toFhirClaimResponse({ result, claim, policy });
 * response.insurer.identifier;
 * // → { system: "urn:carekit:gb-t-2260", value: "510100" }
 * response.total.map((t) => [t.category.coding[0].code, t.amount.value]);
 * // → [["submitted", 3353.99], ["eligible", 3040], ["deductible", 800], ["benefit", 1904], ["copay", 1449.99]]
 * response.created;
 * // → "2024-12-31"
 * toFhirClaimResponse({ result, claim, policy, created: "31/12/2024" });
 * // → throws INVALID_DATE
 * ```
 */
export function toFhirClaimResponse(input: FhirClaimResponseInput): FhirClaimResponse {
  const parsed = parseInput(InputSchema, input, { label: { en: "FHIR ClaimResponse input", zh: "FHIR 理赔响应参数" } });
  const { result, claim } = parsed;
  const created = parsed.created === undefined ? claim.dischargeDate : fhirDateTime(parsed.created, "created");
  const given = parsed.identifierSystems;
  const systems = {
    claim: given?.claim ?? FHIR_IDENTIFIER_SYSTEMS.claim,
    patient: given?.patient ?? FHIR_IDENTIFIER_SYSTEMS.patient,
    insurer: given?.insurer ?? FHIR_IDENTIFIER_SYSTEMS.insurer,
  };
  if (systems.claim === systems.patient || systems.claim === systems.insurer || systems.patient === systems.insurer) {
    throw fieldError(
      "INVALID_INPUT",
      "identifierSystems",
      "claim, patient and insurer need three different identifier systems",
      "单据、人员和保险方必须使用三个不同的标识符系统",
    );
  }
  checkSettlement(result, claim);
  let insurer: FhirInsurer;
  if (parsed.policy !== undefined) {
    if (parsed.policy.id !== result.policyId) {
      mismatch(
        "policy.id",
        `is ${parsed.policy.id}, the settlement was made under policy ${result.policyId}`,
        `为 ${parsed.policy.id}，而结算所用政策为 ${result.policyId}`,
      );
    }
    checkInsuredPlace(parsed.policy.region, claim, "policy.region");
  }
  if (parsed.insurer !== undefined) {
    insurer = parsed.insurer as FhirInsurer;
    if ("region" in insurer) checkInsuredPlace(insurer.region, claim, "insurer.region");
  } else if (parsed.policy !== undefined) {
    insurer = { region: parsed.policy.region };
  } else {
    throw fieldError(
      "INVALID_INPUT",
      "insurer",
      "pass the policy the claim was settled under (its region identifies the insurer) or the insurer",
      "请传入结算所用的参保地政策（以其行政区划标识保险方）或保险方",
    );
  }

  const fundCode = result.careType === "outpatient_general" ? "outpatientPooled" : "pooled";
  const benefits: FhirAdjudication[] = [
    {
      category: category(...BENEFIT),
      reason: { coding: [{ system: FHIR_FUND_SYSTEM, code: fundCode, display: "统筹基金" }], text: "统筹基金支付" },
      amount: money(result.pooledFundPaidFen),
    },
    ...result.furtherFunds.map((fund) => ({
      category: category(...BENEFIT),
      reason: { coding: [{ system: FHIR_FUND_SYSTEM, code: fund.id, display: fund.label.zh }], text: fund.label.en },
      amount: money(fund.paidFen),
    })),
  ];
  const charges = claim.charges;
  const amounts = charges.kind === "lines" ? charges.lines.map((l) => l.amountFen) : [result.totalFen];
  const fundParts = [
    `统筹基金 ${formatFen(result.pooledFundPaidFen)}`,
    ...result.furtherFunds.map((fund) => `${fund.label.zh} ${formatFen(fund.paidFen)}`),
  ];
  return {
    resourceType: "ClaimResponse",
    status: "active",
    type: {
      coding: [{ system: CLAIM_TYPE, code: result.careType === "inpatient" ? "institutional" : "professional" }],
    },
    use: "claim",
    patient: { type: "Patient", identifier: { system: systems.patient, value: result.personId } },
    created,
    insurer: insurerReference(insurer, systems.insurer, parsed.insurer === undefined ? "policy" : "insurer"),
    request: { type: "Claim", identifier: { system: systems.claim, value: result.claimId } },
    outcome: "complete",
    disposition:
      `${result.crossProvince ? "跨省异地就医直接结算" : "本省结算"}：基金支付 ${formatFen(result.fundsPaidFen)}` +
      `（${fundParts.join("，")}），个人负担 ${formatFen(result.patientPaysFen)}。` +
      `${result.crossProvince ? "Cross-province direct settlement" : "Settled in the province"}: the funds pay ` +
      `${formatFen(result.fundsPaidFen)}, the patient pays ${formatFen(result.patientPaysFen)}.`,
    item: amounts.map((fen, i) => ({ itemSequence: i + 1, adjudication: [line(SUBMITTED_LINE, fen)] })),
    adjudication: [
      line(SUBMITTED, result.totalFen),
      line(ELIGIBLE, result.inScopeFen),
      line(DEDUCTIBLE, result.deductibleFen),
      { category: category(...ELIGPERCENT), value: hundredths(result.pooledFundRateBasisPoints) },
      ...benefits,
      line(COPAY, result.patientPaysFen),
    ],
    total: [
      line(SUBMITTED, result.totalFen),
      line(ELIGIBLE, result.inScopeFen),
      line(DEDUCTIBLE, result.deductibleFen),
      line(FUNDS_PAID, result.fundsPaidFen),
      line(COPAY, result.patientPaysFen),
    ],
    payment: {
      type: { coding: [{ system: PAYMENT_TYPE, code: "complete" }] },
      amount: money(result.fundsPaidFen),
    },
  };
}
