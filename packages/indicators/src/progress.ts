import { divideRounded, parseInput, type TraceStep } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import { atBoundary } from "./internal/boundary.js";
import {
  type Comparator,
  checkPlan,
  checkValue,
  PLAN_VALUE_DECIMALS,
  type Plan,
  type PlanEntry,
  type PlanRow,
} from "./plan.js";

/**
 * Where an indicator stands (进度状态): `achieved` — the observed value meets the target by its comparator;
 * `on_track` — not yet, but at least as good as the straight line from baseline to target; `off_track` — behind that
 * line, or the target year has come without the target met; `no_baseline` — not met, and with no baseline there is
 * no line to compare with.
 */
export type ProgressStatus = "achieved" | "on_track" | "off_track" | "no_baseline";

/**
 * Zod schema of an observed value (观测值): `year` and `value` in the indicator's unit, as the plan prints it
 * (at most 4 decimals).
 *
 * @example
 * ```ts
 * import { ObservationSchema } from "@carekit/indicators";
 *
 * // 大足区 2023: 45 % nursing beds
 * ObservationSchema.safeParse({ year: 2023, value: 45 }).success; // → true
 * // a year from 1949 to 2100, a value never negative
 * ObservationSchema.safeParse({ year: 23, value: 45 }).success; // → false
 * ObservationSchema.safeParse({ year: 2023, value: -45 }).success; // → false
 * ```
 */
export const ObservationSchema = /* @__PURE__ */ z.strictObject({
  year: z.int().min(1949).max(2100),
  value: z.number().nonnegative().max(1e9),
});

/** An observed value, see {@link ObservationSchema}. */
export type Observation = z.output<typeof ObservationSchema>;

const AssessInputSchema = /* @__PURE__ */ z.strictObject({
  plan: z.unknown(),
  indicatorId: z.string().min(1).max(64),
  observed: ObservationSchema,
});

/** Result of {@link assessProgress}. */
export interface ProgressAssessment {
  /** The assessed indicator. */
  readonly indicatorId: string;
  /** Its name. */
  readonly name: { readonly zh: string; readonly en: string };
  /** 约束性 `binding`, 预期性 `expected` or `unlabelled`. */
  readonly attribute: PlanEntry["attribute"];
  /** Where it stands. */
  readonly status: ProgressStatus;
  /** The observation assessed. */
  readonly observed: Observation;
  /** The plan's baseline, `null` when the plan has none. */
  readonly baseline: { readonly year: number; readonly value: number } | null;
  /** The plan's target. */
  readonly target: PlanEntry["target"];
  /** The value on the straight line from baseline to target in the observed year (4 decimals); `null` without a baseline. */
  readonly expected: number | null;
  /** Distance still to cover towards the target in the direction of improvement; 0 once past it. */
  readonly gap: number;
  /** The indicator's unit. */
  readonly unit: string;
  /** How the status was reached (empty with `explain: false`). */
  readonly trace: readonly TraceStep[];
}

const SCALE = 10 ** PLAN_VALUE_DECIMALS;
const COMPARATOR_TEXT: Record<Comparator, { zh: string; en: string }> = {
  ">=": { zh: "不低于", en: "at least" },
  ">": { zh: "高于", en: "above" },
  "<=": { zh: "不高于", en: "at most" },
  "<": { zh: "低于", en: "below" },
  "=": { zh: "等于", en: "equal to" },
};

function meets(observed: number, target: number, comparator: Comparator): boolean {
  switch (comparator) {
    case ">=":
      return observed >= target;
    case ">":
      return observed > target;
    case "<=":
      return observed <= target;
    case "<":
      return observed < target;
    case "=":
      return observed === target;
  }
}

const ATTRIBUTE_ZH: Record<PlanEntry["attribute"], string> = {
  binding: "约束性",
  expected: "预期性",
  unlabelled: "属性未注明",
};

/**
 * Assess one observation against one plan row; `path` locates the observation in the caller's input. Values are
 * integers of 10^-4 (at most 10^13) and spans at most 151 years, so every product below stays an exact safe integer.
 */
