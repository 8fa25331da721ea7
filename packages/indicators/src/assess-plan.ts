import { type BatchError, type BatchResult, parseInput, runBatch, runBatchAsync } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import { atBoundary } from "./internal/boundary.js";
import { checkPlan, type Plan } from "./plan.js";
import { assessEntry, ObservationSchema, type ProgressAssessment, type ProgressStatus, rowOf } from "./progress.js";

/**
 * Zod schema of one observation in a batch (批量观测值): `indicatorId`, `year`, `value`.
 *
 * @example
 * ```ts
 * import { PlanObservationSchema } from "@carekit/indicators";
 *
 * // 大足区 2022: 2.07 托位 per 1000 (1727 over 834,600)
 * PlanObservationSchema.safeParse({ indicatorId: "slotsPer1000", year: 2022, value: 2.07 }).success; // → true
 * // the value is required, and never negative
 * PlanObservationSchema.safeParse({ indicatorId: "slotsPer1000", year: 2022 }).success; // → false
 * PlanObservationSchema.safeParse({ indicatorId: "slotsPer1000", year: 2022, value: -2.07 }).success; // → false
 * ```
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
  /** In input order, each with its observation's `index`. */
  readonly results: readonly PlanAssessmentRow[];
  /**
   * Positions in `results` in the order a plan table reads (约束性优先): binding (约束性) rows first, then expected
   * (预期性); within each, plan order, then year; input order breaks ties.
   */
  readonly priorityOrder: readonly number[];
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

const BatchInputSchema = /* @__PURE__ */ z.object({
  plan: z.unknown(),
  observations: z.unknown(),
  explain: z.boolean().optional(),
});

const LABEL = { en: "plan assessment", zh: "规划评估" } as const;

interface Ranked {
  readonly row: PlanAssessmentRow;
  readonly rank: number;
}

/** The per-observation step and the totals of a plan assessment, shared by the sync and async batch. */
function assessor(input: unknown) {
  const { plan: rawPlan, explain } = parseInput(BatchInputSchema, input, { label: LABEL });
  const { plan, rows } = checkPlan(rawPlan, ["plan"]);
  const lean = explain === false;
  const step = (raw: unknown, index: number): Ranked => {
    const observation = isPlanObservation(raw)
      ? raw
      : parseInput(PlanObservationSchema, raw, { path: ["observations", index] });
    const row = rowOf(plan, rows, observation.indicatorId, () => `observations[${index}].indicatorId`);
    const result = assessEntry(row, observation, () => `observations[${index}]`, !lean);
    const rank = (row.entry.attribute === "binding" ? 0 : 1_000_000) + row.order * 10_000 + observation.year;
    return { row: { ...result, index }, rank };
  };
  const finish = ({ results: ranked, errors }: BatchResult<Ranked>): PlanAssessment => {
    const results = ranked.map(({ row }) => row);
    // binding first, then plan order, then year; Array.prototype.sort is stable, so input order breaks ties
    const priorityOrder = ranked
      .map((_, position) => position)
      .sort((a, b) => (ranked[a]?.rank ?? 0) - (ranked[b]?.rank ?? 0));
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
      priorityOrder,
      errors,
      summary: {
        byStatus,
        bindingOffTrack: bindingOffTrackIds.length,
        bindingOffTrackIds,
        notObserved: plan.entries.filter((entry) => !latest.has(entry.indicatorId)).map((entry) => entry.indicatorId),
      },
    };
  };
  return { step, finish };
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === "object" && value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === "function"
  );
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function"
  );
}

