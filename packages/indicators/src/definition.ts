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
 * {@includeCode ../test/definition.test.ts#id}
 */
export const FACTORS = [1, 100, 1000, 10000, 100000] as const;

/**
 * Zod schema of an indicator identifier (指标标识): camelCase ASCII, 1–64 characters (`slotsPer1000`), never
 * `constructor` or `prototype`.
 *
 * @example
 * {@includeCode ../test/definition.test.ts#id}
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
 * {@includeCode ../test/definition.test.ts#population}
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
 * {@includeCode ../test/definition.test.ts#define}
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
 * {@includeCode ../test/definition.test.ts#define}
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
 * {@includeCode ../test/definition.test.ts#define}
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
