/**
 * Field readers for the plain functions (字段读取): they check an input exactly as its exported zod schema does —
 * the same accepted values, the same error code, every problem at the same path, and a union's choice between
 * "the one form that nearly fitted" and "none of the forms" made by zod's rule — without zod on the function's
 * import path, so that importing one function costs a few kilobytes. The schemas stay the reference: a differential
 * fast-check test (`test/read.test.ts`) holds each reader and its schema together. Internal: not public API.
 */
import { CarekitError, type CarekitIssue } from "@carekit/core";
import { describeValue, formatPath } from "@carekit/core/internal";
import { MAX_COUNT } from "./region-row.js";

/** A function's input label, in both languages (`"slots-per-1000 input"`, `"每千人口托位数输入"`). */
export interface InputLabel {
  readonly en: string;
  readonly zh: string;
}

/**
 * One problem (问题): where (path segments below the checked value), the messages, whether it is a value of the right
 * type outside its range (`range`: the error is `OUT_OF_RANGE`), and whether it ends the reading of its value
 * (`fatal`: a wrong type, a fraction where an integer belongs, a value not in a list — zod's aborting issues, which
 * make a union give up on that form).
 */
export interface Problem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly messageZh: string;
  readonly range: boolean;
  readonly fatal: boolean;
}

/** A check: the problems of `value` (none when it is acceptable). `T` is the type it accepts. */
export type Check<T> = ((value: unknown) => readonly Problem[]) & { readonly __accepts?: T };

/** The type a check accepts. */
export type Checked<C> = C extends Check<infer T> ? T : never;

const OK: readonly Problem[] = [];

function problem(message: string, messageZh: string, kind: "type" | "range" | "other"): readonly Problem[] {
  return [{ path: [], message, messageZh, range: kind === "range", fatal: kind === "type" }];
}

function typeProblem(expected: string, expectedZh: string, value: unknown): readonly Problem[] {
  return value === undefined
    ? problem(`Invalid input: expected ${expected}, received undefined`, "缺少必填字段", "type")
    : problem(
        `Invalid input: expected ${expected}, received ${describeValue(value)}`,
        `类型错误：应为${expectedZh}，实际为 ${describeValue(value, "zh")}`,
        "type",
      );
}

/** Number of decimals in the shortest representation of `value`; `Infinity` for exponent notation. */
export function decimalsOf(value: number): number {
  const text = String(Math.abs(value));
  if (text.includes("e")) return Number.POSITIVE_INFINITY;
  return text.split(".")[1]?.length ?? 0;
}

/** A finite number (`z.number()`), then each rule in order; the first that fails is the problem. */
function numberWith(...rules: ((value: number) => readonly Problem[])[]): Check<number> {
  return (value) => {
    if (typeof value !== "number" || !Number.isFinite(value)) return typeProblem("number", "数值", value);
    for (const rule of rules) {
      const found = rule(value);
      if (found.length > 0) return found;
    }
    return OK;
  };
}

/** zod's `int`: a fraction is a type problem; an integer beyond ±(2^53 − 1) a range problem. */
const isInteger = (value: number) => {
  if (!Number.isInteger(value)) {
    return problem("Invalid input: expected int, received number", `类型错误：应为整数，实际为 ${value}`, "type");
  }
  if (value > Number.MAX_SAFE_INTEGER) {
    return problem(
      `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`,
      `数值过大：不能大于 ${Number.MAX_SAFE_INTEGER}`,
      "range",
    );
  }
  if (value < Number.MIN_SAFE_INTEGER) {
    return problem(
      `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`,
      `数值过小：不能小于 ${Number.MIN_SAFE_INTEGER}`,
      "range",
    );
  }
  return OK;
};
const atLeast = (min: number) => (value: number) =>
  value >= min ? OK : problem(`Too small: expected number to be >=${min}`, `数值过小：不能小于 ${min}`, "range");
const above = (min: number) => (value: number) =>
  value > min ? OK : problem(`Too small: expected number to be >${min}`, `数值过小：必须大于 ${min}`, "range");
const atMost = (max: number) => (value: number) =>
  value <= max ? OK : problem(`Too big: expected number to be <=${max}`, `数值过大：不能大于 ${max}`, "range");
const refine =
  (test: (value: number) => boolean, message: { readonly en: string; readonly zh: string }) => (value: number) =>
    test(value) ? OK : problem(message.en, message.zh, "range");

/** A whole number in `[min, max]` (`z.number().int().min(min).max(max)`). */
export function integer(min: number, max: number): Check<number> {
  return numberWith(isInteger, atLeast(min), atMost(max));
}

/** Smallest target per 1000 accepted: below it a value is almost surely a share or a percentage typed by mistake. */
export const MIN_TARGET_PER_1000 = 0.1;

