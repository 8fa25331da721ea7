import { IsoDateSchema, parseInput } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import { GB_T_2260_SYSTEM } from "@carekit/core/regions";
import * as z from "zod";
import { computeIndicator } from "./compute.js";
import { type IndicatorDefinition, IndicatorDefinitionSchema, type IndicatorTerm } from "./definition.js";
import { atBoundary } from "./internal/boundary.js";
import { sha256 } from "./internal/sha256.js";

const SCORING_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-scoring";
const IMPROVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";
const POPULATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";
const TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
const SHAREABLE_MEASURE = "http://hl7.org/fhir/StructureDefinition/shareablemeasure";
/** The default canonical base of carekit's Measures; pass your own `base` for a server you publish to. */
export const DEFAULT_FHIR_BASE = "urn:carekit:fhir";

/** A FHIR `Coding`. */
export interface FhirCoding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/** A FHIR `CodeableConcept`. */
export interface FhirCodeableConcept {
  readonly coding: readonly FhirCoding[];
  readonly text?: string;
}

/** FHIR `translation` extensions of a string element (`_title`). */
export interface FhirTranslated {
  readonly extension: readonly {
    readonly url: string;
    readonly extension: readonly [
      { readonly url: "lang"; readonly valueCode: string },
      { readonly url: "content"; readonly valueString: string },
    ];
  }[];
}

/** One population of a FHIR `Measure.group` (度量人群), its criterion a described FHIRPath expression. */
export interface FhirMeasurePopulation {
  readonly code: FhirCodeableConcept;
  readonly description: string;
  /** The term's expression in FHIRPath, each input an external constant (`%nursingBeds`). */
  readonly criteria: { readonly language: "text/fhirpath"; readonly expression: string; readonly description: string };
}

/** The HL7 FHIR R4 `Measure` carekit writes (FHIR R4 度量), shaped by the shareable-measure profile. */
export interface FhirMeasure {
  readonly resourceType: "Measure";
  /** `<indicator id>-<version>`: one resource per definition version. */
  readonly id: string;
  readonly meta: { readonly profile: readonly [typeof SHAREABLE_MEASURE] };
  /** Canonical URL: `<base>/Measure/<indicator id>` (version-independent). */
  readonly url: string;
  readonly identifier: readonly { readonly system: string; readonly value: string }[];
  readonly version: string;
  /** Computer-friendly name (the id in PascalCase). */
  readonly name: string;
  readonly title: string;
  readonly _title: FhirTranslated;
  readonly status: "draft" | "active" | "retired";
  readonly experimental: boolean;
  readonly publisher: string;
  readonly description: string;
  readonly relatedArtifact: readonly { readonly type: "citation"; readonly citation: string; readonly url?: string }[];
  readonly scoring: FhirCodeableConcept;
  readonly improvementNotation?: FhirCodeableConcept;
  readonly group: readonly [{ readonly population: readonly FhirMeasurePopulation[] }];
}

