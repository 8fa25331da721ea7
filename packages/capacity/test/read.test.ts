import { CarekitError } from "@carekit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import {
  CHILDCARE_GAP_INPUT,
  ChildcareGapInputSchema,
  ELDER_BED_GAP_INPUT,
  ElderBedGapInputSchema,
  NURSING_BED_GAP_INPUT,
  NursingBedGapInputSchema,
} from "../src/gap.js";
import { type Check, checkInput, integer, strictObject } from "../src/internal/read.js";
import { PopulationProjectionSchema, PROJECTION } from "../src/projection.js";
import {
  BEDS_INPUT,
  BedsPer1000EldersInputSchema,
  NURSING_INPUT,
  NursingBedShareInputSchema,
  SLOTS_INPUT,
  SlotsPer1000InputSchema,
  UTILIZATION_INPUT,
  UtilizationInputSchema,
} from "../src/ratio.js";
import { TRACE_STEP, TraceStepSchema } from "../src/trace.js";
import { parse } from "../src/validate.js";

// The zod-free readers of the plain functions (src/internal/read.ts) against the exported schemas they stand for:
// on every generated input both accept (the same value) or both refuse with the same code and problems at the
// same paths, in the same order — absent fields, keys present with `undefined`, shuffled and extra keys, wrong
// types, fractions, NaN, ±Infinity, −0, out-of-range numbers, and projections and traces nearly right.

const LABEL = { en: "input", zh: "输入" };

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; paths: string[] };

function outcome(run: () => unknown): Outcome {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (!(error instanceof CarekitError)) throw error;
    const paths: string[] = [];
    for (const issue of error.issues) if (!paths.includes(issue.path)) paths.push(issue.path);
    return { ok: false, code: error.code, paths };
  }
}

function agree(reader: Check<unknown>, schema: z.ZodType, arbitrary: fc.Arbitrary<unknown>, numRuns = 3000): void {
  fc.assert(
    fc.property(arbitrary, (input) => {
      const fast = outcome(() => checkInput(input, reader, LABEL));
      const reference = outcome(() => parse(schema, input, LABEL));
      expect(fast).toEqual(reference);
    }),
    {
      numRuns: numRuns * Number(process.env.CAREKIT_RUNS_FACTOR ?? 1),
      seed: Number(process.env.CAREKIT_SEED ?? 20261201),
    },
  );
}

const number = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -3, max: 2_000_000_003 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10) },
  { weight: 1, arbitrary: fc.double({ noDefaultInfinity: false }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -0,
      0.05,
      0.1,
      0.0045,
      4.5,
      4.12345,
      55,
      100,
      100.5,
      1,
      1.2,
      0.55,
      60,
      65,
      1900,
      2030,
      2201,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.MAX_SAFE_INTEGER + 2,
      2_000_000_000,
      2_000_000_001,
    ),
  },
);
const other = fc.constantFrom<unknown>("870000", "", "new", "existing", "compound", null, true, [], {}, 10n);
const value = fc.oneof({ weight: 4, arbitrary: number }, { weight: 1, arbitrary: other });

const traceStep = fc.record(
  {
    step: fc.oneof(fc.constantFrom("gap", ""), value),
    label: fc.oneof(
      fc.record({ zh: fc.constantFrom("缺口", ""), en: fc.constantFrom("gap", "") }, { requiredKeys: [] }),
      value,
    ),
    rule: fc.oneof(fc.constant("max(0, a − b)"), value),
    inputs: fc.oneof(fc.dictionary(fc.constantFrom("a", "b"), fc.oneof(value, fc.constant(undefined))), value),
    result: value,
    amountFen: value,
    source: fc.oneof(
      fc.constant(null),
      fc.record({ title: fc.constantFrom("文", ""), number: fc.constantFrom(null, "号", 3) }, { requiredKeys: [] }),
      value,
    ),
  },
  { requiredKeys: [] },
);

const projection = fc.record(
  {
    method: fc.oneof(fc.constantFrom("compound", "linear", "log"), value),
    targetYear: value,
    value,
    trace: fc.oneof(fc.array(traceStep, { maxLength: 2 }), value),
  },
  { requiredKeys: [] },
);

