import type * as z from "zod";
import { CarekitError, type CarekitErrorCode, type CarekitIssue } from "./error.js";
import { formatPath } from "./path.js";

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
  if (issue.origin === "string") return side === "min" ? `长度不能少于 ${text} 个字符` : `长度不能超过 ${text} 个字符`;
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
      return `数值过小：${bound(issue, issue.minimum, "min")}`;
    case "too_big":
      return `数值过大：${bound(issue, issue.maximum, "max")}`;
    case "invalid_format":
      return `格式错误：应为 ${issue.format}`;
    case "not_multiple_of":
      return `必须是 ${String(issue.divisor)} 的倍数`;
    case "unrecognized_keys":
      return `包含未知字段：${issue.keys.join("、")}`;
    case "invalid_value":
      return `取值无效：应为 ${issue.values.map((v) => JSON.stringify(v)).join(" / ")} 之一`;
    case "invalid_union":
      return "不符合任何允许的形式";
    default:
      return `输入无效（${issue.message}）`;
  }
}

/**
 * Turn zod issues into carekit issues: JavaScript-style paths, English and Chinese messages.
 *
 * @example
 * {@includeCode ../test/parse.test.ts#toIssues}
 */
export function toCarekitIssues(
  issues: readonly z.core.$ZodIssue[],
  basePath: readonly PropertyKey[] = [],
): CarekitIssue[] {
  return issues.map((issue) => ({
    path: formatPath([...basePath, ...issue.path]),
    message: issue.message,
    messageZh: zhFor(issue),
  }));
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
 * {@includeCode ../test/parse.test.ts#example}
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ParseInputOptions = {},
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toCarekitIssues(result.error.issues, options.path ?? []);
  const label = options.label ?? { en: "input", zh: "输入" };
  const first = issues[0];
  const where = first && first.path !== "" ? `${first.path}: ` : "";
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : "";
  const moreZh = issues.length > 1 ? `（另有 ${issues.length - 1} 处）` : "";
  throw new CarekitError({
    code: options.code ?? "INVALID_INPUT",
    message: `Invalid ${label.en}: ${where}${first?.message ?? "rejected"}${more}`,
    messageZh: `${label.zh}无效：${where}${first?.messageZh ?? "被拒绝"}${moreZh}`,
    issues,
  });
}
