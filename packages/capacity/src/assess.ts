import { type BatchError, type BatchResult, runBatch, runBatchAsync, type TraceStep } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import { type Ratio, ratioOf, requiredPer1000, requiredShare, scaled } from "./exact.js";
import { isRegionRow, MAX_REGION_LENGTH, type ParsedRegionRow } from "./internal/region-row.js";
import { traceStep } from "./trace.js";
import {
  assertNotAbove,
  CountSchema,
  ElderAgeSchema,
  PopulationSchema,
  parse,
  readInput,
  ShareSchema,
  TargetPer1000Schema,
} from "./validate.js";

/**
 * Zod schema of one row of {@link assessRegions}: a district (区县) or sub-district (街道/镇) with its resident
 * population and whatever it knows of existing slots, enrolment, elders and beds.
 *
 * @example
 * {@includeCode ../test/assess.test.ts#example}
 */
export const RegionRowSchema = /* @__PURE__ */ z.strictObject({
  region: z.string().min(1).max(MAX_REGION_LENGTH),
  population: PopulationSchema,
  elderPopulation: CountSchema.optional(),
  existingSlots: CountSchema.optional(),
  enrolled: CountSchema.optional(),
  existingBeds: CountSchema.optional(),
  nursingBeds: CountSchema.optional(),
});

/** One row of {@link assessRegions}; see {@link RegionRowSchema}. */
export type RegionRow = z.input<typeof RegionRowSchema>;

/**
 * Zod schema of the options of {@link assessRegions} and {@link assessRegion}.
 *
 * @example
 * {@includeCode ../test/assess.test.ts#example}
 */
export const AssessRegionsOptionsSchema = /* @__PURE__ */ z.strictObject({
  targetPer1000: TargetPer1000Schema,
  bedTargetPer1000: TargetPer1000Schema.optional(),
  nursingShareTarget: ShareSchema.optional(),
  elderAge: ElderAgeSchema.optional(),
});

/**
 * Options of {@link assessRegions}: the slots-per-1000 target, and optionally a beds-per-1000-elders target, a
 * nursing-bed share target (a fraction) and the age that defines elders (60 by default).
 */
export type AssessRegionsOptions = z.input<typeof AssessRegionsOptionsSchema>;

/** A row's childcare figures (托育). `null` = not given in the row, or not computable from it. */
export interface RegionChildcare {
  /** 现有托位数, if given. */
  readonly existingSlots: number | null;
  /** 所需托位数: `ceil(population × targetPer1000 ÷ 1000)`. */
  readonly requiredSlots: number;
  /** 缺口: `max(0, requiredSlots − existingSlots)`. */
  readonly gap: number | null;
  /** 富余: `max(0, existingSlots − requiredSlots)`. */
  readonly surplus: number | null;
  /** 每千人口托位数: `existingSlots × 1000 ÷ population`. */
  readonly slotsPer1000: Ratio | null;
  /** 在托人数, if given. */
  readonly enrolled: number | null;
  /** 托位利用率 in percent: `enrolled × 100 ÷ existingSlots` (`null` without slots or with 0 slots). */
  readonly utilization: Ratio | null;
}

/** A row's elder-care bed figures (养老床位). `null` = not given in the row, or not computable from it. */
export interface RegionElderCare {
  /** 现有养老床位数, if given. */
  readonly existingBeds: number | null;
  /** 所需养老床位数 by `bedTargetPer1000`: `ceil(elderPopulation × bedTargetPer1000 ÷ 1000)`. */
  readonly requiredBeds: number | null;
  /** 缺口: `max(0, requiredBeds − existingBeds)`. */
  readonly gap: number | null;
  /** 富余: `max(0, existingBeds − requiredBeds)`. */
  readonly surplus: number | null;
  /** 每千名老年人养老床位数: `existingBeds × 1000 ÷ elderPopulation`. */
  readonly bedsPer1000Elders: Ratio | null;
}

