import type * as z from "zod";
import { describeValue } from "./describe.js";
import { CarekitError, type CarekitErrorCode, type CarekitIssue, fieldError } from "./error.js";
import { formatPath } from "./path.js";
import { readFields } from "./read.js";

const TYPE_ZH: Record<string, string> = {
  number: "数值",
  int: "整数",
  string: "字符串",
  boolean: "布尔值",
  array: "数组",
  object: "对象",
  date: "日期",
  bigint: "大整数",
};

function bound(issue: { origin: string; inclusive?: boolean }, value: unknown, side: "min" | "max"): string {
  const text = String(value);
  if (issue.origin === "string") return side === "min" ? `不能少于 ${text} 个字符` : `不能超过 ${text} 个字符`;
  if (issue.origin === "array" || issue.origin === "set")
    return side === "min" ? `不能少于 ${text} 项` : `不能多于 ${text} 项`;
  if (issue.inclusive === false) return side === "min" ? `必须大于 ${text}` : `必须小于 ${text}`;
  return side === "min" ? `不能小于 ${text}` : `不能大于 ${text}`;
}

/** The Chinese text of a zod issue: the refinement's own `params.zh`, or a translation of zod's built-in checks. */
function zhFor(issue: z.core.$ZodIssue): string {
  const zh = (issue as { params?: { zh?: unknown } }).params?.zh;
  if (typeof zh === "string") return zh;
  switch (issue.code) {
    case "invalid_type":
      return issue.message.endsWith("received undefined")
        ? "缺少必填字段"
        : `类型错误：应为${TYPE_ZH[issue.expected] ?? issue.expected}`;
    case "too_small":
      return `${sizeWord(issue.origin, "small")}：${bound(issue, issue.minimum, "min")}`;
    case "too_big":
      return `${sizeWord(issue.origin, "big")}：${bound(issue, issue.maximum, "max")}`;
    case "invalid_format":
      return `格式错误：应为 ${issue.format}`;
    case "not_multiple_of":
      return `必须是 ${String(issue.divisor)} 的倍数`;
    case "unrecognized_keys":
      return `包含未知字段：${issue.keys.join("、")}`;
    case "invalid_value":
      return `取值无效：应为 ${issue.values.map((v) => describeValue(v, "zh")).join(" / ")} 之一`;
    case "invalid_union":
      return "不符合任何允许的形式";
    default:
      return `输入无效（${issue.message}）`;
  }
}

/** 数值 for numbers, 长度 for strings, 项数 for arrays and sets: an array of 0 items is not "a value too small". */
function sizeWord(origin: string, side: "small" | "big"): string {
  if (origin === "array" || origin === "set") return side === "small" ? "项数过少" : "项数过多";
  if (origin === "string") return side === "small" ? "长度过短" : "长度过长";
  return side === "small" ? "数值过小" : "数值过大";
}

/** What a schema says it expects: `.meta({ expected: { en, zh } })` on it or on a wrapper around it. */
interface Expected {
  readonly en: string;
  readonly zh: string;
}

type SchemaLike = { _zod?: { def?: Record<string, unknown> }; meta?: () => unknown };

