import { expectCarekitError, fuzzExports, fuzzExportsAsync } from "@carekit/test-utils";
import { describe, expect, it } from "vitest";
import * as examples from "../src/examples.js";
import * as settlement from "../src/index.js";
import { CHONGQING_CATALOGUE, CROSS_CLAIM, SICHUAN_POLICY } from "./fixtures.js";

// Field names of every public input, so that generated objects get past the first check and reach deeper code.
const KEYS = [
  "policies",
  "catalogues",
  "trace",
  "trustInput",
  "claim",
  "claims",
  "accumulators",
  "personId",
  "year",
  "inpatient",
  "admissions",
  "deductibleMet",
  "deductiblePaidFen",
  "funds",
  "chronicMonthlyPaidFen",
  "kind",
  "extends",
  "schemes",
  "pooledAnnualCapFen",
  "periods",
  "policy",
  "sex",
  "retirementDate",
  "result",
  "region",
];

const settler = settlement.createSettler({ policies: [SICHUAN_POLICY], catalogues: [CHONGQING_CATALOGUE] });
const trusted = settlement.createSettler({
  policies: [SICHUAN_POLICY],
  catalogues: [CHONGQING_CATALOGUE],
  trace: false,
  trustInput: true,
});
/** The settler's methods, fuzzed like exports: a compiled settler is where most claims arrive. */
const SETTLER = {
  settle: settler.settle,
  settleBatch: settler.settleBatch,
  /** A valid claim with one field replaced by a hostile value, on valid and hostile accumulators. */
  settleWithField: (field: unknown, value: unknown, accumulators: unknown) =>
    settler.settle({
      claim: typeof field === "string" ? { ...CROSS_CLAIM, [field]: value } : CROSS_CLAIM,
      accumulators: (accumulators ?? settlement.START_OF_YEAR) as settlement.Accumulators,
    }),
  ledger: settler.ledger,
  /** A ledger's settle and read-outs, on hostile claims and starting accumulators. */
  ledgerSettle: (claim: unknown) => settler.ledger({ accumulators: [] }).settle(claim),
  ledgerWithField: (field: unknown, value: unknown) => {
    const ledger = settler.ledger({ accumulators: [] });
    ledger.settle(CROSS_CLAIM);
    return ledger.settle(typeof field === "string" ? { ...CROSS_CLAIM, id: "next", [field]: value } : CROSS_CLAIM);
  },
  ledgerAccumulatorsOf: (start: unknown, personId: unknown) =>
    settler.ledger({ accumulators: start as never }).accumulatorsOf(personId as string),
};

describe("settlement at its boundary", () => {
  it("returns a clean result or throws a CarekitError for 10,000 generated calls over every export", () => {
    const calls = fuzzExports(settlement as unknown as Record<string, unknown>, {
      numRuns: 10_000,
      keys: KEYS,
      // isCarekitError is core's, fuzzed there
      skip: ["isCarekitError"],
      extra: SETTLER,
    });
    expect(calls).toBeGreaterThanOrEqual(10_000);
  }, 120_000);

  it("the examples entry: a clean result or a CarekitError", () => {
    const calls = fuzzExports(examples as unknown as Record<string, unknown>, { numRuns: 1_000, keys: KEYS });
    expect(calls).toBeGreaterThanOrEqual(1_000);
  });

  it("settleBatchAsync rejects only with a CarekitError", async () => {
    const calls = await fuzzExportsAsync(
      {},
      { numRuns: 2_000, keys: KEYS, extra: { settleBatchAsync: settler.settleBatchAsync } },
    );
    expect(calls).toBeGreaterThanOrEqual(2_000);
  }, 60_000);

  it("a trusted settler is documented to give undefined results for bad claims, but valid ones stay clean", () => {
    const { result } = trusted.settle({ claim: CROSS_CLAIM, accumulators: settlement.START_OF_YEAR });
    expect(result.fundsPaidFen + result.patientPaysFen).toBe(result.totalFen);
  });
});

function throwingProxy(): object {
  return new Proxy(
    {},
    {
      get() {
        throw new TypeError("proxy threw");
      },
    },
  );
}

function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = { name: "a" };
  value.self = value;
  return value;
}

describe("regressions the fuzz test found (each threw a raw exception or hung)", () => {
  it("isClaim on a proxy whose reads throw answers false (was: raw TypeError)", () => {
    expect(settlement.isClaim(throwingProxy())).toBe(false);
    expect(settlement.isClaim({ ...CROSS_CLAIM, charges: throwingProxy() })).toBe(false);
  });

  it("settle on an unreadable input or claim is UNREADABLE_INPUT (was: raw TypeError)", () => {
    expectCarekitError(() => settler.settle(throwingProxy() as never), "UNREADABLE_INPUT", "");
    expectCarekitError(
      () => settler.settle({ claim: CROSS_CLAIM, accumulators: throwingProxy() as never }),
      "UNREADABLE_INPUT",
      "",
    );
    // under trustInput a claim too broken to settle is a CarekitError too, never a raw exception
    expectCarekitError(
      () => trusted.settle({ claim: { ...CROSS_CLAIM, charges: null }, accumulators: settlement.START_OF_YEAR }),
      "UNREADABLE_INPUT",
      "",
    );
  });

  it("settleBatch and settleBatchAsync on an unreadable input (was: raw TypeError)", async () => {
    expectCarekitError(() => settler.settleBatch(throwingProxy() as never), "UNREADABLE_INPUT", "");
    expectCarekitError(
      () => settler.settleBatch({ claims: throwingProxy() as never, accumulators: [] }),
      "INVALID_INPUT",
      "claims",
    );
    await expect(settler.settleBatchAsync(throwingProxy() as never)).rejects.toMatchObject({
      code: "UNREADABLE_INPUT",
    });
  });

  it("resolvePolicy and definePolicy refuse a circular policy at once (was: ~1 s to a stack overflow each)", () => {
    const started = Date.now();
    expectCarekitError(
      () => settlement.resolvePolicy(circular() as never),
      "INVALID_POLICY",
      "self.self.self.self.self.self.self.self.self.self.self.self.self.self.self.self.self",
    );
    const derived = { ...structuredClone(SICHUAN_POLICY), extends: SICHUAN_POLICY, schemes: circular() };
    expect(() => settlement.definePolicy(derived as never)).toThrow(
      expect.objectContaining({ code: "INVALID_POLICY" }),
    );
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("chengduEmployeeExample without an object states no cap: INVALID_INPUT (was: raw TypeError)", () => {
    expectCarekitError(
      () => examples.chengduEmployeeExample(undefined as never),
      "INVALID_INPUT",
      "pooledAnnualCapFen",
    );
    expectCarekitError(
      () => examples.chengduEmployeeExample(throwingProxy() as never),
      "INVALID_INPUT",
      "pooledAnnualCapFen",
    );
  });
});