/** A row's nursing-bed figures (护理型床位). `null` = not given in the row, or not computable from it. */
export interface RegionNursingCare {
  /** 护理型床位数, if given. */
  readonly nursingBeds: number | null;
  /** 所需护理型床位数 by `nursingShareTarget`: `ceil(existingBeds × nursingShareTarget)`. */
  readonly requiredNursingBeds: number | null;
  /** 缺口: `max(0, requiredNursingBeds − nursingBeds)`. */
  readonly gap: number | null;
  /** 富余: `max(0, nursingBeds − requiredNursingBeds)`. */
  readonly surplus: number | null;
  /** 护理型床位占比 in percent: `nursingBeds × 100 ÷ existingBeds`. */
  readonly nursingBedShare: Ratio | null;
}

/** The assessment of one row (分区域评估结果). */
export interface RegionAssessment {
  /** Position of the row in the input. */
  readonly index: number;
  /** The row's region, as given. */
  readonly region: string;
  /** Resident population (常住人口). */
  readonly population: number;
  /** Elders (60+ or 65+ per `elderAge`), if given. */
  readonly elderPopulation: number | null;
  /** Slots, gap and utilisation. */
  readonly childcare: RegionChildcare;
  /** Elder-care beds and their gap. */
  readonly elderCare: RegionElderCare;
  /** Nursing beds and their gap. */
  readonly nursingCare: RegionNursingCare;
}

/** A row that could not be assessed: its index and the error, as plain JSON (core's `BatchError`). */
export type RegionError = BatchError;

/**
 * Totals over the rows assessed (合计). A sum is `null` when no row gave the column ("not given", never 0); a ratio
 * of sums is over the rows that give both of its parts; each group's `rows` counts the rows that gave its existing
 * figure, so a reader can say what a total rests on.
 */
export interface RegionTotals {
  /** Rows assessed. */
  readonly rows: number;
  /** Population of all rows assessed. */
  readonly population: number;
  /** Sum of the elder populations given; `null` when no row gave one. */
  readonly elderPopulation: number | null;
  readonly childcare: {
    /** Rows that gave `existingSlots`. */
    readonly rows: number;
    /** Sum of `existingSlots`; `null` when no row gave it. */
    readonly existingSlots: number | null;
    /** Sum of `requiredSlots` over all rows. */
    readonly requiredSlots: number;
    /** Sum of per-row gaps (surpluses elsewhere not netted off); `null` when no row gave slots. */
    readonly gap: number | null;
    /** Sum of per-row surpluses; `null` when no row gave slots. */
    readonly surplus: number | null;
    /** Slots per 1000 over the rows that give slots. */
    readonly slotsPer1000: Ratio | null;
    /** Sum of enrolled children given; `null` when no row gave it. */
    readonly enrolled: number | null;
    /** Utilisation over the rows that give both slots and enrolment. */
    readonly utilization: Ratio | null;
  };
  readonly elderCare: {
    /** Rows that gave `existingBeds`. */
    readonly rows: number;
    /** Sum of `existingBeds`; `null` when no row gave it. */
    readonly existingBeds: number | null;
    /** Sum of `requiredBeds` over the rows that have one; `null` when none has. */
    readonly requiredBeds: number | null;
    /** Sum of per-row bed gaps (rows with both a requirement and beds); `null` when no row has one. */
    readonly gap: number | null;
    /** Sum of per-row bed surpluses; `null` when no row has one. */
    readonly surplus: number | null;
    /** Beds per 1000 elders over the rows that give both. */
    readonly bedsPer1000Elders: Ratio | null;
  };
  readonly nursingCare: {
    /** Rows that gave `nursingBeds`. */
    readonly rows: number;
    /** Sum of `nursingBeds`; `null` when no row gave it. */
    readonly nursingBeds: number | null;
    /** Sum of `requiredNursingBeds` over the rows that have one; `null` when none has. */
    readonly requiredNursingBeds: number | null;
    /** Sum of per-row nursing-bed gaps; `null` when no row has one. */
    readonly gap: number | null;
    /** Sum of per-row nursing-bed surpluses; `null` when no row has one. */
    readonly surplus: number | null;
    /** Nursing-bed share over the rows that give both. */
    readonly nursingBedShare: Ratio | null;
  };
}

