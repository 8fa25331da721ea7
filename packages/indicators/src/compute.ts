import { parseInput, type TraceStep, type TraceValue } from "@carekit/core";
import { fieldError, roundQuotient } from "@carekit/core/internal";
import * as z from "zod";
import { type IndicatorDefinition, IndicatorDefinitionSchema, type IndicatorTerm } from "./definition.js";
import { evaluateExpression, inputsOf, parseExpression } from "./expression.js";
import { atBoundary } from "./internal/boundary.js";
import { traceSourceOf } from "./source.js";

/** Result of {@link computeIndicator}. */
export interface IndicatorValue {
  /** The definition's id. */
  readonly indicatorId: string;
  /** numerator ÷ denominator × factor before rounding (a count: the numerator). */
  readonly value: number;
  /** The numerator's count. */
  readonly numerator: number;
  /** `null` for a count. */
  readonly denominator: number | null;
  /** The multiplier (1, 100, 1000 …); 1 for a count. */
  readonly factor: number;
  /** `value` rounded exactly to the definition's decimals (四舍五入 unless the definition says otherwise). */
  readonly rounded: number;
  /** The decimals `rounded` keeps (the definition's `decimals`). */
  readonly decimals: number;
  /** The definition's unit (`%`, `个/千人` …). */
  readonly unit: string;
  /** How the value was reached. */
  readonly trace: readonly TraceStep[];
}

const ComputeInputSchema = /* @__PURE__ */ z.strictObject({
  definition: IndicatorDefinitionSchema,
  inputs: z.record(z.string(), z.number()),
});

interface CompiledTerm {
  readonly inputs: readonly string[];
  /** The expression as written (the role name when the term has none). */
  readonly rule: string;
  /** Field path for an error about this term's value. */
  readonly path: string;
  evaluate(inputs: Readonly<Record<string, number>>): number;
}

function compileTerm(term: IndicatorTerm, role: "numerator" | "denominator"): CompiledTerm {
  if (term.expression === undefined) {
    return { inputs: [role], rule: role, path: `inputs.${role}`, evaluate: (inputs) => inputs[role] ?? Number.NaN };
  }
  const tree = parseExpression(term.expression, `definition.${role}.expression`);
  const names = inputsOf(tree);
  const path = tree.kind === "input" ? `inputs.${tree.name}` : role;
  return { inputs: names, rule: term.expression, path, evaluate: (inputs) => evaluateExpression(tree, inputs, role) };
}

function inputValues(term: CompiledTerm, inputs: Readonly<Record<string, number>>): Record<string, TraceValue> {
  const out: Record<string, TraceValue> = {};
  for (const name of term.inputs) out[name] = inputs[name] ?? null;
  return out;
}

const MODE_ZH = { "half-up": "四舍五入", "half-even": "四舍六入五成双", down: "舍去", up: "进一" } as const;

/**
 * numerator × factor ÷ denominator as the double nearest the exact quotient: one correctly rounded division while
 * the product is a safe integer; beyond that the exact integer part plus the remainder's quotient.
 */
function unroundedValue(numerator: number, factor: number, denominator: number): number {
  const product = numerator * factor;
  if (Number.isSafeInteger(product)) return product / denominator;
  const exact = BigInt(numerator) * BigInt(factor);
  const whole = exact / BigInt(denominator);
  return Number(whole) + Number(exact % BigInt(denominator)) / denominator;
}

/**
 * Compute an indicator from named counts (计算指标值): `numerator ÷ denominator × factor`, rounded exactly (integer
 * arithmetic, no float error) to the definition's decimals by its rounding rule — 四舍五入 (`half-up`) by default.
 * A `count` is its numerator.
 *
 * @param input.definition - the indicator (validated here)
 * @param input.inputs - non-negative integer counts by input name: the names its expressions use, or `numerator` and
 *   `denominator` when it has none; any other key is rejected as a likely typo
 * @returns value, numerator, denominator, factor, rounded value and a trace
 * @throws {CarekitError} `INVALID_INPUT` for a bad definition, a missing or unknown input;
 *   `OUT_OF_RANGE` for a negative or fractional count, or a numerator above the denominator of a proportion;
 *   `ZERO_DENOMINATOR` when the denominator is 0
 * @see DHIS2 User Manual, "Manage indicators" (indicator value = numerator ÷ denominator × indicator-type factor)
 * @example
 * ```ts
 * import { catalogues, computeIndicator } from "@carekit/indicators";
 *
 * const slotsPer1000 = catalogues.yilaoYixiao.indicators.find((definition) => definition.id === "slotsPer1000")!;
 * // 大足区: 1727 托位 for 834,600 常住人口 (2020) → 2.07 per 1000
 * const now = computeIndicator({ definition: slotsPer1000, inputs: { slots: 1727, residentPopulation: 834_600 } });
 * now.rounded; // → 2.07
 * now.trace.map((step) => step.step); // → ["numerator", "denominator", "formula", "round"]
 * // the plan's 2025 need, 3915 托位 for about 870,000 residents, is exactly the 4.5 target
 * computeIndicator({ definition: slotsPer1000, inputs: { slots: 3915, residentPopulation: 870_000 } }).rounded; // → 4.5
 * computeIndicator({ definition: slotsPer1000, inputs: { slots: 1727, residentPopulation: 0 } }); // → throws ZERO_DENOMINATOR
 * ```
 */
