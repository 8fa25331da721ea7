import { isCarekitError } from "@carekit/core";
import { expectCarekitError } from "@carekit/test-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Accumulators,
  accumulatorsFromPlatform,
  type Claim,
  ClaimSchema,
  createSettler,
  MAX_ACCUMULATED_FEN,
  type Policy,
  type Settler,
  START_OF_YEAR,
} from "../src/index.js";
import { claimArb } from "./arbitraries.js";
import { CHONGQING_CATALOGUE, CHONGQING_POLICY, CROSS_CLAIM, SICHUAN_CATALOGUE, SICHUAN_POLICY } from "./fixtures.js";

// The 2025 edition of the fixture policies (same cells), so that streams cross a calendar year.
const in2025 = (policy: Policy, id: string): Policy => ({
  ...policy,
  id,
  version: "2025",
  effectiveFrom: "2025-01-01",
  effectiveTo: "2025-12-31",
});
const configuration = {
  policies: [
    SICHUAN_POLICY,
    CHONGQING_POLICY,
    in2025(SICHUAN_POLICY as Policy, "fixture-cd-2025"),
    in2025(CHONGQING_POLICY as Policy, "fixture-cq-2025"),
  ],
  catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
};
const settlers: Record<string, Settler> = {
  validated: createSettler({ ...configuration, trace: false }),
  traced: createSettler(configuration),
  trusted: createSettler({ ...configuration, trace: false, trustInput: true }),
};

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly code: string };

function outcome(run: () => unknown): Outcome {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (!isCarekitError(error)) throw error;
    return { ok: false, code: error.code };
  }
}

/**
 * The reference: `settle` claim by claim, each person's accumulators kept as `settle` returned them, a (valid) claim
 * discharged before the person's previous one refused, a refused claim changing nothing.
 */
