import { describe, expect, it } from "vitest";
import { iterateBatch, runBatch, runBatchAsync, yuanToFen } from "../src/index.js";
import { toBatchError } from "../src/internal.js";

describe("runBatch", () => {
  it("keeps every record: a result or an error with its index", () => {
    const { results, errors } = runBatch(["12.50", "-1", "abc", "3353.99"], (yuan) => yuanToFen(yuan));
    expect(results).toEqual([1250, 335399]);
    expect(errors.map((e) => [e.index, e.code])).toEqual([
      [1, "OUT_OF_RANGE"],
      [2, "INVALID_INPUT"],
    ]);
    expect(JSON.parse(JSON.stringify(errors[0]))).toEqual(errors[0]);
  });

  it("turns a record that throws while being read into that record's error", () => {
    const evil = {
      get yuan(): string {
        throw new TypeError("getter exploded");
      },
    };
    const { results, errors } = runBatch([{ yuan: "1" }, evil, { yuan: "2" }], (r) => yuanToFen(r.yuan));
    expect(results).toEqual([100, 200]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ index: 1, code: "UNREADABLE_INPUT" });
    expect(errors[0]?.messageZh).toContain("无法读取");
  });

  it("streams: iterateBatch reads a record only when asked", () => {
    let read = 0;
    function* rows() {
      for (let i = 0; i < 1_000_000; i++) {
        read++;
        yield String(i);
      }
    }
    const it = iterateBatch(rows(), (yuan) => yuanToFen(yuan));
    expect(it.next().value).toEqual({ ok: true, index: 0, value: 0 });
    expect(read).toBe(1);
  });

  it("runBatchAsync reads async iterables in order", async () => {
    async function* rows() {
      yield "1";
      yield "x";
      yield "3";
    }
    const { results, errors } = await runBatchAsync(rows(), (yuan) => yuanToFen(yuan));
    expect(results).toEqual([100, 300]);
    expect(errors.map((e) => e.index)).toEqual([1]);
  });

  it("toBatchError keeps a CarekitError's code", () => {
    try {
      yuanToFen("-1");
    } catch (error) {
      expect(toBatchError(4, error)).toMatchObject({ index: 4, code: "OUT_OF_RANGE" });
    }
  });
});