export function assessEntry(
  row: PlanRow,
  observed: Observation,
  path: () => string,
  explain = true,
): ProgressAssessment {
  const { definition, entry, target: t, baseline: b } = row;
  const { baseline, target } = entry;
  const o = checkValue(definition, observed.value, path, ".value");
  if (baseline && observed.year < baseline.year) {
    throw fieldError(
      "OUT_OF_RANGE",
      `${path()}.year`,
      `observed year ${observed.year} is before the baseline year ${baseline.year}`,
      `观测年份 ${observed.year} 早于基期年份 ${baseline.year}`,
    );
  }
  const improvement =
    definition.polarity === "increase" ? t - o : definition.polarity === "decrease" ? o - t : Math.abs(t - o);
  const gap = Math.max(improvement, 0) / SCALE;
  let span = 1;
  let expectedTimesSpan: number | null = null;
  if (baseline && b !== null) {
    span = Math.max(target.year - baseline.year, 1);
    const elapsed = Math.min(observed.year, target.year) - baseline.year;
    expectedTimesSpan = target.year === baseline.year ? t : b * span + (t - b) * elapsed;
  }
  const expected = expectedTimesSpan === null ? null : divideRounded(expectedTimesSpan, span, "half-up") / SCALE;
  let status: ProgressStatus;
  if (meets(o, t, target.comparator)) {
    status = "achieved";
  } else if (observed.year >= target.year) {
    status = "off_track";
  } else if (expectedTimesSpan === null) {
    status = "no_baseline";
  } else {
    const scaledObserved = o * span;
    const onTrack =
      definition.polarity === "increase"
        ? scaledObserved >= expectedTimesSpan
        : definition.polarity === "decrease"
          ? scaledObserved <= expectedTimesSpan
          : Math.abs(scaledObserved - t * span) <= Math.abs(expectedTimesSpan - t * span);
    status = onTrack ? "on_track" : "off_track";
  }
  return {
    indicatorId: definition.id,
    name: definition.name,
    attribute: entry.attribute,
    status,
    observed: { year: observed.year, value: observed.value },
    baseline: baseline ? { year: baseline.year, value: baseline.value } : null,
    target,
    expected,
    gap,
    unit: definition.unit,
    trace: explain ? explainStatus(row, observed, expected, status) : [],
  };
}

function explainStatus(
  row: PlanRow,
  observed: Observation,
  expected: number | null,
  status: ProgressStatus,
): TraceStep[] {
  const { entry, definition } = row;
  const { baseline, target } = entry;
  const unit = definition.unit;
  const says = COMPARATOR_TEXT[target.comparator];
  const trace: TraceStep[] = [
    {
      step: "target",
      label: {
        zh: `目标：${target.year}年${says.zh}${target.value}${unit}（${ATTRIBUTE_ZH[entry.attribute]}）`,
        en: `target: ${says.en} ${target.value} ${unit} by ${target.year} (${entry.attribute})`,
      },
      rule: `value ${target.comparator} ${target.value} by ${target.year}`,
      inputs: { year: target.year, attribute: entry.attribute },
      result: target.value,
      source: row.source,
    },
  ];
  if (baseline) {
    trace.push({
      step: "baseline",
      label: {
        zh: `基期：${baseline.year}年 ${baseline.value}${unit}`,
        en: `baseline: ${baseline.value} ${unit} in ${baseline.year}`,
      },
      rule: "baseline",
      inputs: { year: baseline.year },
      result: baseline.value,
      source: row.source,
    });
  }
  if (expected !== null && baseline) {
    trace.push({
      step: "expected",
      label: {
        zh: `按基期到目标线性推算，${observed.year}年应达 ${expected}${unit}`,
        en: `straight line from baseline to target gives ${expected} ${unit} in ${observed.year}`,
      },
      rule: "baseline + (target − baseline) × (year − baselineYear) ÷ (targetYear − baselineYear)",
      inputs: {
        baseline: baseline.value,
        target: target.value,
        year: Math.min(observed.year, target.year),
        baselineYear: baseline.year,
        targetYear: target.year,
      },
      result: expected,
      source: null,
    });
  }
  trace.push({
    step: "status",
    label: {
      zh: `${observed.year}年观测值 ${observed.value}${unit}：${STATUS_ZH[status]}`,
      en: `observed ${observed.value} ${unit} in ${observed.year}: ${status.replace("_", " ")}`,
    },
    rule:
      expected === null
        ? `observed ${target.comparator} target`
        : `observed ${target.comparator} target, else against expected (${definition.polarity})`,
    inputs: { observed: observed.value, target: target.value, expected },
    result: status,
    source: null,
  });
  return trace;
}

