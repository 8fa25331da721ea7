import { fuzzExports } from "@carekit/test-utils";
import { describe, expect, it } from "vitest";
import * as capacity from "../src/index.js";

const KEYS = [
  "region",
  "population",
  "elderPopulation",
  "existingSlots",
  "enrolled",
  "existingBeds",
  "nursingBeds",
  "targetPer1000",
  "targetShare",
  "standard",
  "areaType",
  "elderAge",
  "residentialLandMu",
  "rounding",
  "plannedPopulation",
  "children",
  "infant",
  "toddler",
  "olderToddler",
  "allowMixed",
  "floorAreaM2",
  "functions",
  "base",
  "baseYear",
  "targetYear",
  "annualGrowthRate",
  "series",
  "year",
  "value",
  "ownership",
  "classType",
  "providers",
  "kind",
  "months",
  "award",
];

describe("capacity at its boundary", () => {
  it("returns a clean result or throws a CarekitError for 10,000 generated calls over every export", () => {
    const calls = fuzzExports(capacity as unknown as Record<string, unknown>, {
      numRuns: 10_000,
      keys: KEYS,
      // assessRegionsAsync returns a promise (checked below); isCarekitError is core's, fuzzed there
      skip: ["assessRegionsAsync", "isCarekitError"],
    });
    expect(calls).toBeGreaterThanOrEqual(10_000);
  }, 120_000);
});

describe("assessRegionsAsync at its boundary", () => {
  it("rejects with a CarekitError, never a raw exception, for hostile rows and options", async () => {
    const hostile: unknown[] = [
      null,
      42,
      "rows",
      new Proxy(
        {},
        {
          get: () => {
            throw new TypeError("trap");
          },
        },
      ),
      { [Symbol.asyncIterator]: 1 },
    ];
    for (const rows of hostile) {
      for (const options of [
        undefined,
        { targetPer1000: 4.5 },
        new Proxy(
          {},
          {
            get: () => {
              throw new Error("x");
            },
          },
        ),
      ]) {
        const outcome = await capacity.assessRegionsAsync(rows as never, options as never).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (!outcome.ok) expect(capacity.isCarekitError(outcome.error)).toBe(true);
      }
    }
  });
});

describe("regressions found at the boundary", () => {
  it("a throwing getter or proxy is UNREADABLE_INPUT, not a raw TypeError", () => {
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new TypeError("trap");
        },
        ownKeys: () => {
          throw new TypeError("trap");
        },
      },
    );
    for (const call of [
      () => capacity.childcareGap(trap as never),
      () => capacity.slotsPer1000(trap as never),
      () => capacity.assessRegion(trap as never, { targetPer1000: 4.5 }),
      () => capacity.assessRegion({ region: "a", population: 1 }, trap as never),
      () => capacity.assessRegions(trap as never, { targetPer1000: 4.5 }),
      () => capacity.createRegionTotals().add(trap as never),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: "UNREADABLE_INPUT" }));
    }
  });

  it("planResidentialLand with an extreme but schema-valid standard refuses an unsafe result", () => {
    const standard = capacity.defineStandard({
      ...capacity.standards.newUrbanLand,
      landMuPerSet: 0.0001,
      kindergartensPerSet: 100,
      kindergartenMinClasses: 97,
      elderFacilitiesPerSet: 1,
      elderFacilityMinFloorAreaM2: 1,
    });
    // 10^12 blocks × 100 kindergartens × 97 classes = 9.7 × 10^15 classes: beyond 2^53, so it must be refused
    let outcome: unknown;
    try {
      outcome = capacity.planResidentialLand({ residentialLandMu: 100_000_000, standard });
    } catch (error) {
      outcome = error;
    }
    expect(outcome).toMatchObject({ code: "OUT_OF_RANGE" });
  });

  it("planChildcareFacility with huge areas per slot refuses an unsafe result", () => {
    const standard = () =>
      capacity.defineStandard({
        ...capacity.standards.taiyuan2025,
        facility: {
          ...capacity.standards.taiyuan2025.facility,
          landM2PerSlot: 999_999.9999,
          floorM2PerSlot: 999_999.9999,
        },
      } as never);
    let outcome: unknown;
    try {
      outcome = capacity.planChildcareFacility({
        plannedPopulation: 2_000_000_000,
        standard: standard() as never,
        areaType: "new",
      });
    } catch (error) {
      outcome = error;
    }
    if (outcome instanceof Error) expect(outcome).toMatchObject({ code: "OUT_OF_RANGE" });
    else {
      const plan = outcome as { landAreaM2: number; floorAreaM2: number };
      expect(Number.isSafeInteger(plan.landAreaM2)).toBe(true);
      expect(Number.isSafeInteger(plan.floorAreaM2)).toBe(true);
    }
  });
});
