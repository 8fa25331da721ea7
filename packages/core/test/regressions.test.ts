import { expectCarekitError, fuzzExports, fuzzExportsAsync } from "@carekit/test-utils";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import * as core from "../src/index.js";
import * as internal from "../src/internal.js";
import * as regions from "../src/regions.js";

function circular(): object {
  const a: Record<string, unknown> = {};
  a.self = a;
  return a;
}

function deep(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

/** The raw exceptions and wrong answers of issue #12, each named, each now a CarekitError or a right answer. */
describe("regressions of #12: no raw exception leaves core", () => {
  it("yuanToFen(10n) is INVALID_INPUT, not a TypeError from JSON.stringify", () => {
    const error = expectCarekitError(() => core.yuanToFen(10n as unknown as number), "INVALID_INPUT", "yuan");
    expect(error.message).toContain("10n");
  });

  it("yuanToFen of a circular or 10,000-deep value is INVALID_INPUT", () => {
    expectCarekitError(() => core.yuanToFen(circular() as unknown as number), "INVALID_INPUT", "yuan");
    expectCarekitError(() => core.yuanToFen(deep(10_000) as unknown as number), "INVALID_INPUT", "yuan");
  });

  it("assertFen(Object.create(null)) is INVALID_INPUT", () => {
    const error = expectCarekitError(() => core.assertFen(Object.create(null)), "INVALID_INPUT", "fen");
    expect(error.message).toContain("an object");
  });

  it("formatIsoDate(new Date(NaN)) is INVALID_DATE", () => {
    expectCarekitError(() => core.formatIsoDate(new Date(Number.NaN)), "INVALID_DATE", "date");
    expectCarekitError(() => core.formatIsoDate("2024-01-01" as unknown as Date), "INVALID_DATE", "date");
  });

  it('addDays("2024-01-01", 1e15) is OUT_OF_RANGE', () => {
    expectCarekitError(() => core.addDays("2024-01-01", 1e15), "OUT_OF_RANGE", "days");
  });

  it('addDays("9999-12-31", 1) is OUT_OF_RANGE, not "10000-01-01"', () => {
    expectCarekitError(() => core.addDays("9999-12-31", 1), "OUT_OF_RANGE", "days");
    expect(core.addDays("9999-12-30", 1)).toBe("9999-12-31");
    expectCarekitError(() => core.addDays("0000-01-01", -1), "OUT_OF_RANGE", "days");
  });

  it("ageOn(undefined) and monthsBetween(null) are INVALID_INPUT", () => {
    expectCarekitError(() => core.ageOn(undefined as never), "INVALID_INPUT", "");
    expectCarekitError(() => core.monthsBetween(null as never), "INVALID_INPUT", "");
  });

  it("a throwing getter is UNREADABLE_INPUT", () => {
    const input = Object.defineProperty({ on: "2024-01-01" }, "birthDate", {
      get() {
        throw new TypeError("boom");
      },
    }) as { birthDate: string; on: string };
    expectCarekitError(() => core.ageOn(input), "UNREADABLE_INPUT", "birthDate");
  });

  it('toScaledInteger("1", Infinity) is OUT_OF_RANGE, not a RangeError from padEnd', () => {
    expectCarekitError(() => internal.toScaledInteger("1", Number.POSITIVE_INFINITY), "OUT_OF_RANGE", "scale");
    expectCarekitError(() => internal.toScaledInteger("1", 2.5), "OUT_OF_RANGE", "scale");
  });

  it('roundQuotient("3", 1, 2, "half-up") is INVALID_INPUT, not "31"', () => {
    expectCarekitError(
      () => internal.roundQuotient("3" as unknown as number, 1, 2, "half-up"),
      "INVALID_INPUT",
      "quotient",
    );
    expectCarekitError(() => internal.roundQuotient(3, 2, 2, "half-up"), "OUT_OF_RANGE", "remainder");
    expectCarekitError(() => internal.roundQuotient(3, 0, 0, "half-up"), "OUT_OF_RANGE", "denominator");
    expectCarekitError(() => internal.roundQuotient(3, 0, 2, "nearest" as never), "INVALID_INPUT", "rounding");
    expectCarekitError(() => internal.roundQuotient(Number.MAX_SAFE_INTEGER, 1, 2, "up"), "OUT_OF_RANGE", "quotient");
    expect(internal.roundQuotient(3, 1, 2, "half-up")).toBe(4);
  });

  it("applyRate(100, -0) is 0, not -0", () => {
    expect(Object.is(core.applyRate(100, -0), 0)).toBe(true);
    expect(Object.is(core.applyRate(-0, 5000), 0)).toBe(true);
    expect(Object.is(core.divideRounded(-0, 3), 0)).toBe(true);
  });

  it("describeValue never throws and never grows with the value", () => {
    const hostile = [
      10n,
      Symbol("s"),
      circular(),
      deep(10_000),
      Object.create(null),
      new Date(Number.NaN),
      new Proxy(
        {},
        {
          get() {
            throw new Error("x");
          },
        },
      ),
      "x".repeat(10_000),
    ];
    for (const value of hostile) {
      for (const lang of ["en", "zh"] as const) {
        const text = internal.describeValue(value, lang);
        expect(text.length).toBeLessThan(80);
      }
    }
    expect(internal.describeValue(-0)).toBe("-0");
  });

  it("formatTrace, runBatch and parseInput reject what they cannot read", () => {
    expectCarekitError(() => core.formatTrace(null as never), "INVALID_INPUT", "trace");
    expectCarekitError(() => core.formatTrace([{ step: "x" }] as never), "INVALID_INPUT", "trace[0].label");
    expectCarekitError(() => core.runBatch(42 as never, (x) => x), "INVALID_INPUT", "inputs");
    expectCarekitError(() => core.runBatch([], null as never), "INVALID_INPUT", "step");
    expectCarekitError(() => core.parseInput(null as never, 1), "INVALID_INPUT", "schema");
    const throwing = Object.defineProperty({}, "a", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expectCarekitError(() => core.parseInput(z.object({ a: z.number() }), throwing), "UNREADABLE_INPUT", "");
  });

  it("a broken input sequence is UNREADABLE_INPUT, an early break closes the input", () => {
    const broken: Iterable<number> = {
      [Symbol.iterator]: () => ({
        next() {
          throw new Error("disk gone");
        },
      }),
    };
    expectCarekitError(() => core.runBatch(broken, (x) => x), "UNREADABLE_INPUT", "inputs");
    let closed = false;
    const source: Iterable<number> = {
      [Symbol.iterator]: () => ({
        next: () => ({ done: false, value: 1 }),
        return: () => {
          closed = true;
          return { done: true, value: undefined };
        },
      }),
    };
    for (const _ of core.iterateBatch(source, (x) => x)) break;
    expect(closed).toBe(true);
  });
});

describe("instanceof CarekitError", () => {
  it("holds for any branded error and keeps the prototype check for subclasses", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("carekit.error")]: true });
    expect(foreign instanceof core.CarekitError).toBe(true);
    expect(new Error("x") instanceof core.CarekitError).toBe(false);
    class PolicyError extends core.CarekitError {}
    const plain = internal.fieldError("OUT_OF_RANGE", "x", "bad", "不对");
    expect(plain instanceof PolicyError).toBe(false);
    expect(new PolicyError({ code: "X", message: "m", messageZh: "中" }) instanceof PolicyError).toBe(true);
    expect(
      core.isCarekitError(
        new Proxy(
          {},
          {
            get: () => {
              throw new Error("x");
            },
          },
        ),
      ),
    ).toBe(false);
  });
});

describe("fuzz: every export of core returns a clean result or throws a CarekitError", () => {
  const keys = ["birthDate", "on", "from", "to", "step", "label", "rule", "inputs", "result", "source", "lang"];
  it("main entry: 10,000 generated calls (promises of the async batch runner awaited)", async () => {
    expect(await fuzzExportsAsync(core, { numRuns: 10_000, keys })).toBe(10_000);
  });
  it("./regions: 3,000 generated calls", () => {
    expect(fuzzExports(regions, { numRuns: 3_000 })).toBe(3_000);
  });
  it("./internal: 5,000 generated calls", () => {
    expect(
      fuzzExports(internal, {
        numRuns: 5_000,
        keys: ["input", "schema", "code", "path", "label"],
        passThrough: ["deepFreeze"],
      }),
    ).toBe(5_000);
  });
});