/** Result of {@link assessRegions}: core's `BatchResult` plus totals and the trace of the rules applied. */
export interface RegionsAssessment extends BatchResult<RegionAssessment> {
  /** Sums and ratios over `results`. */
  readonly totals: RegionTotals;
  /** The formulas and targets applied (once for the batch, not per row). */
  readonly trace: TraceStep[];
}

const ROW_LABEL = { en: "region row", zh: "区域数据行" };

function gapOf(required: number, existing: number): number {
  return required > existing ? required - existing : 0;
}

interface CompiledOptions {
  readonly targetPer1000: number;
  readonly bedTargetPer1000: number | undefined;
  readonly nursingShareTarget: number | undefined;
  readonly elderAge: 60 | 65 | undefined;
  readonly target: number;
  readonly bedTarget: number | null;
  readonly share: number | null;
}

function compileOptions(options: unknown): CompiledOptions {
  const parsed = parse(AssessRegionsOptionsSchema, options, OPTIONS_LABEL, ["options"]);
  return {
    targetPer1000: parsed.targetPer1000,
    bedTargetPer1000: parsed.bedTargetPer1000,
    nursingShareTarget: parsed.nursingShareTarget,
    elderAge: parsed.elderAge,
    target: scaled(parsed.targetPer1000, "options.targetPer1000"),
    bedTarget:
      parsed.bedTargetPer1000 === undefined ? null : scaled(parsed.bedTargetPer1000, "options.bedTargetPer1000"),
    share:
      parsed.nursingShareTarget === undefined ? null : scaled(parsed.nursingShareTarget, "options.nursingShareTarget"),
  };
}

/** The last options compiled, so that calling {@link assessRegion} row by row does not re-validate them. */
let lastOptions: { readonly given: object; readonly compiled: CompiledOptions } | null = null;

function optionsOf(options: unknown): CompiledOptions {
  const last = lastOptions;
  if (last !== null && last.given === options) {
    const o = options as Record<string, unknown>;
    const c = last.compiled;
    // the same object, unchanged since it was compiled (an app may have mutated it: then compile again)
    if (
      o.targetPer1000 === c.targetPer1000 &&
      o.bedTargetPer1000 === c.bedTargetPer1000 &&
      o.nursingShareTarget === c.nursingShareTarget &&
      o.elderAge === c.elderAge &&
      Object.keys(o).length <= 4
    ) {
      return c;
    }
  }
  const compiled = compileOptions(options);
  lastOptions = { given: options as object, compiled };
  return compiled;
}

function assessParsed(row: ParsedRegionRow, index: number, o: CompiledOptions): RegionAssessment {
  const { population } = row;
  const slots = row.existingSlots ?? null;
  const enrolled = row.enrolled ?? null;
  const elders = row.elderPopulation ?? null;
  const beds = row.existingBeds ?? null;
  const nursing = row.nursingBeds ?? null;
  if (elders !== null) assertNotAbove(elders, population, "elderPopulation", "population", "老年人口", "常住人口");
  if (nursing !== null) {
    if (beds === null) {
      throw fieldError(
        "INVALID_INPUT",
        "nursingBeds",
        "nursingBeds needs existingBeds (all beds of the institutions)",
        "给出护理型床位数时必须给出床位总数（existingBeds）",
      );
    }
    assertNotAbove(nursing, beds, "nursingBeds", "existingBeds", "护理型床位数", "床位总数");
  }
  const requiredSlots = requiredPer1000(population, o.target);
  const requiredBeds = o.bedTarget === null || elders === null ? null : requiredPer1000(elders, o.bedTarget);
  const requiredNursingBeds = o.share === null || beds === null ? null : requiredShare(beds, o.share);
  return {
    index,
    region: row.region,
    population,
    elderPopulation: elders,
    childcare: {
      existingSlots: slots,
      requiredSlots,
      gap: slots === null ? null : gapOf(requiredSlots, slots),
      surplus: slots === null ? null : gapOf(slots, requiredSlots),
      slotsPer1000: slots === null ? null : ratioOf(slots, population, 1000),
      enrolled,
      utilization: enrolled === null || slots === null || slots === 0 ? null : ratioOf(enrolled, slots, 100),
    },
    elderCare: {
      existingBeds: beds,
      requiredBeds,
      gap: requiredBeds === null || beds === null ? null : gapOf(requiredBeds, beds),
      surplus: requiredBeds === null || beds === null ? null : gapOf(beds, requiredBeds),
      bedsPer1000Elders: beds === null || elders === null || elders === 0 ? null : ratioOf(beds, elders, 1000),
    },
    nursingCare: {
      nursingBeds: nursing,
      requiredNursingBeds,
      gap: requiredNursingBeds === null || nursing === null ? null : gapOf(requiredNursingBeds, nursing),
      surplus: requiredNursingBeds === null || nursing === null ? null : gapOf(nursing, requiredNursingBeds),
      nursingBedShare: nursing === null || beds === null || beds === 0 ? null : ratioOf(nursing, beds, 100),
    },
  };
}