/**
 * Assess a whole plan table at once (规划指标表整体评估): every observation through {@link assessProgress}'s rules,
 * results in input order with their binding-first reading order (约束性优先), and a summary of how many binding indicators are off track. A bad
 * observation never stops the batch — not even one whose getter throws: it becomes an error with its index
 * (`UNREADABLE_INPUT` for a record that cannot be read), so nothing is dropped.
 *
 * @param input.plan - the plan, validated once
 * @param input.observations - any iterable of `{ indicatorId, year, value }`
 * @param input.explain - build each row's `trace` (default `true`); `false` for large batches where only statuses
 *   matter
 * @returns `{ planId, results, priorityOrder, errors, summary }`, `results.length + errors.length === observations.length`
 * @throws {CarekitError} `INVALID_INPUT`, `UNKNOWN_INDICATOR` or `OUT_OF_RANGE` for a bad plan (not per observation);
 *   `INVALID_INPUT` when `observations` is not iterable
 * @see 大足区人民政府办公室《重庆市大足区“一老一小”整体解决方案》（大足府办发〔2023〕37号）表2-1
 * @example
 * ```ts
 * import { assessPlan, plans } from "@carekit/indicators";
 *
 * // 大足区 2022: slots per 1000 from the plan's own count (1727 over 834,600); the other values are illustrative
 * const observations = [
 *   { indicatorId: "slotsPer1000", year: 2022, value: 2.07 },
 *   { indicatorId: "nursingBedShare", year: 2022, value: 40 },
 *   { indicatorId: "basicMedicalInsuranceRate", year: 2022, value: 96 },
 *   { indicatorId: "noSuchIndicator", year: 2022, value: 1 },
 * ];
 * const { results, priorityOrder, errors, summary } = assessPlan({ plan: plans.dazu2023, observations });
 * // binding (约束性) rows first; the lines are at 43.38 % and 2.418 in 2022
 * priorityOrder.map((position) => [results[position]?.indicatorId, results[position]?.status]);
 * // → [["basicMedicalInsuranceRate", "achieved"], ["nursingBedShare", "off_track"], ["slotsPer1000", "off_track"]]
 * // a bad row becomes an error with its index, and the others go on
 * errors.map((error) => [error.index, error.code]); // → [[3, "UNKNOWN_INDICATOR"]]
 * summary.bindingOffTrackIds; // → ["nursingBedShare"]
 * ```
 */
export function assessPlan(input: {
  readonly plan: Plan;
  readonly observations: Iterable<PlanObservation>;
  readonly explain?: boolean;
}): PlanAssessment {
  try {
    const { step, finish } = assessor(input);
    const observations = input.observations as unknown;
    if (!isIterable(observations)) {
      throw fieldError("INVALID_INPUT", "observations", "must be an iterable", "必须是数组或可迭代对象");
    }
    return finish(runBatch(observations, step));
  } catch (error) {
    throw atBoundary(error, LABEL);
  }
}

/**
 * {@link assessPlan} over an async iterable (a stream of rows from a file or a database), or any iterable; rows are
 * assessed as they arrive, not read into memory first.
 *
 * @throws {CarekitError} as {@link assessPlan}
 * @example
 * ```ts
 * import { assessPlanAsync, plans } from "@carekit/indicators";
 *
 * // rows as they arrive, from a file or a database
 * async function* rows() {
 *   yield { indicatorId: "slotsPer1000", year: 2022, value: 2.07 };
 *   yield { indicatorId: "basicMedicalInsuranceRate", year: 2022, value: 96 };
 * }
 * const { results } = await assessPlanAsync({ plan: plans.dazu2023, observations: rows() });
 * results.map((row) => row.status); // → ["off_track", "achieved"]
 * ```
 */
export async function assessPlanAsync(input: {
  readonly plan: Plan;
  readonly observations: AsyncIterable<PlanObservation> | Iterable<PlanObservation>;
  readonly explain?: boolean;
}): Promise<PlanAssessment> {
  try {
    const { step, finish } = assessor(input);
    const observations = input.observations as unknown;
    if (!isAsyncIterable(observations) && !isIterable(observations)) {
      throw fieldError(
        "INVALID_INPUT",
        "observations",
        "must be an iterable or async iterable",
        "必须是可迭代或异步可迭代对象",
      );
    }
    return finish(await runBatchAsync(observations, step));
  } catch (error) {
    throw atBoundary(error, LABEL);
  }
}
