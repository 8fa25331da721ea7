import { isCarekitError, LabelSchema, parseInput, SourceSchema } from "@carekit/core";
import { deepFreeze } from "@carekit/core/internal";
import * as z from "zod";
import { isInputName, parseExpression } from "./expression.js";
import { atBoundary } from "./internal/boundary.js";

/**
 * Multipliers an indicator may apply to numerator ÷ denominator (系数): DHIS2 indicator-type factors — 1, 100 (per
 * cent), 1000 (per thousand), 10000, 100000.
 *
 * @see DHIS2 User Manual, "Manage indicators" — indicator types and their factors
 * @example
 * ```ts
 * import { FACTORS, catalogues } from "@carekit/indicators";
 *
 * FACTORS; // → [1, 100, 1000, 10000, 100000]
 * // 托位 are per 1000 residents, 护理型床位占比 per cent
 * const [slots, nursing] = ["slotsPer1000", "nursingBedShare"].map((id) =>
 *   catalogues.yilaoYixiao.indicators.find((definition) => definition.id === id),
 * );
 * [slots?.factor, nursing?.factor]; // → [1000, 100]
 * ```
 */
export const FACTORS = [1, 100, 1000, 10000, 100000] as const;

/**
 * Zod schema of an indicator identifier (指标标识): camelCase ASCII, 1–64 characters (`slotsPer1000`), never
 * `constructor` or `prototype`.
 *
 * @example
 * ```ts
 * import { IndicatorIdSchema } from "@carekit/indicators";
 *
 * IndicatorIdSchema.safeParse("slotsPer1000").success; // → true
 * // camelCase only, and never a reserved name
 * IndicatorIdSchema.safeParse("slots_per_1000").success; // → false
 * IndicatorIdSchema.safeParse("constructor").success; // → false
 * ```
 */
export const IndicatorIdSchema = /* @__PURE__ */ z
  .string()
  .refine((id) => /^[a-z][A-Za-z0-9]{0,63}$/.test(id) && isInputName(id), {
    error: "must be camelCase ASCII: a lower-case letter, then letters or digits (at most 64), not a reserved name",
    params: { zh: "必须是驼峰式英文标识符：小写字母开头，只含字母和数字（最多 64 位），且不是保留名称" },
  });

const ExpressionSchema = /* @__PURE__ */ z.string().check((ctx) => {
  try {
    parseExpression(ctx.value, "");
  } catch (error) {
    if (!isCarekitError(error)) throw error;
    const [first] = error.issues;
    ctx.issues.push({
      code: "custom",
      input: ctx.value,
      message: first?.message ?? error.message,
      params: { zh: first?.messageZh ?? error.messageZh },
    });
  }
});

/**
 * Zod schema of the population a numerator or denominator counts (统计人群): `basis` 常住 (`resident`), 户籍
 * (`registered`) or `unspecified`, an age band `[ageMin, ageBelow)` in completed years, and the Chinese wording.
 *
 * @example
 * ```ts
 * import { PopulationSchema } from "@carekit/indicators";
 *
 * // 老年人健康管理率 counts residents aged 65+
 * PopulationSchema.parse({ basis: "resident", ageMin: 65, zh: "年内辖区内65岁及以上常住居民" }).ageMin; // → 65
 * // an age band [ageMin, ageBelow) must not be empty
 * const band = PopulationSchema.safeParse({ basis: "resident", ageMin: 65, ageBelow: 60, zh: "65岁以上、60岁以下" });
 * band.success; // → false
 * band.error?.issues[0]?.path; // → ["ageBelow"]
 * ```
 */
export const PopulationSchema = /* @__PURE__ */ z
  .strictObject({
    basis: z.enum(["resident", "registered", "unspecified"]),
    ageMin: z.int().min(0).max(150).optional(),
    ageBelow: z.int().min(1).max(150).optional(),
    zh: z.string().min(1).max(200),
  })
  .refine((p) => p.ageMin === undefined || p.ageBelow === undefined || p.ageMin < p.ageBelow, {
    error: "ageMin must be below ageBelow",
    params: { zh: "起始年龄必须小于截止年龄" },
    path: ["ageBelow"],
  });

/**
 * Zod schema of a numerator or denominator (分子/分母): its `definition` in both languages, the `population` it
 * counts and an optional `expression` over named inputs (`nursingBeds`, `kindergartenSlots + providerSlots`).
 * Without an expression the input is named `numerator` or `denominator`.
 *
 * @example
 * ```ts
 * import { TermSchema } from "@carekit/indicators";
 *
 * // 托位数 = kindergarten classes + childcare providers
 * const slots = {
 *   definition: { zh: "托位数（幼儿园托班 + 社会托育机构）", en: "slots (kindergarten classes + providers)" },
 *   expression: "kindergartenSlots + providerSlots",
 * };
 * TermSchema.safeParse(slots).success; // → true
 * // an expression that does not parse is refused
 * TermSchema.safeParse({ ...slots, expression: "kindergartenSlots +" }).success; // → false
 * ```
 */
export const TermSchema = /* @__PURE__ */ z.strictObject({
  definition: LabelSchema,
  population: PopulationSchema.optional(),
  expression: ExpressionSchema.optional(),
});

