import { describe, expect, it } from "vitest";
import { type Claim, createSettler } from "../src/index.js";
import { CHONGQING_CATALOGUE, CROSS_CLAIM, SICHUAN_POLICY } from "./fixtures.js";

const settler = createSettler({ policies: [SICHUAN_POLICY], catalogues: [CHONGQING_CATALOGUE] });
const may: Claim = { ...CROSS_CLAIM, id: "may", admissionDate: "2024-05-01", dischargeDate: "2024-05-10" };
const december: Claim = { ...CROSS_CLAIM, id: "dec" };

describe("settleBatch", () => {
  it("orders each person's claims by discharge date and reports every input in input order", () => {
    //#region example
    const { results, errors, accumulators } = settler.settleBatch([
      december, // settled second: a later stay
      { ...may, personId: "p-2" },
      { id: "broken", charges: "?" },
      may, // settled first for p-1
      { ...CROSS_CLAIM, id: "no-policy", admissionDate: "2023-01-01", dischargeDate: "2023-01-05" },
    ]);
    expect(results.map((r) => [r.index, r.result.claimId, r.result.deductible])).toEqual([
      [0, "dec", 40_000],
      [1, "may", 80_000],
      [3, "may", 80_000],
    ]);
    expect(errors.map((e) => [e.index, e.claimId, e.code])).toEqual([
      [2, "broken", "INVALID_INPUT"],
      [4, "no-policy", "UNKNOWN_POLICY"],
    ]);
    expect(accumulators.map((a) => [a.personId, a.year, a.inpatientAdmissions])).toEqual([
      ["p-1", 2024, 2],
      ["p-2", 2024, 1],
    ]);
    //#endregion example
    expect(errors[0]?.messageZh).toMatch(/结算单据无效/);
  });

  it("keeps input order for claims discharged the same day (stable)", () => {
    const a = { ...may, id: "a" };
    const b = { ...may, id: "b" };
    const { results } = settler.settleBatch([a, b]);
    expect(results.map((r) => [r.result.claimId, r.result.deductible])).toEqual([
      ["a", 80_000],
      ["b", 40_000],
    ]);
  });

  it("starts from given accumulators and across years", () => {
    const first = settler.settle(may).accumulators;
    const { results } = settler.settleBatch([december], [first]);
    expect(results[0]?.result.deductible).toBe(40_000);
  });

  it("accepts async iterables", async () => {
    async function* stream() {
      yield may;
      yield null;
      yield december;
    }
    const outcome = await settler.settleBatchAsync(stream());
    expect(outcome.results.map((r) => r.index)).toEqual([0, 2]);
    expect(outcome.errors.map((e) => [e.index, e.claimId])).toEqual([[1, null]]);
  });
});
