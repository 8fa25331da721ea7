import { type BatchError, type BatchResult, runBatch, runBatchAsync, type TraceStep } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import { type Ratio, ratioOf, requiredPer1000, requiredShare, scaled } from "./exact.js";
import { isRegionRow, MAX_COUNT, MAX_REGION_LENGTH, type ParsedRegionRow } from "./internal/region-row.js";
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
 * ```ts
 * import { RegionRowSchema } from "@carekit/capacity";
 *
 * // 大足区 2025 (大足府办发〔2023〕37号): residents, slots, children enrolled, residents aged 60+ and beds
 * const dazu = {
 *   region: "大足区",
 *   population: 870_000,
 *   existingSlots: 1727,
 *   enrolled: 1234,
 *   elderPopulation: 188_900,
 *   existingBeds: 7432,
 * };
 * RegionRowSchema.safeParse(dazu).success; // → true
 * // a row may know only its population
 * RegionRowSchema.safeParse({ region: "重庆高新区", population: 575_100 }).success; // → true
 * // slots are whole, and a field under another name is refused
 * RegionRowSchema.safeParse({ ...dazu, existingSlots: 1727.5 }).success; // → false
 * RegionRowSchema.safeParse({ region: "大足区", population: 870_000, slots: 1727 }).success; // → false
 * ```
 */
export const RegionRowSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    region: z.string().min(1).max(MAX_REGION_LENGTH),
    population: PopulationSchema,
    elderPopulation: CountSchema.optional(),
    existingSlots: CountSchema.optional(),
    enrolled: CountSchema.optional(),
    existingBeds: CountSchema.optional(),
    nursingBeds: CountSchema.optional(),
  }))();

/** One row of {@link assessRegions}; see {@link RegionRowSchema}. */
export type RegionRow = z.input<typeof RegionRowSchema>;

/**
 * Zod schema of the options of {@link assessRegions} and {@link assessRegion}.
 *
 * @example
 * ```ts
 * import { AssessRegionsOptionsSchema } from "@carekit/capacity";
 *
 * // 4.5 slots per 1000 residents and 35 beds per 1000 residents aged 60+
 * AssessRegionsOptionsSchema.safeParse({ targetPer1000: 4.5, bedTargetPer1000: 35 }).success; // → true
 * // the slots target is required and must be at least 0.1 per 1000
 * AssessRegionsOptionsSchema.safeParse({ bedTargetPer1000: 35 }).success; // → false
 * AssessRegionsOptionsSchema.safeParse({ targetPer1000: 0 }).success; // → false
 * // elders are counted from 60 or from 65
 * AssessRegionsOptionsSchema.safeParse({ targetPer1000: 4.5, elderAge: 70 }).success; // → false
 * ```
 */
export const AssessRegionsOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    targetPer1000: TargetPer1000Schema,
    bedTargetPer1000: TargetPer1000Schema.optional(),
    nursingShareTarget: ShareSchema.optional(),
    elderAge: ElderAgeSchema.optional(),
  }))();

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
 * ```ts
 * import { assessRegion } from "@carekit/capacity";
 *
 * const result = assessRegion({ region: "大足区", population: 870_000, existingSlots: 1727 }, { targetPer1000: 4.5 });
 * result.childcare.requiredSlots; // → 3915
 * result.childcare.gap; // → 2188
 * result.childcare.slotsPer1000?.rounded; // → 1.99
 * ```
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

/**
 * The sums behind {@link RegionTotals}, as plain number fields (one object shape, updated in place). Every addend of
 * an assessment made by {@link assessRegion} is a whole number from 0 to 2×10^9, so while fewer than
 * {@link EXACT_ROWS} rows have been added no sum can pass 2^53: only beyond that is each sum checked.
 */
class Sums {
  rows = 0;
  population = 0;
  elders = 0;
  eldersGiven = 0;
  slots = 0;
  slotsRows = 0;
  requiredSlots = 0;
  populationWithSlots = 0;
  slotGap = 0;
  slotSurplus = 0;
  enrolled = 0;
  enrolledGiven = 0;
  slotsWithEnrolled = 0;
  enrolledWithSlots = 0;
  beds = 0;
  bedsRows = 0;
  bedsOfElders = 0;
  eldersWithBeds = 0;
  requiredBeds = 0;
  requiredBedsRows = 0;
  bedGap = 0;
  bedSurplus = 0;
  bedGapRows = 0;
  nursingBeds = 0;
  nursingRows = 0;
  bedsWithNursing = 0;
  requiredNursingBeds = 0;
  requiredNursingRows = 0;
  nursingBedGap = 0;
  nursingBedSurplus = 0;
  nursingGapRows = 0;
}

