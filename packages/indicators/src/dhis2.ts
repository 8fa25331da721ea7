import { parseInput } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import {
  type IndicatorDefinition,
  IndicatorDefinitionSchema,
  IndicatorIdSchema,
  type IndicatorTerm,
} from "./definition.js";
import { isInputName, parseExpression } from "./expression.js";
import { atBoundary } from "./internal/boundary.js";

/**
 * Zod schema of the DHIS2 indicator metadata carekit writes and reads (DHIS2 指标元数据): `name` (≤230),
 * `shortName` (≤50), `code` (≤50), `numerator`/`denominator` expressions with their descriptions, the
 * `indicatorType` carrying the `factor` (`number: true` means no denominator, written as `"1"`), `decimals`,
 * `annualized`, `url` and Chinese `translations`.
 *
 * @see DHIS2 user manual, indicators and indicator types (policy-facts §D1); dhis2-core `Indicator.java`,
 *   `IndicatorType.java`
 * @example
 * {@includeCode ../test/dhis2.test.ts#example}
 */
export const Dhis2IndicatorSchema = /* @__PURE__ */ z
  .strictObject({
    code: z.string().min(1).max(50),
    name: z.string().min(1).max(230),
    shortName: z.string().min(1).max(50),
    numerator: z.string().min(1).max(10_000),
    numeratorDescription: z.string().max(10_000).optional(),
    denominator: z.string().min(1).max(10_000),
    denominatorDescription: z.string().max(10_000).optional(),
    indicatorType: z.strictObject({
      name: z.string().min(1).max(230),
      factor: z.int().positive(),
      number: z.boolean(),
    }),
    decimals: z.int().min(0).max(5).optional(),
    annualized: z.boolean(),
    url: z.string().max(2000).optional(),
    translations: z
      .array(
        z.strictObject({
          locale: z.string().min(2).max(15),
          property: z.enum(["NAME", "SHORT_NAME", "DESCRIPTION", "NUMERATOR_DESCRIPTION", "DENOMINATOR_DESCRIPTION"]),
          value: z.string().min(1).max(10_000),
        }),
      )
      .max(50)
      .optional(),
  })
  .refine((indicator) => !indicator.indicatorType.number || indicator.denominator.trim() === "1", {
    error: 'an indicator type with number: true has denominator "1"',
    params: { zh: "数值型（number: true）指标的分母必须为 1" },
    path: ["denominator"],
  });

/** DHIS2 indicator metadata, see {@link Dhis2IndicatorSchema}. */
export type Dhis2Indicator = z.output<typeof Dhis2IndicatorSchema>;

/** The fields of an {@link IndicatorDefinition} that survive a trip through DHIS2 (DHIS2 可承载的字段). */
export interface Dhis2IndicatorFields {
  /** From DHIS2 `code`. */
  readonly id: string;
  /** From `name` and its `zh` translation. */
  readonly name: { readonly zh: string; readonly en: string };
  /** From `numerator` and `numeratorDescription` (+ `zh` translation). */
  readonly numerator: {
    readonly definition: { readonly zh: string; readonly en: string };
    readonly expression: string;
  };
  /** From `denominator` and `denominatorDescription`; absent for a `number` indicator type. */
  readonly denominator?: {
    readonly definition: { readonly zh: string; readonly en: string };
    readonly expression: string;
  };
  /** From `indicatorType.factor`. */
  readonly factor: IndicatorDefinition["factor"];
  /** From `decimals`. */
  readonly decimals: number;
}

const TYPE_NAMES: Record<IndicatorDefinition["factor"], string> = {
  1: "Ratio (factor 1)",
  100: "Per cent",
  1000: "Per thousand",
  10000: "Per ten thousand",
  100000: "Per hundred thousand",
};

const DataElementsSchema = /* @__PURE__ */ z
  .record(
    z.string(),
    z.string().refine((ref) => /^[A-Za-z0-9_]{1,64}(\.[A-Za-z0-9_]{1,64})?$/.test(ref), {
      error: "must be a DHIS2 data element reference: UID or UID.categoryOptionComboUID",
      params: { zh: "必须是 DHIS2 数据元引用：UID 或 UID.类别选项组合UID" },
    }),
  )
  .optional();