const MeasureOptions = {
  base: z
    .string()
    .min(1)
    .max(200)
    .refine((b) => /^(https?:\/\/[^\s|#]+[^/]|urn:[A-Za-z0-9:.-]+)$/.test(b), {
      error: "must be an http(s) URL without a trailing slash, or a urn:",
      params: { zh: "必须是不以斜杠结尾的 http(s) 地址或 urn:" },
    })
    .optional(),
  version: z
    .string()
    .min(1)
    .max(40)
    .refine((v) => /^[A-Za-z0-9.-]+$/.test(v), {
      error: "must be letters, digits, . or -",
      params: { zh: "只能包含字母、数字、. 和 -" },
    })
    .optional(),
  status: z.enum(["draft", "active", "retired"]).optional(),
  experimental: z.boolean().optional(),
  publisher: z.string().min(1).max(200).optional(),
};

const MeasureInputSchema = /* @__PURE__ */ z.strictObject({ definition: IndicatorDefinitionSchema, ...MeasureOptions });

const SCORING: Record<IndicatorDefinition["scoring"], string> = {
  proportion: "proportion",
  ratio: "ratio",
  count: "cohort",
};

/** carekit's expression grammar (integers, names, `+ - *`, parentheses) in FHIRPath: each name an external constant. */
function fhirPath(expression: string): string {
  return expression.replace(/[A-Za-z][A-Za-z0-9_]*/g, (name) => `%${name}`);
}

function population(code: string, display: string, term: IndicatorTerm, name: string): FhirMeasurePopulation {
  const who = term.population ? `; ${term.population.zh}` : "";
  const expression = term.expression ?? name;
  return {
    code: { coding: [{ system: POPULATION_SYSTEM, code, display }] },
    description: `${term.definition.en} — ${term.definition.zh}${who}`,
    criteria: {
      language: "text/fhirpath",
      expression: fhirPath(expression),
      description: `The count ${expression}: integer arithmetic over the input counts, each supplied as an external constant (%name).`,
    },
  };
}

function populations(definition: IndicatorDefinition): FhirMeasurePopulation[] {
  const { numerator, denominator } = definition;
  if (!denominator) return [population("initial-population", "Initial Population", numerator, "numerator")];
  const initial = population("initial-population", "Initial Population", denominator, "denominator");
  const top = population("numerator", "Numerator", numerator, "numerator");
  const bottom = population("denominator", "Denominator", denominator, "denominator");
  return definition.scoring === "proportion" ? [initial, bottom, top] : [initial, top, bottom];
}

/** A definition's content fingerprint: the first 12 hex digits of SHA-256 over its JSON with sorted keys. */
function fingerprint(definition: IndicatorDefinition): string {
  const canonical = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(canonical).join(",")}]`
      : typeof value === "object" && value !== null
        ? `{${Object.keys(value)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
            .join(",")}}`
        : JSON.stringify(value);
  return [...sha256(canonical(definition)).subarray(0, 6)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function canonicalUrl(base: string, id: string): string {
  return base.startsWith("urn:") ? `${base}:Measure:${id}` : `${base}/Measure/${id}`;
}

/**
 * Export an indicator definition as an HL7 FHIR R4 `Measure` (导出为 FHIR R4 度量) that follows the shareable-measure
 * profile: a canonical `url` under `base`, `version`, `status`, `experimental`, `publisher`, `name`, `description`;
 * `scoring` proportion, ratio (per-1000 rates over population estimates, as WHO SMART guidelines model them) or
 * cohort (counts); `improvementNotation` from the polarity (none for `target`); one group whose populations' criteria
 * are the term expressions in FHIRPath, each input an external constant (`%nursingBeds`), with a description; the
 * sources as citations; the Chinese title as a translation extension. Plan targets are not part of a Measure: one
 * Measure per definition version, whatever plan uses it. Without `version`, the version is a fingerprint of the
 * definition's content (12 hex digits of SHA-256), so a changed definition never reuses an id.
 *
 * @param input.definition - the indicator (validated here)
 * @param input.base - canonical base, e.g. `https://fhir.example.org` (default {@link DEFAULT_FHIR_BASE})
 * @param input.version - the definition's business version (default: its content fingerprint)
 * @param input.status - `active` (default), `draft` or `retired`
 * @param input.experimental - default `false`
 * @param input.publisher - default `carekit`
 * @returns plain JSON valid against the FHIR R4 JSON Schema and `@medplum/core`'s `validateResource`
 * @throws {CarekitError} `INVALID_INPUT` for a bad definition or option
 * @see HL7 FHIR R4 Measure (http://hl7.org/fhir/R4/measure.html) and the shareable-measure profile
 *   (http://hl7.org/fhir/R4/shareablemeasure.html); FHIRPath environment variables (http://hl7.org/fhirpath/)
 * @example
 * ```ts
 * import { catalogues, toFhirMeasure } from "@carekit/indicators";
 *
 * // 养老机构护理型床位占比: nursing beds over institution beds
 * const nursingBedShare = catalogues.yilaoYixiao.indicators.find((definition) => definition.id === "nursingBedShare")!;
 * const measure = toFhirMeasure({ definition: nursingBedShare, base: "https://fhir.example.org", version: "2023" });
 * measure.url; // → "https://fhir.example.org/Measure/nursingBedShare"
 * measure.group[0].population[2].criteria.expression; // → "%nursingBeds"
 * ```
 */
export function toFhirMeasure(input: {
  readonly definition: IndicatorDefinition;
  readonly base?: string;
  readonly version?: string;
  readonly status?: "draft" | "active" | "retired";
  readonly experimental?: boolean;
  readonly publisher?: string;
}): FhirMeasure {
  try {
    const { definition, ...options } = parseInput(MeasureInputSchema, input, {
      label: { en: "FHIR export", zh: "FHIR 导出" },
    });
    const { id, name, numerator, denominator } = definition;
    const version = options.version ?? fingerprint(definition);
    const base = options.base ?? DEFAULT_FHIR_BASE;
    const description = [
      `${name.en} (${name.zh}).`,
      `Numerator: ${numerator.definition.en} (${numerator.definition.zh}).`,
      denominator ? `Denominator: ${denominator.definition.en} (${denominator.definition.zh}).` : "",
      `Value = ${denominator ? `numerator ÷ denominator × ${definition.factor}` : "numerator"}, in ${definition.unit}, ${definition.decimals} decimals.`,
    ]
      .filter((line) => line !== "")
      .join(" ");
    return {
      resourceType: "Measure",
      id: `${id.slice(0, 64 - version.length - 1)}-${version}`.replace(/[^A-Za-z0-9.-]/g, "-"),
      meta: { profile: [SHAREABLE_MEASURE] },
      url: canonicalUrl(base, id),
      identifier: [{ system: "urn:carekit:indicator", value: id }],
      version,
      name: `${id.charAt(0).toUpperCase()}${id.slice(1)}`,
      title: name.en,
      _title: {
        extension: [
          {
            url: TRANSLATION,
            extension: [
              { url: "lang", valueCode: "zh" },
              { url: "content", valueString: name.zh },
            ],
          },
        ],
      },
      status: options.status ?? "active",
      experimental: options.experimental ?? false,
      publisher: options.publisher ?? "carekit",
      description,
      relatedArtifact: definition.sources.map((source) => ({
        type: "citation",
        citation: `${source.title}${source.number ? ` (${source.number})` : ""} [${source.confidence}]`,
        ...(source.url ? { url: source.url } : {}),
      })),
      scoring: { coding: [{ system: SCORING_SYSTEM, code: SCORING[definition.scoring] }] },
      ...(definition.polarity === "target"
        ? {}
        : { improvementNotation: { coding: [{ system: IMPROVEMENT_SYSTEM, code: definition.polarity }] } }),
      group: [{ population: populations(definition) }],
    };
  } catch (error) {
    throw atBoundary(error, { en: "FHIR export", zh: "FHIR 导出" });
  }
}

/** The HL7 FHIR R4 `MeasureReport` carekit writes (FHIR R4 度量报告): a `summary` for one subject and period. */
export interface FhirMeasureReport {
  readonly resourceType: "MeasureReport";
  readonly status: "complete";
  readonly type: "summary";
  /** `<Measure url>|<version>`. */
  readonly measure: string;
  readonly subject: {
    readonly type: "Location";
    readonly identifier: { readonly system: string; readonly value: string };
    readonly display?: string;
  };
  readonly date?: string;
  readonly period: { readonly start: string; readonly end: string };
  readonly improvementNotation?: FhirCodeableConcept;
  readonly group: readonly [
    {
      readonly population: readonly { readonly code: FhirCodeableConcept; readonly count: number }[];
      readonly measureScore?: { readonly value: number; readonly unit: string };
    },
  ];
}

const FHIR_INTEGER_MAX = 2_147_483_647;

const ReportInputSchema = /* @__PURE__ */ z.strictObject({
  definition: IndicatorDefinitionSchema,
  observation: z.strictObject({ inputs: z.record(z.string(), z.number()) }),
  period: z.strictObject({ start: IsoDateSchema, end: IsoDateSchema }),
  subject: z.strictObject({
    region: z.string().refine((r) => /^\d{6}(\d{3})?$/.test(r), {
      error: "must be a six-digit GB/T 2260 code or a nine-digit township code",
      params: { zh: "必须是六位行政区划代码或九位街道/乡镇代码" },
    }),
    name: z.string().min(1).max(200).optional(),
  }),
  date: z
    .string()
    .refine((d) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2}))?$/.test(d), {
      error: "must be a FHIR dateTime: YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz",
      params: { zh: "必须是 FHIR dateTime：YYYY-MM-DD 或 YYYY-MM-DDThh:mm:ss+zz:zz" },
    })
    .optional(),
  ...MeasureOptions,
});