/** The messages of the plausibility and precision rules, shared with the zod schemas of `validate.ts`. */
export const MESSAGES = {
  targetTooSmall: {
    en: "a target per 1000 must be at least 0.1 — this looks like a share, not a per-1000 figure (4.5 per 1000 is 4.5, not 0.0045)",
    zh: "每千人指标不能小于 0.1——这看起来是占比而不是每千人数（每千人 4.5 个应写 4.5，而不是 0.0045）",
  },
  targetDecimals: { en: "a target per 1000 has at most 4 decimals", zh: "每千人指标最多 4 位小数" },
  shareTooBig: {
    en: "a share must be at most 1 — this looks like a percentage, not a share (55 % is 0.55, not 55)",
    zh: "占比不能大于 1——这看起来是百分数而不是占比（55% 应写 0.55，而不是 55）",
  },
  shareDecimals: { en: "a share has at most 4 decimals", zh: "占比最多 4 位小数" },
} as const;

/** One of the listed values (`z.literal([...])` / `z.enum([...])`). */
export function oneOf<const T extends string | number>(values: readonly T[]): Check<T> {
  const list = values.map((value) => JSON.stringify(value));
  return (value) =>
    values.includes(value as T)
      ? OK
      : problem(`Invalid option: expected one of ${list.join("|")}`, `取值无效：应为 ${list.join(" / ")} 之一`, "type");
}

/** A string of at least `min` characters (`z.string().min(min)`). */
export function text(min = 0): Check<string> {
  return (value) => {
    if (typeof value !== "string") return typeProblem("string", "字符串", value);
    return value.length >= min
      ? OK
      : problem(`Too small: expected string to have >=${min} characters`, `长度过短：不能少于 ${min} 个字符`, "range");
  };
}

/** A finite number (`z.number()`). */
export const finite: Check<number> = (value) =>
  typeof value === "number" && Number.isFinite(value) ? OK : typeProblem("number", "数值", value);

/** `true` or `false` (`z.boolean()`). */
export const boolean: Check<boolean> = (value) =>
  typeof value === "boolean" ? OK : typeProblem("boolean", "布尔值", value);

/** `null` (`z.null()`). */
export const nullValue: Check<null> = (value) => (value === null ? OK : typeProblem("null", "null", value));

/** Anything (`z.unknown()`): the function checks the value itself. */
export const anything: Check<unknown> = () => OK;

/** `check`, or absent (`undefined`), as zod's `.optional()`. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value) => (value === undefined ? OK : check(value));
}

/** `check`, or `null` (`.nullable()`). */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value) => (value === null ? OK : check(value));
}

function under(key: string | number, problems: readonly Problem[]): readonly Problem[] {
  return problems.map((p) => ({ ...p, path: [key, ...p.path] }));
}

/** Read a property without letting a throwing getter or proxy out: it becomes a fatal `UNREADABLE_INPUT`. */
class Unreadable extends Error {
  constructor(readonly path: readonly (string | number)[]) {
    super("unreadable");
  }
}

function get(record: Record<string, unknown>, key: string): unknown {
  try {
    return record[key];
  } catch {
    throw new Unreadable([key]);
  }
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The checks of an object's fields, in the order its schema lists them. */
export type Fields = Readonly<Record<string, Check<unknown>>>;

/** What a {@link strictObject} of `F` accepts. */
export type ObjectOf<F extends Fields> = { -readonly [K in keyof F]: Checked<F[K]> };

/**
 * A strict object (`z.strictObject`): not an array; each field's problems in field order, then one problem for the
 * keys it does not know.
 */
export function strictObject<F extends Fields>(fields: F): Check<ObjectOf<F>> {
  return (value) => {
    if (!isRecordLike(value)) return typeProblem("object", "对象", value);
    const problems: Problem[] = [];
    for (const key in fields) {
      const check = fields[key] as Check<unknown>;
      const found = check(get(value, key));
      if (found.length > 0) problems.push(...under(key, found));
    }
    let keys: string[];
    try {
      keys = Object.keys(value);
    } catch {
      throw new Unreadable([]);
    }
    const unknown = keys.filter((key) => !Object.hasOwn(fields, key));
    if (unknown.length > 0) {
      problems.push({
        path: [],
        message: `Unrecognized key${unknown.length > 1 ? "s" : ""}: ${unknown.map((key) => JSON.stringify(key)).join(", ")}`,
        messageZh: `包含未知字段：${unknown.join("、")}`,
        range: false,
        fatal: false,
      });
    }
    return problems;
  };
}

/** An array of values passing `check` (`z.array(check)`). */
export function arrayOf<T>(check: Check<T>): Check<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return typeProblem("array", "数组", value);
    const problems: Problem[] = [];
    for (let i = 0; i < value.length; i++) {
      let item: unknown;
      try {
        item = value[i];
      } catch {
        throw new Unreadable([i]);
      }
      const found = check(item);
      if (found.length > 0) problems.push(...under(i, found));
    }
    return problems;
  };
}

