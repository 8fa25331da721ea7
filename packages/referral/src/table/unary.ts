/**
 * Unary tests (单元格条件) — the text of one decision-table cell, as DMN/FEEL and GoRules ZEN write them: `< 90`,
 * `>= 1_000`, `[140..180)`, `(1..5]`, `"a", "b"`, `true`, `null`, `!= "a"`, `not in [1, 2]`, empty = any. The
 * carekit dialect adds `-` (any), `not(…)`, `within 30 days`, `older than 30 days` and unquoted vocabulary values or
 * their labels (`初诊`); the ZEN dialect is the subset `@gorules/zen-engine` evaluates the same way.
 */

/** A comparison operator of a unary test. */
export type CompareOp = "lt" | "lte" | "gt" | "gte";

/** A literal of a unary test: a number, a quoted string (or an unquoted word in the carekit dialect), a boolean. */
export type Literal = number | string | boolean;

/** One test of a cell (a cell is a comma-separated list of them, any of which may hold). */
export type UnaryTest =
  | { readonly kind: "compare"; readonly op: CompareOp; readonly value: number | string }
  | {
      readonly kind: "range";
      readonly low: number | string;
      readonly high: number | string;
      readonly lowOpen: boolean;
      readonly highOpen: boolean;
    }
  | { readonly kind: "eq"; readonly value: Literal; readonly quoted: boolean }
  | { readonly kind: "ne"; readonly value: Literal; readonly quoted: boolean }
  | { readonly kind: "notIn"; readonly values: readonly Literal[] }
  | { readonly kind: "null" }
  | { readonly kind: "notNull" }
  | { readonly kind: "within" | "olderThan"; readonly days: number };

/** A parsed cell: any value, or a list of tests (one must hold), possibly negated as a whole (`not(…)`). */
export type UnaryCell =
  | { readonly any: true }
  | { readonly any: false; readonly negated: boolean; readonly tests: readonly UnaryTest[] };

/** Which syntax a cell is read in: carekit's tables (CSV, grids) or GoRules ZEN's JDM subset. */
export type Dialect = "carekit" | "zen";

/** A cell that could not be read: what is wrong (en, zh); `unsupported` for valid syntax outside the subset. */
export class UnaryError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
    readonly unsupported = false,
  ) {
    super(message);
  }
}

type Token =
  | { readonly t: "num"; readonly v: number; readonly at: number }
  | { readonly t: "str"; readonly v: string; readonly at: number }
  | { readonly t: "word"; readonly v: string; readonly at: number }
  | { readonly t: "op"; readonly v: string; readonly at: number };

const NUMBER = /^-?(?:\d(?:_?\d)*)(?:\.\d(?:_?\d)*)?(?:[eE][+-]?\d+)?/;
const WORD = /^[\p{L}\p{N}_][\p{L}\p{N}_\-./:]*/u;
const OPS = ["<=", ">=", "!=", "..", "<", ">", "[", "]", "(", ")", ",", "，", "$", "=", "+", "*", "/", "?", "#"];

function tokens(text: string, dialect: Dialect): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const rest = text.slice(i);
    const open = ch === '"' ? '"' : dialect === "carekit" && ch === "“" ? "”" : undefined;
    if (open !== undefined) {
      let value = "";
      let j = i + 1;
      for (; j < text.length && text[j] !== open; j++) {
        if (text[j] === "\\" && j + 1 < text.length) j += 1;
        value += text[j];
      }
      if (j >= text.length)
        throw new UnaryError(`unclosed quote at character ${i + 1}`, `第 ${i + 1} 个字符处的引号未闭合`);
      out.push({ t: "str", v: value, at: i });
      i = j + 1;
      continue;
    }
    const number = NUMBER.exec(rest);
    // a number, unless a letter follows (`2024-01-01` is a word in the carekit dialect)
    if (number !== null && !/^[\p{L}_-]/u.test(rest.slice(number[0].length))) {
      out.push({ t: "num", v: Number(number[0].replaceAll("_", "")), at: i });
      i += number[0].length;
      continue;
    }
    const op = OPS.find((o) => rest.startsWith(o));
    if (op !== undefined) {
      out.push({ t: "op", v: op === "，" ? "," : op, at: i });
      i += op.length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word !== null) {
      out.push({ t: "word", v: word[0], at: i });
      i += word[0].length;
      continue;
    }
    throw new UnaryError(`unexpected "${ch}" at character ${i + 1}`, `第 ${i + 1} 个字符 "${ch}" 无法识别`);
  }
  return out;
}