/**
 * Report an indicator for one region and period as an HL7 FHIR R4 `MeasureReport` (导出为 FHIR R4 度量报告):
 * `type: summary`, `measure` the canonical `url|version` of the {@link toFhirMeasure} Measure (same `base` and
 * `version`), the numerator, denominator and initial-population counts, and the `measureScore` — the value
 * {@link computeIndicator} gives, rounded to the definition's decimals, in its unit (none for a count: a cohort has
 * only its population count). FHIR integers are 32-bit: a count above 2 147 483 647 is refused.
 *
 * @param input.definition - the indicator
 * @param input.observation - `{ inputs }`: the counts, as for {@link computeIndicator}
 * @param input.period - `{ start, end }`, ISO dates
 * @param input.subject - `{ region, name? }`: the GB/T 2260 code (or nine-digit township code) reported on
 * @param input.date - optional FHIR dateTime of the report (never taken from the clock)
 * @throws {CarekitError} as {@link computeIndicator}; `INVALID_INPUT` for a bad period, subject or date;
 *   `OUT_OF_RANGE` for a count beyond FHIR's 32-bit integer or a period that ends before it starts
 * @see HL7 FHIR R4 MeasureReport (http://hl7.org/fhir/R4/measurereport.html)
 * @example
 * ```ts
 * import { catalogues, toFhirMeasureReport } from "@carekit/indicators";
 *
 * // 大足区 2020: 1727 托位 for 834,600 常住人口
 * const slotsPer1000 = catalogues.yilaoYixiao.indicators.find((definition) => definition.id === "slotsPer1000")!;
 * const report = toFhirMeasureReport({
 *   definition: slotsPer1000,
 *   observation: { inputs: { slots: 1727, residentPopulation: 834600 } },
 *   period: { start: "2020-01-01", end: "2020-12-31" },
 *   subject: { region: "500111", name: "大足区" },
 * });
 * report.group[0].measureScore; // → { value: 2.07, unit: "个/千人" }
 * ```
 */
