import type { TraceStep } from "@carekit/core";
import { fieldError, toScaledInteger } from "@carekit/core/internal";
import * as z from "zod";
import { oneOf, POSITIVE_COUNT, strictObject, YEAR } from "./internal/read.js";
import { TRACE, TraceStepSchema, traceStep } from "./trace.js";
import { CountSchema, decimalsOf, MAX_COUNT, PopulationSchema, parse, YearSchema } from "./validate.js";

/** A population for a future year (人口预测), as returned by {@link projectPopulation} and {@link projectFromSeries}. */
export interface PopulationProjection {
  /** `compound` (复合增长) or `linear` (线性趋势). */
  method: "compound" | "linear";
  /** The year projected to. */
  targetYear: number;
  /** The projected population, rounded half-up to a whole person. */
  value: number;
  /** How it was computed. */
  trace: TraceStep[];
}

/**
 * Zod schema of a {@link PopulationProjection}, so that `childcareGap` and `elderBedGap` accept one as `population`.
 *
 * @example
 * ```ts
 * import { PopulationProjectionSchema, projectPopulation } from "@carekit/capacity";
 *
 * // 大足区: 834,600 residents in 2020, growing about 0.84 % a year
 * const in2025 = projectPopulation({ base: 834_600, baseYear: 2020, targetYear: 2025, annualGrowthRate: 0.0084 });
 * PopulationProjectionSchema.safeParse(in2025).success; // → true
 * // a projected population is a whole number of people
 * PopulationProjectionSchema.safeParse({ ...in2025, value: 870_247.06 }).success; // → false
 * ```
 */
export const PopulationProjectionSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    method: z.enum(["compound", "linear"]),
    targetYear: YearSchema,
    value: PopulationSchema,
    trace: z.array(TraceStepSchema),
  }))();

/** {@link PopulationProjectionSchema} as a zod-free reader (`internal/read.ts`), held to it by `test/read.test.ts`. */
export const PROJECTION = /* @__PURE__ */ (() =>
  strictObject({ method: oneOf(["compound", "linear"]), targetYear: YEAR, value: POSITIVE_COUNT, trace: TRACE }))();

/**
 * Zod schema of the input of {@link projectPopulation}.
 *
 * @example
 * ```ts
 * import { ProjectPopulationInputSchema } from "@carekit/capacity";
 *
 * // 大足区: 834,600 residents in 2020, growing about 0.84 % a year
 * const dazu = { base: 834_600, baseYear: 2020, targetYear: 2025, annualGrowthRate: 0.0084 };
 * ProjectPopulationInputSchema.safeParse(dazu).success; // → true
 * // a rate is a fraction above −1 (−100 %): 0.84 % is 0.0084, and −1 is refused
 * ProjectPopulationInputSchema.safeParse({ ...dazu, annualGrowthRate: -1 }).success; // → false
 * ```
 */
export const ProjectPopulationInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    base: PopulationSchema,
    baseYear: YearSchema,
    targetYear: YearSchema,
    annualGrowthRate: z
      .number()
      .gt(-1)
      .max(1)
      .refine((rate) => decimalsOf(rate) <= 6, {
        error: "a growth rate has at most 6 decimals",
        params: { zh: "增长率最多 6 位小数", range: true },
      }),
  }))();

/** Input of {@link projectPopulation}. */
export type ProjectPopulationInput = z.input<typeof ProjectPopulationInputSchema>;

/** Half-up division of non-negative bigints. */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function toCount(value: bigint, path: string): number {
  if (value > BigInt(MAX_COUNT)) {
    throw fieldError(
      "OUT_OF_RANGE",
      path,
      `the projection exceeds ${MAX_COUNT} people`,
      `预测结果超过 ${MAX_COUNT} 人`,
    );
  }
  return Number(value);
}

/**
 * 人口预测（复合增长） — compound growth projection: `base × (1 + annualGrowthRate)^(targetYear − baseYear)`,
 * rounded half-up to a whole person. Computed exactly in integers (the rate has at most 6 decimals), so the result
 * does not depend on floating-point powers. Use it to state a plan's need for a future year.
 *
 * @param input - `{ base, baseYear, targetYear, annualGrowthRate }`; the rate as a fraction (`0.0084` = 0.84 %,
 *   negative for decline, above −1), `targetYear` not before `baseYear`
 * @returns the projection, which `childcareGap` and `elderBedGap` take as `population`
 * @throws {CarekitError} OUT_OF_RANGE for a rate ≤ −1 or > 1 or with more than 6 decimals, a `targetYear` before
 *   `baseYear`, a result above 2×10^9; INVALID_INPUT for missing fields or `NaN`
 * @see 《重庆市大足区人口发展规划（2021-2035年）》as quoted in 大足府办发〔2023〕37号: 83.46 万 (2020) → 约 87 万 (2025)
 * @example
 * ```ts
 * import { childcareGap, projectPopulation } from "@carekit/capacity";
 *
 * // 大足区: 834,600 residents in 2020, growing about 0.84 % a year
 * const in2025 = projectPopulation({ base: 834_600, baseYear: 2020, targetYear: 2025, annualGrowthRate: 0.0084 });
 * in2025.value; // → 870247
 * childcareGap({ population: in2025, existingSlots: 1727, targetPer1000: 4.5 }).requiredSlots; // → 3917
 * ```
 */
