import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CarekitError, iterateBatch, runBatch, runBatchAsync, yuanToFen } from "../src/index.js";
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

  it("runBatchAsync: a record whose then getter throws, or a rejected promise, is that record's error", async () => {
    const evil = {
      // biome-ignore lint/suspicious/noThenProperty: the record under test is a thenable whose then getter throws
      get then(): unknown {
        throw new TypeError("then exploded");
      },
    };
    const { results, errors } = await runBatchAsync(
      ["1", evil as unknown as string, Promise.reject(new Error("no")) as unknown as string, "3"],
      (yuan) => yuanToFen(yuan),
    );
    expect(results).toEqual([100, 300]);
    expect(errors.map((e) => [e.index, e.code])).toEqual([
      [1, "UNREADABLE_INPUT"],
      [2, "UNREADABLE_INPUT"],
    ]);
  });

  it("toBatchError keeps a CarekitError's code", () => {
    try {
      yuanToFen("-1");
    } catch (error) {
      expect(toBatchError(4, error)).toMatchObject({ index: 4, code: "OUT_OF_RANGE" });
    }
  });
});

describe("runBatch's loop against its reference (collecting iterateBatch's items)", () => {
  /** The reference: the generator every batch function once went through. */
  function reference<I, O>(inputs: Iterable<I>, step: (input: I, index: number) => O) {
    const results: O[] = [];
    const errors: unknown[] = [];
    for (const item of iterateBatch(inputs, step)) {
      if (item.ok) results.push(item.value);
      else errors.push(item.error);
    }
    return { results, errors };
  }

  function outcome(run: () => unknown): unknown {
    try {
      return { returned: run() };
    } catch (error) {
      return { threw: error instanceof CarekitError ? [error.code, error.message] : String(error) };
    }
  }

  /** A record: a yuan string, a getter that throws, or a value the step refuses in its own way. */
  const record = fc.oneof(
    fc.constantFrom("12.50", "-1", "abc", "3353.99", "0"),
    fc.constant("getter"),
    fc.constant("type-error"),
    fc.constant("throw-string"),
  );

  const step = (value: string, index: number): number => {
    if (value === "type-error") throw new TypeError(`bad ${index}`);
    if (value === "throw-string") throw "not an Error";
    return yuanToFen(value);
  };

  /** An input: an array, a generator, or an iterator that fails at some record. */
  const inputs = fc.record({
    records: fc.array(record, { maxLength: 12 }),
    kind: fc.constantFrom("array", "generator", "broken"),
    breakAt: fc.nat({ max: 12 }),
  });

  function build({ records, kind, breakAt }: { records: string[]; kind: string; breakAt: number }): Iterable<unknown> {
    const values = records.map((r) =>
      r === "getter"
        ? {
            get yuan(): string {
              throw new TypeError("getter exploded");
            },
          }
        : { yuan: r },
    );
    if (kind === "array") return values;
    if (kind === "generator") return values.values();
    return {
      [Symbol.iterator]() {
        let i = 0;
        return {
          next() {
            if (i === breakAt) throw new Error("stream broke");
            return i < values.length ? { done: false, value: values[i++] } : { done: true, value: undefined };
          },
        };
      },
    };
  }

  it("gives the same results, errors and failures on generated inputs", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const read = (row: unknown, index: number) => step((row as { yuan: string }).yuan, index);
        expect(outcome(() => runBatch(build(input), read))).toEqual(outcome(() => reference(build(input), read)));
      }),
      { numRuns: 2000, seed: 20261201 },
    );
  });
});
