import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Accumulators,
  type Claim,
  ClaimSchema,
  createSettler,
  HOSPITAL_GRADES,
  isClaim,
  PERSON_STATUSES,
  type Policy,
  SCHEMES,
  type SettlementResult,
  START_OF_YEAR,
} from "../src/index.js";
import { claimArb, policyArb } from "./arbitraries.js";
import { CHONGQING_CATALOGUE, SICHUAN_CATALOGUE } from "./fixtures.js";

function settlerFor(policy: Policy) {
  return createSettler({
    policies: [policy, { ...policy, id: "cq", region: "500000" }],
    catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
  });
}

function checkInvariants(r: SettlementResult): void {
  const further = r.furtherFunds.reduce((sum, fund) => sum + fund.paidFen, 0);
  expect(r.fundsPaidFen).toBe(r.pooledFundPaidFen + further);
  expect(r.totalFen).toBe(r.fundsPaidFen + r.patientPaysFen);
  expect(r.patientPaysFen).toBe(
    r.fullSelfPayFen + r.overLimitSelfPayFen + r.preSelfPayFen + r.deductibleFen + r.coinsuranceFen + r.overCapFen,
  );
  for (const value of [
    r.totalFen,
    r.fullSelfPayFen,
    r.overLimitSelfPayFen,
    r.preSelfPayFen,
    r.inScopeFen,
    r.deductibleFen,
    r.pooledFundPaidFen,
    r.coinsuranceFen,
    r.overCapFen,
    r.patientPaysFen,
    further,
  ]) {
    expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
  }
}

/** Settle a person's claims one by one in discharge order, as a hospital system would. */
function oneByOne(settle: ReturnType<typeof settlerFor>["settle"], claims: readonly Claim[]) {
  const order = claims.map((claim, index) => ({ claim, index }));
  order.sort((a, b) =>
    a.claim.dischargeDate < b.claim.dischargeDate ? -1 : a.claim.dischargeDate > b.claim.dischargeDate ? 1 : 0,
  );
  const state = new Map<string, Accumulators>();
  const out: SettlementResult[] = [];
  for (const { claim, index } of order) {
    const settlement = settle({ claim, accumulators: state.get(claim.personId) ?? START_OF_YEAR });
    state.set(claim.personId, settlement.accumulators);
    out[index] = settlement.result;
  }
  return { results: out, accumulators: state };
}

