import { SourceSchema } from "@carekit/core";
import * as z from "zod";

const TraceValueSchema = /* @__PURE__ */ z.union([z.number(), z.string(), z.boolean(), z.null()]);

/**
 * Zod schema of a {@link TraceStep}: apps reuse it to store or check explanations, and the gap functions use it to
 * accept a projection (whose trace they carry on) as their population.
 *
 * @example
 * {@includeCode ../test/projection.test.ts#traceSchema}
 */
export const TraceStepSchema = /* @__PURE__ */ z.strictObject({
  step: z.string().min(1),
  label: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
  formula: z.string(),
  inputs: z.record(z.string(), TraceValueSchema),
  result: TraceValueSchema,
  source: SourceSchema.nullable(),
});

/**
 * One step of the explanation (计算过程) that every capacity result carries: a stable `step` id, a `{ zh, en }`
 * label, the `formula` written with the input names, the `inputs` it was evaluated with, the `result`, and the
 * `source` document of the rule or target (`null` when the caller supplied the value).
 */
export type TraceStep = z.output<typeof TraceStepSchema>;

/** A value shown in a trace step: a number, text, a yes/no decision or nothing (`null`). */
export type TraceValue = number | string | boolean | null;

/** Build a trace step (one place that fixes the field order of every step). */
export function traceStep(
  step: string,
  zh: string,
  en: string,
  formula: string,
  inputs: Record<string, TraceValue>,
  result: TraceValue,
  source: TraceStep["source"] = null,
): TraceStep {
  return { step, label: { zh, en }, formula, inputs, result, source };
}