/** Rows that can be summed with no check: 4,503,599 × 2×10^9 < 2^53. */
const EXACT_ROWS = Math.floor(Number.MAX_SAFE_INTEGER / MAX_COUNT);

function isAddend(value: unknown): boolean {
  return value === null || (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT);
}

function isRatioOrNull(value: unknown): boolean {
  return value === null || (typeof value === "object" && value !== undefined);
}

/** Whether `r` has the shape and bounds of an assessment {@link assessRegion} makes. */
function isAssessment(r: RegionAssessment): boolean {
  const c = r.childcare;
  const e = r.elderCare;
  const n = r.nursingCare;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof c === "object" &&
    c !== null &&
    typeof e === "object" &&
    e !== null &&
    typeof n === "object" &&
    n !== null &&
    isAddend(r.population) &&
    r.population !== null &&
    isAddend(r.elderPopulation) &&
    isAddend(c.existingSlots) &&
    isAddend(c.requiredSlots) &&
    c.requiredSlots !== null &&
    isAddend(c.gap) &&
    isAddend(c.surplus) &&
    isAddend(c.enrolled) &&
    isAddend(e.existingBeds) &&
    isAddend(e.requiredBeds) &&
    isAddend(e.gap) &&
    isAddend(e.surplus) &&
    isAddend(n.nursingBeds) &&
    isAddend(n.requiredNursingBeds) &&
    isAddend(n.gap) &&
    isAddend(n.surplus) &&
    isRatioOrNull(c.slotsPer1000)
  );
}

function addTo(t: Sums, r: RegionAssessment): void {
  const c = r.childcare;
  const e = r.elderCare;
  const n = r.nursingCare;
  t.rows++;
  t.population += r.population;
  t.requiredSlots += c.requiredSlots;
  const elders = r.elderPopulation;
  if (elders !== null) {
    t.elders += elders;
    t.eldersGiven++;
  }
  const slots = c.existingSlots;
  if (slots !== null) {
    t.slots += slots;
    t.slotsRows++;
    t.populationWithSlots += r.population;
    t.slotGap += c.gap ?? 0;
    t.slotSurplus += c.surplus ?? 0;
    if (c.enrolled !== null) {
      t.enrolledWithSlots += c.enrolled;
      t.slotsWithEnrolled += slots;
    }
  }
  if (c.enrolled !== null) {
    t.enrolled += c.enrolled;
    t.enrolledGiven++;
  }
  const beds = e.existingBeds;
  if (beds !== null) {
    t.beds += beds;
    t.bedsRows++;
    if (elders !== null && elders > 0) {
      t.bedsOfElders += beds;
      t.eldersWithBeds += elders;
    }
    if (n.nursingBeds !== null) t.bedsWithNursing += beds;
  }
  if (e.requiredBeds !== null) {
    t.requiredBeds += e.requiredBeds;
    t.requiredBedsRows++;
  }
  if (e.gap !== null && e.surplus !== null) {
    t.bedGap += e.gap;
    t.bedSurplus += e.surplus;
    t.bedGapRows++;
  }
  if (n.nursingBeds !== null) {
    t.nursingBeds += n.nursingBeds;
    t.nursingRows++;
  }
  if (n.requiredNursingBeds !== null) {
    t.requiredNursingBeds += n.requiredNursingBeds;
    t.requiredNursingRows++;
  }
  if (n.gap !== null && n.surplus !== null) {
    t.nursingBedGap += n.gap;
    t.nursingBedSurplus += n.surplus;
    t.nursingGapRows++;
  }
}

function allSafe(t: Sums): boolean {
  for (const value of Object.values(t)) if (!Number.isSafeInteger(value)) return false;
  return true;
}