describe("settlement properties (fast-check)", () => {
  it("parts always sum to the total, and no amount is negative", () => {
    fc.assert(
      fc.property(policyArb, fc.array(claimArb, { minLength: 1, maxLength: 20 }), (policy, claims) => {
        const { results } = oneByOne(settlerFor(policy).settle, claims);
        results.forEach(checkInvariants);
      }),
      { numRuns: 300 },
    );
  });

  it("fund payments never exceed the annual caps over a whole year of claims", () => {
    fc.assert(
      fc.property(policyArb, fc.array(claimArb, { minLength: 1, maxLength: 40 }), (policy, claims) => {
        const { accumulators } = oneByOne(settlerFor(policy).settle, claims);
        const rules = policy.schemes.employee;
        if (rules === undefined) throw new Error("fixture has an employee scheme");
        for (const acc of accumulators.values()) {
          expect(acc.funds.pooled?.paidFen ?? 0).toBeLessThanOrEqual(rules.pooledAnnualCapFen);
          expect(acc.funds.outpatientPooled?.paidFen ?? 0).toBeLessThanOrEqual(
            rules.outpatient_general?.annualCapFen ?? 0,
          );
          expect(acc.funds.large_expense?.paidFen ?? 0).toBeLessThanOrEqual(rules.furtherFunds[0]?.annualCapFen ?? 0);
          const quota = rules.outpatient_chronic?.diseases[0]?.monthlyQuotaFen ?? 0;
          for (const [key, paid] of Object.entries(acc.chronicMonthlyPaidFen)) {
            if (key.startsWith("uremiaDialysis@")) expect(paid).toBeLessThanOrEqual(quota);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("the fund pays no more for a lower registration status", () => {
    const ladder: Claim["registration"][] = [
      { kind: "long_term_resident", subType: "posted_worker" },
      { kind: "referred" },
      { kind: "other_temporary" },
      { kind: "unregistered" },
    ];
    fc.assert(
      fc.property(policyArb, claimArb, (policy, claim) => {
        const { settle } = settlerFor(policy);
        const paid = ladder.map(
          (registration) =>
            settle({ claim: { ...claim, registration }, accumulators: START_OF_YEAR }).result.fundsPaidFen,
        );
        for (let i = 1; i < paid.length; i++) expect(paid[i]).toBeLessThanOrEqual(paid[i - 1] as number);
        expect(
          settle({ claim: { ...claim, registration: { kind: "emergency" } }, accumulators: START_OF_YEAR }).result
            .fundsPaidFen,
        ).toBe(paid[1]);
      }),
      { numRuns: 500 },
    );
  });

  it("settling claims one by one equals settleBatch on claims in discharge order (nothing dropped)", () => {
    fc.assert(
      fc.property(policyArb, fc.array(claimArb, { minLength: 0, maxLength: 30 }), (policy, generated) => {
        const settler = settlerFor(policy);
        const claims = [...generated].sort((a, b) =>
          a.dischargeDate < b.dischargeDate ? -1 : a.dischargeDate > b.dischargeDate ? 1 : 0,
        );
        const expected = oneByOne(settler.settle, claims);
        const batch = settler.settleBatch({ claims, accumulators: [] });
        expect(batch.errors).toEqual([]);
        expect(batch.results.map((r) => r.index)).toEqual(claims.map((_, i) => i));
        expect(batch.results.map((r) => r.result)).toEqual(expected.results);
        const finals = new Map(batch.accumulators.map((acc) => [acc.personId, acc]));
        expect(finals).toEqual(expected.accumulators);
      }),
      { numRuns: 150 },
    );
  });

  it("the fast guard and ClaimSchema agree on valid and broken claims", () => {
    const broken = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(-1),
      fc.constant(1.5),
      fc.constant(2 ** 53),
      fc.constant("2024-02-30"),
      fc.constant("2023-02-29"),
      fc.constant("2024-02-29"),
      fc.constantFrom(...SCHEMES, ...PERSON_STATUSES, ...HOSPITAL_GRADES, "inpatient", "outpatient_general", "totals"),
      fc.constant("1900-02-29"),
      fc.constant("2000-02-29"),
      fc.constant("99999"),
      fc.constantFrom(" ", "\t", "\u3000", " p-1 "),
      fc.constant("constructor"),
      fc.constant({}),
      fc.constant([]),
      fc.constant({ kind: "inpatient", extra: 1 }),
      fc.constant({ kind: "lines", lines: [] }),
      fc.constant({ kind: "totals", classAFen: 1, classBFen: 1, classCFen: 1, overPriceCapFen: 100_000_000_000 }),
    );
    const paths: (readonly (string | number)[])[] = [
      ["id"],
      ["personId"],
      ["insuredRegion"],
      ["scheme"],
      ["personStatus"],
      ["hospitalGrade"],
      ["careType", "kind"],
      ["registration", "kind"],
      ["charges", "kind"],
      ["careType"],
      ["careType", "disease"],
      ["admissionDate"],
      ["dischargeDate"],
      ["registration"],
      ["registration", "subType"],
      ["charges"],
      ["charges", "classAFen"],
      ["charges", "lines", 0, "amountFen"],
      ["charges", "lines", 0, "quantity"],
      ["charges", "lines", 0, "itemCode"],
      ["unknownKey"],
    ];
    fc.assert(
      fc.property(claimArb, fc.constantFrom(...paths), broken, fc.boolean(), (claim, path, value, mutate) => {
        const copy = structuredClone(claim) as unknown as Record<string, unknown>;
        if (mutate) {
          let target: Record<string, unknown> | undefined = copy;
          for (const key of path.slice(0, -1)) target = target?.[key as string] as Record<string, unknown> | undefined;
          if (target !== undefined && typeof target === "object" && target !== null)
            target[path.at(-1) as string] = value;
        }
        expect(isClaim(copy)).toBe(ClaimSchema.safeParse(copy).success);
      }),
      { numRuns: 5_000 },
    );
  });
});