const FUNCTION_WORDS = new Set(["some", "all", "contains", "sum", "map", "filter", "len", "count", "date", "none"]);

/**
 * Parse the text of one cell (解析单元格条件).
 *
 * @param text - the cell as written (`""` or whitespace = any)
 * @param dialect - `carekit` (default) or `zen`
 * @returns the parsed cell
 * @throws {UnaryError} what is wrong, with `unsupported` set for syntax outside the subset (a function, `$`, …)
 */
export function parseUnary(text: string, dialect: Dialect = "carekit"): UnaryCell {
  const trimmed = text.trim();
  if (trimmed === "" || (dialect === "carekit" && (trimmed === "-" || trimmed === "—"))) return { any: true };
  const list = tokens(trimmed, dialect);
  let k = 0;
  const peek = (): Token | undefined => list[k];
  const isOp = (v: string, tok = peek()): boolean => tok?.t === "op" && tok.v === v;
  const isWord = (v: string, tok = peek()): boolean => tok?.t === "word" && tok.v.toLowerCase() === v;
  const expect = (v: string): void => {
    if (!isOp(v)) {
      const tok = peek();
      const found = tok === undefined ? "the end" : `"${String(tok.v)}"`;
      throw new UnaryError(
        `expected "${v}" but found ${found}`,
        `此处应为 "${v}"，实为 ${tok === undefined ? "结尾" : found}`,
      );
    }
    k += 1;
  };
  const unsupported = (what: string, zh: string): never => {
    throw new UnaryError(`${what} is outside the supported unary tests`, `${zh}不在支持的单元格条件范围内`, true);
  };

  const literal = (): { value: Literal; quoted: boolean } => {
    const tok = peek();
    if (tok === undefined) throw new UnaryError("a value is missing at the end", "结尾缺少取值");
    if (tok.t === "num") {
      k += 1;
      return { value: tok.v, quoted: false };
    }
    if (tok.t === "str") {
      k += 1;
      return { value: tok.v, quoted: true };
    }
    if (tok.t === "word") {
      const lower = tok.v.toLowerCase();
      if (FUNCTION_WORDS.has(lower) && isOp("(", list[k + 1]))
        unsupported(`the function ${tok.v}(…)`, `函数 ${tok.v}(…) `);
      k += 1;
      if (lower === "true" || (dialect === "carekit" && tok.v === "是")) return { value: true, quoted: false };
      if (lower === "false" || (dialect === "carekit" && tok.v === "否")) return { value: false, quoted: false };
      if (dialect === "zen") unsupported(`the name ${tok.v} (write text in quotes)`, `名称 ${tok.v}（文字请加引号）`);
      return { value: tok.v, quoted: false };
    }
    if (tok.v === "$") unsupported("an expression on $", "引用 $ 的表达式");
    throw new UnaryError(`expected a value but found "${tok.v}"`, `此处应为取值，实为 "${tok.v}"`);
  };
  const bound = (): number | string => {
    const { value } = literal();
    if (typeof value === "boolean")
      throw new UnaryError("a range bound must be a number or a date", "区间端点必须是数值或日期");
    return value;
  };
  const days = (): number => {
    const tok = peek();
    if (tok?.t !== "num" || !Number.isSafeInteger(tok.v) || tok.v < 0) {
      throw new UnaryError("expected a whole number of days", "此处应为整数天数");
    }
    k += 1;
    if (!isWord("days") && !isWord("day") && !isWord("天")) throw new UnaryError('expected "days"', '此处应为 "days"');
    k += 1;
    return tok.v;
  };

  const test = (): UnaryTest => {
    const tok = peek();
    if (tok?.t === "op") {
      if (tok.v === "<" || tok.v === "<=" || tok.v === ">" || tok.v === ">=") {
        k += 1;
        const op = ({ "<": "lt", "<=": "lte", ">": "gt", ">=": "gte" } as const)[tok.v];
        return { kind: "compare", op, value: bound() };
      }
      if (tok.v === "!=") {
        k += 1;
        if (isWord("null")) {
          k += 1;
          return { kind: "notNull" };
        }
        return { kind: "ne", ...literal() };
      }
      if (tok.v === "[" || tok.v === "(") {
        k += 1;
        const low = bound();
        if (!isOp("..")) {
          if (tok.v === "[" && isOp(","))
            unsupported("a list in brackets (write the values without brackets)", "方括号列表（请直接列出取值）");
          expect("..");
        }
        k += 1;
        const high = bound();
        const close = peek();
        if (!isOp("]") && !isOp(")")) {
          throw new UnaryError('a range ends with "]" or ")"', '区间必须以 "]" 或 ")" 结束');
        }
        k += 1;
        if (typeof low !== typeof high)
          throw new UnaryError("the two bounds of a range differ in type", "区间两端类型不同");
        return { kind: "range", low, high, lowOpen: tok.v === "(", highOpen: close?.v === ")" };
      }
      if (tok.v === "]") unsupported('a range opened with "]"', '以 "]" 开始的区间');
      if (tok.v === "=") unsupported('"=" (write the value alone)', '"="（直接写取值即可）');
    }
    if (isWord("null")) {
      k += 1;
      return { kind: "null" };
    }
    if (isWord("not") && isWord("in", list[k + 1])) {
      k += 2;
      expect("[");
      const values: Literal[] = [literal().value];
      while (isOp(",")) {
        k += 1;
        values.push(literal().value);
      }
      expect("]");
      return { kind: "notIn", values };
    }
    if (dialect === "carekit" && isWord("within")) {
      k += 1;
      return { kind: "within", days: days() };
    }
    if (dialect === "carekit" && isWord("older") && isWord("than", list[k + 1])) {
      k += 2;
      return { kind: "olderThan", days: days() };
    }
    return { kind: "eq", ...literal() };
  };

  const testList = (): UnaryTest[] => {
    const out = [test()];
    while (isOp(",")) {
      k += 1;
      out.push(test());
    }
    return out;
  };

  let negated = false;
  let tests: UnaryTest[];
  if (isWord("not") && isOp("(", list[1])) {
    if (dialect === "zen") unsupported("not(…)", "not(…) ");
    k = 2;
    tests = testList();
    expect(")");
    negated = true;
  } else {
    tests = testList();
  }
  const tok = peek();
  if (tok !== undefined) {
    if (tok.t === "word" && (tok.v === "and" || tok.v === "or")) unsupported(`"${tok.v}"`, `"${tok.v}" `);
    throw new UnaryError(
      `unexpected "${String(tok.v)}" at character ${tok.at + 1}`,
      `第 ${tok.at + 1} 个字符处多出 "${String(tok.v)}"`,
    );
  }
  return { any: false, negated, tests };
}