/** Objects with the given keys (each absent, `undefined` or a value), an extra key now and then, shuffled. */
function inputs(keys: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(
    Object.entries(keys).map(([key, arbitrary]) => [
      key,
      fc.oneof(
        { weight: 1, arbitrary: fc.constant({ absent: true as const }) },
        { weight: 1, arbitrary: fc.constant({ absent: false as const, value: undefined as unknown }) },
        { weight: 6, arbitrary: arbitrary.map((v) => ({ absent: false as const, value: v })) },
      ),
    ]),
  );
  const objects = fc
    .record({
      fields: fc.record(fields),
      extra: fc.oneof(
        { weight: 5, arbitrary: fc.constant([] as [string, unknown][]) },
        { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom("slots", "note"), value), { maxLength: 2 }) },
      ),
      order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    })
    .map(({ fields, extra, order }) => {
      const entries: [string, unknown][] = [];
      for (const [key, f] of Object.entries(fields)) if (!f.absent) entries.push([key, f.value]);
      entries.push(...extra);
      return Object.fromEntries(
        entries
          .map((entry, i) => ({ entry, rank: order[i % order.length] ?? 0 }))
          .sort((a, b) => a.rank - b.rank)
          .map(({ entry }) => entry),
      );
    });
  return fc.oneof({ weight: 12, arbitrary: objects }, { weight: 1, arbitrary: value });
}

const population = fc.oneof({ weight: 3, arbitrary: value }, { weight: 2, arbitrary: projection });

describe("zod-free readers agree with the exported schemas (src/internal/read.ts)", { timeout: 120_000 }, () => {
  it("slotsPer1000, bedsPer1000Elders, nursingBedShare, utilization", () => {
    agree(SLOTS_INPUT, SlotsPer1000InputSchema, inputs({ existingSlots: value, population: value }));
    agree(
      BEDS_INPUT,
      BedsPer1000EldersInputSchema,
      inputs({ existingBeds: value, elderPopulation: value, elderAge: value }),
    );
    agree(NURSING_INPUT, NursingBedShareInputSchema, inputs({ nursingBeds: value, existingBeds: value }));
    agree(UTILIZATION_INPUT, UtilizationInputSchema, inputs({ enrolled: value, existingSlots: value }));
  });

  it("childcareGap, elderBedGap, nursingBedGap (populations given directly or as projections)", () => {
    agree(
      CHILDCARE_GAP_INPUT,
      ChildcareGapInputSchema,
      inputs({ population, existingSlots: value, targetPer1000: value, standard: value, areaType: value }),
    );
    agree(
      ELDER_BED_GAP_INPUT,
      ElderBedGapInputSchema,
      inputs({ elderPopulation: population, existingBeds: value, targetPer1000: value, elderAge: value }),
    );
    agree(
      NURSING_BED_GAP_INPUT,
      NursingBedGapInputSchema,
      inputs({ existingBeds: value, nursingBeds: value, targetShare: value, standard: value }),
    );
  });

  it("projections and trace steps, nearly right and wrong", () => {
    agree(PROJECTION, PopulationProjectionSchema, projection, 4000);
    agree(TRACE_STEP, TraceStepSchema, traceStep, 4000);
  });

  it("a throwing getter is UNREADABLE_INPUT at its path, as on the zod path", () => {
    const input = { existingSlots: 1 } as Record<string, unknown>;
    Object.defineProperty(input, "population", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(outcome(() => checkInput(input, SLOTS_INPUT, LABEL))).toEqual({
      ok: false,
      code: "UNREADABLE_INPUT",
      paths: ["population"],
    });
  });

  it("catches a planted bug: a reader that lets a count of 0 be a denominator fails the differential test", () => {
    const planted = strictObject({ existingSlots: integer(0, 2_000_000_000), population: integer(0, 2_000_000_000) });
    expect(() =>
      agree(planted, SlotsPer1000InputSchema, inputs({ existingSlots: value, population: value }), 3000),
    ).toThrow();
  });
});
