import { parseInput } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import { type IndicatorDefinition, IndicatorDefinitionSchema, type IndicatorTerm } from "./definition.js";
import { atBoundary } from "./internal/boundary.js";
import { checkPlan, type Plan } from "./plan.js";

const SCORING_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-scoring";
const IMPROVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";
const POPULATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";
const TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
/**
 * Population criteria carry carekit's input expressions (`nursingBeds`, `kindergartenSlots + providerSlots`). The R4
 * schema allows only `text/cql`, `text/fhirpath` and `application/x-fhir-query`; our expressions are valid CQL
 * when each input is a CQL `define` of the same name, so they are labelled `text/cql`.
 */
const EXPRESSION_LANGUAGE = "text/cql";

/** A FHIR `Coding`. */
export interface FhirCoding {
  /** Code system URL. */
  readonly system: string;
  /** Code in that system. */
  readonly code: string;
  /** Human-readable label. */
  readonly display?: string;
}

/** A FHIR `CodeableConcept`. */
export interface FhirCodeableConcept {
  /** Codes. */
  readonly coding: readonly FhirCoding[];
  /** Plain-text description. */
  readonly text?: string;
}

/** FHIR `translation` extensions of a string element (`_title`). */
export interface FhirTranslated {
  /** One FHIR `translation` extension per language. */
  readonly extension: readonly {
    readonly url: string;
    readonly extension: readonly [
      { readonly url: "lang"; readonly valueCode: string },
      { readonly url: "content"; readonly valueString: string },
    ];
  }[];
}

/** One population of a FHIR `Measure.group` (度量人群). */
export interface FhirMeasurePopulation {
  /** `initial-population`, `numerator` or `denominator` (measure-population). */
  readonly code: FhirCodeableConcept;
  /** English and Chinese definition text and population. */
  readonly description: string;
  /** The input expression, as `text/cql`. */
  readonly criteria: { readonly language: string; readonly expression: string };
}

/** The HL7 FHIR R4 `Measure` resource carekit writes (FHIR R4 度量): plain JSON. */
export interface FhirMeasure {
  /** Always `Measure`. */
  readonly resourceType: "Measure";
  /** The indicator id. */
  readonly id: string;
  /** `urn:carekit:indicator` + id. */
  readonly identifier: readonly { readonly system: string; readonly value: string }[];
  /** The plan's version, when a plan is given. */
  readonly version?: string;
  /** Computer-friendly name (the id in PascalCase). */
  readonly name: string;
  /** English name. */
  readonly title: string;
  /** Chinese name as a translation extension. */
  readonly _title: FhirTranslated;
  /** Always `active`. */
  readonly status: "active";
  /** English and Chinese definition text and population. */
  readonly description: string;
  /** China (ISO 3166 `CN`), with the GB/T 2260 code of a local plan. */
  readonly jurisdiction?: readonly FhirCodeableConcept[];
  /** Baseline (or plan start) year to target year. */
  readonly effectivePeriod?: { readonly start: string; readonly end: string };
  /** The definition's sources with their confidence. */
  readonly relatedArtifact: readonly { readonly type: "citation"; readonly citation: string; readonly url?: string }[];
  /** `proportion`, `ratio` or `cohort` (measure-scoring). */
  readonly scoring: FhirCodeableConcept;
  /** `increase` or `decrease`; absent for polarity `target`. */
  readonly improvementNotation?: FhirCodeableConcept;
  /** The plan's baseline, target, attribute and departments. */
  readonly guidance?: string;
  /** One group with its populations. */
  readonly group: readonly [{ readonly population: readonly FhirMeasurePopulation[] }];
}

const FhirInputSchema = /* @__PURE__ */ z.strictObject({
  definition: IndicatorDefinitionSchema,
  plan: z.unknown().optional(),
});

const SCORING: Record<IndicatorDefinition["scoring"], string> = {
  proportion: "proportion",
  ratio: "ratio",
  count: "cohort",
};

