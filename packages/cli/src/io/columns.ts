import { CarekitError } from "@carekit/core";
import { describeValue, fieldError } from "@carekit/core/internal";
import { UsageError } from "./problems.js";

/**
 * Column names the CLI accepts in Chinese and English (列名对照). Keys are the canonical English field names of the
 * library; values are the accepted Chinese headers. Lookup ignores case, spaces and underscores in English names.
 */
export const COLUMN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  region: ["地区", "区域", "街镇", "行政区", "区县", "街道", "乡镇", "镇街", "街道名称", "乡镇名称", "地区名称"],
  population: ["常住人口", "人口", "常住人口数"],
  elderPopulation: ["老年人口", "60岁及以上人口", "65岁及以上人口", "60岁以上人口"],
  existingSlots: ["slots", "现有托位数", "托位数", "托位"],
  enrolled: ["在托人数", "入托人数"],
  existingBeds: ["beds", "现有养老床位数", "养老床位数", "养老床位", "床位数"],
  nursingBeds: ["护理型床位数", "护理型床位"],
  indicatorId: ["指标", "指标编号"],
  year: ["年份", "年度"],
  value: ["值", "数值", "观测值"],
  patientId: ["患者编号", "患者"],
  id: ["结算单号", "单据号", "claimId"],
  personId: ["参保人编号", "个人编号"],
};

/** The value type of a column, which decides how a cell is read (列类型). */
export type ColumnType = "text" | "integer" | "number" | "yuan" | "date" | "boolean" | "enum" | "list";

/** One input column: canonical name, Chinese header, accepted aliases, type, unit, whether required, allowed values. */
export interface ColumnSpec {
  /** Canonical (English) field name. */
  readonly name: string;
  /** The Chinese header written in templates. */
  readonly zh: string;
  /** Further accepted headers (Chinese or English). */
  readonly aliases?: readonly string[];
  readonly type: ColumnType;
  readonly required?: boolean;
  readonly unit?: { readonly zh: string; readonly en: string };
  /** Allowed values (canonical) for `enum` and `list` columns. */
  readonly values?: readonly string[];
  /** Chinese (or other) spellings of allowed values → the canonical value. */
  readonly valueAliases?: Readonly<Record<string, string>>;
  readonly description: { readonly zh: string; readonly en: string };
}

/** The input table of a command: its columns, and the column holding row names (where 合计 rows are recognised). */
export interface TableSpec {
  readonly command: string;
  readonly columns: readonly ColumnSpec[];
  /** The column whose value names the row (地区, 结算单号…): a 合计/总计/小计 there marks a total row. */
  readonly labelColumn?: string;
}

/** Normalise a header for lookup: trim, lower case, drop spaces, `_`, `-`, and a trailing unit in brackets. */
export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/\s*[（(【[][^）)】\]]*[）)】\]]\s*$/u, "")
    .toLowerCase()
    .replace(/[\s_\-·.]/g, "");
}

const canonical = new Map<string, string>();
for (const [field, aliases] of Object.entries(COLUMN_ALIASES)) {
  canonical.set(normaliseHeader(field), field);
  for (const alias of aliases) canonical.set(normaliseHeader(alias), field);
}

/**
 * The canonical field name for a header: `常住人口` → `population`; unknown headers are kept as written.
 *
 * @throws {CarekitError} INVALID_INPUT when `header` is not a string
 */
export function canonicalColumn(header: string): string {
  if (typeof header !== "string") {
    throw fieldError(
      "INVALID_INPUT",
      "header",
      `a column header is a string, got ${describeValue(header)}`,
      `列名应为字符串，实际为 ${describeValue(header, "zh")}`,
    );
  }
  return canonical.get(normaliseHeader(header)) ?? header.trim();
}