function assessWith(row: unknown, index: number, o: CompiledOptions): RegionAssessment {
  const valid = isRegionRow(row) ? row : parse(RegionRowSchema, row, ROW_LABEL);
  return assessParsed(valid, index, o);
}

/**
 * 单个区域评估 — assess one row as {@link assessRegions} does (the per-row step, for a caller that streams rows
 * itself, such as the CLI): slots required, gap, surplus, slots per 1000 and utilisation; beds per 1000 elders and
 * the bed gap against `bedTargetPer1000`; the nursing-bed share and the nursing beds needed for
 * `nursingShareTarget`. Ratios carry `value` unrounded and `rounded` half-up to 2 decimals. The options are
 * validated once and remembered while the same unchanged object is passed.
 *
 * @param row - `{ region, population, elderPopulation?, existingSlots?, enrolled?, existingBeds?, nursingBeds? }`
 * @param options - `{ targetPer1000, bedTargetPer1000?, nursingShareTarget?, elderAge? }`
 * @param index - the row's position, recorded in the result (default 0)
 * @returns the row's assessment
 * @throws {CarekitError} INVALID_INPUT / OUT_OF_RANGE for a bad row (field path in `issues`) or bad options (path
 *   `options.…`)
 * @see 国家卫生健康委《托育机构设置标准（试行）》（国卫人口发〔2019〕58号，2019-10-08）第五条 — planning by resident
 *   population
 * @example
 * {@includeCode ../test/assess.test.ts#assessRegion}
 */
export function assessRegion(row: RegionRow, options: AssessRegionsOptions, index = 0): RegionAssessment {
  const o = readInput(() => optionsOf(options), OPTIONS_LABEL, ["options"]);
  if (!Number.isSafeInteger(index) || index < 0) {
    throw fieldError("INVALID_INPUT", "index", "index must be a whole number ≥ 0", "index 必须是不小于 0 的整数");
  }
  return readInput(() => assessWith(row, index, o), ROW_LABEL);
}

const OPTIONS_LABEL = { en: "assessment options", zh: "评估选项" };

/** A streaming totals accumulator; see {@link createRegionTotals}. */
export interface RegionTotalsAccumulator {
  /** Add one row's assessment; throws `OUT_OF_RANGE` (and adds nothing) when a sum would pass 2^53. */
  add(result: RegionAssessment): void;
  /** The totals of the rows added so far (a fresh object each call). */
  result(): RegionTotals;
}

