import { IsoDateSchema, LabelSchema, parseInput, SourceSchema, type TraceSource } from "@carekit/core";
import { deepFreeze, fieldError, formatPath, toScaledInteger } from "@carekit/core/internal";
import * as z from "zod";
import { type IndicatorDefinition, IndicatorDefinitionSchema, IndicatorIdSchema } from "./definition.js";
import { atBoundary } from "./internal/boundary.js";
import { DataRegionSchema, traceSourceOf } from "./source.js";

/**
 * Decimals a plan or observed value may carry (表中数值的小数位): 32.30% is `32.3`, 65.78% is `65.78`.
 *
 * @example
 * ```ts
 * import { PLAN_VALUE_DECIMALS, assessProgress, plans } from "@carekit/indicators";
 *
 * PLAN_VALUE_DECIMALS; // → 4
 * // 32.30 % is 32.3, and 65.78 % is 65.78; a fifth decimal is refused
 * const plan = plans.dazu2023;
 * assessProgress({ plan, indicatorId: "nursingBedShare", observed: { year: 2023, value: 45.12345 } }); // → throws OUT_OF_RANGE
 * ```
 */
export const PLAN_VALUE_DECIMALS = 4;
const VALUE_SCALE = 10 ** PLAN_VALUE_DECIMALS;

const YearSchema = /* @__PURE__ */ z.int().min(1949).max(2100);
const ValueSchema = /* @__PURE__ */ z.number().nonnegative().max(1e9);

/** How an observed value is compared with a target (目标比较方式): `>=` 达到/不低于, `>` 高于, `<=`, `<`, `=`. */
export type Comparator = ">=" | ">" | "<=" | "<" | "=";

/**
 * Zod schema of one row of a plan (规划指标): the indicator it refers to, the baseline (基期值, may be missing),
 * the target (目标值) with its comparator, the attribute 约束性 (`binding`), 预期性 (`expected`) or `unlabelled`
 * (a source that prints a target without saying which — never guessed), and the
 * responsible departments (责任部门). Values are in the indicator's unit as the plan prints them.
 *
 * @example
 * ```ts
 * import { PlanEntrySchema } from "@carekit/indicators";
 *
 * // 大足区 表2-1: 老年人健康管理率 65.78 % (2020) → “>70%” (2025), 约束性
 * const row = {
 *   indicatorId: "elderHealthManagementRate",
 *   baseline: { year: 2020, value: 65.78 },
 *   target: { year: 2025, value: 70, comparator: ">" },
 *   attribute: "binding",
 *   responsible: ["区卫生健康委"],
 * };
 * PlanEntrySchema.safeParse(row).success; // → true
 * // the attribute is binding, expected or unlabelled
 * PlanEntrySchema.safeParse({ ...row, attribute: "约束性" }).success; // → false
 * ```
 */
export const PlanEntrySchema = /* @__PURE__ */ z.strictObject({
  indicatorId: IndicatorIdSchema,
  baseline: z.strictObject({ year: YearSchema, value: ValueSchema }).optional(),
  target: z.strictObject({
    year: YearSchema,
    value: ValueSchema,
    comparator: z.enum([">=", ">", "<=", "<", "="]),
  }),
  attribute: z.enum(["binding", "expected", "unlabelled"]),
  responsible: z.array(z.string().min(1).max(100)).max(20),
  /** A citation for this row when it differs from the plan's own source (a national anchor, say). */
  source: SourceSchema.optional(),
  note: z.string().min(1).max(1000).optional(),
});

/** One row of a plan, see {@link PlanEntrySchema}. */
export type PlanEntry = z.output<typeof PlanEntrySchema>;

/**
 * Zod schema of a {@link Plan} (规划) as a data module: `id`, `version`, `effectiveFrom`/`effectiveTo`, `region`
 * (six-digit GB/T 2260 code, or `CN` for national), `source`, the `indicators` it uses and its `entries`.
 * Structure only — {@link definePlan} adds the cross-checks.
 *
 * @example
 * ```ts
 * import { PlanSchema, plans } from "@carekit/indicators";
 *
 * // every bundled plan passes its schema
 * Object.values(plans).every((plan) => PlanSchema.safeParse(plan).success); // → true
 * // a plan has at least one row
 * PlanSchema.safeParse({ ...plans.dazu2023, entries: [] }).success; // → false
 * ```
 */