/** Rename a row's keys to canonical field names. */
export function canonicalRecord(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[canonicalColumn(key)] = value;
  return out;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Turn CSV text cells into the values the calculators take: empty cells are dropped (a missing optional field),
 * numeric text in the named numeric fields becomes a number, `true`/`false` in boolean fields a boolean, anything
 * else stays text so that validation reports it with its field path. (The older, looser reading; commands with a
 * {@link TableSpec} read cells with {@link cellReader}.)
 */
export function coerceCells(
  record: Record<string, unknown>,
  numeric: ReadonlySet<string>,
  boolean: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== "string") {
      out[key] = value;
      continue;
    }
    if (value === "") continue;
    if (numeric.has(key) && NUMBER.test(value)) out[key] = Number(value);
    else if (boolean.has(key) && /^(true|false|是|否|1|0)$/i.test(value)) out[key] = /^(true|是|1)$/i.test(value);
    else out[key] = value;
  }
  return out;
}

/** How a table's header maps to its columns. */
export interface HeaderMap {
  /** For each header cell, the column it names, or `undefined` for an unknown header (kept under its own name). */
  readonly columns: readonly (ColumnSpec | undefined)[];
  /** The header cells as written. */
  readonly headers: readonly string[];
  /** Headers that name no column, each with a suggestion when one is close. */
  readonly unknown: readonly { readonly header: string; readonly suggestion: string | undefined }[];
}

/** Every name a column can be written as. */
export function columnNames(column: ColumnSpec): string[] {
  return [column.name, column.zh, ...(column.aliases ?? []), ...(COLUMN_ALIASES[column.name] ?? [])];
}

/** A lookup from normalised header to column. */
export function headerLookup(spec: TableSpec): Map<string, ColumnSpec> {
  const lookup = new Map<string, ColumnSpec>();
  for (const column of spec.columns)
    for (const name of columnNames(column)) {
      const key = normaliseHeader(name);
      if (!lookup.has(key)) lookup.set(key, column);
    }
  return lookup;
}

/** Levenshtein distance (for "did you mean"). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** The known column name closest to `header` (`收缩 压` → `收缩压`, `populaton` → `population`), if close enough. */
export function suggestColumn(header: string, spec: TableSpec): string | undefined {
  const key = normaliseHeader(header);
  if (key === "") return undefined;
  let best: { name: string; score: number } | undefined;
  for (const column of spec.columns) {
    for (const name of columnNames(column)) {
      const candidate = normaliseHeader(name);
      if (candidate === "") continue;
      const contains = key.includes(candidate) || candidate.includes(key);
      const d = contains ? Math.abs(key.length - candidate.length) * 0.5 : distance(key, candidate);
      const limit = Math.max(1, Math.floor(Math.max(key.length, candidate.length) / 3));
      if (d <= limit && (!best || d < best.score))
        best = {
          name: `${column.zh} (${column.name})${name === column.name || name === column.zh ? "" : ` ← ${name}`}`,
          score: d,
        };
    }
  }
  return best?.name;
}

/**
 * Map a header row to the table's columns. Stops the run (exit 2, before any row is read) with every problem listed
 * at once: two headers naming the same column, and each required column that is missing — with a "did you mean" for
 * each header that was not recognised. Unknown headers alone are not an error: they are returned (and reported once).
 */