const SUM_KEYS = [
  "population",
  "elders",
  "eldersGiven",
  "slots",
  "slotsRows",
  "requiredSlots",
  "populationWithSlots",
  "slotGap",
  "slotSurplus",
  "enrolled",
  "enrolledGiven",
  "slotsWithEnrolled",
  "enrolledWithSlots",
  "beds",
  "bedsRows",
  "bedsOfElders",
  "eldersWithBeds",
  "requiredBeds",
  "requiredBedsRows",
  "bedGap",
  "bedSurplus",
  "bedGapRows",
  "nursingBeds",
  "nursingRows",
  "bedsWithNursing",
  "requiredNursingBeds",
  "requiredNursingRows",
  "nursingBedGap",
  "nursingBedSurplus",
  "nursingGapRows",
] as const;

type Sums = Record<(typeof SUM_KEYS)[number], number>;

function emptySums(): Sums {
  const sums = {} as Sums;
  for (const key of SUM_KEYS) sums[key] = 0;
  return sums;
}

/**
 * 合计累加器 — a streaming accumulator of {@link RegionTotals}: `add` each row's {@link RegionAssessment} (from
 * {@link assessRegion}) as it comes, read `result()` at the end. Its memory does not grow with the number of rows,
 * and it gives exactly the totals {@link assessRegions} gives for the same rows. A column no row gave is `null`
 * ("not given"), never 0.
 *
 * @returns `{ add(result), result() }`
 * @throws {CarekitError} never when created; `add` throws OUT_OF_RANGE when a sum would exceed 2^53 − 1
 * @see 重庆市大足区人民政府办公室《重庆市大足区"一老一小"整体解决方案》（大足府办发〔2023〕37号，2023-03-31）— district
 *   totals of slots, enrolment and beds
 * @example
 * {@includeCode ../test/assess.test.ts#createRegionTotals}
 */
export function createRegionTotals(): RegionTotalsAccumulator {
  const t = emptySums();
  let rows = 0;
  const next = emptySums();
  return {
    add(result: RegionAssessment): void {
      readInput(() => add(result), { en: "assessment result", zh: "评估结果" });
    },
    result(): RegionTotals {
      return totalsOf();
    },
  };

  function add(r: RegionAssessment): void {
    for (const key of SUM_KEYS) next[key] = t[key];
    const c = r.childcare;
    const e = r.elderCare;
    const n = r.nursingCare;
    next.population += r.population;
    next.requiredSlots += c.requiredSlots;
    if (r.elderPopulation !== null) {
      next.elders += r.elderPopulation;
      next.eldersGiven += 1;
    }
    if (c.existingSlots !== null) {
      next.slots += c.existingSlots;
      next.slotsRows += 1;
      next.populationWithSlots += r.population;
      next.slotGap += c.gap ?? 0;
      next.slotSurplus += c.surplus ?? 0;
      if (c.enrolled !== null) {
        next.enrolledWithSlots += c.enrolled;
        next.slotsWithEnrolled += c.existingSlots;
      }
    }
    if (c.enrolled !== null) {
      next.enrolled += c.enrolled;
      next.enrolledGiven += 1;
    }
    if (e.existingBeds !== null) {
      next.beds += e.existingBeds;
      next.bedsRows += 1;
      if (r.elderPopulation !== null && r.elderPopulation > 0) {
        next.bedsOfElders += e.existingBeds;
        next.eldersWithBeds += r.elderPopulation;
      }
      if (n.nursingBeds !== null) next.bedsWithNursing += e.existingBeds;
    }
    if (e.requiredBeds !== null) {
      next.requiredBeds += e.requiredBeds;
      next.requiredBedsRows += 1;
    }
    if (e.gap !== null && e.surplus !== null) {
      next.bedGap += e.gap;
      next.bedSurplus += e.surplus;
      next.bedGapRows += 1;
    }
    if (n.nursingBeds !== null) {
      next.nursingBeds += n.nursingBeds;
      next.nursingRows += 1;
    }
    if (n.requiredNursingBeds !== null) {
      next.requiredNursingBeds += n.requiredNursingBeds;
      next.requiredNursingRows += 1;
    }
    if (n.gap !== null && n.surplus !== null) {
      next.nursingBedGap += n.gap;
      next.nursingBedSurplus += n.surplus;
      next.nursingGapRows += 1;
    }
    for (const key of SUM_KEYS) {
      if (!Number.isSafeInteger(next[key])) {
        throw fieldError(
          "OUT_OF_RANGE",
          "",
          `the totals would exceed ${Number.MAX_SAFE_INTEGER} and could not be exact`,
          `合计将超过 ${Number.MAX_SAFE_INTEGER}，无法精确表示`,
        );
      }
    }
    for (const key of SUM_KEYS) t[key] = next[key];
    rows++;
  }

  function totalsOf(): RegionTotals {
    const given = (sum: number, count: number) => (count === 0 ? null : sum);
    const ratio = (numerator: number, denominator: number, per: number) =>
      denominator === 0 ? null : ratioOf(numerator, denominator, per);
    return {
      rows,
      population: t.population,
      elderPopulation: given(t.elders, t.eldersGiven),
      childcare: {
        rows: t.slotsRows,
        existingSlots: given(t.slots, t.slotsRows),
        requiredSlots: t.requiredSlots,
        gap: given(t.slotGap, t.slotsRows),
        surplus: given(t.slotSurplus, t.slotsRows),
        slotsPer1000: ratio(t.slots, t.populationWithSlots, 1000),
        enrolled: given(t.enrolled, t.enrolledGiven),
        utilization: ratio(t.enrolledWithSlots, t.slotsWithEnrolled, 100),
      },
      elderCare: {
        rows: t.bedsRows,
        existingBeds: given(t.beds, t.bedsRows),
        requiredBeds: given(t.requiredBeds, t.requiredBedsRows),
        gap: given(t.bedGap, t.bedGapRows),
        surplus: given(t.bedSurplus, t.bedGapRows),
        bedsPer1000Elders: ratio(t.bedsOfElders, t.eldersWithBeds, 1000),
      },
      nursingCare: {
        rows: t.nursingRows,
        nursingBeds: given(t.nursingBeds, t.nursingRows),
        requiredNursingBeds: given(t.requiredNursingBeds, t.requiredNursingRows),
        gap: given(t.nursingBedGap, t.nursingGapRows),
        surplus: given(t.nursingBedSurplus, t.nursingGapRows),
        nursingBedShare: ratio(t.nursingBeds, t.bedsWithNursing, 100),
      },
    };
  }
}

