import { isCarekitError } from "@carekit/core";
import { toScaledInteger } from "@carekit/core/internal";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  definePlan,
  type IndicatorDefinition,
  PLAN_VALUE_DECIMALS,
  type Plan,
  PlanEntrySchema,
  PlanSchema,
  plans,
} from "../src/index.js";
import { checkValue } from "../src/plan.js";
import { percentIndicator } from "./fixtures.js";

describe("plans", () => {
  it("describes a row with baseline, target, attribute and departments", () => {
    const row = PlanEntrySchema.parse({
      indicatorId: "elderHealthManagementRate",
      baseline: { year: 2020, value: 65.78 },
      target: { year: 2025, value: 70, comparator: ">" }, // printed “>70%”
      attribute: "binding", // 约束性
      responsible: ["区卫生健康委"],
    });
    expect(row.target.comparator).toBe(">");
    expect(PlanEntrySchema.safeParse({ ...row, attribute: "约束性" }).success).toBe(false);
    expect(PLAN_VALUE_DECIMALS).toBe(4); // 32.30% → 32.3; 0.12345 is rejected
  });

  it("validates the bundled plans as data modules", () => {
    for (const plan of Object.values(plans)) {
      expect(PlanSchema.safeParse(plan).success).toBe(true);
      expect(plan.source.confidence).toMatch(/^CONFIRMED/);
    }
  });

  it("cross-checks a plan against its definitions", () => {
    const rate = percentIndicator("coverageRate", "increase");
    const plan: Plan = {
      id: "demo",
      version: "1",
      name: { zh: "示例规划", en: "demo plan" },
      effectiveFrom: "2023-03-31",
      region: "500111",
      source: { title: "demo", confidence: "UNCONFIRMED" },
      indicators: [rate],
      entries: [
        {
          indicatorId: "coverageRate",
          baseline: { year: 2020, value: 90 },
          target: { year: 2025, value: 100, comparator: ">=" },
          attribute: "binding",
          responsible: ["区民政局"],
        },
      ],
    };
    expect(Object.isFrozen(definePlan(plan))).toBe(true);
    try {
      definePlan({ ...plan, entries: [{ ...plan.entries[0], indicatorId: "missingRate" } as Plan["entries"][number]] });
    } catch (error) {
      if (!isCarekitError(error)) throw error;
      expect(error.code).toBe("UNKNOWN_INDICATOR");
      expect(error.issues[0]?.path).toBe("entries[0].indicatorId");
    }
  });
});

describe("value check fast path", () => {
  it("agrees with core's exact decimal reader (property)", () => {
    const rate = percentIndicator("coverageRate", "increase");
    const { denominator: _unused, ...rest } = rate;
    const count: IndicatorDefinition = { ...rest, scoring: "count", factor: 1 };
    const read = (value: number, definition: IndicatorDefinition = count) => {
      try {
        return checkValue(definition, value, "v");
      } catch (error) {
        if (!isCarekitError(error)) throw error;
        return error.code;
      }
    };
    const exact = (value: number) => {
      try {
        return toScaledInteger(value, PLAN_VALUE_DECIMALS, "v");
      } catch (error) {
        if (!isCarekitError(error)) throw error;
        return error.code;
      }
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 0, max: 1e9, noNaN: true }),
          fc.integer({ min: 0, max: 1e13 }).map((n) => n / 10_000),
          fc.integer({ min: 0, max: 1e8 }).map((n) => n / 100),
        ),
        (value) => {
          expect(read(value)).toBe(exact(value));
        },
      ),
      { numRuns: 20_000 },
    );
    expect(read(100.0001, rate)).toBe("OUT_OF_RANGE");
    expect(read(32.3, rate)).toBe(323_000);
  });
});
