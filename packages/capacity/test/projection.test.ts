import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { childcareGap, PopulationProjectionSchema, projectFromSeries, projectPopulation } from "../src/index.js";
import { TraceStepSchema } from "../src/trace.js";

describe("projectPopulation", () => {
  it("projects compound growth exactly", () => {
    // 大足区: 834,600 residents in 2020; about 870,000 expected in 2025 (≈ 0.84 % a year)
    const in2025 = projectPopulation({ base: 834_600, baseYear: 2020, targetYear: 2025, annualGrowthRate: 0.0084 });
    expect(in2025.value).toBe(870_247); // 834,600 × 1.0084^5 = 870,247.06
    expect(childcareGap({ population: in2025, existingSlots: 1727, targetPer1000: 4.5 }).requiredSlots).toBe(3917);
    // decline: natural growth −0.46 ‰ (2021)
    expect(
      projectPopulation({ base: 834_600, baseYear: 2021, targetYear: 2025, annualGrowthRate: -0.00046 }).value,
    ).toBe(833_065);
    expect(projectPopulation({ base: 5, baseYear: 2020, targetYear: 2020, annualGrowthRate: 0.5 }).value).toBe(5);
  });

  it("equals a bigint reference and stays close to floating point", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -50_000, max: 50_000 }),
        (base, years, micro) => {
          const rate = micro / 1_000_000;
          const result = projectPopulation({ base, baseYear: 2000, targetYear: 2000 + years, annualGrowthRate: rate });
          const denominator = 1_000_000n ** BigInt(years);
          const numerator = BigInt(base) * (1_000_000n + BigInt(micro)) ** BigInt(years);
          expect(BigInt(result.value)).toBe((2n * numerator + denominator) / (2n * denominator));
          expect(Math.abs(result.value - base * (1 + rate) ** years)).toBeLessThanOrEqual(0.5 + 1e-6 * result.value);
        },
      ),
    );
  });
});

describe("projectFromSeries", () => {
  it("fits a least-squares line", () => {
    // 大足区 births: 8213 (2019) → 5503 (2021); the trend gives 2793 for 2023
    const births = projectFromSeries({
      series: [
        { year: 2019, value: 8213 },
        { year: 2021, value: 5503 },
      ],
      targetYear: 2023,
    });
    expect(births.value).toBe(2793);
    expect(births.trace[0]?.inputs.slopePerYear).toBe(-1355);
    // the plan's own two figures, 834,600 (2020) and about 870,000 (2025), carried on to 2030
    const population = projectFromSeries({
      series: [
        { year: 2020, value: 834_600 },
        { year: 2025, value: 870_000 },
      ],
      targetYear: 2030,
    });
    expect(population.value).toBe(905_400); // 7080 a year
    // three points not on a line: the least-squares line through (0, 0), (1, 2), (2, 1) gives 2 at x = 3
    const fitted = projectFromSeries({
      series: [
        { year: 2020, value: 0 },
        { year: 2021, value: 2 },
        { year: 2022, value: 1 },
      ],
      targetYear: 2023,
    });
    expect(fitted.value).toBe(2); // 0.5 + 0.5 × 3 = 2
  });

  it("matches a floating-point fit on random series", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1990, max: 2030 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.integer({ min: 100_000, max: 1_000_000 }), { minLength: 12, maxLength: 12 }),
        (years, values) => {
          const series = years.map((year, i) => ({ year, value: values[i] ?? 0 }));
          const n = series.length;
          const mx = series.reduce((s, p) => s + p.year, 0) / n;
          const my = series.reduce((s, p) => s + p.value, 0) / n;
          const sxy = series.reduce((s, p) => s + (p.year - mx) * (p.value - my), 0);
          const sxx = series.reduce((s, p) => s + (p.year - mx) ** 2, 0);
          const expected = my + (sxy / sxx) * (2031 - mx);
          if (expected < 1) return;
          const result = projectFromSeries({ series, targetYear: 2031 });
          expect(Math.abs(result.value - expected)).toBeLessThanOrEqual(0.5 + 1e-6);
        },
      ),
    );
  });

  it("exports the projection schema; its trace steps have core's shape", () => {
    const projection = projectPopulation({ base: 834_600, baseYear: 2020, targetYear: 2025, annualGrowthRate: 0.0084 });
    expect(PopulationProjectionSchema.parse(projection)).toEqual(projection);
    for (const step of projection.trace) expect(TraceStepSchema.parse(step)).toEqual(step);
  });
});
