import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessProgress, type Comparator, type ProgressStatus, plans } from "../src/index.js";
import { percentIndicator, testPlan } from "./fixtures.js";

const up = percentIndicator("upRate", "increase");
const down = percentIndicator("downRate", "decrease");
const aim = percentIndicator("aimRate", "target");

const plan = testPlan(
  [
    {
      indicatorId: "upRate",
      baseline: { year: 2020, value: 40 },
      target: { year: 2025, value: 60, comparator: ">=" },
      attribute: "binding",
      responsible: [],
    },
    {
      indicatorId: "downRate",
      baseline: { year: 2020, value: 30 },
      target: { year: 2025, value: 20, comparator: "<=" },
      attribute: "expected",
      responsible: [],
    },
    {
      indicatorId: "aimRate",
      baseline: { year: 2020, value: 80 },
      target: { year: 2025, value: 50, comparator: "=" },
      attribute: "expected",
      responsible: [],
    },
  ],
  [up, down, aim],
);

function withComparator(comparator: Comparator, polarity: "increase" | "decrease") {
  const definition = percentIndicator("rate", polarity);
  return testPlan(
    [
      {
        indicatorId: "rate",
        baseline: { year: 2020, value: polarity === "increase" ? 40 : 80 },
        target: { year: 2025, value: 60, comparator },
        attribute: "binding",
        responsible: [],
      },
    ],
    [definition],
  );
}

const status = (p: typeof plan, indicatorId: string, year: number, value: number): ProgressStatus =>
  assessProgress({ plan: p, indicatorId, observed: { year, value } }).status;

describe("assessProgress", () => {
  it("assesses 大足区 老年人健康管理率 against its >70% target", () => {
    const plan = plans.dazu2023;
    const result = assessProgress({
      plan,
      indicatorId: "elderHealthManagementRate",
      observed: { year: 2022, value: 68 },
    });
    expect(result.status).toBe("on_track"); // the line from 65.78% (2020) to 70% (2025) is at 67.468% in 2022
    expect(result.expected).toBe(67.468);
    expect(result.gap).toBe(2);
    expect(
      assessProgress({ plan, indicatorId: "elderHealthManagementRate", observed: { year: 2025, value: 70 } }).status,
    ).toBe(
      "off_track", // 70% is not “>70%”, and 2025 has come
    );
    expect(result.trace.map((step) => step.step)).toEqual(["target", "baseline", "expected", "status"]);
    expect(result.trace[0]?.label.zh).toContain("约束性");
  });

  it("respects each comparator", () => {
    expect(status(withComparator(">=", "increase"), "rate", 2025, 60)).toBe("achieved");
    expect(status(withComparator(">", "increase"), "rate", 2025, 60)).toBe("off_track");
    expect(status(withComparator(">", "increase"), "rate", 2025, 60.01)).toBe("achieved");
    expect(status(withComparator("=", "increase"), "rate", 2025, 60)).toBe("achieved");
    expect(status(withComparator("=", "increase"), "rate", 2025, 61)).toBe("off_track");
    expect(status(withComparator("<=", "decrease"), "rate", 2025, 60)).toBe("achieved");
    expect(status(withComparator("<", "decrease"), "rate", 2025, 60)).toBe("off_track");
    expect(status(withComparator("<", "decrease"), "rate", 2025, 59.99)).toBe("achieved");
  });

  it("respects each polarity against the straight line", () => {
    // increase: 40 → 60, expected 48 in 2022
    expect(status(plan, "upRate", 2022, 48)).toBe("on_track");
    expect(status(plan, "upRate", 2022, 47.99)).toBe("off_track");
    // decrease: 30 → 20, expected 26 in 2022
    expect(status(plan, "downRate", 2022, 26)).toBe("on_track");
    expect(status(plan, "downRate", 2022, 26.01)).toBe("off_track");
    // target: 80 → 50, expected 68 in 2022; on track when at least as close to 50 as 68 is (32 … 68)
    expect(status(plan, "aimRate", 2022, 68)).toBe("on_track");
    expect(status(plan, "aimRate", 2022, 32)).toBe("on_track");
    expect(status(plan, "aimRate", 2022, 31.99)).toBe("off_track");
    expect(status(plan, "aimRate", 2022, 68.01)).toBe("off_track");
    expect(status(plan, "aimRate", 2022, 50)).toBe("achieved");
  });

  it("reports a missing baseline as no_baseline unless the target is already met", () => {
    const dazu = plans.dazu2023;
    expect(status(dazu, "townshipAffordableChildcareCoverage", 2023, 40)).toBe("no_baseline");
    expect(status(dazu, "townshipAffordableChildcareCoverage", 2023, 65)).toBe("achieved");
    const result = assessProgress({
      plan: dazu,
      indicatorId: "townshipAffordableChildcareCoverage",
      observed: { year: 2023, value: 40 },
    });
    expect(result.expected).toBeNull();
    expect(result.baseline).toBeNull();
    expect(result.gap).toBe(20);
  });

  it("treats a target year already passed as off track when not met", () => {
    expect(status(plan, "upRate", 2026, 59)).toBe("off_track");
    expect(status(plan, "upRate", 2030, 61)).toBe("achieved");
    expect(assessProgress({ plan, indicatorId: "upRate", observed: { year: 2030, value: 59 } }).expected).toBe(60);
    // no baseline, but the target year has passed: off track, not no_baseline
    expect(status(plans.tieredCare2015, "primaryCareVisitShare", 2020, 52.97)).toBe("off_track");
  });

  it("rejects an observed year before the baseline", () => {
    expect(() => assessProgress({ plan, indicatorId: "upRate", observed: { year: 2019, value: 50 } })).toThrow(
      /observed year 2019 is before the baseline year 2020/,
    );
  });

  it("never ranks a better value worse (property)", () => {
    const order: Record<ProgressStatus, number> = { achieved: 3, on_track: 2, no_baseline: 1, off_track: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2030 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (year, a, b) => {
          const [low, high] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
          expect(order[status(plan, "upRate", year, high)]).toBeGreaterThanOrEqual(
            order[status(plan, "upRate", year, low)],
          );
          expect(order[status(plan, "downRate", year, low)]).toBeGreaterThanOrEqual(
            order[status(plan, "downRate", year, high)],
          );
          const achieved = status(plan, "upRate", year, high) === "achieved";
          expect(achieved).toBe(high >= 60);
        },
      ),
      { numRuns: 300 },
    );
  });
});