export function toFhirMeasureReport(input: {
  readonly definition: IndicatorDefinition;
  readonly observation: { readonly inputs: Readonly<Record<string, number>> };
  readonly period: { readonly start: string; readonly end: string };
  readonly subject: { readonly region: string; readonly name?: string };
  readonly date?: string;
  readonly base?: string;
  readonly version?: string;
}): FhirMeasureReport {
  try {
    const parsed = parseInput(ReportInputSchema, input, { label: { en: "FHIR MeasureReport", zh: "FHIR 度量报告" } });
    const { definition, observation, period, subject } = parsed;
    if (period.end < period.start) {
      throw fieldError("OUT_OF_RANGE", "period.end", "ends before the period starts", "期间结束早于开始");
    }
    const value = computeIndicator({ definition, inputs: observation.inputs });
    for (const [role, count] of [
      ["numerator", value.numerator],
      ["denominator", value.denominator],
    ] as const) {
      if (count !== null && count > FHIR_INTEGER_MAX) {
        throw fieldError(
          "OUT_OF_RANGE",
          role,
          `${count} is beyond FHIR's 32-bit integer count`,
          `${count} 超出 FHIR 32 位整数计数的范围`,
        );
      }
    }
    const measure = toFhirMeasure({
      definition,
      ...(parsed.base ? { base: parsed.base } : {}),
      ...(parsed.version ? { version: parsed.version } : {}),
    });
    const code = (c: string, display: string) => ({ coding: [{ system: POPULATION_SYSTEM, code: c, display }] });
    const populations =
      value.denominator === null
        ? [{ code: code("initial-population", "Initial Population"), count: value.numerator }]
        : [
            { code: code("initial-population", "Initial Population"), count: value.denominator },
            { code: code("denominator", "Denominator"), count: value.denominator },
            { code: code("numerator", "Numerator"), count: value.numerator },
          ];
    return {
      resourceType: "MeasureReport",
      status: "complete",
      type: "summary",
      measure: `${measure.url}|${measure.version}`,
      subject: {
        type: "Location",
        identifier: { system: GB_T_2260_SYSTEM, value: subject.region },
        ...(subject.name ? { display: subject.name } : {}),
      },
      ...(parsed.date ? { date: parsed.date } : {}),
      period: { start: period.start, end: period.end },
      ...(measure.improvementNotation ? { improvementNotation: measure.improvementNotation } : {}),
      group: [
        {
          population: populations,
          ...(value.denominator === null ? {} : { measureScore: { value: value.rounded, unit: definition.unit } }),
        },
      ],
    };
  } catch (error) {
    throw atBoundary(error, { en: "FHIR MeasureReport", zh: "FHIR 度量报告" });
  }
}