/** A literal as a cell writes it: numbers as they are, strings in double quotes, booleans as `true` / `false`. */
export function formatLiteral(value: Literal): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** A test as a cell writes it (the inverse of {@link parseUnary}). */
export function formatTest(test: UnaryTest): string {
  switch (test.kind) {
    case "compare":
      return `${{ lt: "<", lte: "<=", gt: ">", gte: ">=" }[test.op]} ${formatLiteral(test.value)}`;
    case "range":
      return `${test.lowOpen ? "(" : "["}${formatLiteral(test.low)}..${formatLiteral(test.high)}${test.highOpen ? ")" : "]"}`;
    case "eq":
      return formatLiteral(test.value);
    case "ne":
      return `!= ${formatLiteral(test.value)}`;
    case "notIn":
      return `not in [${test.values.map(formatLiteral).join(", ")}]`;
    case "null":
      return "null";
    case "notNull":
      return "!= null";
    case "within":
      return `within ${test.days} days`;
    case "olderThan":
      return `older than ${test.days} days`;
  }
}

/** A cell as text: `""` for any, the tests joined by `, `, `not(…)` around a negated list. */
export function formatCell(cell: UnaryCell): string {
  if (cell.any) return "";
  const list = cell.tests.map(formatTest).join(", ");
  return cell.negated ? `not(${list})` : list;
}
