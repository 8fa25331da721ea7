import type { Source, TraceSource, TraceStep, TraceValue } from "@carekit/core";
import * as z from "zod";
import {
  arrayOf,
  boolean,
  type Check,
  finite,
  integer,
  nullable,
  nullValue,
  optional,
  recordOf,
  strictObject,
  text,
  union,
} from "./internal/read.js";

const TraceValueSchema = /* @__PURE__ */ (() => z.union([z.number(), z.string(), z.boolean(), z.null()]))();

/**
 * Zod schema of core's `TraceStep`, exactly its shape (`{ step, label, rule, inputs, result, amountFen?,
 * basisPoints?, source }`): the gap functions use it to accept a projection, whose trace they carry on, as their
 * population. Internal: core owns the type.
 */
export const TraceStepSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    step: z.string().min(1),
    label: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
    rule: z.string(),
    inputs: z.record(z.string(), TraceValueSchema),
    result: TraceValueSchema,
    amountFen: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
    basisPoints: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
    source: z
      .strictObject({
        title: z.string().min(1),
        number: z.string().nullable(),
        url: z.string().optional(),
        id: z.string().optional(),
        version: z.string().optional(),
      })
      .nullable(),
  }))();

const TRACE_VALUE: Check<unknown> = /* @__PURE__ */ (() => union([finite, text(), boolean, nullValue]))();

/** {@link TraceStepSchema} as a zod-free reader (`internal/read.ts`), held to it by `test/read.test.ts`. */
export const TRACE_STEP = /* @__PURE__ */ (() =>
  strictObject({
    step: text(1),
    label: strictObject({ zh: text(1), en: text(1) }),
    rule: text(),
    inputs: recordOf(TRACE_VALUE),
    result: TRACE_VALUE,
    amountFen: optional(integer(0, Number.MAX_SAFE_INTEGER)),
    basisPoints: optional(integer(0, Number.MAX_SAFE_INTEGER)),
    source: nullable(
      strictObject({
        title: text(1),
        number: nullable(text()),
        url: optional(text()),
        id: optional(text()),
        version: optional(text()),
      }),
    ),
  }))();

/** A list of trace steps. */
export const TRACE = /* @__PURE__ */ (() => arrayOf(TRACE_STEP))();

/** The trace source of a data module: its document's title, 文号 and URL, and the module's id and version. */
export function traceSource(module: {
  readonly id: string;
  readonly version: string;
  readonly source: Source;
}): TraceSource {
  const { title, number, url } = module.source;
  return url === undefined
    ? { title, number: number ?? null, id: module.id, version: module.version }
    : { title, number: number ?? null, url, id: module.id, version: module.version };
}

/** Build a trace step in core's shape (one place that fixes the field order of every capacity step). */
export function traceStep(
  step: string,
  zh: string,
  en: string,
  rule: string,
  inputs: Record<string, TraceValue>,
  result: TraceValue,
  source: TraceSource | null = null,
): TraceStep {
  return { step, label: { zh, en }, rule, inputs, result, source };
}

/** Build a money trace step: core's shape with `amountFen`. */
export function moneyStep(
  step: string,
  zh: string,
  en: string,
  rule: string,
  inputs: Record<string, TraceValue>,
  amountFen: number,
  source: TraceSource | null = null,
): TraceStep {
  return { step, label: { zh, en }, rule, inputs, result: amountFen, amountFen, source };
}
