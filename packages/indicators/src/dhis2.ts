import { type BatchResult, type Label, parseInput, runBatch } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import { IndicatorCatalogueSchema } from "./catalogue.js";
import { type IndicatorDefinition, IndicatorDefinitionSchema, type IndicatorTerm } from "./definition.js";
import { fromDhis2Expression, splitTopLevelDivision } from "./dhis2-expression.js";
import { DHIS2_UID, dhis2Uid, isDhis2Operand } from "./dhis2-uid.js";
import { inputsOf, isInputName, parseExpression } from "./expression.js";
import { atBoundary } from "./internal/boundary.js";

/** A DHIS2 `translations` entry (翻译): the locale, the translated property and its text. */
export interface Dhis2Translation {
  readonly locale: string;
  readonly property: "NAME" | "SHORT_NAME" | "DESCRIPTION" | "NUMERATOR_DESCRIPTION" | "DENOMINATOR_DESCRIPTION";
  readonly value: string;
}

/** An aggregate DHIS2 data element (数据元) as carekit writes it: one per input name its expressions use. */
export interface Dhis2DataElement {
  readonly id: string;
  /** The carekit input name (at most 50 characters). */
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly description?: string;
  readonly domainType: "AGGREGATE";
  /** Counts: non-negative integers. */
  readonly valueType: "INTEGER_ZERO_OR_POSITIVE";
  readonly aggregationType: "SUM";
  readonly translations: readonly Dhis2Translation[];
}

/** A DHIS2 indicator type (指标类型): the factor, shared by every indicator with that factor. */
export interface Dhis2IndicatorType {
  readonly id: string;
  readonly name: string;
  readonly factor: number;
  /** `true` for a count (no denominator: DHIS2 writes `"1"`). */
  readonly number: boolean;
}

/** A DHIS2 indicator (指标) as carekit writes it. */
export interface Dhis2Indicator {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly description: string;
  /** Over `#{uid}` / `#{uid.coc}` operands. */
  readonly numerator: string;
  readonly numeratorDescription: string;
  readonly denominator: string;
  readonly denominatorDescription: string;
  readonly indicatorType: { readonly id: string };
  readonly decimals: number;
  readonly annualized: false;
  readonly url?: string;
  readonly translations: readonly Dhis2Translation[];
}

/** The payload of {@link toDhis2Metadata}, ready to POST to DHIS2's `/api/metadata` (DHIS2 元数据). */
export interface Dhis2Metadata {
  readonly dataElements: readonly Dhis2DataElement[];
  readonly indicatorTypes: readonly Dhis2IndicatorType[];
  readonly indicators: readonly Dhis2Indicator[];
}

/**
 * Zod schema of a map from carekit input names to DHIS2 operands (数据元映射): each value `UID`, `UID.COC`,
 * `UID.COC.AOC` or `UID.*.AOC`, every UID a letter and ten letters or digits. `not_a_uid`, `1vn6LCg7dVU` (a digit
 * first) and a 36-character UUID are refused.
 *
 * @example
 * ```ts
 * Dhis2DataElementMapSchema.safeParse({ nursingBeds: "Uvn6LCg7dVU.Prlt0C1RF0s" }).success; // → true
 * Dhis2DataElementMapSchema.safeParse({ nursingBeds: "1vn6LCg7dVU" }).success; // → false
 * ```
 */
export const Dhis2DataElementMapSchema = /* @__PURE__ */ z.record(
  z.string().refine(isInputName, { error: "must be an input name", params: { zh: "必须是输入名" } }),
  z.string().refine(isDhis2Operand, {
    error:
      "must be a DHIS2 operand: UID, UID.COC, UID.COC.AOC or UID.*.AOC (a UID is a letter and 10 letters or digits)",
    params: { zh: "必须是 DHIS2 数据元引用：UID、UID.COC、UID.COC.AOC 或 UID.*.AOC（UID 为字母开头的 11 位字母数字）" },
  }),
);

