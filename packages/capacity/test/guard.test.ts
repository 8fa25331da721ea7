import { differential } from "@carekit/test-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RegionRowSchema } from "../src/assess.js";
import { isRegionRow } from "../src/internal/region-row.js";
import { referenceIsRegionRow } from "./reference/region-row.js";

const count = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(-1, 0.5, 2_000_000_001, Number.NaN, Number.POSITIVE_INFINITY, -0, "12", null),
  },
  { weight: 1, arbitrary: fc.double() },
);

/** A field: absent, present with `undefined`, or a value. */
const field = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant({ absent: true as const }) },
    { weight: 1, arbitrary: fc.constant({ absent: false as const, value: undefined }) },
    { weight: 4, arbitrary: value.map((v) => ({ absent: false as const, value: v as unknown })) },
  );

/** Rows with absent optional fields, keys present with `undefined`, shuffled key orders and extra keys. */
const rowArbitrary = fc
  .record({
    region: field(fc.oneof(fc.string({ minLength: 0, maxLength: 4 }), fc.constant("x".repeat(201)), fc.constant(7))),
    population: field(count),
    elderPopulation: field(count),
    existingSlots: field(count),
    enrolled: field(count),
    existingBeds: field(count),
    nursingBeds: field(count),
    extra: fc.oneof(
      { weight: 4, arbitrary: fc.constant([] as [string, unknown][]) },
      {
        weight: 1,
        arbitrary: fc.array(fc.tuple(fc.constantFrom("slots", "beds", "note", "Region"), fc.anything()), {
          maxLength: 2,
        }),
      },
    ),
    order: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
  })
  .map(({ extra, order, ...fields }) => {
    const entries: [string, unknown][] = [];
    for (const [key, f] of Object.entries(fields)) if (!f.absent) entries.push([key, f.value]);
    entries.push(...extra);
    const shuffled = entries
      .map((entry, i) => ({ entry, rank: order[i % order.length] ?? 0 }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ entry }) => entry);
    return Object.fromEntries(shuffled) as Record<string, unknown>;
  });

describe("the fast region-row guard (src/internal/region-row.ts)", () => {
  it("agrees with its reference on generated rows", () => {
    differential({ arbitrary: rowArbitrary, fast: isRegionRow, reference: referenceIsRegionRow, numRuns: 5000 });
  });

  it("and both agree with RegionRowSchema", () => {
    differential({
      arbitrary: rowArbitrary,
      fast: isRegionRow,
      reference: (row) => RegionRowSchema.safeParse(row).success,
      numRuns: 5000,
    });
  });

  it("agrees on values that are not plain rows", () => {
    differential({
      arbitrary: fc.oneof(fc.anything(), fc.constantFrom(null, [], new Date(), Object.create(null))),
      fast: isRegionRow,
      reference: (value) => RegionRowSchema.safeParse(value).success,
      numRuns: 2000,
    });
  });

  it("catches a planted bug: a guard that forgets the unknown-key check fails the differential test", () => {
    const planted = (value: unknown) => {
      if (typeof value !== "object" || value === null) return false;
      const { extra: _ignored, ...row } = { extra: null, ...(value as Record<string, unknown>) };
      const known = Object.fromEntries(
        Object.entries(row).filter(([key]) =>
          [
            "region",
            "population",
            "elderPopulation",
            "existingSlots",
            "enrolled",
            "existingBeds",
            "nursingBeds",
          ].includes(key),
        ),
      );
      return referenceIsRegionRow(known); // drops unknown keys instead of refusing them
    };
    expect(() =>
      differential({ arbitrary: rowArbitrary, fast: planted, reference: referenceIsRegionRow, numRuns: 5000 }),
    ).toThrow();
  });

  it("catches a planted bug: a guard that treats undefined population as absent-but-fine fails too", () => {
    const planted = (value: unknown) =>
      typeof value === "object" && value !== null && (value as { population?: unknown }).population === undefined
        ? typeof (value as { region?: unknown }).region === "string"
        : isRegionRow(value);
    expect(() =>
      differential({ arbitrary: rowArbitrary, fast: planted, reference: referenceIsRegionRow, numRuns: 5000 }),
    ).toThrow();
  });
});
