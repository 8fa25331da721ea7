import { CarekitError } from "@carekit/core";
import type { FactSpec, FactSpecs, RuleSource } from "../model.js";
import { asCompileError } from "../validate.js";
import {
  headersOf,
  normaliseHeader,
  OUTPUT_KEYS,
  type OutputKey,
  outputHeaderZh,
  outputKeyOf,
  outputRow,
  outputSource,
  readOutput,
  writeOutput,
} from "./columns.js";
import { type CellPlace, checkTable, convertTable, placeError } from "./convert.js";
import { inferFacts } from "./infer.js";
import type { DecisionTable, HitPolicy, TableRow } from "./model.js";
import { UnaryError } from "./unary.js";

/** One cell of a neutral grid: text, or a value as a spreadsheet reader gives it (a number, a boolean, a date). */
export type GridCell = string | number | boolean | Date | null | undefined;

/** What a table's file does not say about its rule set: id, version, dates, region, source. */
export interface TableMeta {
  /** Rule-set id. */
  readonly id: string;
  /** Version (default `"1"`). */
  readonly version?: string | undefined;
  /** First day in force, `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  /** Last day in force. */
  readonly effectiveTo?: string | undefined;
  /** `CN` or a six-digit region code. */
  readonly region?: string | undefined;
  /** The document the table encodes (default: the id, marked as not stated). */
  readonly source?: RuleSource | undefined;
}

/** Input of {@link tableFromGrid}. */
export interface GridInput {
  /** The rows of the sheet, top to bottom (`string[][]`, or cells as exceljs reads them). */
  readonly grid: readonly (readonly GridCell[])[];
  /** The rule set's fact declarations (a header may be a fact's name or its `label.zh`); default: read off the cells. */
  readonly facts?: FactSpecs;
  /** Hit policy (default `collect`). */
  readonly hitPolicy?: HitPolicy;
  /** The rule set's id, version, dates and source. */
  readonly meta: TableMeta;
}

/** `A`, `B`, … `Z`, `AA` — a spreadsheet's column letters. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A cell's text: numbers and booleans as written, a date as `"YYYY-MM-DD"` (quoted in a fact cell), a leading `'` dropped. */
function cellText(cell: GridCell, quoteDates: boolean): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime()) || Math.abs(cell.getUTCFullYear()) > 9999) return "";
    // a spreadsheet date is midnight UTC of the day shown
    const iso = cell.toISOString().slice(0, 10);
    return quoteDates ? `"${iso}"` : iso;
  }
  const text = String(cell);
  return /^'[=+@-]/.test(text) ? text.slice(1) : text;
}

function gridPlace(line: number, column: number, header: string): CellPlace {
  const name = `${columnLetter(column)}${line}`;
  return {
    path: name,
    en: `cell ${name} (row ${line}, column ${JSON.stringify(header)})`,
    zh: `单元格 ${name}（第 ${line} 行，"${header}" 列）`,
  };
}

function headerPlace(column: number, line: number, header: string): CellPlace {
  return gridPlace(line, column, header);
}

/**
 * Read a decision table from a grid of cells (读取表格形式的决策表) — a CSV's rows or an `.xlsx` sheet's: a header
 * row (the first row with an action column, `action` / `处置`; title rows above it are skipped) naming each column
 * by a fact's name or Chinese label, or an outcome column (`id`/`规则编号`, `levels`/`适用层级`, `action`/`处置`,
 * `targetLevel`/`目标层级`, `urgency`/`紧急程度`, `followUpDays`/`随访天数`, `reason.zh`/`理由`,
 * `reason.en`/`理由（英文）`, `overriddenBy`/`让位于`, `source.title`/`出处` …); then one row per rule (blank rows are
 * skipped), a unary test in each fact cell. A fact may have several columns (all must hold).
 *
 * @param input - the grid, the fact declarations (optional), the hit policy and the rule set's metadata
 * @returns the checked decision table (convert it with {@link tableToRuleSet})
 * @throws {CarekitError} `RULE_COMPILE` naming the cell (`C5`, its row and column) of a bad test, an unknown
 *   column or a missing action; `TABLE_UNSUPPORTED` for a test outside carekit's unary tests
 * @example
 * ```ts
 * import { compileRuleSet, tableFromGrid, tableToRuleSet } from "@carekit/referral";
 *
 * const table = tableFromGrid({
 *   grid: [
 *     ["高血压转诊表"],
 *     ["收缩压", "舒张压", "处置", "紧急程度", "理由", "理由（英文）"],
 *     [">= 180", "", "上转", "紧急", "收缩压≥180", "SBP ≥ 180"],
 *     ["", ">= 110", "上转", "紧急", "舒张压≥110", "DBP ≥ 110"],
 *     [],
 *   ],
 *   facts: { sbp: { type: "number", label: { zh: "收缩压", en: "systolic" } }, dbp: { type: "number", label: { zh: "舒张压", en: "diastolic" } } },
 *   meta: { id: "bp", effectiveFrom: "2024-01-01" },
 * });
 * table.inputs; // → ["sbp", "dbp"]
 * compileRuleSet(tableToRuleSet(table)).evaluate({ facts: { sbp: 150, dbp: 115 }, at: "2024-06-01", level: "village_clinic" }).action;
 * // → "refer_up"
 * ```
 */