function chained(settler: Settler, claims: readonly Claim[], start: readonly Accumulators[], trusted = false) {
  const held = new Map<string, { accumulators: Accumulators; last: string }>();
  for (const accumulators of start) held.set(accumulators.personId, { accumulators, last: "" });
  const outcomes = claims.map((claim): Outcome => {
    const person = held.get(claim.personId);
    if (person !== undefined && claim.dischargeDate < person.last) {
      // (a claim is checked before its date is read, unless the settler trusts its input)
      const invalid = !trusted && !ClaimSchema.safeParse(claim).success;
      return { ok: false, code: invalid ? "INVALID_INPUT" : "OUT_OF_ORDER" };
    }
    return outcome(() => {
      const { result, accumulators } = settler.settle({
        claim,
        accumulators: person?.accumulators ?? START_OF_YEAR,
      });
      held.set(claim.personId, { accumulators, last: claim.dischargeDate });
      return result;
    });
  });
  return { outcomes, held };
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

// claims of 2024 and 2025 (the arbitrary's dates shifted by a year for some), sorted by discharge date mostly, with
// some left out of order, so that every path is taken: first claims, carried claims, refused claims, a new year
const streamArb = fc
  .array(fc.tuple(claimArb, fc.boolean(), fc.constantFrom("p-1", "p-2", "p-3", "p-4")), {
    minLength: 1,
    maxLength: 40,
  })
  .chain((items) =>
    fc.tuple(
      fc.constant(
        items.map(([claim, later, personId]) => {
          const shift = (date: string) => (later ? `2025${date.slice(4)}` : date);
          return {
            ...claim,
            personId,
            admissionDate: shift(claim.admissionDate),
            dischargeDate: shift(claim.dischargeDate),
          };
        }),
      ),
      fc.boolean(),
    ),
  )
  .map(([claims, sort]) =>
    sort ? [...claims].sort((a, b) => a.dischargeDate.localeCompare(b.dischargeDate)) : claims,
  );

describe("Settler.ledger", () => {
  it("settles every stream exactly as settle does claim by claim, for every settler kind", () => {
    for (const [kind, settler] of Object.entries(settlers)) {
      fc.assert(
        fc.property(streamArb, (claims) => {
          const reference = chained(settler, claims, [], kind === "trusted");
          const ledger = settler.ledger({ accumulators: [] });
          const outcomes = claims.map((claim) => outcome(() => ledger.settle(claim)));
          for (let i = 0; i < claims.length; i++) {
            expect(outcomes[i], `${kind}, claim ${i}`).toEqual(reference.outcomes[i]);
          }
          for (const [personId, { accumulators }] of reference.held) {
            expect(plain(ledger.accumulatorsOf(personId)), kind).toEqual(plain(accumulators));
          }
          expect(ledger.size).toBe(reference.held.size);
        }),
        { numRuns: kind === "traced" ? 150 : 400 },
      );
    }
  });

  it("the differential test catches a ledger that forgets one admission (a planted bug)", () => {
    const settler = settlers.validated as Settler;
    const claims = [
      { ...CROSS_CLAIM, id: "may", admissionDate: "2024-05-01", dischargeDate: "2024-05-10" },
      { ...CROSS_CLAIM, id: "dec" },
    ];
    const reference = chained(settler, claims, []);
    // a broken carrier: each claim on START_OF_YEAR, as a ledger that lost the person's state would
    const broken = claims.map((claim) => outcome(() => settler.settle({ claim, accumulators: START_OF_YEAR }).result));
    expect(broken).not.toEqual(reference.outcomes);
  });

  it("starts from platform-reported accumulators and settles the next admissions as a carried year does", () => {
    const settler = settlers.validated as Settler;
    const first = { ...CROSS_CLAIM, id: "first", admissionDate: "2024-03-01", dischargeDate: "2024-03-09" };
    const second = { ...CROSS_CLAIM, id: "second", admissionDate: "2024-06-01", dischargeDate: "2024-06-09" };
    const third = { ...CROSS_CLAIM, id: "third" };
    const carried = settler.ledger({ accumulators: [] });
    carried.settle(first);
    const after = carried.accumulatorsOf("p-1") as Accumulators;
    const reported = settler.ledger({
      accumulators: [
        accumulatorsFromPlatform({
          personId: "p-1",
          year: 2024,
          inpatient: { deductibleMet: true },
          deductiblePaidFen: after.deductiblePaidFen,
          funds: after.funds,
          chronicMonthlyPaidFen: {},
        }),
      ],
    });
    for (const claim of [second, third]) expect(reported.settle(claim)).toEqual(carried.settle(claim));
    expect(plain(reported.accumulatorsOf("p-1"))).toEqual(plain(carried.accumulatorsOf("p-1")));
  });

  it("a refused claim changes nothing, even one refused after the pooled fund was computed", () => {
    const settler = settlers.validated as Settler;
    // the 大额 fund's base is one fen below the limit: a stay above the pooled cap overflows it
    const start: Accumulators = {
      personId: "p-1",
      year: 2024,
      inpatientAdmissions: 1,
      deductiblePaidFen: { inpatient: 80_000, outpatient_general: 0, outpatient_chronic: 0 },
      funds: {
        pooled: { baseFen: 40_000_000, paidFen: 29_999_000 },
        large_expense: { baseFen: MAX_ACCUMULATED_FEN - 1, paidFen: 0 },
      },
      chronicMonthlyPaidFen: {},
    };
    const ledger = settler.ledger({ accumulators: [start] });
    const big = { ...CROSS_CLAIM, id: "big" };
    expectCarekitError(() => ledger.settle(big), "OUT_OF_RANGE");
    expect(plain(ledger.accumulatorsOf("p-1"))).toEqual(plain(start));
    const small = {
      ...CROSS_CLAIM,
      id: "small",
      charges: { kind: "totals", classAFen: 1_000, classBFen: 0, classCFen: 0, overPriceCapFen: 0 },
    } satisfies Claim;
    expect(ledger.settle(small)).toEqual(settler.settle({ claim: small, accumulators: start }).result);
  });

  it("refuses a claim discharged before the person's previous one, and a claim of a year before its start", () => {
    const settler = settlers.validated as Settler;
    const ledger = settler.ledger({ accumulators: [] });
    ledger.settle(CROSS_CLAIM);
    const earlier = { ...CROSS_CLAIM, id: "earlier", admissionDate: "2024-05-01", dischargeDate: "2024-05-10" };
    const error = expectCarekitError(() => ledger.settle(earlier), "OUT_OF_ORDER", "dischargeDate");
    expect(error.message).toMatch(/before this person's previous claim \(2024-12-31\)/);
    expect(error.messageZh).toMatch(/早于此人上一张单据/);
    const next2025 = settler.ledger({
      accumulators: [{ ...(ledger.accumulatorsOf("p-1") as Accumulators), year: 2025 }],
    });
    expectCarekitError(() => next2025.settle(CROSS_CLAIM), "ACCUMULATOR_MISMATCH");
  });

  it("hands out copies: changing what it returned changes nothing in the ledger", () => {
    const settler = settlers.validated as Settler;
    const ledger = settler.ledger({ accumulators: [] });
    ledger.settle({ ...CROSS_CLAIM, id: "may", admissionDate: "2024-05-01", dischargeDate: "2024-05-10" });
    const copy = ledger.accumulatorsOf("p-1") as { funds: Record<string, { paidFen: number }> };
    const before = plain(copy);
    (copy.funds.pooled as { paidFen: number }).paidFen = 0;
    (ledger.accumulators()[0] as { inpatientAdmissions: number }).inpatientAdmissions = 0;
    expect(plain(ledger.accumulatorsOf("p-1"))).toEqual(before);
    expect(ledger.accumulatorsOf("nobody")).toBeUndefined();
  });

  it("on a settler that trusts its input, refuses to carry on numbers a broken claim left, as settle does", () => {
    const settler = settlers.trusted as Settler;
    const broken = {
      ...CROSS_CLAIM,
      id: "negative",
      careType: { kind: "outpatient_general" },
      admissionDate: "2024-03-01",
      dischargeDate: "2024-03-01",
      charges: { kind: "totals", classAFen: -50_000, classBFen: 0, classCFen: 0, overPriceCapFen: 0 },
    } as const satisfies Claim;
    const next = { ...broken, id: "next", charges: { ...broken.charges, classAFen: 50_000 } };
    const ledger = settler.ledger({ accumulators: [] });
    ledger.settle(broken); // trusted: taken as it is
    expectCarekitError(() => ledger.settle(next), "INVALID_INPUT", "accumulators.deductiblePaidFen.outpatient_general");
    const { accumulators } = settler.settle({ claim: broken, accumulators: START_OF_YEAR });
    expectCarekitError(() => settler.settle({ claim: next, accumulators }), "INVALID_INPUT");
  });

  it("keeps each person's earlier years: accumulators() lists them before the current year", () => {
    const settler = settlers.validated as Settler;
    const ledger = settler.ledger({ accumulators: [] });
    ledger.settle(CROSS_CLAIM);
    ledger.settle({ ...CROSS_CLAIM, id: "jan", admissionDate: "2025-01-02", dischargeDate: "2025-01-08" });
    expect(ledger.accumulators().map((a) => [a.personId, a.year, a.inpatientAdmissions])).toEqual([
      ["p-1", 2024, 1],
      ["p-1", 2025, 1],
    ]);
  });

  it("rejects starting accumulators it cannot use, with the path", () => {
    const settler = settlers.validated as Settler;
    expectCarekitError(() => settler.ledger({ accumulators: 3 as never }), "INVALID_INPUT");
    expectCarekitError(() => settler.ledger(null as never), "INVALID_INPUT");
    expectCarekitError(
      () => settler.ledger({ accumulators: [{ personId: "p-1" }] as never }),
      "INVALID_INPUT",
      "accumulators[0].year",
    );
    const start = settler.ledger({ accumulators: [] });
    start.settle(CROSS_CLAIM);
    const twice = start.accumulatorsOf("p-1") as Accumulators;
    const earlier = { ...twice, year: 2023 };
    // a repeated person and year is refused wherever it appears, not only next to its twin
    for (const accumulators of [
      [twice, earlier, earlier],
      [earlier, twice, earlier],
    ]) {
      expectCarekitError(() => settler.ledger({ accumulators }), "INVALID_INPUT", "accumulators[2].personId");
    }
    const throwing = {
      [Symbol.iterator]() {
        throw new TypeError("iterator broke");
      },
    };
    expectCarekitError(() => settler.ledger({ accumulators: throwing as never }), "UNREADABLE_INPUT");
    expectCarekitError(() => settler.settleBatch({ claims: [], accumulators: throwing as never }), "UNREADABLE_INPUT");
    expectCarekitError(
      () => settler.ledger({ accumulators: [twice, twice] }),
      "INVALID_INPUT",
      "accumulators[1].personId",
    );
  });
});
