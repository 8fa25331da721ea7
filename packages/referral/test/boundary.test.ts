import {
  checkBatchConformance,
  expectCarekitError,
  fuzzExports,
  fuzzExportsAsync,
  throwingRecord,
} from "@carekit/test-utils";
import { describe, expect, it } from "vitest";
import * as referral from "../src/index.js";
import { calmPatient } from "./fixtures.js";

const { compileRuleSet, hypertension, factsGuard, factsSchema, isCarekitError } = referral;
const engine = compileRuleSet(hypertension);
const good = { facts: calmPatient, at: "2024-06-01", level: "village_clinic" } as const;

describe("no raw exception leaves @carekit/referral", () => {
  it("every export, called 10,000 times with hostile values, returns a clean result or throws a CarekitError", () => {
    const calls = fuzzExports(referral as unknown as Record<string, unknown>, {
      numRuns: 10_000,
      keys: ["facts", "at", "level", "sbp", "symptoms", "rules", "id", "version", "source", "type", "enum"],
      extra: {
        evaluate: engine.evaluate,
        evaluateMany: engine.evaluateMany,
        guard: factsGuard(hypertension.facts),
      },
      passThrough: ["defineRuleSet", "validateRuleSet"],
    });
    expect(calls).toBeGreaterThanOrEqual(10_000);
  }, 600_000);

  it("the async batch, fuzzed, resolves or rejects with a CarekitError", async () => {
    const calls = await fuzzExportsAsync(
      {},
      { numRuns: 1_000, extra: { evaluateManyAsync: engine.evaluateManyAsync }, keys: ["facts", "at", "level"] },
    );
    expect(calls).toBeGreaterThanOrEqual(1_000);
  }, 600_000);

  it("factsSchema and factsGuard on malformed declarations throw RULE_COMPILE, never a raw error (#12)", () => {
    for (const bad of [
      null,
      undefined,
      1,
      "x",
      [],
      { sbp: null },
      { sbp: { type: "float" } },
      new Proxy(
        {},
        {
          ownKeys() {
            throw new TypeError("x");
          },
        },
      ),
    ]) {
      for (const make of [factsSchema, factsGuard]) {
        let thrown: unknown;
        try {
          make(bad as never);
        } catch (error) {
          thrown = error;
        }
        expect(isCarekitError(thrown), String(bad)).toBe(true);
        expect((thrown as { code: string }).code).toBe("RULE_COMPILE");
      }
    }
  });

  it("factHeaders of a missing or malformed declaration is INVALID_INPUT (found by the fuzz test: a raw TypeError)", () => {
    expectCarekitError(() => referral.factHeaders("sbp", undefined as never), "INVALID_INPUT", "spec");
    expectCarekitError(() => referral.factHeaders(42 as never, { type: "number" }), "INVALID_INPUT", "name");
    expect(referral.factHeaders("sbp", referral.hypertension.facts.sbp)).toContain("sbp");
  });

  it("evaluate on a record whose getters throw is UNREADABLE_INPUT, not a raw TypeError", () => {
    for (const input of [throwingRecord(), { ...good, facts: throwingRecord() }]) {
      let thrown: unknown;
      try {
        engine.evaluate(input as never);
      } catch (error) {
        thrown = error;
      }
      expect(isCarekitError(thrown)).toBe(true);
    }
  });
});

describe("evaluateMany / evaluateManyAsync: the batch contract", () => {
  const inputs: unknown[] = [
    good,
    { ...good, at: "2024-02-30" },
    throwingRecord(),
    good,
    { ...good, facts: throwingRecord() },
  ];

  it("a throwing row becomes its error, the others are decided, in order (sync)", () => {
    const outcome = engine.evaluateMany(inputs as never);
    checkBatchConformance(outcome, inputs, { indexOf: (r) => r.index, expectErrorAt: [1, 2, 4] });
    expect(outcome.errors.map((e) => [e.index, e.code])).toEqual([
      [1, "INVALID_INPUT"],
      [2, "UNREADABLE_INPUT"],
      [4, "UNREADABLE_INPUT"],
    ]);
  });

  it("the same over an async iterable", async () => {
    // (a top-level throwing proxy cannot travel through an async generator: `yield` awaits it, reading its `then`)
    const rows = inputs.filter((_, i) => i !== 2);
    async function* stream() {
      yield* rows;
    }
    const outcome = await engine.evaluateManyAsync(stream() as never);
    checkBatchConformance(outcome, rows, { indexOf: (r) => r.index, expectErrorAt: [1, 3] });
    expect(outcome.results.map((r) => r.decision)).toEqual(
      engine.evaluateMany(rows as never).results.map((r) => r.decision),
    );
    await expect(engine.evaluateManyAsync(null as never)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
