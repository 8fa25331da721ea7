import { readFileSync } from "node:fs";
import { fenToYuan, isCarekitError } from "@carekit/core";
import { assertCleanResult, evilValue, expectCarekitError, fuzzExports } from "@carekit/test-utils";
import { expectValidFhir, fhirProblems, loadFhirValidators } from "@carekit/test-utils/fhir";
import fc from "fast-check";
import type { ClaimResponse } from "fhir/r4";
import { beforeAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import { CHONGQING_EMPLOYEE_EXAMPLE, chengduEmployeeExample } from "../src/examples.js";
import {
  type Claim,
  createSettler,
  FHIR_FUND_SYSTEM,
  FHIR_IDENTIFIER_SYSTEMS,
  type FhirAdjudication,
  type FhirClaimResponse,
  type FhirMoney,
  type FhirReference,
  type Policy,
  type SettlementResult,
  START_OF_YEAR,
  toFhirClaimResponse,
} from "../src/index.js";
import { claimArb } from "./arbitraries.js";
import { CHONGQING_CATALOGUE, CHONGQING_POLICY, CROSS_CLAIM, SICHUAN_CATALOGUE, SICHUAN_POLICY } from "./fixtures.js";

// Indexing the R4 definitions, and the property tests (300 settlements, 30 full validations), take seconds on a loaded
// 2-core machine: generous timeouts, whichever way the file is run.
vi.setConfig({ testTimeout: 60_000 });
beforeAll(loadFhirValidators, 120_000);

const settler = createSettler({
  policies: [SICHUAN_POLICY, CHONGQING_POLICY],
  catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
});
const settle = (claim: Claim) => settler.settle({ claim, accumulators: START_OF_YEAR }).result;

/** The fen an amount stands for, after checking it is the exact two-decimal number of those fen. */
function fenOf(money: FhirMoney | undefined): number {
  if (money === undefined) throw new Error("no amount");
  expect(money.currency).toBe("CNY");
  const fen = Math.round(money.value * 100);
  expect(Number.isSafeInteger(fen) && fen >= 0).toBe(true);
  expect(money.value).toBe(Number(fenToYuan(fen)));
  expect(money.value.toFixed(2)).toBe(fenToYuan(fen));
  return fen;
}

const codeOf = (a: { category: { coding: { code: string }[] } }) => a.category.coding[0]?.code;
const byCode = (list: readonly FhirAdjudication[], code: string) => list.filter((a) => codeOf(a) === code);
const oneFen = (list: readonly FhirAdjudication[], code: string) => {
  const found = byCode(list, code);
  expect(found).toHaveLength(1);
  return fenOf(found[0]?.amount);
};

/** Everything the resource says about money, read back from the resource alone, in fen. */
function readBack(response: FhirClaimResponse) {
  const header = response.adjudication;
  const benefits = byCode(header, "benefit").map((a) => ({
    fund: a.reason?.coding.find((c) => c.system === FHIR_FUND_SYSTEM)?.code,
    fen: fenOf(a.amount),
  }));
  const totals = Object.fromEntries(response.total.map((t) => [codeOf(t), fenOf(t.amount)]));
  expect(Object.keys(totals)).toEqual(["submitted", "eligible", "deductible", "benefit", "copay"]);
  return {
    submitted: oneFen(header, "submitted"),
    eligible: oneFen(header, "eligible"),
    deductible: oneFen(header, "deductible"),
    copay: oneFen(header, "copay"),
    eligpercent: byCode(header, "eligpercent")[0]?.value,
    benefits,
    totals,
    items: response.item.map((item) => {
      expect(item.adjudication.map(codeOf)).toEqual(["submitted"]);
      return { sequence: item.itemSequence, fen: fenOf(item.adjudication[0]?.amount) };
    }),
    payment: fenOf(response.payment.amount),
  };
}

/** The response states exactly the settlement's fen figures, and its parts add up exactly. */
function expectStatesSettlement(response: FhirClaimResponse, result: SettlementResult, claim: Claim): void {
  const back = readBack(response);
  expect(back.submitted).toBe(result.totalFen);
  expect(back.eligible).toBe(result.inScopeFen);
  expect(back.deductible).toBe(result.deductibleFen);
  expect(back.copay).toBe(result.patientPaysFen);
  expect(back.eligpercent).toBe(result.pooledFundRateBasisPoints / 100);
  expect(back.benefits).toEqual([
    { fund: result.careType === "outpatient_general" ? "outpatientPooled" : "pooled", fen: result.pooledFundPaidFen },
    ...result.furtherFunds.map((f) => ({ fund: f.id, fen: f.paidFen })),
  ]);
  expect(back.totals).toEqual({
    submitted: result.totalFen,
    eligible: result.inScopeFen,
    deductible: result.deductibleFen,
    benefit: result.fundsPaidFen,
    copay: result.patientPaysFen,
  });
  expect(back.payment).toBe(result.fundsPaidFen);
  // checkable from the resource alone: pooled fund + further funds + patient pays = submitted, Σ items = submitted
  const funds = back.benefits.reduce((sum, b) => sum + b.fen, 0);
  expect(funds).toBe(back.totals.benefit);
  expect(funds + back.copay).toBe(back.submitted);
  expect(back.items.reduce((sum, i) => sum + i.fen, 0)).toBe(back.submitted);
  const lines = claim.charges.kind === "lines" ? claim.charges.lines.map((l) => l.amountFen) : [result.totalFen];
  expect(back.items).toEqual(lines.map((fen, i) => ({ sequence: i + 1, fen })));
}

/** A 4-line itemised claim (A ward, a capped A drug over its cap, a B implant, a C item) of the same stay. */
const ITEMISED: Claim = {
  ...CROSS_CLAIM,
  id: "c-4",
  charges: {
    kind: "lines",
    lines: [
      { itemCode: "A-ward", amountFen: 180_000 },
      { itemCode: "A-drug", amountFen: 3_915, quantity: 1 },
      { itemCode: "B-implant", amountFen: 120_000 },
      { itemCode: "C-vip", amountFen: 15_399 },
    ],
  },
};
/** ¥400,000 in class A: the pooled fund reaches its ¥300,000 cap and the 大额 fund pays on. */
const CAPPED: Claim = {
  ...CROSS_CLAIM,
  id: "c-cap",
  charges: { kind: "totals", classAFen: 40_000_000, classBFen: 0, classCFen: 0 },
};
const RETIRED: Claim = { ...CROSS_CLAIM, id: "c-ret", personId: "p-9", personStatus: "retired" };

describe("toFhirClaimResponse", () => {
  it("states the 3 353.99 yuan cross-province stay as the settlement does", () => {
    const result = settle(CROSS_CLAIM);
    const response = toFhirClaimResponse({ result, claim: CROSS_CLAIM, policy: SICHUAN_POLICY });
    expectValidFhir(response);
    expectStatesSettlement(response, result, CROSS_CLAIM);
    expect(response.total.map((t) => [codeOf(t), t.amount.value])).toEqual([
      ["submitted", 3353.99],
      ["eligible", 3040],
      ["deductible", 800],
      ["benefit", 1904],
      ["copay", 1449.99],
    ]);
    expect(response.item).toHaveLength(1); // pre-classified totals: one synthetic item
    expect(response.created).toBe("2024-12-31"); // the discharge date: no clock
    expect(response.type.coding[0]?.code).toBe("institutional");
  });

  it("writes one item per line of an itemised claim", () => {
    const result = settle(ITEMISED);
    const response = toFhirClaimResponse({ result, claim: ITEMISED, policy: SICHUAN_POLICY });
    expectValidFhir(response);
    expectStatesSettlement(response, result, ITEMISED);
    expect(response.item.map((i) => [i.itemSequence, i.adjudication[0]?.amount?.value])).toEqual([
      [1, 1800],
      [2, 39.15],
      [3, 1200],
      [4, 153.99],
    ]);
    expect(result.overLimitSelfPayFen).toBe(1_915); // the A drug over its 20-yuan cap
  });

  it("names each fund: a claim above the pooled cap shows the 大额 fund's payment", () => {
    const result = settle(CAPPED);
    expect(result.furtherFunds[0]?.paidFen).toBeGreaterThan(0);
    const response = toFhirClaimResponse({ result, claim: CAPPED, policy: SICHUAN_POLICY });
    expectValidFhir(response);
    expectStatesSettlement(response, result, CAPPED);
    const benefits = byCode(response.adjudication, "benefit");
    expect(benefits.map((b) => [b.reason?.coding[0]?.code, b.reason?.coding[0]?.display, b.amount?.value])).toEqual([
      ["pooled", "统筹基金", 300_000],
      ["large_expense", "职工大额医疗费用补助", Number(fenToYuan(result.furtherFunds[0]?.paidFen ?? -1))],
    ]);
  });

  it("a retired person's higher rate shows in eligpercent and the benefit", () => {
    const result = settle(RETIRED);
    const response = toFhirClaimResponse({ result, claim: RETIRED, policy: SICHUAN_POLICY });
    expectValidFhir(response);
    expectStatesSettlement(response, result, RETIRED);
    expect(byCode(response.adjudication, "eligpercent")[0]?.value).toBe(88);
  });

  it("the example policies' figures: 重庆 and 成都 employees", () => {
    const local = { ...CROSS_CLAIM, id: "c-cq", insuredRegion: "500111", treatmentRegion: "500233" };
    const chongqing = createSettler({ policies: [CHONGQING_EMPLOYEE_EXAMPLE], catalogues: [CHONGQING_CATALOGUE] });
    const chengdu = chengduEmployeeExample({ pooledAnnualCapFen: 30_000_000 });
    const cross = createSettler({ policies: [chengdu], catalogues: [CHONGQING_CATALOGUE] });
    for (const [s, claim, policy] of [
      [chongqing, local, CHONGQING_EMPLOYEE_EXAMPLE],
      [cross, CROSS_CLAIM, chengdu],
      [cross, ITEMISED, chengdu],
    ] as const) {
      const { result } = s.settle({ claim, accumulators: START_OF_YEAR });
      const response = toFhirClaimResponse({ result, claim, policy });
      expectValidFhir(response);
      expectStatesSettlement(response, result, claim);
      expect(response.insurer.identifier?.value).toBe(policy.region);
    }
  });

  it("general outpatient: the pooled fund is outpatientPooled, the claim type professional", () => {
    const claim: Claim = {
      ...CROSS_CLAIM,
      id: "c-op",
      careType: { kind: "outpatient_general" },
      admissionDate: "2024-12-31",
      charges: { kind: "totals", classAFen: 150_000, classBFen: 0, classCFen: 0 },
    };
    const result = settle(claim);
    const response = toFhirClaimResponse({ result, claim, policy: SICHUAN_POLICY });
    expectValidFhir(response);
    expectStatesSettlement(response, result, claim);
    expect(response.type.coding[0]?.code).toBe("professional");
  });

  it("patient, claim and insurer each have their own identifier system; the insurer is an Organization", () => {
    const result = settle(CROSS_CLAIM);
    const response = toFhirClaimResponse({ result, claim: CROSS_CLAIM, policy: SICHUAN_POLICY });
    expect(response.patient).toEqual({
      type: "Patient",
      identifier: { system: "urn:carekit:settlement:patient", value: "p-1" },
    });
    expect(response.request).toEqual({
      type: "Claim",
      identifier: { system: "urn:carekit:settlement:claim", value: "c-1" },
    });
    expect(response.insurer).toEqual({
      type: "Organization",
      identifier: { system: "urn:carekit:gb-t-2260", value: "510100" },
      display: "成都市（参保地医保）",
    });
    const systems = [response.patient, response.request, response.insurer].map((r) => r.identifier?.system);
    expect(new Set(systems).size).toBe(3);
    expect([...systems].sort()).toEqual(Object.values(FHIR_IDENTIFIER_SYSTEMS).sort());

    const own = toFhirClaimResponse({
      result,
      claim: CROSS_CLAIM,
      policy: SICHUAN_POLICY,
      identifierSystems: { claim: "https://ybj.example.cn/setl_id", patient: "https://ybj.example.cn/psn_no" },
    });
    expect(own.request.identifier?.system).toBe("https://ybj.example.cn/setl_id");
    expect(own.patient.identifier?.system).toBe("https://ybj.example.cn/psn_no");
    expect(own.insurer.identifier?.system).toBe("urn:carekit:gb-t-2260");
    expectValidFhir(own);
  });

  it("takes the insurer as a region, an Organization reference or an identifier", () => {
    const result = settle(CROSS_CLAIM);
    const base = { result, claim: CROSS_CLAIM };
    expect(toFhirClaimResponse({ ...base, insurer: { region: "510000" } }).insurer.identifier?.value).toBe("510000");
    const referenced = toFhirClaimResponse({ ...base, insurer: { reference: "Organization/cd-ybj", display: "成都" } });
    expect(referenced.insurer).toEqual({ reference: "Organization/cd-ybj", type: "Organization", display: "成都" });
    expectValidFhir(referenced);
    const identified = toFhirClaimResponse({
      ...base,
      policy: SICHUAN_POLICY,
      insurer: { identifier: { system: "https://ybj.example.cn/org", value: "H51010000001" } },
    });
    expect(identified.insurer).toEqual({
      type: "Organization",
      identifier: { system: "https://ybj.example.cn/org", value: "H51010000001" },
    });
    expectValidFhir(identified);
  });

  it("created: a date or a dateTime with a zone, validated; the same input gives the same resource", () => {
    const result = settle(CROSS_CLAIM);
    const base = { result, claim: CROSS_CLAIM, policy: SICHUAN_POLICY };
    expect(toFhirClaimResponse(base)).toStrictEqual(toFhirClaimResponse(base));
    for (const created of ["2025-01-02", "2024-12-31T16:20:00+08:00", "2024-12-31T08:20:00.123Z", "2024-02-29"]) {
      const response = toFhirClaimResponse({ ...base, created });
      expect(response.created).toBe(created);
      expectValidFhir(response);
    }
    const now = new Date().toISOString();
    expect(toFhirClaimResponse({ ...base, created: now }).created).toBe(now);
    for (const created of [
      "31/12/2024",
      "2024-02-30",
      "2023-02-29",
      "2024-12-31T16:20:00", // a time without a zone is not a FHIR dateTime
      "2024-12-31T24:00:00Z",
      "2024-12-31T23:59:60Z",
      "2024-12-31T16:20+08:00",
      "2024-12-31 16:20:00Z",
      "2024-12-31T16:20:00+15:00",
      "2024",
      "0000-01-01",
      "",
      20241231,
      null,
    ]) {
      expectCarekitError(() => toFhirClaimResponse({ ...base, created: created as string }), "INVALID_DATE", "created");
    }
  });

  it("refuses a settlement that does not add up, is not the claim's, or an insurer that is not the insured place's", () => {
    const result = settle(CAPPED);
    const base = { result, claim: CAPPED, policy: SICHUAN_POLICY };
    const broken = (patch: Partial<Record<keyof SettlementResult, unknown>>) =>
      toFhirClaimResponse({ ...base, result: { ...result, ...patch } as SettlementResult });
    expectCarekitError(
      () => broken({ fundsPaidFen: result.fundsPaidFen + 1 }),
      "SETTLEMENT_MISMATCH",
      "result.fundsPaidFen",
    );
    expectCarekitError(
      () => broken({ patientPaysFen: result.patientPaysFen + 1 }),
      "SETTLEMENT_MISMATCH",
      "result.patientPaysFen",
    );
    expectCarekitError(
      () =>
        broken({ furtherFunds: [{ ...result.furtherFunds[0], paidFen: 0 }], fundsPaidFen: result.pooledFundPaidFen }),
      "SETTLEMENT_MISMATCH",
      "result.totalFen",
    );
    expectCarekitError(() => broken({ inScopeFen: result.inScopeFen - 1 }), "SETTLEMENT_MISMATCH", "result.inScopeFen");
    expectCarekitError(
      () => broken({ furtherFunds: [{ ...result.furtherFunds[0], id: "pooled" }] }),
      "SETTLEMENT_MISMATCH",
      "result.furtherFunds[0].id",
    );
    expectCarekitError(
      () => broken({ deductibleFen: result.inScopeFen + 1 }),
      "SETTLEMENT_MISMATCH",
      "result.deductibleFen",
    );
    expectCarekitError(() => broken({ totalFen: -1 }), "INVALID_INPUT", "result.totalFen");
    expectCarekitError(() => broken({ totalFen: 0.5 }), "INVALID_INPUT", "result.totalFen");
    expectCarekitError(() => broken({ totalFen: Number.NaN }), "INVALID_INPUT", "result.totalFen");
    expectCarekitError(
      () => toFhirClaimResponse({ ...base, claim: CROSS_CLAIM }),
      "SETTLEMENT_MISMATCH",
      "result.claimId",
    );
    expectCarekitError(
      () =>
        toFhirClaimResponse({ ...base, claim: { ...CAPPED, charges: { ...CAPPED.charges, classCFen: 1 } } as Claim }),
      "SETTLEMENT_MISMATCH",
      "result.totalFen",
    );
    expectCarekitError(
      () => toFhirClaimResponse({ ...base, policy: CHONGQING_POLICY }),
      "SETTLEMENT_MISMATCH",
      "policy.id",
    );
    expectCarekitError(
      () => toFhirClaimResponse({ ...base, policy: { ...SICHUAN_POLICY, region: "500000" } }),
      "SETTLEMENT_MISMATCH",
      "policy.region",
    );
    expectCarekitError(
      () => toFhirClaimResponse({ ...base, insurer: { region: "110000" } }),
      "UNKNOWN_REGION",
      "insurer.region",
    );
    expectCarekitError(
      () => toFhirClaimResponse({ ...base, insurer: { region: "5101" } }),
      "UNKNOWN_REGION",
      "insurer.region",
    );
    expectCarekitError(
      () => toFhirClaimResponse({ ...base, insurer: { region: "500111" } }),
      "SETTLEMENT_MISMATCH",
      "insurer.region",
    );
    expectCarekitError(
      () => toFhirClaimResponse({ ...base, insurer: { reference: "Patient/p-1" } }),
      "INVALID_INPUT",
      "insurer.reference",
    );
    expectCarekitError(() => toFhirClaimResponse({ result, claim: CAPPED }), "INVALID_INPUT", "insurer");
    expectCarekitError(
      () => toFhirClaimResponse({ ...base, identifierSystems: { claim: "urn:x:id", patient: "urn:x:id" } }),
      "INVALID_INPUT",
      "identifierSystems",
    );
    expectCarekitError(
      () => toFhirClaimResponse({ ...base, identifierSystems: { claim: "not a uri" } }),
      "INVALID_INPUT",
      "identifierSystems.claim",
    );
    expectCarekitError(
      () => toFhirClaimResponse({ ...base, extra: 1 } as Parameters<typeof toFhirClaimResponse>[0]),
      "INVALID_INPUT",
      "",
    );
    expectCarekitError(
      () => toFhirClaimResponse(undefined as unknown as Parameters<typeof toFhirClaimResponse>[0]),
      "INVALID_INPUT",
      "",
    );
  });

  it("any value in: a clean response or a CarekitError out", () => {
    const keys = ["result", "claim", "policy", "insurer", "created", "identifierSystems", "region", "reference"];
    expect(fuzzExports({ toFhirClaimResponse }, { numRuns: 2_000, keys })).toBe(2_000);
    // and one hostile value at a time in an otherwise valid input, nested fields included
    const result = settle(ITEMISED);
    const base = { result, claim: ITEMISED, policy: SICHUAN_POLICY };
    const fields = ["result", "claim", "policy", "insurer", "created", "identifierSystems"] as const;
    const nested = ["totalFen", "furtherFunds", "claimId", "careType"] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields, ...nested), evilValue(), (field, value) => {
        const input = (nested as readonly string[]).includes(field)
          ? { ...base, result: { ...result, [field]: value } }
          : { ...base, [field]: value };
        try {
          assertCleanResult(toFhirClaimResponse(input as Parameters<typeof toFhirClaimResponse>[0]));
        } catch (error) {
          if (!isCarekitError(error)) throw error;
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it("the validators can fail: a broken response is refused by both", () => {
    const response = toFhirClaimResponse({ result: settle(CROSS_CLAIM), claim: CROSS_CLAIM, policy: SICHUAN_POLICY });
    const { patient: _patient, ...withoutPatient } = response;
    expect(fhirProblems(withoutPatient)).not.toEqual([]);
    expect(fhirProblems({ ...response, total: [{ amount: { value: "1904" } }] })).not.toEqual([]);
    expect(fhirProblems({ ...response, created: "31/12/2024" })).not.toEqual([]);
    expect(fhirProblems({ ...response, item: [{ itemSequence: 0, adjudication: [] }] })).not.toEqual([]);
    expect(fhirProblems({ ...response, payment: { amount: { value: Number.NaN, currency: "CNY" } } })).not.toEqual([]);
  });

  it("amounts are the exact two-decimal yuan of every fen amount up to the claim limit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (fen) => {
        const claim: Claim = {
          ...CROSS_CLAIM,
          charges: { kind: "totals", classAFen: 0, classBFen: 0, classCFen: fen },
        };
        const response = toFhirClaimResponse({ result: settle(claim), claim, policy: SICHUAN_POLICY });
        const value = response.total[0]?.amount.value ?? -1;
        expect(value).toBe(fen / 100);
        expect(value.toFixed(2)).toBe(fenToYuan(fen));
        expect(Math.round(value * 100)).toBe(fen);
        expect(JSON.stringify(value)).toBe(
          fenToYuan(fen)
            .replace(/\.00$/, "")
            .replace(/(\.\d)0$/, "$1"),
        );
      }),
      { numRuns: 300, examples: [[0], [1], [10], [3_915], [335_399], [100_000_000_000], [99_999_999_999]] },
    );
  });

  it("property: for random settled claims the adjudications add up to the settlement's totals exactly", () => {
    let checked = 0;
    fc.assert(
      fc.property(claimArb, (claim) => {
        let result: SettlementResult;
        try {
          result = settle(claim);
        } catch {
          return; // a claim the settler refuses (unregistered, unknown item …) has no response to check
        }
        const policy = [SICHUAN_POLICY, CHONGQING_POLICY].find((p) => p.id === result.policyId) as Policy;
        const response = toFhirClaimResponse({ result, claim, policy });
        expectStatesSettlement(response, result, claim);
        if (checked++ % 10 === 0) expectValidFhir(response);
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});

describe("types", () => {
  it("a ClaimResponse is assignable to @types/fhir's R4 ClaimResponse without a cast", () => {
    const response = toFhirClaimResponse({ result: settle(ITEMISED), claim: ITEMISED, policy: SICHUAN_POLICY });
    const r4: ClaimResponse = response; // compiles: no cast
    expect(r4.resourceType).toBe("ClaimResponse");
    expectTypeOf<FhirClaimResponse>().toExtend<ClaimResponse>();
    expectTypeOf<ReturnType<typeof toFhirClaimResponse>>().toEqualTypeOf<FhirClaimResponse>();
    // the other way: an R4 Reference with a reference is a FhirReference; a whole R4 ClaimResponse (all optional)
    // is not a FhirClaimResponse (which promises every element it writes)
    expectTypeOf<{ reference: string; type: string; display: string }>().toExtend<FhirReference>();
    expectTypeOf<ClaimResponse>().not.toExtend<FhirClaimResponse>();
    // and the check can fail: the old deep-readonly arrays were not assignable
    expectTypeOf<
      Omit<FhirClaimResponse, "item"> & { item: readonly FhirClaimResponse["item"][number][] }
    >().not.toExtend<ClaimResponse>();
  });
});

/** The inputs of the guide's example (docs/settlement.md §6): the 成都 example policy with an invented 大额 fund. */
function guideExample() {
  const chengdu = chengduEmployeeExample({ pooledAnnualCapFen: 30_000_000 });
  const employee = chengdu.schemes.employee as NonNullable<Policy["schemes"]["employee"]>;
  const policy: Policy = {
    ...chengdu,
    schemes: {
      employee: {
        ...employee,
        furtherFunds: [
          {
            id: "large_expense",
            kind: "large_expense",
            label: { zh: "职工大额医疗费用补助", en: "large-expense supplement" },
            careTypes: ["inpatient"],
            thresholdFen: 0,
            segments: [{ upToFen: null, rate: 0.9 }],
            annualCapFen: 30_000_000,
          },
        ],
      },
    },
  };
  const claim: Claim = {
    ...CROSS_CLAIM,
    id: "c-4",
    charges: {
      kind: "lines",
      lines: [
        { itemCode: "A-ward", amountFen: 38_000_000 },
        { itemCode: "A-drug", amountFen: 3_915, quantity: 1 },
        { itemCode: "B-implant", amountFen: 1_200_000 },
        { itemCode: "C-vip", amountFen: 15_399 },
      ],
    },
  };
  // the guide's catalogue has the same items as the fixture's (ids and sources do not appear in the response)
  const { result } = createSettler({ policies: [policy], catalogues: [CHONGQING_CATALOGUE] }).settle({
    claim,
    accumulators: START_OF_YEAR,
  });
  return { result, claim, policy };
}

describe("docs/settlement.md", () => {
  it("its FHIR ClaimResponse payload is what the code writes, and valid", () => {
    const doc = readFileSync(new URL("../../../docs/settlement.md", import.meta.url), "utf8");
    const block = /<!-- fhir-claim-response:begin -->\s*```json\n([\s\S]*?)```\s*<!-- fhir-claim-response:end -->/.exec(
      doc,
    );
    expect(block, "the docs' payload block").not.toBeNull();
    const payload = JSON.parse(block?.[1] ?? "null");
    const { result, claim, policy } = guideExample();
    const response = toFhirClaimResponse({ result, claim, policy });
    expect(payload).toStrictEqual(JSON.parse(JSON.stringify(response)));
    expectValidFhir(payload);
    expectStatesSettlement(response, result, claim);
    expect(result.furtherFunds[0]?.paidFen).toBe(3_121_094); // the figure the guide asserts
  });
});