export const PlanSchema = /* @__PURE__ */ z.strictObject({
  id: IndicatorIdSchema,
  version: z.string().min(1).max(40),
  name: LabelSchema,
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.optional(),
  region: DataRegionSchema,
  source: SourceSchema,
  indicators: z.array(IndicatorDefinitionSchema).min(1).max(500),
  entries: z.array(PlanEntrySchema).min(1).max(500),
});

/**
 * A plan (规划指标表): targets for indicators, kept apart from the definitions because the same definition carries
 * different targets in different plans (大足区 2025 vs national 十四五).
 */
export type Plan = z.output<typeof PlanSchema>;

const COMPARATORS_BY_POLARITY: Record<IndicatorDefinition["polarity"], readonly Comparator[]> = {
  increase: [">=", ">", "="],
  decrease: ["<=", "<", "="],
  target: ["="],
};

/** A plan row with its definition and its position in the plan. */
export interface PlanRow {
  readonly entry: PlanEntry;
  readonly definition: IndicatorDefinition;
  readonly order: number;
  /** Target and baseline values as exact integers of 10^-4. */
  readonly target: number;
  readonly baseline: number | null;
  /** The document the row's target comes from: the row's own source, else the plan's. */
  readonly source: TraceSource;
}

/** Validate a plan's structure and its cross-references; returns its rows by indicator id. */
export function checkPlan(
  input: unknown,
  path: readonly PropertyKey[] = [],
): { plan: Plan; byId: Map<string, IndicatorDefinition>; rows: Map<string, PlanRow> } {
  const plan = parseInput(PlanSchema, input, { path, label: { en: "plan", zh: "规划" } });
  const prefix = formatPath(path);
  const at = (suffix: string) => (prefix === "" ? suffix : `${prefix}.${suffix}`);
  const byId = new Map<string, IndicatorDefinition>();
  plan.indicators.forEach((definition, i) => {
    if (byId.has(definition.id)) {
      throw fieldError(
        "INVALID_INPUT",
        at(`indicators[${i}].id`),
        `duplicate indicator ${definition.id}`,
        `指标 ${definition.id} 重复`,
      );
    }
    byId.set(definition.id, definition);
  });
  const rows = new Map<string, PlanRow>();
  plan.entries.forEach((entry, i) => {
    const row = at(`entries[${i}]`);
    const definition = byId.get(entry.indicatorId);
    if (!definition) {
      throw fieldError(
        "UNKNOWN_INDICATOR",
        `${row}.indicatorId`,
        `${entry.indicatorId} is not among the plan's indicators`,
        `指标 ${entry.indicatorId} 未在规划的指标定义中`,
      );
    }
    if (rows.has(entry.indicatorId)) {
      throw fieldError(
        "INVALID_INPUT",
        `${row}.indicatorId`,
        `${entry.indicatorId} has two rows`,
        `指标 ${entry.indicatorId} 出现两行`,
      );
    }
    const target = checkValue(definition, entry.target.value, `${row}.target.value`);
    const baseline = entry.baseline ? checkValue(definition, entry.baseline.value, `${row}.baseline.value`) : null;
    rows.set(entry.indicatorId, {
      entry,
      definition,
      order: i,
      target,
      baseline,
      source: traceSourceOf(entry.source ?? plan.source),
    });
    if (entry.baseline) {
      if (entry.target.year < entry.baseline.year) {
        throw fieldError(
          "OUT_OF_RANGE",
          `${row}.target.year`,
          `target year ${entry.target.year} is before baseline year ${entry.baseline.year}`,
          `目标年份 ${entry.target.year} 早于基期年份 ${entry.baseline.year}`,
        );
      }
    }
    if (!COMPARATORS_BY_POLARITY[definition.polarity].includes(entry.target.comparator)) {
      throw fieldError(
        "INVALID_INPUT",
        `${row}.target.comparator`,
        `${entry.target.comparator} contradicts the indicator's polarity ${definition.polarity}`,
        `比较方式 ${entry.target.comparator} 与指标方向 ${definition.polarity} 矛盾`,
      );
    }
  });
  return { plan, byId, rows };
}