const ExportInputSchema = /* @__PURE__ */ z.strictObject({
  definition: IndicatorDefinitionSchema,
  dataElements: DataElementsSchema,
});

const ImportInputSchema = /* @__PURE__ */ z.strictObject({
  indicator: Dhis2IndicatorSchema,
  dataElements: DataElementsSchema,
});

function toDhis2Expression(
  term: IndicatorTerm,
  role: "numerator" | "denominator",
  map: Readonly<Record<string, string>>,
) {
  const source = term.expression ?? role;
  return source.replace(/[A-Za-z][A-Za-z0-9_]*/g, (name) => `#{${map[name] ?? name}}`);
}

/**
 * Export an indicator as DHIS2 indicator metadata (导出为 DHIS2 指标): numerator and denominator expressions with
 * `#{…}` data-element references (the input names, or the DHIS2 UIDs you map them to), descriptions, and an
 * indicator type carrying the factor. A `count` becomes a `number: true` type over denominator `"1"`. Chinese texts
 * go to `translations` (locale `zh`).
 *
 * @param input.definition - the indicator (validated here)
 * @param input.dataElements - optional map from input name to DHIS2 reference (`"Uvn6LCg7dVU"` or `"UID.COC"`)
 * @returns plain JSON ready for `/api/metadata` (add the indicator type's id on import)
 * @throws {CarekitError} `INVALID_INPUT` for a bad definition or reference; `DHIS2_UNSUPPORTED` for an id longer
 *   than DHIS2's 50-character code
 * @see policy-facts §D1 (DHIS2 indicator and indicator type)
 * @example
 * {@includeCode ../test/dhis2.test.ts#example}
 */
export function toDhis2Indicator(input: {
  readonly definition: IndicatorDefinition;
  readonly dataElements?: Readonly<Record<string, string>>;
}): Dhis2Indicator {
  try {
    const { definition, dataElements } = parseInput(ExportInputSchema, input, {
      label: { en: "DHIS2 export", zh: "DHIS2 导出" },
    });
    if (definition.id.length > 50) {
      throw fieldError(
        "DHIS2_UNSUPPORTED",
        "definition.id",
        "DHIS2 codes have at most 50 characters",
        "DHIS2 代码最多 50 个字符",
      );
    }
    const map = dataElements ?? {};
    const { name, numerator, denominator } = definition;
    const isNumber = denominator === undefined;
    const translations: NonNullable<Dhis2Indicator["translations"]> = [
      { locale: "zh", property: "NAME", value: name.zh },
      { locale: "zh", property: "SHORT_NAME", value: [...name.zh].slice(0, 50).join("") },
      { locale: "zh", property: "NUMERATOR_DESCRIPTION", value: numerator.definition.zh },
    ];
    if (denominator)
      translations.push({ locale: "zh", property: "DENOMINATOR_DESCRIPTION", value: denominator.definition.zh });
    const url = definition.sources.find((source) => source.url !== undefined)?.url;
    return {
      code: definition.id,
      name: name.en,
      shortName: name.en.length <= 50 ? name.en : `${name.en.slice(0, 49)}…`,
      numerator: toDhis2Expression(numerator, "numerator", map),
      numeratorDescription: numerator.definition.en,
      denominator: denominator ? toDhis2Expression(denominator, "denominator", map) : "1",
      ...(denominator ? { denominatorDescription: denominator.definition.en } : {}),
      indicatorType: isNumber
        ? { name: "Number", factor: 1, number: true }
        : { name: TYPE_NAMES[definition.factor], factor: definition.factor, number: false },
      decimals: definition.decimals,
      annualized: false,
      ...(url ? { url } : {}),
      translations,
    };
  } catch (error) {
    throw atBoundary(error, { en: "DHIS2 export", zh: "DHIS2 导出" });
  }
}