export function tableFromGrid(input: GridInput): DecisionTable {
  try {
    return readGrid(input);
  } catch (error) {
    throw asCompileError(error);
  }
}

function readGrid(input: GridInput): DecisionTable {
  const { grid, facts, meta } = input;
  if (!Array.isArray(grid)) {
    throw new CarekitError({
      code: "RULE_COMPILE",
      message: "grid: must be an array of rows",
      messageZh: "grid：必须是行的数组",
      issues: [{ path: "grid", message: "must be an array of rows", messageZh: "必须是行的数组" }],
    });
  }
  const rows = grid.map((row) => (Array.isArray(row) ? row : []));
  const headerIndex = rows
    .slice(0, 20)
    .findIndex((row) => row.some((cell) => typeof cell === "string" && outputKeyOf(cell) === "action"));
  if (headerIndex === -1) {
    throw placeError(
      "RULE_COMPILE",
      { path: "A1", en: "the sheet", zh: "表格" },
      "no header row with an action column (action / 处置) in the first 20 rows",
      "前 20 行中没有含“处置”（action）列的表头行",
    );
  }
  const headerLine = headerIndex + 1;
  const headers = (rows[headerIndex] as readonly GridCell[]).map((cell) => cellText(cell, false).trim());
  const byHeader = new Map<string, string>();
  for (const [name, spec] of Object.entries(facts ?? {}) as [string, FactSpec][]) {
    for (const header of headersOf(name, spec))
      if (!byHeader.has(normaliseHeader(header))) byHeader.set(normaliseHeader(header), name);
  }
  const factColumns: { column: number; fact: string }[] = [];
  const outputColumns = new Map<OutputKey, number>();
  const body = rows.slice(headerIndex + 1);
  headers.forEach((header, column) => {
    const place = headerPlace(column, headerLine, header);
    if (header === "") {
      if (body.some((row) => cellText(row[column], false).trim() !== "")) {
        throw placeError("RULE_COMPILE", place, "the column has cells but no header", "该列有内容但没有表头");
      }
      return;
    }
    const key = outputKeyOf(header);
    if (key !== undefined) {
      if (outputColumns.has(key)) throw placeError("RULE_COMPILE", place, `a second ${key} column`, `重复的 ${key} 列`);
      outputColumns.set(key, column);
      return;
    }
    const fact =
      facts === undefined
        ? /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(header)
          ? header
          : undefined
        : byHeader.get(normaliseHeader(header));
    if (fact === undefined) {
      const known = facts === undefined ? "" : Object.keys(facts).slice(0, 30).join(", ");
      throw placeError(
        "RULE_COMPILE",
        place,
        `unknown column ${JSON.stringify(header)}${known ? `; facts: ${known}` : " (a fact name is an identifier)"}`,
        `未知的列 "${header}"${known ? `；可用的事实：${known}` : "（事实名须为标识符）"}`,
      );
    }
    factColumns.push({ column, fact });
  });
  for (const key of ["reason.zh", "reason.en"] as const) {
    if (!outputColumns.has(key)) {
      throw placeError(
        "RULE_COMPILE",
        headerPlace(headers.length, headerLine, ""),
        `the header has no ${key} column (${outputHeaderZh(key)})`,
        `表头缺少“${outputHeaderZh(key)}”（${key}）列`,
      );
    }
  }

  // data rows: blank ones skipped, each kept with its line number
  const lines: number[] = [];
  const dataRows: (readonly GridCell[])[] = [];
  body.forEach((row, i) => {
    if (row.every((cell) => cellText(cell, false).trim() === "")) return;
    lines.push(headerLine + 1 + i);
    dataRows.push(row);
  });
  if (dataRows.length === 0) {
    throw placeError(
      "RULE_COMPILE",
      headerPlace(0, headerLine + 1, headers[0] ?? ""),
      "the table has no rows below its header",
      "表头下没有任何规则行",
    );
  }

  const tableRows = dataRows.map((row, r): TableRow => {
    const line = lines[r] as number;
    const out: Record<string, unknown> = {};
    for (const [key, column] of outputColumns) {
      const text = cellText(row[column], false).trim();
      if (text === "") continue;
      try {
        out[key] = readOutput(key, text);
      } catch (error) {
        if (!(error instanceof UnaryError)) throw error;
        throw placeError(
          "RULE_COMPILE",
          gridPlace(line, column, headers[column] ?? ""),
          error.message,
          error.messageZh,
        );
      }
    }
    for (const key of ["action", "reason.zh", "reason.en"] as const) {
      if (out[key] === undefined) {
        const column = outputColumns.get(key) as number;
        throw placeError(
          "RULE_COMPILE",
          gridPlace(line, column, headers[column] ?? ""),
          `the ${key} cell is empty`,
          `“${outputHeaderZh(key)}”单元格为空`,
        );
      }
    }
    const source = outputSource(out);
    if (Object.keys(source).length > 0 && source.title === undefined) {
      const column = outputColumns.get("source.title") ?? 0;
      throw placeError(
        "RULE_COMPILE",
        gridPlace(line, column, headers[column] ?? ""),
        "a source needs its title (出处)",
        "出处信息需要标题（出处）",
      );
    }
    return outputRow(
      out.id as string | undefined,
      factColumns.map(({ column }) => cellText(row[column], true)),
      out,
      source,
    );
  });

  const locate = (row: number | null, column: number | null): CellPlace => {
    const line = row === null ? headerLine : (lines[row] as number);
    const gridColumn =
      column === null
        ? (outputColumns.get("id") ?? outputColumns.get("action") ?? 0)
        : (factColumns[column]?.column ?? 0);
    return gridPlace(line, gridColumn, headers[gridColumn] ?? "");
  };
  const declared =
    facts ??
    inferFacts(
      factColumns.map(({ fact }, c) => ({ fact, cells: tableRows.map((row) => row.cells[c] as string) })),
      "carekit",
      (row, column) => locate(row, column),
    );
  const table = checkTable({
    id: meta.id,
    version: meta.version ?? "1",
    effectiveFrom: meta.effectiveFrom,
    ...(meta.effectiveTo === undefined ? {} : { effectiveTo: meta.effectiveTo }),
    ...(meta.region === undefined ? {} : { region: meta.region }),
    source: meta.source ?? { title: meta.id, note: "decision table without a stated source · 决策表未注明出处" },
    facts: declared,
    hitPolicy: input.hitPolicy ?? "collect",
    inputs: factColumns.map(({ fact }) => fact),
    rows: tableRows,
  });
  convertTable(table, locate, "carekit");
  return table;
}

