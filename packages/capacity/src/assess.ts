import type { BatchError } from "@carekit/core";
import { fieldError, toBatchError } from "@carekit/core/internal";
import * as z from "zod";
import { ratio2, ratio2Big, requiredPer1000, requiredShare, scaled } from "./exact.js";
import { type TraceStep, traceStep } from "./trace.js";
import {
  assertNotAbove,
  CountSchema,
  MAX_COUNT,
  PopulationSchema,
  parse,
  ShareSchema,
  TargetPer1000Schema,
} from "./validate.js";

/**
 * Zod schema of one row of {@link assessRegions}: a district (区县) or sub-district (街道/镇) with its resident
 * population and whatever it knows of slots, enrolment, elders and beds.
 *
 * @example
 * {@includeCode ../test/assess.test.ts#example}
 */
export const RegionRowSchema = /* @__PURE__ */ z.strictObject({
  region: z.string().min(1).max(200),
  population: PopulationSchema,
  elderPopulation: CountSchema.optional(),
  slots: CountSchema.optional(),
  enrolled: CountSchema.optional(),
  beds: CountSchema.optional(),
  nursingBeds: CountSchema.optional(),
});

/** One row of {@link assessRegions}; see {@link RegionRowSchema}. */
export type RegionRow = z.input<typeof RegionRowSchema>;

/**
 * Zod schema of the options of {@link assessRegions}.
 *
 * @example
 * {@includeCode ../test/assess.test.ts#example}
 */
export const AssessRegionsOptionsSchema = /* @__PURE__ */ z.strictObject({
  targetPer1000: TargetPer1000Schema,
  bedTargetPer1000: TargetPer1000Schema.optional(),
  nursingShareTarget: ShareSchema.optional(),
  elderAge: z.union([z.literal(60), z.literal(65)]).optional(),
});

/**
 * Options of {@link assessRegions}: the slots-per-1000 target, and optionally a beds-per-1000-elders target, a
 * nursing-bed share target (a fraction) and the age that defines elders (60 by default).
 */
export type AssessRegionsOptions = z.input<typeof AssessRegionsOptionsSchema>;

/** The assessment of one row. Ratios are rounded half-up to 2 decimals; `null` = not computable from the row. */
export interface RegionAssessment {
  /** Position of the row in the input. */
  index: number;
  /** The row's region, as given. */
  region: string;
  /** Resident population (常住人口). */
  population: number;
  /** Childcare slots (托位), if given. */
  slots: number | null;
  /** Slots per 1000 residents. */
  slotsPer1000: number | null;
  /** Slots required: `ceil(population × targetPer1000 ÷ 1000)`. */
  requiredSlots: number;
  /** `max(0, requiredSlots − slots)`. */
  slotGap: number | null;
  /** `max(0, slots − requiredSlots)`. */
  slotSurplus: number | null;
  /** Children enrolled (实际招收), if given. */
  enrolled: number | null;
  /** Utilisation in percent: `enrolled × 100 ÷ slots` (null without slots or with 0 slots). */
  utilization: number | null;
  /** Elders (60+ or 65+ per `elderAge`), if given. */
  elderPopulation: number | null;
  /** Elder-care beds (养老床位), if given. */
  beds: number | null;
  /** Beds per 1000 elders. */
  bedsPer1000Elders: number | null;
  /** Beds required by `bedTargetPer1000`. */
  requiredBeds: number | null;
  /** `max(0, requiredBeds − beds)`. */
  bedGap: number | null;
  /** `max(0, beds − requiredBeds)`. */
  bedSurplus: number | null;
  /** Nursing-care beds (护理型床位), if given. */
  nursingBeds: number | null;
  /** Nursing-bed share in percent. */
  nursingBedShare: number | null;
  /** Nursing beds required by `nursingShareTarget`: `ceil(beds × share)`. */
  requiredNursingBeds: number | null;
  /** `max(0, requiredNursingBeds − nursingBeds)`. */
  nursingBedGap: number | null;
  /** `max(0, nursingBeds − requiredNursingBeds)`. */
  nursingBedSurplus: number | null;
}

/** A row that could not be assessed: its index and the error, as plain JSON (core's `BatchError`). */
export type RegionError = BatchError;