function fromDhis2Expression(text: string, path: string, inverse: ReadonlyMap<string, string>): string {
  const outside = text.replace(/#\{[^}]*\}/g, "0");
  if (/[^0-9+\-*()\s]/.test(outside)) {
    throw fieldError(
      "DHIS2_UNSUPPORTED",
      path,
      "only #{dataElement} references, integers, + - * and parentheses can be imported (not /, C{}, D{}, A{}, I{}, R{}, N{}, OUG{}, [days] or functions)",
      "只能导入 #{数据元} 引用、整数、+ - * 和括号（不支持 /、C{}、D{}、A{}、I{}、R{}、N{}、OUG{}、[days] 或函数）",
    );
  }
  const expression = text.replace(/#\{([^}]*)\}/g, (_, ref: string) => {
    const name = inverse.get(ref) ?? ref;
    if (!isInputName(name)) {
      throw fieldError(
        "DHIS2_UNSUPPORTED",
        path,
        `#{${ref}} is neither mapped in dataElements nor a usable input name`,
        `#{${ref}} 既未在 dataElements 中映射，也不是可用的输入名`,
      );
    }
    return name;
  });
  parseExpression(expression, path);
  return expression;
}

function translation(indicator: Dhis2Indicator, property: string, fallback: string): string {
  return indicator.translations?.find((t) => t.locale.startsWith("zh") && t.property === property)?.value ?? fallback;
}

/**
 * Read DHIS2 indicator metadata back into the fields of a definition it carries losslessly (从 DHIS2 导入指标):
 * id (from `code`), names (Chinese from the `zh` translations), numerator and denominator texts and expressions,
 * factor and decimals (capped at 4; 2 when DHIS2 leaves it to the default). Scoring, unit, polarity, periodicity, domain, population and sources are not in DHIS2: add
 * them and pass the result to {@link defineIndicator}.
 *
 * @param input.indicator - DHIS2 indicator JSON (validated against {@link Dhis2IndicatorSchema})
 * @param input.dataElements - the same input-name → DHIS2 reference map used on export, if any
 * @throws {CarekitError} `INVALID_INPUT` for metadata that breaks DHIS2's field rules or a `code` that is not a
 *   carekit id; `DHIS2_UNSUPPORTED` for expressions with constants, program data, org-unit groups, functions, or
 *   factors other than 1, 100, 1000, 10000, 100000
 * @see policy-facts §D1
 * @example
 * {@includeCode ../test/dhis2.test.ts#roundTrip}
 */
export function fromDhis2Indicator(input: {
  readonly indicator: Dhis2Indicator;
  readonly dataElements?: Readonly<Record<string, string>>;
}): Dhis2IndicatorFields {
  try {
    const { indicator, dataElements } = parseInput(ImportInputSchema, input, {
      label: { en: "DHIS2 indicator", zh: "DHIS2 指标" },
    });
    const id = parseInput(IndicatorIdSchema, indicator.code, { path: ["indicator", "code"] });
    const factor = indicator.indicatorType.factor;
    if (factor !== 1 && factor !== 100 && factor !== 1000 && factor !== 10000 && factor !== 100000) {
      throw fieldError(
        "DHIS2_UNSUPPORTED",
        "indicator.indicatorType.factor",
        `factor ${factor} is not one of 1, 100, 1000, 10000, 100000`,
        `系数 ${factor} 不在 1、100、1000、10000、100000 之中`,
      );
    }
    const inverse = new Map(Object.entries(dataElements ?? {}).map(([name, ref]) => [ref, name]));
    const numeratorEn = indicator.numeratorDescription ?? indicator.name;
    const fields: Dhis2IndicatorFields = {
      id,
      name: { zh: translation(indicator, "NAME", indicator.name), en: indicator.name },
      numerator: {
        definition: { zh: translation(indicator, "NUMERATOR_DESCRIPTION", numeratorEn), en: numeratorEn },
        expression: fromDhis2Expression(indicator.numerator, "indicator.numerator", inverse),
      },
      factor,
      decimals: Math.min(indicator.decimals ?? 2, 4),
    };
    if (indicator.indicatorType.number) return fields;
    const denominatorEn = indicator.denominatorDescription ?? "denominator";
    return {
      ...fields,
      denominator: {
        definition: { zh: translation(indicator, "DENOMINATOR_DESCRIPTION", denominatorEn), en: denominatorEn },
        expression: fromDhis2Expression(indicator.denominator, "indicator.denominator", inverse),
      },
    };
  } catch (error) {
    throw atBoundary(error, { en: "DHIS2 indicator", zh: "DHIS2 指标" });
  }
}