export function projectPopulation(input: ProjectPopulationInput): PopulationProjection {
  const { base, baseYear, targetYear, annualGrowthRate } = parse(ProjectPopulationInputSchema, input, LABEL_COMPOUND);
  if (targetYear < baseYear) {
    throw fieldError(
      "OUT_OF_RANGE",
      "targetYear",
      `targetYear ${targetYear} is before baseYear ${baseYear}`,
      `目标年份 ${targetYear} 早于基期年份 ${baseYear}`,
    );
  }
  const years = targetYear - baseYear;
  const micro = toScaledInteger(Math.abs(annualGrowthRate), 6, "annualGrowthRate");
  const factor = 1_000_000n + BigInt(annualGrowthRate < 0 ? -micro : micro);
  const value = toCount(
    roundHalfUp(BigInt(base) * factor ** BigInt(years), 1_000_000n ** BigInt(years)),
    "annualGrowthRate",
  );
  return {
    method: "compound",
    targetYear,
    value,
    trace: [
      traceStep(
        "projectPopulation",
        "人口预测（复合增长）",
        "population projection (compound growth)",
        "round(base × (1 + annualGrowthRate)^(targetYear − baseYear))",
        { base, baseYear, targetYear, annualGrowthRate },
        value,
      ),
    ],
  };
}

const LABEL_COMPOUND = { en: "population projection", zh: "人口预测输入" };

/**
 * Zod schema of the input of {@link projectFromSeries}.
 *
 * @example
 * ```ts
 * import { ProjectFromSeriesInputSchema } from "@carekit/capacity";
 *
 * // 大足区 births: 8213 (2019), 5503 (2021)
 * const series = [
 *   { year: 2019, value: 8213 },
 *   { year: 2021, value: 5503 },
 * ];
 * ProjectFromSeriesInputSchema.safeParse({ series, targetYear: 2023 }).success; // → true
 * // a trend needs at least two points
 * ProjectFromSeriesInputSchema.safeParse({ series: series.slice(0, 1), targetYear: 2023 }).success; // → false
 * ```
 */
export const ProjectFromSeriesInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    series: z
      .array(z.strictObject({ year: YearSchema, value: CountSchema }))
      .min(2)
      .max(1000),
    targetYear: YearSchema,
  }))();

/** Input of {@link projectFromSeries}. */
export type ProjectFromSeriesInput = z.input<typeof ProjectFromSeriesInputSchema>;

/**
 * 线性趋势预测 — least-squares linear trend: fit `value = a + b × year` to the series (ordinary least squares) and
 * evaluate it at `targetYear`, rounded half-up to a whole person. Computed exactly with integers:
 * `ŷ(t) = (Σy·D + N·(n·t − Σx)) ÷ (n·D)` with `N = nΣxy − ΣxΣy` and `D = nΣx² − (Σx)²`.
 *
 * @param input - `{ series: { year, value }[], targetYear }`: at least 2 points, distinct years, integer values
 * @returns the projection, which `childcareGap` and `elderBedGap` take as `population`
 * @throws {CarekitError} OUT_OF_RANGE for fewer than 2 points, or when the trend falls below zero or above 2×10^9
 *   at `targetYear`; INVALID_INPUT for a repeated year, fractional values, missing fields
 * @see 大足府办发〔2023〕37号: births 8213 (2019) → 5503 (2021)
 * @example
 * ```ts
 * import { projectFromSeries } from "@carekit/capacity";
 *
 * // 大足区 births: 8213 (2019) → 5503 (2021)
 * const births = projectFromSeries({
 *   series: [
 *     { year: 2019, value: 8213 },
 *     { year: 2021, value: 5503 },
 *   ],
 *   targetYear: 2023,
 * });
 * births.value; // → 2793
 * ```
 */
export function projectFromSeries(input: ProjectFromSeriesInput): PopulationProjection {
  const { series, targetYear } = parse(ProjectFromSeriesInputSchema, input, LABEL_LINEAR);
  const seen = new Set<number>();
  let sx = 0n;
  let sy = 0n;
  let sxx = 0n;
  let sxy = 0n;
  series.forEach((point, index) => {
    if (seen.has(point.year)) {
      throw fieldError(
        "INVALID_INPUT",
        `series[${index}].year`,
        `year ${point.year} appears twice`,
        `年份 ${point.year} 重复出现`,
      );
    }
    seen.add(point.year);
    const x = BigInt(point.year);
    const y = BigInt(point.value);
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  });
  const n = BigInt(series.length);
  const d = n * sxx - sx * sx;
  const slopeNumerator = n * sxy - sx * sy;
  const numerator = sy * d + slopeNumerator * (n * BigInt(targetYear) - sx);
  if (numerator < 0n) {
    throw fieldError(
      "OUT_OF_RANGE",
      "targetYear",
      `the linear trend falls below zero by ${targetYear}`,
      `线性趋势在 ${targetYear} 年已低于零`,
    );
  }
  const value = toCount(roundHalfUp(numerator, n * d), "targetYear");
  const slopeHundredths =
    slopeNumerator < 0n ? -roundHalfUp(-slopeNumerator * 100n, d) : roundHalfUp(slopeNumerator * 100n, d);
  return {
    method: "linear",
    targetYear,
    value,
    trace: [
      traceStep(
        "projectFromSeries",
        "线性趋势预测（最小二乘）",
        "linear trend projection (least squares)",
        "round(ȳ + b × (targetYear − x̄)), b = (nΣxy − ΣxΣy) ÷ (nΣx² − (Σx)²)",
        {
          points: series.length,
          fromYear: Math.min(...seen),
          toYear: Math.max(...seen),
          slopePerYear: Number(slopeHundredths) / 100,
          targetYear,
        },
        value,
      ),
    ],
  };
}

const LABEL_LINEAR = { en: "trend projection", zh: "趋势预测输入" };