export function mapHeader(headers: readonly string[], spec: TableSpec): HeaderMap {
  const lookup = headerLookup(spec);
  const columns: (ColumnSpec | undefined)[] = [];
  const seen = new Map<string, string>();
  const problems: string[] = [];
  const unknown: { header: string; suggestion: string | undefined }[] = [];
  for (const header of headers) {
    const column = lookup.get(normaliseHeader(header));
    columns.push(column);
    if (!column) {
      if (normaliseHeader(header) !== "") unknown.push({ header, suggestion: suggestColumn(header, spec) });
      continue;
    }
    const earlier = seen.get(column.name);
    if (earlier !== undefined)
      problems.push(
        `duplicate column: "${earlier}" and "${header}" both name ${column.name} (${column.zh}); keep one · 列重复："${earlier}" 与 "${header}" 都表示 ${column.zh}，请只保留一列`,
      );
    else seen.set(column.name, header);
  }
  const missing = spec.columns.filter((column) => column.required && !seen.has(column.name));
  for (const column of missing)
    problems.push(`missing required column ${column.name} (${column.zh}) · 缺少必填列：${column.zh}（${column.name}）`);
  if (problems.length > 0) {
    const hints = unknown.map(
      ({ header, suggestion }) =>
        `unrecognised column "${header}"${suggestion ? `; did you mean ${suggestion}?` : ""} · 无法识别的列"${header}"${suggestion ? `，是否是 ${suggestion}？` : ""}`,
    );
    throw new UsageError(
      `the header row cannot be used (${problems.length} problem${problems.length > 1 ? "s" : ""}); nothing was read · 表头有误，未读取任何数据行（carekit columns ${spec.command} 列出所有列）`,
      [...problems, ...hints],
    );
  }
  return { columns, headers, unknown };
}

/** A cell as a reader delivers it: text from CSV, or a typed value from JSON or a spreadsheet. */
export type Cell = string | number | boolean | Date | null | undefined | object;

/** A row label that marks a total row (合计, 总计, 小计, total …). */
export const TOTAL_ROW =
  /^\s*(?:合\s*计|总\s*计|小\s*计|共\s*计|总\s*和|total|subtotal|grand\s*total|sum)(?:$|[\s:：(（])/iu;

function cellError(column: ColumnSpec, value: unknown, en: string, zh: string): CarekitError {
  const shown = typeof value === "string" ? `"${value}"` : String(value);
  return new CarekitError({
    code: "INVALID_INPUT",
    message: `${column.name}: ${shown} ${en}`,
    messageZh: `${column.zh}：${shown}${zh}`,
    issues: [{ path: column.name, message: `${shown} ${en}`, messageZh: `${shown}${zh}` }],
  });
}

const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Move the decimal point of a plain decimal string `digits` places right (exactly, as text). */
function shiftDecimal(text: string, digits: number): string {
  const [whole = "", fraction = ""] = text.split(".");
  const padded = fraction.padEnd(digits, "0");
  const joined = (whole + padded.slice(0, digits)).replace(/^0+(?=\d)/, "");
  const rest = padded.slice(digits).replace(/0+$/, "");
  return rest ? `${joined}.${rest}` : joined;
}

/** Read a numeric cell strictly: `104908`, `104,908`, `1,234.5`; anything else is an error naming the value and a fix. */
export function numericText(text: string, column: ColumnSpec): string {
  const value = text.trim();
  if (PLAIN.test(value)) return value;
  if (GROUPED.test(value)) return value.replace(/,/g, "");
  const wan = /^(\d+(?:\.\d+)?)\s*万$/.exec(value);
  if (wan) {
    const fixed = shiftDecimal(wan[1] as string, 4);
    throw cellError(column, text, `is not a number; write ${fixed}`, `不是数字，请写成 ${fixed}`);
  }
  if (/^[+-]?[\d.,]+\s*%$/.test(value))
    throw cellError(
      column,
      text,
      "is not a number; write a share as a decimal (60 % → 0.6)",
      "不是数字，比例请写成小数（60% → 0.6）",
    );
  if (/[０-９]/.test(value)) {
    const fixed = value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    throw cellError(column, text, `is not a number; use ASCII digits: ${fixed}`, `不是数字，请用半角数字：${fixed}`);
  }
  if (/^[¥￥]|元$/.test(value)) {
    const fixed = value.replace(/^[¥￥]\s*|\s*元$/g, "");
    throw cellError(
      column,
      text,
      `is not a number; write the amount without a currency sign: ${fixed}`,
      `不是数字，请去掉货币符号：${fixed}`,
    );
  }
  throw cellError(
    column,
    text,
    "is not a number; write digits such as 104908 or 104,908",
    "不是数字，请写成 104908 或 104,908 这样的数字",
  );
}

/** Turn a spreadsheet or JSON date into `YYYY-MM-DD`; `2024/3/5` and `2024-3-5` (Excel's CSV on Chinese Windows) too. */
function dateText(value: Cell, column: ColumnSpec): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw cellError(column, "(invalid date)", "is not a date", "不是日期");
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== "string")
    throw cellError(column, value, "is not a date; write 2024-03-05", "不是日期，请写成 2024-03-05");
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const loose = /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(text);
  if (loose) return `${loose[1]}-${(loose[2] as string).padStart(2, "0")}-${(loose[3] as string).padStart(2, "0")}`;
  throw cellError(column, value, "is not a date; write 2024-03-05", "不是日期，请写成 2024-03-05");
}