function tooLarge(): never {
  throw fieldError(
    "OUT_OF_RANGE",
    "",
    `the totals would exceed ${Number.MAX_SAFE_INTEGER} and could not be exact`,
    `合计将超过 ${Number.MAX_SAFE_INTEGER}，无法精确表示`,
  );
}

/** Add a trusted assessment (one {@link assessRegion} made): no shape check; sums checked only past EXACT_ROWS. */
function addTrusted(t: Sums, r: RegionAssessment): void {
  if (t.rows < EXACT_ROWS) {
    addTo(t, r);
    return;
  }
  const next = Object.assign(new Sums(), t);
  addTo(next, r);
  if (!allSafe(next)) tooLarge();
  Object.assign(t, next);
}

function totalsOf(t: Sums): RegionTotals {
  const given = (sum: number, count: number) => (count === 0 ? null : sum);
  const ratio = (numerator: number, denominator: number, per: number) =>
    denominator === 0 ? null : ratioOf(numerator, denominator, per);
  return {
    rows: t.rows,
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
 * ```ts
 * import { assessRegion, createRegionTotals } from "@carekit/capacity";
 *
 * const totals = createRegionTotals();
 * totals.add(assessRegion({ region: "龙岗街道", population: 100_000, existingSlots: 300 }, { targetPer1000: 4.5 }));
 * totals.add(assessRegion({ region: "棠香街道", population: 50_000 }, { targetPer1000: 4.5 }));
 * totals.result().childcare.requiredSlots; // → 675
 * totals.result().childcare.existingSlots; // → 300
 * totals.result().childcare.rows; // → 1
 * totals.result().elderCare.existingBeds; // → null
 * ```
 */
export function createRegionTotals(): RegionTotalsAccumulator {
  const t = new Sums();
  return {
    add(result: RegionAssessment): void {
      const ok = readInput(() => isAssessment(result), { en: "assessment result", zh: "评估结果" });
      if (!ok) {
        throw fieldError(
          "INVALID_INPUT",
          "",
          "add takes an assessment made by assessRegion (counts from 0 to 2×10^9)",
          "add 只接受 assessRegion 返回的评估结果（各数为 0 至 2×10^9 的整数）",
        );
      }
      addTrusted(t, result);
    },
    result(): RegionTotals {
      return totalsOf(t);
    },
  };
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
 * ```ts
 * import { assessRegions } from "@carekit/capacity";
 *
 * const { results, errors, totals } = assessRegions(
 *   [
 *     { region: "大足区", population: 870_000, existingSlots: 1727, enrolled: 1234 },
 *     { region: "坏数据", population: -1 },
 *   ],
 *   { targetPer1000: 4.5 },
 * );
 * results[0]?.childcare.gap; // → 2188
 * results[0]?.childcare.utilization?.rounded; // → 71.45
 * errors.map((e) => [e.index, e.code]); // → [[1, "OUT_OF_RANGE"]]
 * totals.childcare.requiredSlots; // → 3915
 * ```
 */
export function assessRegions(rows: Iterable<RegionRow | unknown>, options: AssessRegionsOptions): RegionsAssessment {
  const o = compileOptions(options);
  if (!readInput(() => isIterable(rows), ROWS_LABEL, ["rows"])) notIterable();
  const sums = new Sums();
  const { results, errors } = runBatch(rows, (row, index) => {
    const result = assessWith(row, index, o);
    addTrusted(sums, result);
    return result;
  });
  return { results, errors, totals: totalsOf(sums), trace: batchTrace(o, results.length, errors.length) };
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
 * ```ts
 * import { assessRegionsAsync } from "@carekit/capacity";
 *
 * async function* rows() {
 *   yield { region: "大足区", population: 870_000, existingSlots: 1727 };
 *   yield { region: "重庆高新区", population: 575_100 };
 * }
 * const streamed = await assessRegionsAsync(rows(), { targetPer1000: 4.5 });
 * streamed.results.map((r) => r.childcare.gap); // → [2188, null]
 * streamed.totals.childcare.requiredSlots; // → 6503
 * ```
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
  const sums = new Sums();
  const { results, errors } = await runBatchAsync(rows, (row, index) => {
    const result = assessWith(row, index, o);
    addTrusted(sums, result);
    return result;
  });
  return { results, errors, totals: totalsOf(sums), trace: batchTrace(o, results.length, errors.length) };
}