function expectedOf(schema: SchemaLike): Expected | undefined {
  const meta = typeof schema.meta === "function" ? (schema.meta() as { expected?: unknown } | undefined) : undefined;
  const expected = meta?.expected as Partial<Expected> | undefined;
  return typeof expected?.en === "string" && typeof expected.zh === "string"
    ? { en: expected.en, zh: expected.zh }
    : undefined;
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

/** Unwrap optional/default/pipe/lazy layers, returning the first stated expectation met on the way and the core. */
function unwrap(schema: SchemaLike | undefined): { core: SchemaLike | undefined; expected: Expected | undefined } {
  let current = schema;
  for (let guard = 0; current && guard < 32; guard++) {
    const expected = expectedOf(current);
    if (expected) return { core: current, expected };
    const def = current._zod?.def;
    const type = def?.type as string | undefined;
    if (type !== undefined && WRAPPERS.has(type)) current = def?.innerType as SchemaLike;
    else if (type === "pipe") current = def?.in as SchemaLike;
    else if (type === "lazy" && typeof def?.getter === "function") current = (def.getter as () => SchemaLike)();
    else break;
  }
  return { core: current, expected: undefined };
}

/** The schema at `path` inside `schema`, best effort (objects, arrays, records, tuples, unions of objects). */
function schemaAt(schema: SchemaLike, path: readonly PropertyKey[]): SchemaLike | undefined {
  let current: SchemaLike | undefined = schema;
  for (const key of path) {
    const core: SchemaLike | undefined = unwrap(current).core;
    const def: Record<string, unknown> | undefined = core?._zod?.def;
    if (!def) return undefined;
    switch (def.type) {
      case "object":
        current = (def.shape as Record<PropertyKey, SchemaLike>)[key];
        break;
      case "array":
        current = def.element as SchemaLike;
        break;
      case "record":
        current = def.valueType as SchemaLike;
        break;
      case "tuple":
        current = typeof key === "number" ? (def.items as SchemaLike[])[key] : undefined;
        break;
      case "union":
        current = (def.options as SchemaLike[])
          .map((option) => unwrap(option).core?._zod?.def)
          .map((d) => (d?.type === "object" ? (d.shape as Record<PropertyKey, SchemaLike>)[key] : undefined))
          .find((found) => found !== undefined);
        break;
      default:
        return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

const KIND: Record<string, Expected> = {
  number: { en: "a number", zh: "数值" },
  int: { en: "an integer", zh: "整数" },
  string: { en: "a string", zh: "字符串" },
  boolean: { en: "true or false", zh: "布尔值" },
  array: { en: "an array", zh: "数组" },
  object: { en: "an object", zh: "对象" },
  null: { en: "null", zh: "null" },
};

/** The expectation of a union with no stated one: its options' own statements or kinds, joined with "or". */
function unionExpected(core: SchemaLike | undefined): Expected | undefined {
  const def = core?._zod?.def;
  if (def?.type !== "union") return undefined;
  const parts = (def.options as SchemaLike[]).map((option) => {
    const { core: inner, expected } = unwrap(option);
    if (expected) return expected;
    const type = String(inner?._zod?.def?.type ?? "");
    if (type === "literal") {
      const values = (inner?._zod?.def?.values as unknown[] | undefined) ?? [];
      const shown = values.map((v) => describeValue(v)).join(" or ");
      return { en: shown, zh: shown };
    }
    return KIND[type] ?? { en: type, zh: type };
  });
  return { en: parts.map((p) => p.en).join(" or "), zh: parts.map((p) => p.zh).join("或") };
}

/** The value at `path` inside `input`, read without letting a throwing getter out. */
function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current = input;
  try {
    for (const key of path) {
      if (typeof current !== "object" || current === null) return { found: false, value: undefined };
      current = (current as Record<PropertyKey, unknown>)[key];
    }
    return { found: true, value: current };
  } catch {
    return { found: false, value: undefined };
  }
}

/** Context of {@link toCarekitIssues}: the input (to show what was received) and its schema (to say what was expected). */
export interface IssueContext {
  /** The value that was validated; each message shows (safely) what it held at the issue's path. */
  readonly input?: unknown;
  /** The schema it was validated against; a `.meta({ expected: { en, zh } })` on a field states its expected forms. */
  readonly schema?: z.ZodType;
}

/**
 * Turn zod issues into carekit issues: JavaScript-style paths, English and Chinese messages. With a `context`, each
 * message also says what was received (`got "870,000"`), and an issue on a union, or on a field whose schema states
 * `.meta({ expected: { en, zh } })`, says which forms were expected.
 *
 * @example
 * ```ts
 * const schema = z.object({ population: z.number().int().nonnegative() });
 * const input = { population: -1 };
 * toCarekitIssues(schema.safeParse(input).error.issues, ["rows", 3], { input, schema })[0].path;
 * // → "rows[3].population"
 * ```
 */
export function toCarekitIssues(
  issues: readonly z.core.$ZodIssue[],
  basePath: readonly PropertyKey[] = [],
  context: IssueContext = {},
): CarekitIssue[] {
  if (!Array.isArray(issues) || !Array.isArray(basePath)) {
    throw fieldError("INVALID_INPUT", Array.isArray(issues) ? "basePath" : "issues", "must be an array", "必须是数组");
  }
  const { input, schema } = readFields(context, ["input", "schema"], "context");
  const hasInput = Object.hasOwn(context, "input");
  return issues.map((issue, i) => {
    const read = readFields(issue, ["code", "message", "path"], `issues[${i}]`);
    if (typeof read.code !== "string" || typeof read.message !== "string" || !Array.isArray(read.path)) {
      throw fieldError(
        "INVALID_INPUT",
        `issues[${i}]`,
        "must be a zod issue ({ code, message, path })",
        "必须是 zod 问题对象（{ code, message, path }）",
      );
    }
    const path = read.path as PropertyKey[];
    let message = read.message;
    let messageZh: string;
    try {
      messageZh = zhFor(issue);
    } catch {
      messageZh = `输入无效（${message}）`;
    }
    const target =
      schema && issue.code !== "unrecognized_keys" ? unwrap(schemaAt(schema as SchemaLike, path)) : undefined;
    const expected = target?.expected ?? unionExpected(target?.core);
    if (expected) {
      message = `expected ${expected.en}`;
      messageZh = `应为${expected.zh}`;
    }
    const received =
      hasInput && issue.code !== "unrecognized_keys" ? valueAt(input, path) : { found: false, value: undefined };
    if (received.found && received.value !== undefined) {
      message = `${message}; got ${describeValue(received.value)}`;
      messageZh = `${messageZh}，实际为 ${describeValue(received.value, "zh")}`;
    }
    return { path: formatPath([...basePath, ...path]), message, messageZh };
  });
}

/** Options of {@link parseInput}. */
export interface ParseInputOptions {
  /** Error code when validation fails; default `INVALID_INPUT`. */
  readonly code?: CarekitErrorCode;
  /** Path of the input inside a larger structure, prefixed to every issue path (e.g. `["rows", 3]`). */
  readonly path?: readonly PropertyKey[];
  /** What the input is, for the message (e.g. `"claim"` / `"就诊记录"`). */
  readonly label?: { readonly en: string; readonly zh: string };
}

/**
 * Validate `input` against a zod schema and return the parsed value (解析并校验输入), or throw one
 * {@link CarekitError} listing every problem with its field path.
 *
 * @throws {CarekitError} `INVALID_INPUT` (or `options.code`) when the schema rejects the input
 * @example
 * ```ts
 * const Row = z.strictObject({ region: z.string(), population: z.number().int().nonnegative() });
 * parseInput(Row, { region: "大足区", population: 830000 }); // → { region: "大足区", population: 830000 }
 * try {
 *   parseInput(Row, { region: "大足区", population: -5 }, { path: ["rows", 3] });
 * } catch (error) {
 *   if (isCarekitError(error)) {
 *     error.code; // → "INVALID_INPUT"
 *     error.issues[0].path; // → "rows[3].population"
 *     error.message; // → "Invalid input: rows[3].population: Too small: expected number to be >=0; got -5"
 *   }
 * }
 * ```
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ParseInputOptions = {},
): z.output<S> {
  const { code, path, label } = readOptions(options);
  let safeParse: unknown;
  try {
    safeParse = (schema as { safeParse?: unknown } | null)?.safeParse;
  } catch {
    // reported below
  }
  if (typeof safeParse !== "function") {
    throw fieldError("INVALID_INPUT", "schema", "must be a zod schema", "必须是 zod 模式");
  }
  let result: ReturnType<S["safeParse"]>;
  try {
    result = schema.safeParse(input) as ReturnType<S["safeParse"]>;
  } catch (cause) {
    // a throwing getter or proxy inside the input, or nesting too deep for the schema to walk
    const at = formatPath(path);
    throw new CarekitError({
      code: "UNREADABLE_INPUT",
      message: `${label.en} could not be read`,
      messageZh: `${label.zh}无法读取`,
      issues: [{ path: at, message: "could not be read", messageZh: "无法读取" }],
      cause,
    });
  }
  if (result.success) return result.data as z.output<S>;
  const issues = toCarekitIssues(result.error.issues, path, { input, schema });
  const first = issues[0];
  const where = first && first.path !== "" ? `${first.path}: ` : "";
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : "";
  const moreZh = issues.length > 1 ? `（另有 ${issues.length - 1} 处）` : "";
  throw new CarekitError({
    code,
    message: `Invalid ${label.en}: ${where}${first?.message ?? "rejected"}${more}`,
    messageZh: `${label.zh}无效：${where}${first?.messageZh ?? "被拒绝"}${moreZh}`,
    issues,
  });
}

function readOptions(options: unknown): {
  code: CarekitErrorCode;
  path: readonly PropertyKey[];
  label: { readonly en: string; readonly zh: string };
} {
  const read = options === undefined ? {} : readFields(options, ["code", "path", "label"], "options");
  const { code = "INVALID_INPUT", path = [], label } = read as Record<string, unknown>;
  if (typeof code !== "string") throw fieldError("INVALID_INPUT", "options.code", "must be a string", "必须是字符串");
  if (!Array.isArray(path)) throw fieldError("INVALID_INPUT", "options.path", "must be an array", "必须是数组");
  if (label === undefined) return { code, path, label: { en: "input", zh: "输入" } };
  const { en, zh } = readFields(label, ["en", "zh"], "options.label");
  if (typeof en !== "string" || typeof zh !== "string") {
    throw fieldError("INVALID_INPUT", "options.label", "must be { en, zh } strings", "必须是 { en, zh } 字符串");
  }
  return { code, path, label: { en, zh } };
}