function enumValue(text: string, column: ColumnSpec): string {
  const values = column.values ?? [];
  if (values.includes(text)) return text;
  const alias = column.valueAliases?.[text] ?? column.valueAliases?.[text.toLowerCase()];
  if (alias !== undefined) return alias;
  const lower = values.find((v) => v.toLowerCase() === text.toLowerCase());
  if (lower !== undefined) return lower;
  const allowed = [
    ...values.map((v) => {
      const zh = Object.entries(column.valueAliases ?? {}).find(([, c]) => c === v)?.[0];
      return zh ? `${v} (${zh})` : v;
    }),
  ].join(", ");
  throw cellError(column, text, `is not an allowed value; use one of ${allowed}`, `不是允许的取值，可选：${allowed}`);
}

/** Split a list cell on `;`, `；`, `|` or `、`. */
export function splitList(text: string): string[] {
  return text
    .split(/[;；|、]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * The reader of one column's cells: returns the value for the record, or `undefined` for an empty cell (a field not
 * given — never `0`), or throws a {@link CarekitError} naming the column, the value and how to write it.
 * `yuan` cells stay text (exact decimal for `yuanToFen`); numbers become numbers; dates become `YYYY-MM-DD`.
 */
export function cellReader(column: ColumnSpec): (value: Cell) => unknown {
  switch (column.type) {
    case "integer":
    case "number":
      return (value) => {
        if (typeof value === "number") return value;
        if (typeof value !== "string") return value ?? undefined;
        if (value === "" || value.trim() === "") return undefined;
        return Number(numericText(value, column));
      };
    case "yuan":
      return (value) => {
        if (typeof value === "number") return Number.isFinite(value) ? String(value) : value;
        if (typeof value !== "string") return value ?? undefined;
        if (value.trim() === "") return undefined;
        return numericText(value, column);
      };
    case "date":
      return (value) => (value === undefined || value === null || value === "" ? undefined : dateText(value, column));
    case "boolean":
      return (value) => {
        if (typeof value === "boolean") return value;
        if (value === 1 || value === 0) return value === 1;
        if (typeof value !== "string") return value ?? undefined;
        const text = value.trim().toLowerCase();
        if (text === "") return undefined;
        if (/^(true|是|yes|y|1|有)$/.test(text)) return true;
        if (/^(false|否|no|n|0|无)$/.test(text)) return false;
        throw cellError(column, value, "is not true/false; write 是 or 否", "不是是/否，请写成 是 或 否");
      };
    case "enum":
      return (value) => {
        if (typeof value !== "string") return value ?? undefined;
        const text = value.trim();
        return text === "" ? undefined : enumValue(text, column);
      };
    case "list":
      return (value) => {
        if (Array.isArray(value))
          return column.values ? value.map((v) => (typeof v === "string" ? enumValue(v, column) : v)) : value;
        if (typeof value !== "string") return value ?? undefined;
        const items = splitList(value);
        return column.values ? items.map((item) => enumValue(item, column)) : items;
      };
    default:
      return (value) => {
        if (typeof value === "number") return String(value);
        if (typeof value !== "string") return value ?? undefined;
        const text = value.trim();
        return text === "" ? undefined : text;
      };
  }
}