const STATUS_ZH: Record<ProgressStatus, string> = {
  achieved: "已达标",
  on_track: "进度正常",
  off_track: "进度滞后",
  no_baseline: "未达标，缺少基期值无法判断进度",
};

/** The plan row of `indicatorId`, or `UNKNOWN_INDICATOR` at `path`. */
export function rowOf(
  plan: Plan,
  rows: ReadonlyMap<string, PlanRow>,
  indicatorId: string,
  path: () => string,
): PlanRow {
  const row = rows.get(indicatorId);
  if (!row) {
    throw fieldError(
      "UNKNOWN_INDICATOR",
      path(),
      `plan ${plan.id} has no row for indicator ${JSON.stringify(indicatorId)}`,
      `规划 ${plan.id} 中没有指标 ${JSON.stringify(indicatorId)}`,
    );
  }
  return row;
}

/**
 * Assess progress of one indicator of a plan (指标进度评估): achieved if the observed value meets the target by its
 * comparator; otherwise on or off track against the value expected on the straight line from baseline (基期) to
 * target (目标) in the observed year, in the direction the indicator's polarity says is better (`target` polarity:
 * at least as close to the target as the line). A target year that has come without the target met is off track.
 * All comparisons are exact (values as integers of 10^-4).
 *
 * @param input.plan - the plan (validated here)
 * @param input.indicatorId - which row
 * @param input.observed - `{ year, value }` in the indicator's unit
 * @returns status, expected value, gap and a trace
 * @throws {CarekitError} `UNKNOWN_INDICATOR` for an id without a row; `OUT_OF_RANGE` for an observed year before the
 *   baseline year or a percent above 100; `INVALID_INPUT` for a malformed plan or observation
 * @see 大足府办发〔2023〕37号 表2-1 (targets and attributes); HL7 FHIR R4 Measure `improvementNotation` (http://hl7.org/fhir/R4/measure.html)
 * @example
 * ```ts
 * import { assessProgress, plans } from "@carekit/indicators";
 *
 * // 大足区 老年人健康管理率: 65.78 % (2020) → “>70%” (2025); the straight line is at 67.468 % in 2022
 * const plan = plans.dazu2023;
 * const in2022 = assessProgress({ plan, indicatorId: "elderHealthManagementRate", observed: { year: 2022, value: 68 } });
 * in2022.status; // → "on_track"
 * in2022.expected; // → 67.468
 * in2022.gap; // → 2
 * // 70 % is not “>70%”, and 2025 has come
 * assessProgress({ plan, indicatorId: "elderHealthManagementRate", observed: { year: 2025, value: 70 } }).status;
 * // → "off_track"
 * assessProgress({ plan, indicatorId: "noSuchIndicator", observed: { year: 2025, value: 70 } }); // → throws UNKNOWN_INDICATOR
 * ```
 */
export function assessProgress(input: {
  readonly plan: Plan;
  readonly indicatorId: string;
  readonly observed: Observation;
}): ProgressAssessment {
  try {
    const { indicatorId, observed } = parseInput(AssessInputSchema, input, {
      label: { en: "progress assessment", zh: "进度评估" },
    });
    const { plan, rows } = checkPlan(input.plan, ["plan"]);
    return assessEntry(
      rowOf(plan, rows, indicatorId, () => "indicatorId"),
      observed,
      () => "observed",
    );
  } catch (error) {
    throw atBoundary(error, { en: "progress assessment", zh: "进度评估" });
  }
}
