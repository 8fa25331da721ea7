import { isCarekitError } from "@carekit/core";
import { describeValue, fieldError, toCarekitIssues } from "@carekit/core/internal";
import * as z from "zod";

import { decimalsOf, inputError, MESSAGES, MIN_TARGET_PER_1000 } from "./internal/read.js";
import { MAX_COUNT } from "./internal/region-row.js";

export { decimalsOf, MAX_COUNT, MIN_TARGET_PER_1000 };

const RANGE_CODES: ReadonlySet<string> = new Set(["too_small", "too_big", "not_multiple_of"]);

const POPULATION_EXPECTED_EN =
  "expected a whole number of people ≥ 1 (e.g. 870000) or a projection from projectPopulation/projectFromSeries ({ method, targetYear, value, trace })";
const POPULATION_EXPECTED_ZH =
  "应为不小于 1 的整数人数（如 870000），或 projectPopulation/projectFromSeries 返回的人口预测（{ method, targetYear, value, trace }）";

/**
 * Chinese text of the union failures capacity names itself (`expected … ; got …`), keyed by the English text's
 * start: zod passes a union's `error` through but not its `params`.
 */
const UNION_ZH: ReadonlyArray<readonly [string, string]> = [[POPULATION_EXPECTED_EN, POPULATION_EXPECTED_ZH]];

/** A population, or a projection of one: the union's failure names both forms and what was given. */
export function populationUnionError(issue: { input?: unknown }): string {
  return `${POPULATION_EXPECTED_EN}; got ${describeValue(issue.input)}`;
}

/** The same failure in both languages, for the zod-free readers (`internal/read.ts`). */
export function populationExpected(value: unknown): { en: string; zh: string } {
  return {
    en: populationUnionError({ input: value }),
    zh: `${POPULATION_EXPECTED_ZH}；实际为 ${describeValue(value, "zh")}`,
  };
}

/**
 * Validate with zod; on failure throw a `CarekitError` listing every issue with its path (as core's `parseInput`
 * does), coded `OUT_OF_RANGE` when the first problem is a value of the right type outside its range,
 * `INVALID_INPUT` otherwise; union failures name the forms that were expected, in both languages.
 */
export function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  label: { readonly en: string; readonly zh: string },
  path: readonly PropertyKey[] = [],
): z.output<S> {
  const result = readInput(() => schema.safeParse(input), label, path);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const isRange =
    first !== undefined &&
    (RANGE_CODES.has(first.code) ||
      (first.code === "custom" && (first as { params?: { range?: unknown } }).params?.range === true));
  const issues = toCarekitIssues(result.error.issues, path).map((issue, i) => {
    if (result.error.issues[i]?.code !== "invalid_union") return issue;
    const known = UNION_ZH.find(([en]) => issue.message.startsWith(en));
    if (known === undefined) return issue;
    const got = issue.message.slice(known[0].length).replace(/^; got /, "");
    return { ...issue, messageZh: `${known[1]}；实际为 ${got}` };
  });
  throw inputError(issues, label, isRange);
}

/** Whether `error` is a CarekitError (by its brand, whichever copy of core made it); never throws. */
function isOwnError(error: unknown): boolean {
  try {
    return isCarekitError(error);
  } catch {
    return false;
  }
}

/**
 * Run `read`, which reads a caller's value; anything it throws other than a `CarekitError` (a throwing getter, a
 * revoked proxy) becomes `UNREADABLE_INPUT` at `path`, so that no raw exception leaves a public function.
 */
export function readInput<T>(
  read: () => T,
  label: { readonly en: string; readonly zh: string } = { en: "input", zh: "输入" },
  path: readonly PropertyKey[] = [],
): T {
  try {
    return read();
  } catch (error) {
    if (isOwnError(error)) throw error;
    const where = path.map(String).join(".");
    throw fieldError(
      "UNREADABLE_INPUT",
      where,
      `the ${label.en} could not be read (a property getter or proxy threw)`,
      `无法读取${label.zh}（属性读取时抛出异常）`,
    );
  }
}

/** Count of people, slots or beds (人数/托位数/床位数): a non-negative integer up to {@link MAX_COUNT}. */
export const CountSchema = /* @__PURE__ */ (() => z.number().int().nonnegative().max(MAX_COUNT))();

/** A population denominator (人口): a positive integer up to {@link MAX_COUNT}. */
export const PopulationSchema = /* @__PURE__ */ (() => z.number().int().positive().max(MAX_COUNT))();

/**
 * A target per 1000 (每千人指标): in [0.1, 100], at most 4 decimals. A value below 0.1 (such as 0.0045, a share
 * where 4.5 per 1000 was meant) is refused with a hint.
 */
export const TargetPer1000Schema = /* @__PURE__ */ (() =>
  z
    .number()
    .refine((value) => value >= MIN_TARGET_PER_1000, {
      error: MESSAGES.targetTooSmall.en,
      params: { zh: MESSAGES.targetTooSmall.zh, range: true },
    })
    .max(100)
    .refine((value) => decimalsOf(value) <= 4, {
      error: MESSAGES.targetDecimals.en,
      params: { zh: MESSAGES.targetDecimals.zh, range: true },
    }))();

/**
 * A share (占比) as a decimal fraction in (0, 1], at most 4 decimals: `0.55` is 55 %. A value above 1 (such as
 * 55, a percentage where 0.55 was meant) is refused with a hint.
 */
export const ShareSchema = /* @__PURE__ */ (() =>
  z
    .number()
    .positive()
    .refine((value) => value <= 1, {
      error: MESSAGES.shareTooBig.en,
      params: { zh: MESSAGES.shareTooBig.zh, range: true },
    })
    .refine((value) => decimalsOf(value) <= 4, {
      error: MESSAGES.shareDecimals.en,
      params: { zh: MESSAGES.shareDecimals.zh, range: true },
    }))();

/** The age that defines elders (老年人口口径): 60 (老年人权益保障法) or 65. */
export const ElderAgeSchema = /* @__PURE__ */ (() => z.literal([60, 65]))();

/** A calendar year used in plans and projections (年份): an integer from 1900 to 2200. */
export const YearSchema = /* @__PURE__ */ (() => z.number().int().min(1900).max(2200))();

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

/**
 * `a × b` for non-negative safe integers, or `OUT_OF_RANGE` at `path` when the product is not a safe integer: every
 * integer a capacity result carries is exact.
 */
export function safeProduct(a: number, b: number, path: string): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) {
    throw fieldError(
      "OUT_OF_RANGE",
      path,
      `the result (${a} × ${b}) exceeds ${Number.MAX_SAFE_INTEGER} and cannot be exact`,
      `计算结果（${a} × ${b}）超过 ${Number.MAX_SAFE_INTEGER}，无法精确表示`,
    );
  }
  return product;
}