function batchTrace(o: CompiledOptions, rows: number, errors: number): TraceStep[] {
  const age = o.elderAge ?? 60;
  return [
    traceStep(
      "requiredSlots",
      "每行所需托位数",
      "slots required per row",
      "ceil(population × targetPer1000 ÷ 1000)",
      { targetPer1000: o.targetPer1000 },
      null,
    ),
    traceStep(
      "requiredBeds",
      `每行所需养老床位数（${age}岁及以上）`,
      `elder-care beds required per row (elders ${age}+)`,
      "ceil(elderPopulation × bedTargetPer1000 ÷ 1000)",
      { bedTargetPer1000: o.bedTargetPer1000 ?? null },
      null,
    ),
    traceStep(
      "requiredNursingBeds",
      "每行所需护理型床位数",
      "nursing beds required per row",
      "ceil(existingBeds × nursingShareTarget)",
      { nursingShareTarget: o.nursingShareTarget ?? null },
      null,
    ),
    traceStep(
      "ratios",
      "比率（value 未舍入，rounded 四舍五入保留 2 位小数）",
      "ratios (value unrounded, rounded half-up to 2 decimals)",
      "existingSlots × 1000 ÷ population; enrolled × 100 ÷ existingSlots; existingBeds × 1000 ÷ elderPopulation; nursingBeds × 100 ÷ existingBeds",
      { rows, errors },
      null,
    ),
  ];
}

const ROWS_LABEL = { en: "rows", zh: "数据行" };

function notIterable(): never {
  throw fieldError(
    "INVALID_INPUT",
    "rows",
    "rows must be an array or another iterable (assessRegionsAsync also takes an async iterable)",
    "rows 必须是数组或其他可迭代对象（assessRegionsAsync 也接受异步可迭代对象）",
  );
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"
  );
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function"
  );
}