/**
 * Zod schema of an {@link IndicatorDefinition} (指标定义). Cross-field rules: a `count` has no denominator and
 * factor 1; a `proportion` or `ratio` has a denominator.
 *
 * @example
 * ```ts
 * import { catalogues, IndicatorDefinitionSchema } from "@carekit/indicators";
 *
 * const slots = catalogues.yilaoYixiao.indicators.find((definition) => definition.id === "slotsPer1000");
 * IndicatorDefinitionSchema.safeParse(slots).success; // → true
 * // a count has no denominator; a factor is one of FACTORS
 * IndicatorDefinitionSchema.safeParse({ ...slots, scoring: "count", factor: 1 }).error?.issues[0]?.path; // → ["denominator"]
 * IndicatorDefinitionSchema.safeParse({ ...slots, factor: 50 }).success; // → false
 * ```
 */
export const IndicatorDefinitionSchema = /* @__PURE__ */ z
  .strictObject({
    id: IndicatorIdSchema,
    name: LabelSchema,
    scoring: z.enum(["proportion", "ratio", "count"]),
    numerator: TermSchema,
    denominator: TermSchema.optional(),
    factor: z.literal(FACTORS),
    unit: z.string().min(1).max(32),
    decimals: z.int().min(0).max(4),
    rounding: z.enum(["half-up", "half-even", "down", "up"]).optional(),
    polarity: z.enum(["increase", "decrease", "target"]),
    periodicity: z.enum(["annual", "quarterly", "monthly"]),
    domain: z.enum(["elderCare", "childcare", "health", "insurance", "education", "workforce", "tieredCare"]),
    sources: z.array(SourceSchema).min(1).max(20),
  })
  .check((ctx) => {
    const d = ctx.value;
    const issue = (path: PropertyKey[], message: string, zh: string) =>
      ctx.issues.push({ code: "custom", input: d, path, message, params: { zh } });
    if (d.scoring === "count") {
      if (d.denominator !== undefined) issue(["denominator"], "a count has no denominator", "计数型指标没有分母");
      if (d.factor !== 1) issue(["factor"], "a count has factor 1", "计数型指标的系数必须为 1");
    } else if (d.denominator === undefined) {
      issue(["denominator"], `a ${d.scoring} needs a denominator`, "比例或比率型指标必须有分母");
    }
  });

/**
 * A computable indicator (指标定义): what is counted above and below the line, the factor, unit, decimals,
 * polarity (指标方向), periodicity, domain and sources. Targets live in a {@link Plan}, not here.
 */
export type IndicatorDefinition = z.output<typeof IndicatorDefinitionSchema>;

/** A numerator or denominator, see {@link TermSchema}. */
export type IndicatorTerm = z.output<typeof TermSchema>;

/**
 * Validate an indicator definition and freeze it (定义指标).
 *
 * @param definition - the definition, e.g. parsed from JSON
 * @returns the same definition, deeply frozen
 * @throws {CarekitError} `INVALID_INPUT` with the path of every problem (unknown key, bad expression, count with a
 *   denominator …)
 * @see DHIS2 User Manual, "Manage indicators"; HL7 FHIR R4 Measure (http://hl7.org/fhir/R4/measure.html)
 * @example
 * ```ts
 * import { computeIndicator, defineIndicator } from "@carekit/indicators";
 *
 * // 托位利用率: children enrolled over kindergarten-class and provider slots
 * const utilisation = defineIndicator({
 *   id: "childcareUtilisation",
 *   name: { zh: "托位利用率", en: "Childcare slot utilisation" },
 *   scoring: "proportion",
 *   numerator: { definition: { zh: "实际招收人数", en: "children enrolled" }, expression: "enrolled" },
 *   denominator: {
 *     definition: { zh: "托位数（幼儿园托班 + 社会托育机构）", en: "slots (kindergarten classes + providers)" },
 *     expression: "kindergartenSlots + providerSlots",
 *   },
 *   factor: 100,
 *   unit: "%",
 *   decimals: 2,
 *   polarity: "increase",
 *   periodicity: "annual",
 *   domain: "childcare",
 *   sources: [{ title: "重庆市大足区“一老一小”整体解决方案", number: "大足府办发〔2023〕37号", confidence: "CONFIRMED" }],
 * });
 * Object.isFrozen(utilisation); // → true
 * // 大足区: 873 + 361 children in 891 kindergarten-class and 836 provider slots
 * const inputs = { enrolled: 1234, kindergartenSlots: 891, providerSlots: 836 };
 * computeIndicator({ definition: utilisation, inputs }).rounded; // → 71.45
 * defineIndicator({ ...utilisation, factor: 50 }); // → throws INVALID_INPUT
 * ```
 */
export function defineIndicator(definition: IndicatorDefinition): IndicatorDefinition {
  try {
    const parsed = parseInput(IndicatorDefinitionSchema, definition, {
      label: { en: "indicator definition", zh: "指标定义" },
    });
    return deepFreeze(parsed);
  } catch (error) {
    throw atBoundary(error, { en: "indicator definition", zh: "指标定义" });
  }
}