/** Sums over the rows assessed, and ratios of the sums (over the rows that have both parts). */
export interface RegionTotals {
  /** Rows assessed. */
  rows: number;
  /** Population of all rows assessed. */
  population: number;
  /** Sum of `requiredSlots`. */
  requiredSlots: number;
  /** Sum of slots (rows that give them). */
  slots: number;
  /** Slots per 1000 over the rows that give slots. */
  slotsPer1000: number | null;
  /** Sum of per-row slot gaps: what the districts lack, surpluses elsewhere not netted off. */
  slotGap: number;
  /** Sum of per-row slot surpluses. */
  slotSurplus: number;
  /** Sum of enrolled children. */
  enrolled: number;
  /** Utilisation in percent over the rows that give both slots and enrolment. */
  utilization: number | null;
  /** Sum of elder populations. */
  elderPopulation: number;
  /** Sum of beds. */
  beds: number;
  /** Beds per 1000 elders over the rows that give both. */
  bedsPer1000Elders: number | null;
  /** Sum of `requiredBeds`. */
  requiredBeds: number;
  /** Sum of per-row bed gaps. */
  bedGap: number;
  /** Sum of per-row bed surpluses. */
  bedSurplus: number;
  /** Sum of nursing beds. */
  nursingBeds: number;
  /** Nursing-bed share in percent over the rows that give both. */
  nursingBedShare: number | null;
  /** Sum of `requiredNursingBeds`. */
  requiredNursingBeds: number;
  /** Sum of per-row nursing-bed gaps. */
  nursingBedGap: number;
  /** Sum of per-row nursing-bed surpluses. */
  nursingBedSurplus: number;
}

/** Result of {@link assessRegions}: `results.length + errors.length` equals the number of rows. */
export interface RegionsAssessment {
  /** Rows assessed, in input order. */
  results: RegionAssessment[];
  /** Rows rejected, in input order, each with its index. */
  errors: RegionError[];
  /** Sums and ratios over `results`. */
  totals: RegionTotals;
  /** The formulas and targets applied (once for the batch, not per row). */
  trace: TraceStep[];
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
}

function isOptionalCount(value: unknown): boolean {
  return value === undefined || isCount(value);
}

/**
 * 快速校验 — fast guard for one row of {@link assessRegions}: true exactly when {@link RegionRowSchema} accepts the
 * row (a property test checks they agree), at a fraction of zod's cost. Use it on hot paths; run the schema only on
 * rows it rejects, to build the detailed error.
 *
 * @param value - anything
 * @returns whether `value` is a valid row
 * @throws {CarekitError} never: it only answers true or false
 * @see ARCHITECTURE.md "Validation on hot paths" — fast guard, zod only on failure
 * @example
 * {@includeCode ../test/assess.test.ts#guard}
 */
export function isRegionRow(value: unknown): value is z.output<typeof RegionRowSchema> {
  if (typeof value !== "object" || value === null) return false;
  const row = value as Record<string, unknown>;
  const { region, population } = row;
  if (typeof region !== "string" || region.length === 0 || region.length > 200) return false;
  if (!isCount(population) || population === 0) return false;
  if (
    !isOptionalCount(row.elderPopulation) ||
    !isOptionalCount(row.slots) ||
    !isOptionalCount(row.enrolled) ||
    !isOptionalCount(row.beds) ||
    !isOptionalCount(row.nursingBeds)
  ) {
    return false;
  }
  for (const key in row) {
    if (!Object.hasOwn(ROW_KEYS, key)) return false;
  }
  return true;
}

const ROW_KEYS = {
  region: true,
  population: true,
  elderPopulation: true,
  slots: true,
  enrolled: true,
  beds: true,
  nursingBeds: true,
};

const ROW_LABEL = { en: "region row", zh: "区域数据行" };

function gapOf(required: number, existing: number): number {
  return required > existing ? required - existing : 0;
}

