import type * as z from "zod";
import { CarekitError, type CarekitErrorCode, type CarekitIssue } from "./error.js";
import { formatPath } from "./path.js";

const ZH: Record<string, string> = {
  invalid_type: "类型错误",
  too_small: "过小",
  too_big: "过大",
  invalid_format: "格式错误",
  not_multiple_of: "不是允许的倍数",
  unrecognized_keys: "包含未知字段",
  invalid_value: "取值无效",
  invalid_union: "不符合任何允许的形式",
};

function zhFor(issue: z.core.$ZodIssue): string {
  const zh = (issue as { params?: { zh?: unknown } }).params?.zh;
  if (typeof zh === "string") return zh;
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) return "缺少必填字段";
  return `${ZH[issue.code] ?? "输入无效"}（${issue.message}）`;
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