/**
 * 分区域评估 — assess a table of districts: per row ({@link assessRegion}) the slots required, gap, surplus, slots
 * per 1000 and utilisation against `targetPer1000`; beds per 1000 elders and the bed gap against `bedTargetPer1000`;
 * the nursing-bed share and the nursing beds needed for `nursingShareTarget`; plus totals
 * ({@link createRegionTotals}). Built on core's `runBatch`: rows come back in input order, a bad row (or one whose
 * getter throws, `UNREADABLE_INPUT`) becomes an error with its index and never stops the batch, and
 * `results.length + errors.length` equals the number of rows. Each row is checked by a fast guard; only a row it
 * rejects goes through zod, to build its detailed error. The trace is given once for the batch.
 *
 * @param rows - an array or any iterable of rows
 *   `{ region, population, elderPopulation?, existingSlots?, enrolled?, existingBeds?, nursingBeds? }`
 * @param options - `{ targetPer1000, bedTargetPer1000?, nursingShareTarget?, elderAge? }`
 * @returns `{ results, errors, totals, trace }`
 * @throws {CarekitError} OUT_OF_RANGE / INVALID_INPUT for bad options (path `options.…`); INVALID_INPUT when
 *   `rows` is not iterable. Bad rows are returned in `errors`, not thrown.
 * @see 重庆市大足区人民政府办公室《重庆市大足区"一老一小"整体解决方案》（大足府办发〔2023〕37号，2023-03-31）— 托位
 *   1727 个，需要 3915 个，缺口 2188 个
 * @example
 * {@includeCode ../test/assess.test.ts#example}
 */
export function assessRegions(rows: Iterable<RegionRow | unknown>, options: AssessRegionsOptions): RegionsAssessment {
  const o = compileOptions(options);
  if (!readInput(() => isIterable(rows), ROWS_LABEL, ["rows"])) notIterable();
  const totals = createRegionTotals();
  const { results, errors } = runBatch(rows, (row, index) => {
    const result = assessWith(row, index, o);
    totals.add(result);
    return result;
  });
  return { results, errors, totals: totals.result(), trace: batchTrace(o, results.length, errors.length) };
}

/**
 * 分区域评估（异步） — {@link assessRegions} over an async iterable (a stream of parsed rows) or any iterable,
 * built on core's `runBatchAsync`; the same results, errors, totals and trace.
 *
 * @param rows - an async iterable or iterable of rows
 * @param options - `{ targetPer1000, bedTargetPer1000?, nursingShareTarget?, elderAge? }`
 * @returns a promise of `{ results, errors, totals, trace }`
 * @throws {CarekitError} (as a rejected promise) OUT_OF_RANGE / INVALID_INPUT for bad options; INVALID_INPUT when
 *   `rows` is not (async) iterable
 * @see 重庆市大足区人民政府办公室《重庆市大足区"一老一小"整体解决方案》（大足府办发〔2023〕37号，2023-03-31）
 * @example
 * {@includeCode ../test/assess.test.ts#assessRegionsAsync}
 */
export async function assessRegionsAsync(
  rows: AsyncIterable<RegionRow | unknown> | Iterable<RegionRow | unknown>,
  options: AssessRegionsOptions,
): Promise<RegionsAssessment> {
  const o = compileOptions(options);
  // a sync iterable goes through the sync runner: `for await` over it would await each row, reading its `then`,
  // and a row whose getter throws would reject the whole batch instead of becoming that row's error
  if (!readInput(() => isAsyncIterable(rows), ROWS_LABEL, ["rows"])) {
    return readInput(() => isIterable(rows), ROWS_LABEL, ["rows"])
      ? assessRegions(rows as Iterable<unknown>, options)
      : notIterable();
  }
  const totals = createRegionTotals();
  const { results, errors } = await runBatchAsync(rows, (row, index) => {
    const result = assessWith(row, index, o);
    totals.add(result);
    return result;
  });
  return { results, errors, totals: totals.result(), trace: batchTrace(o, results.length, errors.length) };
}