/** Options shared by the DHIS2 exports: where UIDs come from. */
const UidOptions = {
  dataElements: Dhis2DataElementMapSchema.optional(),
  uidFor: z.function().optional(),
  locale: z.enum(["en", "zh"]).optional(),
};

const MetadataInputSchema = /* @__PURE__ */ z.strictObject({
  catalogue: IndicatorCatalogueSchema.optional(),
  definitions: z.array(IndicatorDefinitionSchema).min(1).max(2000).optional(),
  ...UidOptions,
});

const TYPE_NAMES: Record<number, string> = {
  1: "Ratio (factor 1)",
  100: "Per cent",
  1000: "Per thousand",
  10000: "Per ten thousand",
  100000: "Per hundred thousand",
};

/** Resolves carekit ids to DHIS2 UIDs: the caller's `uidFor`, else {@link dhis2Uid}; every result checked. */
export function uidResolver(uidFor: unknown): (key: string) => string {
  return (key) => {
    const uid = typeof uidFor === "function" ? (uidFor as (key: string) => unknown)(key) : dhis2Uid(key);
    if (typeof uid !== "string" || !DHIS2_UID.test(uid)) {
      throw fieldError(
        "INVALID_INPUT",
        "uidFor",
        `returned ${JSON.stringify(String(uid))} for ${key}, not a DHIS2 UID (a letter and 10 letters or digits)`,
        `为 ${key} 返回的 ${JSON.stringify(String(uid))} 不是 DHIS2 UID（字母开头的 11 位字母数字）`,
      );
    }
    return uid;
  };
}

/** The input names a term reads; a term without an expression reads `<indicator id>_numerator` / `_denominator`. */
function termInputs(definition: IndicatorDefinition, term: IndicatorTerm, role: string): string[] {
  return term.expression === undefined
    ? [`${definition.id}_${role}`]
    : inputsOf(parseExpression(term.expression, role));
}

/** The input-name → DHIS2 operand map of `definitions`: the caller's map first, else derived UIDs. */
export function operandsOf(
  definitions: readonly IndicatorDefinition[],
  dataElements: Readonly<Record<string, string>> | undefined,
  uid: (key: string) => string,
): Map<string, { readonly operand: string; readonly ours: boolean }> {
  const out = new Map<string, { operand: string; ours: boolean }>();
  for (const definition of definitions) {
    const terms = [
      ["numerator", definition.numerator],
      ...(definition.denominator ? [["denominator", definition.denominator] as const] : []),
    ] as const;
    for (const [role, term] of terms) {
      for (const name of termInputs(definition, term, role)) {
        if (out.has(name)) continue;
        const mapped = dataElements && Object.hasOwn(dataElements, name) ? dataElements[name] : undefined;
        out.set(name, mapped ? { operand: mapped, ours: false } : { operand: uid(`dataElement:${name}`), ours: true });
      }
    }
  }
  return out;
}

function toDhis2Expression(
  definition: IndicatorDefinition,
  term: IndicatorTerm,
  role: string,
  operands: ReadonlyMap<string, { readonly operand: string }>,
): string {
  const source = term.expression ?? `${definition.id}_${role}`;
  return source.replace(/[A-Za-z][A-Za-z0-9_]*/g, (name) => `#{${operands.get(name)?.operand ?? name}}`);
}

