import { parseInput } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";

/** Largest count of people, slots or beds accepted (20 亿): keeps every exact product below 2^53. */
export const MAX_COUNT = 2_000_000_000;

const RANGE_CODES: ReadonlySet<string> = new Set(["too_small", "too_big", "not_multiple_of"]);

/**
 * Validate with zod; on failure throw the `CarekitError` built by core's `parseInput`, coded `OUT_OF_RANGE` when
 * the first problem is a value of the right type outside its range, `INVALID_INPUT` otherwise.
 */
export function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  label: { readonly en: string; readonly zh: string },
  path: readonly PropertyKey[] = [],
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const isRange =
    first !== undefined &&
    (RANGE_CODES.has(first.code) ||
      (first.code === "custom" && (first as { params?: { range?: unknown } }).params?.range === true));
  return parseInput(schema, input, { code: isRange ? "OUT_OF_RANGE" : "INVALID_INPUT", label, path });
}

/** Number of decimals in the shortest representation of `value`; `Infinity` for exponent notation. */
export function decimalsOf(value: number): number {
  const text = String(Math.abs(value));
  if (text.includes("e")) return Number.POSITIVE_INFINITY;
  return text.split(".")[1]?.length ?? 0;
}

/** Count of people, slots or beds (人数/托位数/床位数): a non-negative integer up to {@link MAX_COUNT}. */
export const CountSchema = /* @__PURE__ */ z.number().int().nonnegative().max(MAX_COUNT);

/** A population denominator (人口): a positive integer up to {@link MAX_COUNT}. */
export const PopulationSchema = /* @__PURE__ */ z.number().int().positive().max(MAX_COUNT);

/** A target per 1000 (每千人指标): in (0, 100], at most 4 decimals. */
export const TargetPer1000Schema = /* @__PURE__ */ z
  .number()
  .positive()
  .max(100)
  .refine((value) => decimalsOf(value) <= 4, {
    error: "a target per 1000 has at most 4 decimals",
    params: { zh: "每千人指标最多 4 位小数", range: true },
  });

/** A share (占比) as a decimal fraction in (0, 1], at most 4 decimals: `0.55` is 55 %. */
export const ShareSchema = /* @__PURE__ */ z
  .number()
  .positive()
  .max(1)
  .refine((value) => decimalsOf(value) <= 4, {
    error: "a share has at most 4 decimals",
    params: { zh: "占比最多 4 位小数", range: true },
  });

/** A calendar year used in plans and projections (年份): an integer from 1900 to 2200. */
export const YearSchema = /* @__PURE__ */ z.number().int().min(1900).max(2200);

/** Throw `OUT_OF_RANGE` at `path` when a part exceeds its whole (e.g. nursing beds above all beds). */
export function assertNotAbove(
  part: number,
  whole: number,
  path: string,
  wholePath: string,
  zhPart: string,
  zhWhole: string,
): void {
  if (part > whole) {
    throw fieldError(
      "OUT_OF_RANGE",
      path,
      `${path} (${part}) must not exceed ${wholePath} (${whole})`,
      `${zhPart}（${part}）不能大于${zhWhole}（${whole}）`,
    );
  }
}