function population(code: string, display: string, term: IndicatorTerm, role: string): FhirMeasurePopulation {
  const who = term.population ? `; ${term.population.zh}` : "";
  return {
    code: { coding: [{ system: POPULATION_SYSTEM, code, display }] },
    description: `${term.definition.en} — ${term.definition.zh}${who}`,
    criteria: { language: EXPRESSION_LANGUAGE, expression: term.expression ?? role },
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

const COMPARATOR_WORDS = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" } as const;
const ATTRIBUTE_WORDS = {
  binding: "约束性 binding",
  expected: "预期性 expected",
  unlabelled: "属性未注明 unlabelled",
} as const;

/**
 * Export an indicator as an HL7 FHIR R4 `Measure` (导出为 FHIR R4 度量): `scoring` proportion, ratio (per-1000 rates
 * over population estimates, as WHO SMART guidelines model them) or cohort (counts); `improvementNotation` from the
 * polarity (none for `target`); one group with initial-population, numerator and denominator populations whose
 * criteria carry the input expressions (as `text/cql`: each input a CQL `define` of that name); sources as citations; the Chinese title as a translation extension. With a
 * plan, the plan's version, jurisdiction, baseline-to-target period and the target with its attribute are added.
 *
 * @param input.definition - the indicator (validated here)
 * @param input.plan - optional plan carrying a row for the indicator
 * @returns plain JSON valid against the FHIR R4 JSON Schema (`#/definitions/Measure`)
 * @throws {CarekitError} `INVALID_INPUT` for a bad definition or plan; `UNKNOWN_INDICATOR` when the plan has no row
 *   for the indicator
 * @see HL7 FHIR R4 Measure, measure-scoring and measure-improvement-notation (policy-facts §D2)
 * @example
 * {@includeCode ../test/fhir.test.ts#example}
 */
export function toFhirMeasure(input: { readonly definition: IndicatorDefinition; readonly plan?: Plan }): FhirMeasure {
  try {
    const { definition } = parseInput(FhirInputSchema, input, { label: { en: "FHIR export", zh: "FHIR 导出" } });
    const { id, name, numerator, denominator } = definition;
    const description = [
      `${name.en} (${name.zh}).`,
      `Numerator: ${numerator.definition.en} (${numerator.definition.zh}).`,
      denominator ? `Denominator: ${denominator.definition.en} (${denominator.definition.zh}).` : "",
      `Value = ${denominator ? `numerator ÷ denominator × ${definition.factor}` : "numerator"}, in ${definition.unit}, ${definition.decimals} decimals.`,
    ]
      .filter((line) => line !== "")
      .join(" ");
    const measure: FhirMeasure = {
      resourceType: "Measure",
      id,
      identifier: [{ system: "urn:carekit:indicator", value: id }],
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
      status: "active",
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
    if (input.plan === undefined) return measure;
    const { plan, rows } = checkPlan(input.plan, ["plan"]);
    const row = rows.get(id);
    if (!row) {
      throw fieldError(
        "UNKNOWN_INDICATOR",
        "plan.entries",
        `plan ${plan.id} has no row for ${id}`,
        `规划 ${plan.id} 中没有指标 ${id}`,
      );
    }
    const { baseline, target, attribute, responsible } = row.entry;
    const start = baseline ? String(baseline.year) : plan.effectiveFrom;
    const baselineText = baseline
      ? `baseline ${baseline.value} ${definition.unit} (${baseline.year}); `
      : "no baseline; ";
    return {
      ...measure,
      version: plan.version,
      jurisdiction: [
        plan.region === "CN"
          ? { coding: [{ system: "urn:iso:std:iso:3166", code: "CN" }] }
          : { coding: [{ system: "urn:iso:std:iso:3166", code: "CN" }], text: `GB/T 2260 ${plan.region}` },
      ],
      effectivePeriod: { start, end: String(target.year) },
      guidance: `${plan.name.zh} — ${plan.name.en}: ${baselineText}target ${COMPARATOR_WORDS[target.comparator]} ${target.value} ${definition.unit} by ${target.year}; ${ATTRIBUTE_WORDS[attribute]}${responsible.length > 0 ? `; 责任部门 ${responsible.join("、")}` : ""}.`,
    };
  } catch (error) {
    throw atBoundary(error, { en: "FHIR export", zh: "FHIR 导出" });
  }
}