function createBatch(options: AssessRegionsOptions) {
  const parsed = parse(AssessRegionsOptionsSchema, options, { en: "assessment options", zh: "评估选项" }, ["options"]);
  const target = scaled(parsed.targetPer1000, "options.targetPer1000");
  const bedTarget =
    parsed.bedTargetPer1000 === undefined ? null : scaled(parsed.bedTargetPer1000, "options.bedTargetPer1000");
  const share =
    parsed.nursingShareTarget === undefined ? null : scaled(parsed.nursingShareTarget, "options.nursingShareTarget");
  const results: RegionAssessment[] = [];
  const errors: RegionError[] = [];
  const t = {
    population: 0,
    requiredSlots: 0,
    slots: 0,
    populationWithSlots: 0,
    slotGap: 0,
    slotSurplus: 0,
    enrolled: 0,
    slotsWithEnrolled: 0,
    elderPopulation: 0,
    beds: 0,
    bedsOfElders: 0,
    eldersWithBeds: 0,
    requiredBeds: 0,
    bedGap: 0,
    bedSurplus: 0,
    nursingBeds: 0,
    bedsWithNursing: 0,
    requiredNursingBeds: 0,
    nursingBedGap: 0,
    nursingBedSurplus: 0,
  };
  let index = 0;

  function assess(row: z.output<typeof RegionRowSchema>, at: number): RegionAssessment {
    const { population } = row;
    const slots = row.slots ?? null;
    const enrolled = row.enrolled ?? null;
    const elders = row.elderPopulation ?? null;
    const beds = row.beds ?? null;
    const nursing = row.nursingBeds ?? null;
    if (elders !== null) assertNotAbove(elders, population, "elderPopulation", "population", "老年人口", "常住人口");
    if (nursing !== null) {
      if (beds === null) {
        throw fieldError(
          "INVALID_INPUT",
          "nursingBeds",
          "nursingBeds needs beds",
          "给出护理型床位数时必须给出床位总数",
        );
      }
      assertNotAbove(nursing, beds, "nursingBeds", "beds", "护理型床位数", "床位总数");
    }
    const requiredSlots = requiredPer1000(population, target);
    const requiredBeds = bedTarget === null || elders === null ? null : requiredPer1000(elders, bedTarget);
    const requiredNursingBeds = share === null || beds === null ? null : requiredShare(beds, share);
    return {
      index: at,
      region: row.region,
      population,
      slots,
      slotsPer1000: slots === null ? null : ratio2(slots, population, 1000),
      requiredSlots,
      slotGap: slots === null ? null : gapOf(requiredSlots, slots),
      slotSurplus: slots === null ? null : gapOf(slots, requiredSlots),
      enrolled,
      utilization: enrolled === null || slots === null || slots === 0 ? null : ratio2(enrolled, slots, 100),
      elderPopulation: elders,
      beds,
      bedsPer1000Elders: beds === null || elders === null || elders === 0 ? null : ratio2(beds, elders, 1000),
      requiredBeds,
      bedGap: requiredBeds === null || beds === null ? null : gapOf(requiredBeds, beds),
      bedSurplus: requiredBeds === null || beds === null ? null : gapOf(beds, requiredBeds),
      nursingBeds: nursing,
      nursingBedShare: nursing === null || beds === null || beds === 0 ? null : ratio2(nursing, beds, 100),
      requiredNursingBeds,
      nursingBedGap: requiredNursingBeds === null || nursing === null ? null : gapOf(requiredNursingBeds, nursing),
      nursingBedSurplus: requiredNursingBeds === null || nursing === null ? null : gapOf(nursing, requiredNursingBeds),
    };
  }

  function count(r: RegionAssessment): void {
    t.population += r.population;
    t.requiredSlots += r.requiredSlots;
    if (r.slots !== null) {
      t.slots += r.slots;
      t.populationWithSlots += r.population;
      t.slotGap += r.slotGap ?? 0;
      t.slotSurplus += r.slotSurplus ?? 0;
      if (r.enrolled !== null) {
        t.enrolled += r.enrolled;
        t.slotsWithEnrolled += r.slots;
      }
    }
    if (r.elderPopulation !== null) t.elderPopulation += r.elderPopulation;
    if (r.beds !== null) {
      t.beds += r.beds;
      if (r.elderPopulation !== null) {
        t.bedsOfElders += r.beds;
        t.eldersWithBeds += r.elderPopulation;
      }
      if (r.nursingBeds !== null) {
        t.nursingBeds += r.nursingBeds;
        t.bedsWithNursing += r.beds;
      }
    }
    if (r.requiredBeds !== null) t.requiredBeds += r.requiredBeds;
    t.bedGap += r.bedGap ?? 0;
    t.bedSurplus += r.bedSurplus ?? 0;
    if (r.requiredNursingBeds !== null) t.requiredNursingBeds += r.requiredNursingBeds;
    t.nursingBedGap += r.nursingBedGap ?? 0;
    t.nursingBedSurplus += r.nursingBedSurplus ?? 0;
  }

  function add(row: unknown): void {
    const at = index++;
    try {
      const valid = isRegionRow(row) ? row : parse(RegionRowSchema, row, ROW_LABEL);
      const result = assess(valid, at);
      results.push(result);
      count(result);
    } catch (error) {
      errors.push(toBatchError(at, error));
    }
  }

  function finish(): RegionsAssessment {
    const ratio = (numerator: number, denominator: number, per: number) =>
      denominator === 0 ? null : ratio2Big(numerator, denominator, per);
    return {
      results,
      errors,
      totals: {
        rows: results.length,
        population: t.population,
        requiredSlots: t.requiredSlots,
        slots: t.slots,
        slotsPer1000: ratio(t.slots, t.populationWithSlots, 1000),
        slotGap: t.slotGap,
        slotSurplus: t.slotSurplus,
        enrolled: t.enrolled,
        utilization: ratio(t.enrolled, t.slotsWithEnrolled, 100),
        elderPopulation: t.elderPopulation,
        beds: t.beds,
        bedsPer1000Elders: ratio(t.bedsOfElders, t.eldersWithBeds, 1000),
        requiredBeds: t.requiredBeds,
        bedGap: t.bedGap,
        bedSurplus: t.bedSurplus,
        nursingBeds: t.nursingBeds,
        nursingBedShare: ratio(t.nursingBeds, t.bedsWithNursing, 100),
        requiredNursingBeds: t.requiredNursingBeds,
        nursingBedGap: t.nursingBedGap,
        nursingBedSurplus: t.nursingBedSurplus,
      },
      trace: [
        traceStep(
          "requiredSlots",
          "每行需要托位数",
          "slots required per row",
          "ceil(population × targetPer1000 ÷ 1000)",
          { targetPer1000: parsed.targetPer1000 },
          null,
        ),
        traceStep(
          "requiredBeds",
          `每行需要养老床位数（${parsed.elderAge ?? 60}岁及以上）`,
          `elder-care beds required per row (elders ${parsed.elderAge ?? 60}+)`,
          "ceil(elderPopulation × bedTargetPer1000 ÷ 1000)",
          { bedTargetPer1000: parsed.bedTargetPer1000 ?? null },
          null,
        ),
        traceStep(
          "requiredNursingBeds",
          "每行需要护理型床位数",
          "nursing beds required per row",
          "ceil(beds × nursingShareTarget)",
          { nursingShareTarget: parsed.nursingShareTarget ?? null },
          null,
        ),
        traceStep(
          "ratios",
          "比率",
          "ratios",
          "round2(slots × 1000 ÷ population), round2(enrolled × 100 ÷ slots), round2(beds × 1000 ÷ elderPopulation), round2(nursingBeds × 100 ÷ beds)",
          { rows: results.length, errors: errors.length },
          null,
        ),
      ],
    };
  }

  return { add, finish };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.iterator in value;
}