/** A record of string keys to values passing `check` (`z.record(z.string(), check)`). */
export function recordOf<T>(check: Check<T>): Check<Record<string, T>> {
  return (value) => {
    if (!isRecordLike(value)) return typeProblem("record", "对象", value);
    const problems: Problem[] = [];
    for (const key of Object.keys(value)) {
      const found = check(get(value, key));
      if (found.length > 0) problems.push(...under(key, found));
    }
    return problems;
  };
}

/**
 * One of several forms (`z.union`), by zod's rule: the first form without problems wins; when exactly one form
 * failed without a fatal problem, its problems are the answer (it "nearly fitted"); otherwise one fatal problem
 * names the forms that were expected, with `expected` giving the text (or zod's plain "Invalid input").
 */
export function union<T>(
  forms: readonly Check<unknown>[],
  expected?: (value: unknown) => { readonly en: string; readonly zh: string },
): Check<T> {
  return (value) => {
    const results = forms.map((form) => form(value));
    if (results.some((found) => found.length === 0)) return OK;
    const nearly = results.filter((found) => !found.some((p) => p.fatal));
    if (nearly.length === 1) return nearly[0] as readonly Problem[];
    const text = expected?.(value) ?? { en: "Invalid input", zh: "不符合任何允许的形式" };
    return problem(text.en, text.zh, "type");
  };
}

/**
 * Check `input` with `check` and return it typed, or throw the `CarekitError` carekit's zod path (`validate.ts`
 * `parse`) throws: every problem with its path (`trace[0].step`), `OUT_OF_RANGE` when the first is a range problem,
 * `INVALID_INPUT` otherwise; a getter or proxy that throws is `UNREADABLE_INPUT` at its path.
 */
export function checkInput<T>(input: unknown, check: Check<T>, label: InputLabel): T {
  let problems: readonly Problem[];
  try {
    problems = check(input);
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    const where = formatPath(error.path);
    throw new CarekitError({
      code: "UNREADABLE_INPUT",
      message: `${where === "" ? "" : `${where}: `}the ${label.en} could not be read (a property getter or proxy threw)`,
      messageZh: `${where === "" ? "" : `${where}: `}无法读取${label.zh}（属性读取时抛出异常）`,
      issues: [{ path: where, message: "could not be read", messageZh: "无法读取" }],
    });
  }
  if (problems.length === 0) return input as T;
  const issues = problems.map((p) => ({ path: formatPath(p.path), message: p.message, messageZh: p.messageZh }));
  throw inputError(issues, label, problems[0]?.range === true);
}

/**
 * The `CarekitError` of a refused input, as every capacity function words it (the readers here and `validate.ts`'s
 * zod path): the first problem with its path, how many more there are, `OUT_OF_RANGE` when the first is a value of
 * the right type outside its range, `INVALID_INPUT` otherwise.
 */
export function inputError(issues: readonly CarekitIssue[], label: InputLabel, range: boolean): CarekitError {
  const top = issues[0];
  const where = top && top.path !== "" ? `${top.path}: ` : "";
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : "";
  const moreZh = issues.length > 1 ? `（另有 ${issues.length - 1} 处）` : "";
  return new CarekitError({
    code: range ? "OUT_OF_RANGE" : "INVALID_INPUT",
    message: `Invalid ${label.en}: ${where}${top?.message ?? "rejected"}${more}`,
    messageZh: `${label.zh}无效：${where}${top?.messageZh ?? "被拒绝"}${moreZh}`,
    issues: [...issues],
  });
}

/** A count of people, slots or beds (`CountSchema`): a whole number from 0 to {@link MAX_COUNT}. */
export const COUNT = /* @__PURE__ */ (() => integer(0, MAX_COUNT))();

/** A denominator (`PopulationSchema`): a whole number from 1 to {@link MAX_COUNT}. */
export const POSITIVE_COUNT = /* @__PURE__ */ (() => numberWith(isInteger, above(0), atMost(MAX_COUNT)))();

/** A calendar year (`YearSchema`): 1900 to 2200. */
export const YEAR = /* @__PURE__ */ (() => integer(1900, 2200))();

/** The age that defines elders (`ElderAgeSchema`): 60 or 65. */
export const ELDER_AGE = /* @__PURE__ */ (() => oneOf([60, 65] as const))();

/** A target per 1000 (`TargetPer1000Schema`): at least 0.1, at most 100, at most 4 decimals. */
export const TARGET_PER_1000 = /* @__PURE__ */ (() =>
  numberWith(
    refine((value) => value >= MIN_TARGET_PER_1000, MESSAGES.targetTooSmall),
    atMost(100),
    refine((value) => decimalsOf(value) <= 4, MESSAGES.targetDecimals),
  ))();

/** A share (`ShareSchema`): above 0, at most 1, at most 4 decimals. */
export const SHARE = /* @__PURE__ */ (() =>
  numberWith(
    above(0),
    refine((value) => value <= 1, MESSAGES.shareTooBig),
    refine((value) => decimalsOf(value) <= 4, MESSAGES.shareDecimals),
  ))();