/** A field path given as text or built only when an error needs it. */
function pathOf(path: string | (() => string), suffix: string): string {
  return `${typeof path === "string" ? path : path()}${suffix}`;
}

/**
 * Check a value in an indicator's unit (指标值校验): at most {@link PLAN_VALUE_DECIMALS} decimals, and a proportion
 * no larger than its factor (a percent above 100 is an error). Returns the value scaled by 10^4 as an exact integer.
 *
 * @throws {CarekitError} `OUT_OF_RANGE` at `path`
 */
export function checkValue(
  definition: IndicatorDefinition,
  value: number,
  path: string | (() => string),
  suffix = "",
): number {
  // fast path: a value with at most 4 decimals is the double nearest to its scaled integer ÷ 10^4
  const quick = Math.round(value * VALUE_SCALE);
  const scaled =
    Number.isSafeInteger(quick) && quick >= 0 && quick / VALUE_SCALE === value
      ? quick
      : toScaledInteger(value, PLAN_VALUE_DECIMALS, pathOf(path, suffix));
  if (definition.scoring === "proportion" && value > definition.factor) {
    throw fieldError(
      "OUT_OF_RANGE",
      pathOf(path, suffix),
      `${value} ${definition.unit} exceeds the largest possible proportion (${definition.factor})`,
      `${value}${definition.unit} 超过比例型指标的上限 ${definition.factor}`,
    );
  }
  return scaled;
}

/**
 * Validate a plan and freeze it (定义规划): structure, every entry's indicator among `indicators`, one row per
 * indicator, target year not before baseline year, values in range (no percent above 100 for a proportion) and a
 * comparator that agrees with the indicator's polarity.
 *
 * @returns the same plan, deeply frozen
 * @throws {CarekitError} `INVALID_INPUT` for structure; `UNKNOWN_INDICATOR` for an entry whose indicator is not
 *   defined; `OUT_OF_RANGE` for a target year before the baseline year or a value out of range
 * @see 大足府办发〔2023〕37号 表2-1 (the shape of a district plan)
 * @example
 * ```ts
 * import { catalogues, definePlan } from "@carekit/indicators";
 *
 * // 大足区's nursing-bed row of 表2-1 as a plan of its own
 * const nursingBedShare = catalogues.yilaoYixiao.indicators.find((definition) => definition.id === "nursingBedShare")!;
 * const plan = definePlan({
 *   id: "dazuNursingBeds",
 *   version: "2023",
 *   name: { zh: "大足区护理型床位占比目标", en: "大足区 nursing-bed share target" },
 *   effectiveFrom: "2023-03-31",
 *   region: "500111",
 *   source: { title: "重庆市大足区“一老一小”整体解决方案", number: "大足府办发〔2023〕37号", confidence: "CONFIRMED" },
 *   indicators: [nursingBedShare],
 *   entries: [
 *     {
 *       indicatorId: "nursingBedShare",
 *       baseline: { year: 2020, value: 32.3 },
 *       target: { year: 2025, value: 60, comparator: ">=" },
 *       attribute: "binding",
 *       responsible: ["区民政局"],
 *     },
 *   ],
 * });
 * Object.isFrozen(plan); // → true
 * // a row for an indicator the plan does not define, or a target before its baseline
 * definePlan({ ...plan, entries: [{ ...plan.entries[0]!, indicatorId: "slotsPer1000" }] }); // → throws UNKNOWN_INDICATOR
 * const early = { ...plan.entries[0]!, target: { year: 2019, value: 60, comparator: ">=" as const } };
 * definePlan({ ...plan, entries: [early] }); // → throws OUT_OF_RANGE
 * ```
 */
export function definePlan(plan: Plan): Plan {
  try {
    return deepFreeze(checkPlan(plan).plan);
  } catch (error) {
    throw atBoundary(error, { en: "plan", zh: "规划" });
  }
}