/**
 * 分区域评估 — assess a table of districts: per row the slots per 1000, slots required and the gap or surplus
 * against `targetPer1000`, utilisation, beds per 1000 elders and the bed gap against `bedTargetPer1000`, the
 * nursing-bed share and the nursing beds needed for `nursingShareTarget`; plus totals. Rows come back in input
 * order; a bad row becomes an error with its index and never stops the batch (`results.length + errors.length`
 * equals the number of rows). Takes an array or any iterable (returns the assessment) or an async iterable
 * (returns a promise of it). Each row is checked by a fast guard; only a row the guard rejects goes through zod,
 * to build its detailed error. The trace is given once for the batch, not per row.
 *
 * @param rows - rows `{ region, population, elderPopulation?, slots?, enrolled?, beds?, nursingBeds? }`
 * @param options - `{ targetPer1000, bedTargetPer1000?, nursingShareTarget?, elderAge? }`
 * @returns `{ results, errors, totals, trace }` (a promise of it for an async iterable)
 * @throws {CarekitError} OUT_OF_RANGE / INVALID_INPUT for bad options (path `options.…`); INVALID_INPUT when
 *   `rows` is not iterable. Bad rows are returned in `errors`, not thrown.
 * @see 大足府办发〔2023〕37号 (seed 002): 托位 1727, 招收 1234, 利用率 71.45 %, 需要 3915, 缺口 2188
 * @example
 * {@includeCode ../test/assess.test.ts#example}
 */
export function assessRegions(rows: Iterable<unknown>, options: AssessRegionsOptions): RegionsAssessment;
export function assessRegions(rows: AsyncIterable<unknown>, options: AssessRegionsOptions): Promise<RegionsAssessment>;
export function assessRegions(
  rows: Iterable<unknown> | AsyncIterable<unknown>,
  options: AssessRegionsOptions,
): RegionsAssessment | Promise<RegionsAssessment> {
  const batch = createBatch(options);
  if (Array.isArray(rows)) {
    for (let i = 0; i < rows.length; i++) batch.add(rows[i]);
    return batch.finish();
  }
  if (isAsyncIterable(rows)) {
    return (async () => {
      for await (const row of rows) batch.add(row);
      return batch.finish();
    })();
  }
  if (!isIterable(rows)) {
    throw fieldError(
      "INVALID_INPUT",
      "rows",
      "rows must be an array or an (async) iterable",
      "rows 必须是数组或（异步）可迭代对象",
    );
  }
  for (const row of rows) batch.add(row);
  return batch.finish();
}