export function computeIndicator(input: {
  readonly definition: IndicatorDefinition;
  readonly inputs: Readonly<Record<string, number>>;
}): IndicatorValue {
  try {
    const { definition, inputs } = parseInput(ComputeInputSchema, input, {
      label: { en: "indicator computation", zh: "指标计算" },
    });
    const top = compileTerm(definition.numerator, "numerator");
    const bottom = definition.denominator ? compileTerm(definition.denominator, "denominator") : undefined;
    const needed = [...new Set([...top.inputs, ...(bottom?.inputs ?? [])])];
    for (const name of needed) {
      const value = inputs[name];
      if (value === undefined) {
        throw fieldError("INVALID_INPUT", `inputs.${name}`, "is required", "缺少必填输入");
      }
      if (!Number.isSafeInteger(value) || value < 0) {
        throw fieldError(
          "OUT_OF_RANGE",
          `inputs.${name}`,
          `must be a non-negative integer count, got ${String(value)}`,
          `必须是非负整数（人数、床位数等），实际为 ${String(value)}`,
        );
      }
    }
    for (const name of Object.keys(inputs)) {
      if (!needed.includes(name)) {
        throw fieldError(
          "INVALID_INPUT",
          `inputs.${name}`,
          `is not used by ${definition.id} (expected ${needed.join(", ")})`,
          `指标 ${definition.id} 不使用该输入（应为 ${needed.join("、")}）`,
        );
      }
    }
    const first = definition.sources[0];
    const source = first ? traceSourceOf(first) : null;
    const numerator = top.evaluate(inputs);
    const trace: TraceStep[] = [
      {
        step: "numerator",
        label: {
          zh: `分子：${definition.numerator.definition.zh}`,
          en: `numerator: ${definition.numerator.definition.en}`,
        },
        rule: top.rule,
        inputs: inputValues(top, inputs),
        result: numerator,
        source: null,
      },
    ];
    const mode = definition.rounding ?? "half-up";
    const scale = 10 ** definition.decimals;
    if (!definition.denominator || !bottom) {
      const value = numerator;
      return {
        indicatorId: definition.id,
        value,
        numerator,
        denominator: null,
        factor: 1,
        rounded: value,
        decimals: definition.decimals,
        unit: definition.unit,
        trace,
      };
    }
    const denominator = bottom.evaluate(inputs);
    trace.push({
      step: "denominator",
      label: {
        zh: `分母：${definition.denominator.definition.zh}`,
        en: `denominator: ${definition.denominator.definition.en}`,
      },
      rule: bottom.rule,
      inputs: inputValues(bottom, inputs),
      result: denominator,
      source: null,
    });
    if (denominator === 0) {
      throw fieldError("ZERO_DENOMINATOR", bottom.path, "the denominator is 0", "分母为 0，无法计算");
    }
    if (definition.scoring === "proportion" && numerator > denominator) {
      throw fieldError(
        "OUT_OF_RANGE",
        "numerator",
        `a proportion's numerator (${numerator}) cannot exceed its denominator (${denominator})`,
        `比例型指标的分子（${numerator}）不能大于分母（${denominator}）`,
      );
    }
    const scaled = BigInt(numerator) * BigInt(definition.factor) * BigInt(scale);
    const quotient = scaled / BigInt(denominator);
    const remainder = scaled % BigInt(denominator);
    if (quotient > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw fieldError(
        "OUT_OF_RANGE",
        "numerator",
        "the result is too large to represent exactly",
        "计算结果过大，无法精确表示",
      );
    }
    const rounded = roundQuotient(Number(quotient), Number(remainder), denominator, mode) / scale;
    const value = unroundedValue(numerator, definition.factor, denominator);
    trace.push(
      {
        step: "formula",
        label: { zh: "指标值", en: "indicator value" },
        rule: `numerator ÷ denominator × ${definition.factor}`,
        inputs: { numerator, denominator },
        result: value,
        source,
      },
      {
        step: "round",
        label: {
          zh: `保留 ${definition.decimals} 位小数（${MODE_ZH[mode]}）`,
          en: `rounded to ${definition.decimals} decimals (${mode})`,
        },
        rule: `round(value, ${definition.decimals}, ${mode})`,
        inputs: { value },
        result: rounded,
        source: null,
      },
    );
    return {
      indicatorId: definition.id,
      value,
      numerator,
      denominator,
      factor: definition.factor,
      rounded,
      decimals: definition.decimals,
      unit: definition.unit,
      trace,
    };
  } catch (error) {
    throw atBoundary(error, { en: "indicator computation", zh: "指标计算" });
  }
}
