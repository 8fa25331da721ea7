import { type BatchError, parseInput } from "@carekit/core";
import { fieldError, toBatchError } from "@carekit/core/internal";
import * as z from "zod";
import { checkPlan, type Plan } from "./plan.js";
import { assessEntry, ObservationSchema, type ProgressAssessment, type ProgressStatus, rowOf } from "./progress.js";

/**
 * Zod schema of one observation in a batch (批量观测值): `indicatorId`, `year`, `value`.
 *
 * @example
 * {@includeCode ../test/assess-plan.test.ts#example}
 */
export const PlanObservationSchema = /* @__PURE__ */ z.strictObject({
  indicatorId: z.string().min(1).max(64),
  ...ObservationSchema.shape,
});

/** One observation in a batch, see {@link PlanObservationSchema}. */
export type PlanObservation = z.output<typeof PlanObservationSchema>;

/** An assessed observation with its position in the input. */
export type PlanAssessmentRow = ProgressAssessment & { readonly index: number };

/** Result of {@link assessPlan}. */
export interface PlanAssessment {
  /** The assessed plan's id. */
  readonly planId: string;
  /** Binding (约束性) rows first, then expected (预期性); within each, plan order, then year. */
  readonly results: readonly PlanAssessmentRow[];
  /** In input order. `results.length + errors.length` equals the number of observations. */
  readonly errors: readonly BatchError[];
  /** Counts for the whole table (汇总). */
  readonly summary: {
    /** Assessed observations by status. */
    readonly byStatus: Readonly<Record<ProgressStatus, number>>;
    /** How many binding (约束性) indicators are off track at their latest observation (约束性指标进度滞后数). */
    readonly bindingOffTrack: number;
    /** Ids of those binding indicators. */
    readonly bindingOffTrackIds: readonly string[];
    /** Plan rows with no observation at all. */
    readonly notObserved: readonly string[];
  };
}

/**
 * Fast guard with the same verdict as {@link PlanObservationSchema} (a property test checks they agree); only when it
 * fails does zod run, to build the detailed error.
 */
export function isPlanObservation(value: unknown): value is PlanObservation {
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const { indicatorId, year, value: observed } = value as Record<string, unknown>;
  return (
    Object.keys(value).length === 3 &&
    typeof indicatorId === "string" &&
    indicatorId.length >= 1 &&
    indicatorId.length <= 64 &&
    typeof year === "number" &&
    Number.isInteger(year) &&
    year >= 1949 &&
    year <= 2100 &&
    typeof observed === "number" &&
    observed >= 0 &&
    observed <= 1e9
  );
}

/**
 * Assess a whole plan table at once (规划指标表整体评估): every observation through {@link assessProgress}'s rules,
 * results sorted binding-first (约束性优先), with a summary of how many binding indicators are off track. A bad
 * observation never stops the batch: it becomes an error with its index, so nothing is dropped.
 *
 * @param input.plan - the plan, validated once
 * @param input.observations - any iterable of `{ indicatorId, year, value }`
 * @returns `{ results, errors, summary }`, `results.length + errors.length === observations.length`
 * @throws {CarekitError} `INVALID_INPUT`, `UNKNOWN_INDICATOR` or `OUT_OF_RANGE` for a bad plan (not per observation);
 *   `INVALID_INPUT` when `observations` is not iterable
 * @see 大足府办发〔2023〕37号 表2-1
 * @example
 * {@includeCode ../test/assess-plan.test.ts#example}
 */
export function assessPlan(input: {
  readonly plan: Plan;
  readonly observations: Iterable<PlanObservation>;
  /** Build each row's `trace` (default `true`); `false` for large batches where only statuses matter. */
  readonly explain?: boolean;
}): PlanAssessment {
  const { plan, rows } = checkPlan(input.plan, ["plan"]);
  const observations = input.observations as unknown;
  if (typeof observations !== "object" || observations === null || !(Symbol.iterator in observations)) {
    throw fieldError("INVALID_INPUT", "observations", "must be an iterable", "必须是数组或可迭代对象");
  }
  const explain = input.explain !== false;
  const assessed: { row: PlanAssessmentRow; rank: number }[] = [];
  const errors: BatchError[] = [];
  let index = 0;
  for (const raw of observations as Iterable<unknown>) {
    try {
      const observation = isPlanObservation(raw)
        ? raw
        : parseInput(PlanObservationSchema, raw, { path: ["observations", index] });
      const at = index;
      const row = rowOf(plan, rows, observation.indicatorId, () => `observations[${at}].indicatorId`);
      const result = assessEntry(row, observation, () => `observations[${at}]`, explain);
      const rank = (row.entry.attribute === "binding" ? 0 : 1_000_000) + row.order * 10_000 + observation.year;
      assessed.push({ row: { ...result, index }, rank });
    } catch (error) {
      errors.push(toBatchError(index, error));
    }
    index++;
  }
  // binding first, then plan order, then year; Array.prototype.sort is stable, so input order breaks ties
  assessed.sort((a, b) => a.rank - b.rank);
  const results = assessed.map(({ row }) => row);
  const byStatus: Record<ProgressStatus, number> = { achieved: 0, on_track: 0, off_track: 0, no_baseline: 0 };
  for (const row of results) byStatus[row.status]++;
  const latest = new Map<string, PlanAssessmentRow>();
  for (const row of results) {
    const seen = latest.get(row.indicatorId);
    if (!seen || row.observed.year >= seen.observed.year) latest.set(row.indicatorId, row);
  }
  const bindingOffTrackIds = [...latest.values()]
    .filter((row) => row.attribute === "binding" && row.status === "off_track")
    .map((row) => row.indicatorId);
  return {
    planId: plan.id,
    results,
    errors,
    summary: {
      byStatus,
      bindingOffTrack: bindingOffTrackIds.length,
      bindingOffTrackIds,
      notObserved: plan.entries.filter((entry) => !latest.has(entry.indicatorId)).map((entry) => entry.indicatorId),
    },
  };
}

/**
 * {@link assessPlan} over an async iterable (a stream of rows from a file or a database), or any iterable.
 *
 * @throws {CarekitError} as {@link assessPlan}
 * @example
 * {@includeCode ../test/assess-plan.test.ts#async}
 */
export async function assessPlanAsync(input: {
  readonly plan: Plan;
  readonly observations: AsyncIterable<PlanObservation> | Iterable<PlanObservation>;
  readonly explain?: boolean;
}): Promise<PlanAssessment> {
  const observations = input.observations as unknown;
  if (
    typeof observations !== "object" ||
    observations === null ||
    !(Symbol.asyncIterator in observations || Symbol.iterator in observations)
  ) {
    throw fieldError(
      "INVALID_INPUT",
      "observations",
      "must be an iterable or async iterable",
      "必须是可迭代或异步可迭代对象",
    );
  }
  const collected: PlanObservation[] = [];
  for await (const observation of input.observations) collected.push(observation);
  return assessPlan({
    plan: input.plan,
    observations: collected,
    ...(input.explain === undefined ? {} : { explain: input.explain }),
  });
}