/** Options of {@link tableToGrid}. */
export interface GridOptions {
  /** Header names: `name` (fact names and `action`, …; default) or `zh` (the facts' `label.zh` and `处置`, …). */
  readonly headers?: "name" | "zh";
}

/**
 * Write a decision table as a grid (决策表转表格): a header row, then one row per table row, every cell text — what
 * {@link tableFromGrid} reads back, and what a CSV or an `.xlsx` sheet holds.
 *
 * @param table - the decision table
 * @param options - header names in English (default) or Chinese
 * @returns the rows
 * @example
 * ```ts
 * import { ruleSets, ruleSetToTable, tableToGrid } from "@carekit/referral";
 *
 * const grid = tableToGrid(ruleSetToTable(ruleSets.hypertension), { headers: "zh" });
 * grid[0]?.slice(0, 3); // → ["就诊类型（初诊/随访）", "收缩压", "舒张压"]
 * grid[0]?.includes("处置"); // → true
 * ```
 */
export function tableToGrid(table: DecisionTable, options: GridOptions = {}): string[][] {
  const valid = checkTable(table);
  const zh = options.headers === "zh";
  const value = (row: TableRow, key: OutputKey): unknown => {
    if (key === "reason.zh") return row.then.reason.zh;
    if (key === "reason.en") return row.then.reason.en;
    if (key.startsWith("source.")) return row.source?.[key.slice(7) as "title"];
    if (key === "id" || key === "levels" || key === "overriddenBy") return row[key];
    return row.then[key as "action"];
  };
  // every outcome column, then the rule columns (overriddenBy, source.*) that some row fills, in OUTPUT_KEYS' order
  const optional = (key: OutputKey) => key === "overriddenBy" || key.startsWith("source.");
  const keys: OutputKey[] = [
    ...OUTPUT_KEYS.filter((key) => !optional(key)),
    ...OUTPUT_KEYS.filter((key) => optional(key) && valid.rows.some((row) => value(row, key) !== undefined)),
  ];
  const header = [
    ...valid.inputs.map((fact) => (zh ? (valid.facts[fact]?.label?.zh ?? fact) : fact)),
    ...keys.map((key) => (zh ? outputHeaderZh(key) : key)),
  ];
  return [header, ...valid.rows.map((row) => [...row.cells, ...keys.map((key) => writeOutput(value(row, key)))])];
}