/** At most `max` characters, marked with `…` when cut. */
function fit(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** `text` fitted to `max`, made unique among `taken` by ending it with `uid` when it collides. */
function unique(text: string, max: number, uid: string, taken: Set<string>): string {
  let out = fit(text, max);
  if (taken.has(out)) out = `${[...fit(text, max - uid.length - 1)].slice(0, max - uid.length - 1).join("")} ${uid}`;
  taken.add(out);
  return out;
}

function citation(definition: IndicatorDefinition): string {
  return definition.sources.map((s) => (s.number ? `${s.title}（${s.number}）` : s.title)).join("; ");
}

/** The definitions an export is given: a catalogue's or a list, exactly one of the two (`INVALID_INPUT` otherwise). */
export function definitionsOf(parsed: {
  catalogue?: { indicators: IndicatorDefinition[] } | undefined;
  definitions?: IndicatorDefinition[] | undefined;
}): IndicatorDefinition[] {
  const definitions = parsed.catalogue?.indicators ?? parsed.definitions;
  if (definitions === undefined || (parsed.catalogue && parsed.definitions)) {
    throw fieldError(
      "INVALID_INPUT",
      "catalogue",
      "give either catalogue or definitions",
      "请提供 catalogue 或 definitions 之一",
    );
  }
  return definitions;
}

/**
 * Export indicator definitions as one DHIS2 metadata payload (导出 DHIS2 元数据) for `POST /api/metadata`:
 * `dataElements` (one aggregate, non-negative-integer data element per input name), `indicatorTypes` (one per factor,
 * shared) and `indicators` whose `indicatorType` is a reference `{ id }` and whose numerator and denominator are
 * DHIS2 expressions over `#{uid}` operands (or the `UID.COC`, `UID.COC.AOC`, `UID.*.AOC` operands of your map).
 * UIDs are derived deterministically from carekit ids by {@link dhis2Uid} (or come from `uidFor`); names and
 * descriptions are in `locale` (English by default) with translations for the other language; short names are at
 * most 50 characters and unique. A count is an indicator type with `number: true` over denominator `"1"`.
 *
 * @param input.catalogue - an indicator catalogue, or
 * @param input.definitions - indicator definitions
 * @param input.dataElements - optional input name → DHIS2 operand map for data elements that already exist on your
 *   server; those are referenced, not included in `dataElements`
 * @param input.uidFor - optional `(key) => uid` for carekit's keys (`indicator:<id>`, `dataElement:<input>`,
 *   `indicatorType:<factor>`), e.g. a lookup of UIDs your server already has
 * @param input.locale - `en` (default) or `zh`: the language of names; the other goes to `translations`
 * @returns `{ dataElements, indicatorTypes, indicators }`
 * @throws {CarekitError} `INVALID_INPUT` for a bad definition, operand or UID; `DHIS2_UNSUPPORTED` for an id longer
 *   than DHIS2's 50-character code
 * @see DHIS2 Developer Manual, "Metadata import" (`/api/metadata`) and "Indicators"; DHIS2 User Manual, "Manage
 *   indicators" (indicator = numerator ÷ denominator × indicator-type factor)
 * @example
 * ```ts
 * import { catalogues, dhis2Uid, toDhis2Metadata } from "@carekit/indicators";
 *
 * const metadata = toDhis2Metadata({ catalogue: catalogues.yilaoYixiao });
 * metadata.indicators.length; // → 21
 * // 每千人口托位数 is a “per thousand” indicator over the data elements slots and residentPopulation
 * const slots = metadata.indicators.find((indicator) => indicator.code === "slotsPer1000");
 * slots?.indicatorType; // → { id: dhis2Uid("indicatorType:1000") }
 * slots?.numerator; // → `#{${dhis2Uid("dataElement:slots")}}`
 * ```
 */
export function toDhis2Metadata(input: {
  readonly catalogue?: z.input<typeof IndicatorCatalogueSchema>;
  readonly definitions?: readonly IndicatorDefinition[];
  readonly dataElements?: Readonly<Record<string, string>>;
  readonly uidFor?: (key: string) => string;
  readonly locale?: "en" | "zh";
}): Dhis2Metadata {
  try {
    const parsed = parseInput(MetadataInputSchema, input, { label: { en: "DHIS2 export", zh: "DHIS2 导出" } });
    const definitions = definitionsOf(parsed);
    const uid = uidResolver(parsed.uidFor);
    const locale = parsed.locale ?? "en";
    const other = locale === "en" ? "zh" : "en";
    const operands = operandsOf(definitions, parsed.dataElements, uid);
    const seen = new Set<string>();
    definitions.forEach((definition, i) => {
      if (seen.has(definition.id)) {
        throw fieldError(
          "INVALID_INPUT",
          `definitions[${i}].id`,
          `duplicate indicator ${definition.id}`,
          `指标 ${definition.id} 重复`,
        );
      }
      seen.add(definition.id);
      if (definition.id.length > 50) {
        throw fieldError(
          "DHIS2_UNSUPPORTED",
          `definitions[${i}].id`,
          "DHIS2 codes have at most 50 characters",
          "DHIS2 代码最多 50 个字符",
        );
      }
    });
    // data elements: names from the term an input is the whole of, else the input name itself
    const described = new Map<string, Label>();
    for (const definition of definitions) {
      for (const [role, term] of [
        ["numerator", definition.numerator],
        ["denominator", definition.denominator],
      ] as const) {
        if (!term) continue;
        const names = termInputs(definition, term, role);
        if (names.length === 1 && names[0] !== undefined && !described.has(names[0]))
          described.set(names[0], term.definition);
      }
    }
    const deNames = new Set<string>();
    const deShort = new Set<string>();
    const dataElements: Dhis2DataElement[] = [];
    for (const [name, { operand, ours }] of operands) {
      if (!ours) continue;
      const text = described.get(name);
      const code = name.length <= 50 ? name : `${name.slice(0, 38)}_${operand}`;
      dataElements.push({
        id: operand,
        code,
        name: unique(`${text ? text[locale] : name} [${name}]`, 230, operand, deNames),
        shortName: unique(code, 50, operand, deShort),
        ...(text ? { description: text[locale] } : {}),
        domainType: "AGGREGATE",
        valueType: "INTEGER_ZERO_OR_POSITIVE",
        aggregationType: "SUM",
        translations: text
          ? [
              { locale: other, property: "NAME", value: fit(`${text[other]} [${name}]`, 230) },
              { locale: other, property: "DESCRIPTION", value: text[other] },
            ]
          : [],
      });
    }
    const types = new Map<string, Dhis2IndicatorType>();
    const names = new Set<string>();
    const shortNames = new Set<string>();
    const indicators = definitions.map((definition): Dhis2Indicator => {
      const isNumber = definition.denominator === undefined;
      const typeKey = isNumber ? "number" : String(definition.factor);
      let type = types.get(typeKey);
      if (!type) {
        type = isNumber
          ? { id: uid("indicatorType:number"), name: "Number (factor 1)", factor: 1, number: true }
          : {
              id: uid(`indicatorType:${definition.factor}`),
              name: TYPE_NAMES[definition.factor] ?? `Factor ${definition.factor}`,
              factor: definition.factor,
              number: false,
            };
        types.set(typeKey, type);
      }
      const id = uid(`indicator:${definition.id}`);
      const { name, numerator, denominator } = definition;
      const formula = denominator
        ? `${numerator.definition[locale]} ÷ ${denominator.definition[locale]} × ${definition.factor}`
        : numerator.definition[locale];
      const otherFormula = denominator
        ? `${numerator.definition[other]} ÷ ${denominator.definition[other]} × ${definition.factor}`
        : numerator.definition[other];
      const description = fit(`${formula} (${definition.unit}). ${citation(definition)}`, 10_000);
      const translations: Dhis2Translation[] = [
        { locale: other, property: "NAME", value: fit(name[other], 230) },
        { locale: other, property: "SHORT_NAME", value: fit(name[other], 50) },
        {
          locale: other,
          property: "DESCRIPTION",
          value: fit(`${otherFormula} (${definition.unit}). ${citation(definition)}`, 10_000),
        },
        { locale: other, property: "NUMERATOR_DESCRIPTION", value: numerator.definition[other] },
      ];
      if (denominator) {
        translations.push({ locale: other, property: "DENOMINATOR_DESCRIPTION", value: denominator.definition[other] });
      }
      const url = definition.sources.find((source) => source.url !== undefined)?.url;
      return {
        id,
        code: definition.id,
        name: unique(name[locale], 230, id, names),
        shortName: unique(name[locale], 50, id, shortNames),
        description,
        numerator: toDhis2Expression(definition, numerator, "numerator", operands),
        numeratorDescription: numerator.definition[locale],
        denominator: denominator ? toDhis2Expression(definition, denominator, "denominator", operands) : "1",
        denominatorDescription: denominator ? denominator.definition[locale] : "1",
        indicatorType: { id: type.id },
        decimals: definition.decimals,
        annualized: false,
        ...(url ? { url } : {}),
        translations,
      };
    });
    return { dataElements, indicatorTypes: [...types.values()], indicators };
  } catch (error) {
    throw atBoundary(error, { en: "DHIS2 export", zh: "DHIS2 导出" });
  }
}

/** What an indicator carries through DHIS2 (DHIS2 可承载的字段), read by {@link fromDhis2Indicator}. */
export interface Dhis2IndicatorFields {
  /**
   * From DHIS2 `code`: carekit's id exactly when carekit wrote it, otherwise the code in camelCase
   * (`ANC_1_COVERAGE` → `anc1Coverage`); from the name when there is no code.
   */
  readonly id: string;
  /** The DHIS2 identifiers it was read from. */
  readonly dhis2: { readonly id?: string; readonly code?: string };
  readonly name: Label;
  readonly numerator: { readonly definition: Label; readonly expression: string };
  /** Absent for a `number` indicator type (a count). */
  readonly denominator?: { readonly definition: Label; readonly expression: string };
  readonly factor: IndicatorDefinition["factor"];
  /** Absent when DHIS2 leaves it to the server default. */
  readonly decimals?: number;
}

const TranslationSchema = /* @__PURE__ */ z.looseObject({
  locale: z.string().min(2).max(15),
  property: z.string().min(1).max(60),
  value: z.string().max(10_000),
});

const ServerIndicatorTypeSchema = /* @__PURE__ */ z.looseObject({
  id: z.string().optional(),
  name: z.string().max(230).optional(),
  factor: z.int().optional(),
  number: z.boolean().optional(),
});

/**
 * Zod schema of a DHIS2 indicator as a server returns it (DHIS2 服务器返回的指标): `id`, `code`, `name`, short name,
 * `numerator`, `denominator` and their descriptions, `indicatorType` (a reference `{ id }` or the full type),
 * `decimals`, `translations`; any other field (`created`, `lastUpdated`, `href`, `sharing` …) is allowed and ignored.
 */
export const Dhis2IndicatorSchema = /* @__PURE__ */ z.looseObject({
  id: z.string().optional(),
  code: z.string().min(1).max(50).optional(),
  name: z.string().min(1).max(230),
  shortName: z.string().max(50).optional(),
  description: z.string().max(10_000).optional(),
  numerator: z.string().min(1).max(10_000),
  numeratorDescription: z.string().max(10_000).optional(),
  denominator: z.string().min(1).max(10_000),
  denominatorDescription: z.string().max(10_000).optional(),
  indicatorType: ServerIndicatorTypeSchema,
  decimals: z.int().min(0).max(10).optional(),
  translations: z.array(TranslationSchema).max(200).optional(),
});

const ServerDataElementSchema = /* @__PURE__ */ z.looseObject({ id: z.string(), code: z.string().optional() });

/**
 * Zod schema of DHIS2 metadata as `GET /api/metadata` (or carekit's export) returns it: `indicators`, and the
 * `indicatorTypes` and `dataElements` they reference; other collections and fields are allowed and ignored.
 */
export const Dhis2MetadataSchema = /* @__PURE__ */ z.looseObject({
  dataElements: z.array(ServerDataElementSchema).max(100_000).optional(),
  indicatorTypes: z.array(ServerIndicatorTypeSchema).max(1000).optional(),
  indicators: z.array(z.unknown()).max(100_000),
});

const FACTORS_ALLOWED = new Set([1, 100, 1000, 10000, 100000]);

/** A DHIS2 code in carekit's id form: `ANC_1_COVERAGE` → `anc1Coverage`. */
function idFromCode(code: string): string {
  const words = code.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const camel = words
    .map((word, i) => {
      const lower = word === word.toUpperCase() ? word.toLowerCase() : word;
      return i === 0 ? lower.charAt(0).toLowerCase() + lower.slice(1) : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join("");
  const id = /^[a-z]/.test(camel) ? camel : `i${camel}`;
  if (!isInputName(id.slice(0, 64))) return `i${id}`.slice(0, 64);
  return id.slice(0, 64);
}

/** An input name for a data element's DHIS2 code (kept when it is one), else from its UID. */
function inputFromCode(code: string | undefined, uid: string): string {
  if (code !== undefined && isInputName(code)) return code;
  if (code !== undefined) {
    const cleaned = code.replace(/[^A-Za-z0-9_]/g, "_").replace(/^[^A-Za-z]+/, "");
    if (cleaned !== "" && isInputName(cleaned.slice(0, 64))) return cleaned.slice(0, 64);
  }
  return `de_${uid}`;
}

interface ReadContext {
  readonly types: ReadonlyMap<string, z.output<typeof ServerIndicatorTypeSchema>>;
  readonly nameOf: (operand: string) => string;
  readonly locale: "en" | "zh";
}

function readIndicator(raw: unknown, path: (string | number)[], context: ReadContext): Dhis2IndicatorFields {
  const indicator = parseInput(Dhis2IndicatorSchema, raw, { path, label: { en: "DHIS2 indicator", zh: "DHIS2 指标" } });
  const at = (suffix: string) =>
    `${path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
      .join("")
      .replace(/^\./, "")}${suffix}`;
  const ref = indicator.indicatorType;
  const type = ref.factor === undefined && ref.id !== undefined ? context.types.get(ref.id) : ref;
  if (!type || type.factor === undefined) {
    throw fieldError(
      "INVALID_INPUT",
      at(".indicatorType.id"),
      `indicator type ${JSON.stringify(ref.id ?? "")} is not among the payload's indicatorTypes`,
      `指标类型 ${JSON.stringify(ref.id ?? "")} 不在载荷的 indicatorTypes 中`,
    );
  }
  const factor = type.factor;
  if (!FACTORS_ALLOWED.has(factor)) {
    throw fieldError(
      "DHIS2_UNSUPPORTED",
      at(".indicatorType.factor"),
      `factor ${factor} is not one of 1, 100, 1000, 10000, 100000`,
      `系数 ${factor} 不在 1、100、1000、10000、100000 之中`,
    );
  }
  if (indicator.decimals !== undefined && indicator.decimals > 4) {
    throw fieldError(
      "DHIS2_UNSUPPORTED",
      at(".decimals"),
      `decimals ${indicator.decimals}: carekit rounds to at most 4 decimals (not capped silently)`,
      `小数位 ${indicator.decimals}：carekit 最多保留 4 位小数（不会悄悄截断）`,
    );
  }
  const other = context.locale === "en" ? "zh" : "en";
  const translated = (property: string, fallback: string) =>
    indicator.translations?.find((t) => t.locale.toLowerCase().startsWith(other) && t.property === property)?.value ??
    fallback;
  const label = (text: string, property: string): Label => {
    const second = translated(property, text);
    return context.locale === "en" ? { en: text, zh: second } : { zh: text, en: second };
  };
  let numeratorText = indicator.numerator;
  let denominatorText = indicator.denominator;
  const isNumber = type.number === true;
  if (!isNumber && denominatorText.trim() === "1") {
    // `#{a} / #{b}` over denominator 1 is a ratio written in the numerator: read it as numerator a, denominator b
    const split = splitTopLevelDivision(numeratorText);
    if (split) [numeratorText, denominatorText] = split;
  }
  const numeratorDescription = indicator.numeratorDescription ?? indicator.name;
  const code = indicator.code;
  const fields: Dhis2IndicatorFields = {
    id: idFromCode(code ?? indicator.name),
    dhis2: { ...(indicator.id !== undefined ? { id: indicator.id } : {}), ...(code !== undefined ? { code } : {}) },
    name: label(indicator.name, "NAME"),
    numerator: {
      definition: label(numeratorDescription, "NUMERATOR_DESCRIPTION"),
      expression: fromDhis2Expression(numeratorText, at(".numerator"), context.nameOf),
    },
    factor: factor as IndicatorDefinition["factor"],
    ...(indicator.decimals !== undefined ? { decimals: indicator.decimals } : {}),
  };
  if (isNumber) {
    if (denominatorText.trim() !== "1") {
      throw fieldError(
        "INVALID_INPUT",
        at(".denominator"),
        'an indicator type with number: true has denominator "1"',
        "数值型（number: true）指标的分母必须为 1",
      );
    }
    return fields;
  }
  const denominatorDescription = indicator.denominatorDescription ?? "denominator";
  return {
    ...fields,
    denominator: {
      definition: label(denominatorDescription, "DENOMINATOR_DESCRIPTION"),
      expression: fromDhis2Expression(denominatorText, at(".denominator"), context.nameOf),
    },
  };
}

const ReadOptions = {
  dataElements: Dhis2DataElementMapSchema.optional(),
  locale: z.enum(["en", "zh"]).optional(),
};

function contextOf(
  metadata: {
    dataElements?: readonly { id: string; code?: string | undefined }[] | undefined;
    indicatorTypes?: readonly z.output<typeof ServerIndicatorTypeSchema>[] | undefined;
  },
  dataElements: Readonly<Record<string, string>> | undefined,
  locale: "en" | "zh" | undefined,
): ReadContext {
  const inverse = new Map(Object.entries(dataElements ?? {}).map(([name, ref]) => [ref, name]));
  const codes = new Map((metadata.dataElements ?? []).map((de) => [de.id, de.code]));
  const types = new Map<string, z.output<typeof ServerIndicatorTypeSchema>>();
  for (const type of metadata.indicatorTypes ?? []) if (type.id !== undefined) types.set(type.id, type);
  return {
    types,
    locale: locale ?? "en",
    nameOf: (operand) => {
      const mapped = inverse.get(operand);
      if (mapped !== undefined) return mapped;
      const [de = "", coc, aoc] = operand.split(".");
      const base = inputFromCode(codes.get(de), de);
      const suffix = [coc === "*" ? "any" : coc, aoc].filter((part) => part !== undefined).join("_");
      return suffix === "" ? base : `${base.slice(0, 64 - suffix.length - 1)}_${suffix}`;
    },
  };
}

/**
 * Read DHIS2 metadata back into indicator fields (从 DHIS2 元数据导入指标) — carekit's own export exactly, or what a
 * DHIS2 server returns: `indicatorType: { id }` resolved against the payload's `indicatorTypes`, `#{uid}` operands
 * named by their data element's `code` (kept as is when it is a usable input name, e.g. `ANC_1`), indicator codes of
 * any convention turned into carekit ids (`ANC_1_COVERAGE` → `anc1Coverage`, the original kept in `dhis2.code`), and
 * a ratio written as `#{a} / #{b}` over denominator `1` read as numerator and denominator. Expressions outside what
 * carekit computes (constants, program data, functions, decimals, other divisions) and `decimals` above 4 are refused
 * with the expression and the position. One indicator's error never loses the others.
 *
 * @param input.metadata - `{ indicators, indicatorTypes?, dataElements? }` as DHIS2 returns it
 * @param input.dataElements - the input name → operand map used on export, if any
 * @param input.locale - the language of the names in the payload: `en` (default) or `zh`
 * @returns `{ results, errors }`: the fields of each readable indicator (with its `index`), errors by index
 * @throws {CarekitError} `INVALID_INPUT` when the payload itself is malformed (per-indicator problems are errors)
 * @see DHIS2 Developer Manual, "Metadata export" and "Indicators"; DHIS2 expression parser (`dhis2/expression-parser`)
 * @example
 * ```ts
 * import { catalogues, fromDhis2Metadata, toDhis2Metadata } from "@carekit/indicators";
 *
 * // the 21 indicators of the 一老一小 catalogue, there and back
 * const { results, errors } = fromDhis2Metadata({ metadata: toDhis2Metadata({ catalogue: catalogues.yilaoYixiao }) });
 * results.length; // → 21
 * errors; // → []
 * results.find((definition) => definition.id === "slotsPer1000")?.factor; // → 1000
 * ```
 */
export function fromDhis2Metadata(input: {
  readonly metadata: unknown;
  readonly dataElements?: Readonly<Record<string, string>>;
  readonly locale?: "en" | "zh";
}): BatchResult<Dhis2IndicatorFields & { readonly index: number }> {
  try {
    const { metadata, dataElements, locale } = parseInput(
      z.strictObject({ metadata: Dhis2MetadataSchema, ...ReadOptions }),
      input,
      { label: { en: "DHIS2 metadata", zh: "DHIS2 元数据" } },
    );
    const context = contextOf(metadata, dataElements, locale);
    return runBatch(metadata.indicators, (raw, index) => ({
      ...readIndicator(raw, ["metadata", "indicators", index], context),
      index,
    }));
  } catch (error) {
    throw atBoundary(error, { en: "DHIS2 metadata", zh: "DHIS2 元数据" });
  }
}

/**
 * Read one DHIS2 indicator (从 DHIS2 导入单个指标), as {@link fromDhis2Metadata} reads each: its `indicatorType`
 * inline or a reference `{ id }` into `indicatorTypes`, operands named through `dataElements` (the export's map) or the
 * `code`s in `dataElementCodes`.
 *
 * @throws {CarekitError} `INVALID_INPUT` for a malformed indicator or an indicator type not given;
 *   `DHIS2_UNSUPPORTED` with the expression and position for an expression carekit cannot compute, a factor other than
 *   1, 100, 1000, 10000, 100000, or `decimals` above 4
 * @see DHIS2 Developer Manual, "Indicators"
 * @example
 * ```ts
 * fromDhis2Indicator({
 *   indicator: { name: "Coverage", code: "ANC_1_COVERAGE", numerator: "#{Uvn6LCg7dVU}", denominator: "#{Jtf34kNZhzP}",
 *     indicatorType: { id: "JkWynlWMjJR" } },
 *   indicatorTypes: [{ id: "JkWynlWMjJR", factor: 100, number: false }],
 * }).id;
 * // → "anc1Coverage"
 * ```
 */
export function fromDhis2Indicator(input: {
  readonly indicator: unknown;
  readonly indicatorTypes?: readonly unknown[];
  readonly dataElementCodes?: readonly unknown[];
  readonly dataElements?: Readonly<Record<string, string>>;
  readonly locale?: "en" | "zh";
}): Dhis2IndicatorFields {
  try {
    const parsed = parseInput(
      z.strictObject({
        indicator: z.unknown(),
        indicatorTypes: z.array(ServerIndicatorTypeSchema).max(1000).optional(),
        dataElementCodes: z.array(ServerDataElementSchema).max(100_000).optional(),
        ...ReadOptions,
      }),
      input,
      { label: { en: "DHIS2 indicator", zh: "DHIS2 指标" } },
    );
    const context = contextOf(
      { indicatorTypes: parsed.indicatorTypes, dataElements: parsed.dataElementCodes },
      parsed.dataElements,
      parsed.locale,
    );
    return readIndicator(parsed.indicator, ["indicator"], context);
  } catch (error) {
    throw atBoundary(error, { en: "DHIS2 indicator", zh: "DHIS2 指标" });
  }
}
