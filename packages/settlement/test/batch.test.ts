import { checkBatchConformance, expectCarekitError, throwingRecord } from "@carekit/test-utils";
import { describe, expect, it } from "vitest";
import { type Claim, createSettler, START_OF_YEAR } from "../src/index.js";
import { CHONGQING_CATALOGUE, CROSS_CLAIM, SICHUAN_POLICY } from "./fixtures.js";

const settler = createSettler({ policies: [SICHUAN_POLICY], catalogues: [CHONGQING_CATALOGUE] });
const may: Claim = { ...CROSS_CLAIM, id: "may", admissionDate: "2024-05-01", dischargeDate: "2024-05-10" };
const december: Claim = { ...CROSS_CLAIM, id: "dec" };

describe("settleBatch", () => {
  it("settles in input order, carries each person's accumulators and reports every input in input order", () => {
    //#region example
    const { results, errors, accumulators } = settler.settleBatch({
      claims: [
        may, // p-1's first stay: 800 元 deductible
        { ...may, personId: "p-2" },
        { id: "broken", charges: "?" },
        december, // p-1's second stay: 400 元
        { ...CROSS_CLAIM, id: "no-policy", admissionDate: "2023-01-01", dischargeDate: "2023-01-05" },
      ],
      accumulators: [],
    });
    expect(results.map((r) => [r.index, r.result.claimId, r.result.deductibleFen])).toEqual([
      [0, "may", 80_000],
      [1, "may", 80_000],
      [3, "dec", 40_000],
    ]);
    expect(errors.map((e) => [e.index, e.claimId, e.code])).toEqual([
      [2, "broken", "INVALID_INPUT"],
      [4, "no-policy", "OUT_OF_ORDER"],
    ]);
    expect(accumulators.map((a) => [a.personId, a.year, a.inpatientAdmissions])).toEqual([
      ["p-1", 2024, 2],
      ["p-2", 2024, 1],
    ]);
    //#endregion example
    expect(errors[0]?.messageZh).toMatch(/结算单据无效/);
    expect(errors[1]?.message).toMatch(/sort the input by discharge date/);
  });

  it("a claim without a policy is that claim's error", () => {
    const { errors } = settler.settleBatch({
      claims: [{ ...CROSS_CLAIM, id: "no-policy", admissionDate: "2023-01-01", dischargeDate: "2023-01-05" }],
      accumulators: [],
    });
    expect(errors.map((e) => [e.index, e.claimId, e.code])).toEqual([[0, "no-policy", "UNKNOWN_POLICY"]]);
  });

  it("keeps input order for claims discharged the same day", () => {
    const a = { ...may, id: "a" };
    const b = { ...may, id: "b" };
    const { results } = settler.settleBatch({ claims: [a, b], accumulators: [] });
    expect(results.map((r) => [r.result.claimId, r.result.deductibleFen])).toEqual([
      ["a", 80_000],
      ["b", 40_000],
    ]);
  });

  it("starts from given accumulators", () => {
    const first = settler.settle({ claim: may, accumulators: START_OF_YEAR }).accumulators;
    const { results } = settler.settleBatch({ claims: [december], accumulators: [first] });
    expect(results[0]?.result.deductibleFen).toBe(40_000);
  });

  it("accepts async iterables and streams them one claim at a time", async () => {
    let pulled = 0;
    async function* stream() {
      for (const claim of [may, null, december]) {
        pulled++;
        yield claim;
      }
    }
    const outcome = await settler.settleBatchAsync({ claims: stream(), accumulators: [] });
    expect(pulled).toBe(3);
    expect(outcome.results.map((r) => [r.index, r.result.deductibleFen])).toEqual([
      [0, 80_000],
      [2, 40_000],
    ]);
    expect(outcome.errors.map((e) => [e.index, e.claimId])).toEqual([[1, null]]);
  });

  it("settles a claim before the next one is read (a truly streaming async batch)", async () => {
    const seen: number[] = [];
    const counting = createSettler({ policies: [SICHUAN_POLICY], catalogues: [CHONGQING_CATALOGUE] });
    async function* stream() {
      for (let i = 0; i < 3; i++) {
        seen.push(i);
        yield { ...may, id: `c-${i}`, personId: `p-${i}` };
      }
    }
    const iterator = stream();
    const outcome = await counting.settleBatchAsync({ claims: iterator, accumulators: [] });
    expect(outcome.results).toHaveLength(3);
    expect(seen).toEqual([0, 1, 2]);
  });

  it("passes the batch-conformance check, with a throwing getter in the middle", async () => {
    const inputs = [may, { ...may, personId: "p-2" }, throwingRecord(), null, december, { nonsense: 1 }];
    const outcome = settler.settleBatch({ claims: inputs, accumulators: [] });
    checkBatchConformance(outcome, inputs, { indexOf: (r) => r.index, expectErrorAt: [2, 3, 5] });
    expect(outcome.errors.find((e) => e.index === 2)?.code).toBe("UNREADABLE_INPUT");
    expect(outcome.errors.find((e) => e.index === 2)?.claimId).toBeNull();
    const streamed = await settler.settleBatchAsync({ claims: inputs, accumulators: [] });
    checkBatchConformance(streamed, inputs, { indexOf: (r) => r.index, expectErrorAt: [2, 3, 5] });
    expect(streamed).toEqual(outcome);
  });

  it("rejects a call whose claims or accumulators cannot be used, with a CarekitError", async () => {
    expectCarekitError(() => settler.settleBatch(null as never), "INVALID_INPUT", "");
    expectCarekitError(
      () => settler.settleBatch({ claims: null, accumulators: [] } as never),
      "INVALID_INPUT",
      "claims",
    );
    expectCarekitError(
      () => settler.settleBatch({ claims: [may], accumulators: [null] } as never),
      "INVALID_INPUT",
      "accumulators[0]",
    );
    expectCarekitError(
      () => settler.settleBatch({ claims: [may], accumulators: 5 } as never),
      "INVALID_INPUT",
      "accumulators",
    );
    await expect(settler.settleBatchAsync({ claims: 5, accumulators: [] } as never)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("a call from JavaScript without accumulators starts every person's year in the batch, as it always did", () => {
    const withoutStart = settler.settleBatch({ claims: [may, december] } as never);
    expect(withoutStart).toEqual(settler.settleBatch({ claims: [may, december], accumulators: [] }));
    expect(withoutStart.results.map((r) => r.result.deductibleFen)).toEqual([80_000, 40_000]);
  });
});
