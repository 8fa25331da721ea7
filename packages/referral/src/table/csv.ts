import { CarekitError } from "@carekit/core";
import { LIMITS } from "../model.js";
import { asCompileError } from "../validate.js";
import { type GridInput, type GridOptions, tableFromGrid, tableToGrid } from "./grid.js";
import type { DecisionTable } from "./model.js";

/** The rows of a CSV text (RFC 4180: `"` quotes, `""` inside quotes; CRLF, LF or CR line ends; a BOM dropped). */
export function parseCsv(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  let line = 1;
  let quoteLine = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === "\n") line += 1;
        cell += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" || ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      line += 1;
      if (ch === "\r" && source[i + 1] === "\n") i += 1;
    } else {
      cell += ch;
    }
    i += 1;
  }
  if (quoted) {
    throw new CarekitError({
      code: "RULE_COMPILE",
      message: `CSV line ${quoteLine}: a quoted cell is never closed`,
      messageZh: `CSV 第 ${quoteLine} 行：带引号的单元格没有闭合`,
      issues: [
        { path: `line ${quoteLine}`, message: "a quoted cell is never closed", messageZh: "带引号的单元格没有闭合" },
      ],
    });
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Input of {@link tableFromCsv}: the CSV text and what {@link tableFromGrid} takes besides the grid. */
export interface CsvInput extends Omit<GridInput, "grid"> {
  /** The CSV text (UTF-8 decoded; a BOM is dropped). */
  readonly csv: string;
}

/**
 * Read a decision table from CSV (读取 CSV 决策表), as a spreadsheet saves it: a BOM, CRLF line ends, quoted cells
 * (`"""a"", ""b"""` for the cell `"a", "b"`), title rows above the header and trailing blank rows are all fine.
 * The columns and cells are those of {@link tableFromGrid}; errors name the cell (`C5`, row and column).
 *
 * @param input - the CSV text, the fact declarations (optional), the hit policy, the rule set's metadata
 * @returns the checked decision table
 * @throws {CarekitError} `RULE_COMPILE` naming the cell of a bad test or an unknown column; `TABLE_UNSUPPORTED`
 * @example
 * ```ts
 * import { compileRuleSet, ruleSets, tableFromCsv, tableToRuleSet } from "@carekit/referral";
 *
 * const csv = "\uFEFF收缩压,舒张压,处置,紧急程度,理由,理由（英文）\r\n>= 180,,上转,紧急,收缩压≥180,SBP ≥ 180\r\n<< 3,,上转,,甲,a\r\n,,,,,\r\n";
 * tableFromCsv({ csv, facts: ruleSets.hypertension.facts, meta: { id: "bp", effectiveFrom: "2024-01-01" } });
 * // → throws RULE_COMPILE
 * const table = tableFromCsv({ csv: csv.replace("<< 3", "[160..180)"), facts: ruleSets.hypertension.facts,
 *   meta: { id: "bp", effectiveFrom: "2024-01-01" } });
 * table.rows.length; // → 2
 * tableToRuleSet(table).rules[1]?.when; // → { all: [{ fact: "sbp", op: "gte", value: 160 }, { fact: "sbp", op: "lt", value: 180 }] }
 * ```
 */
export function tableFromCsv(input: CsvInput): DecisionTable {
  try {
    const { csv, ...rest } = input;
    if (typeof csv !== "string") {
      throw new CarekitError({
        code: "RULE_COMPILE",
        message: "csv: must be a string",
        messageZh: "csv：必须是字符串",
        issues: [{ path: "csv", message: "must be a string", messageZh: "必须是字符串" }],
      });
    }
    if (csv.length > LIMITS.stringLength * 5000) {
      throw new CarekitError({
        code: "RULE_COMPILE",
        message: "csv: the text is too long for a decision table",
        messageZh: "csv：文本过长，不像决策表",
        issues: [{ path: "csv", message: "too long", messageZh: "过长" }],
      });
    }
    return tableFromGrid({ ...rest, grid: parseCsv(csv) });
  } catch (error) {
    throw asCompileError(error);
  }
}

function csvCell(text: string): string {
  // a cell that a spreadsheet would run as a formula is written with a leading ' (dropped again on reading)
  const safe = /^[=+@]/.test(text) || /^-[^\d\s.]/.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Write a decision table as CSV (决策表转 CSV) the way Excel and WPS open it: a BOM, CRLF line ends, cells quoted
 * where needed, headers by name or in Chinese ({@link tableToGrid}).
 *
 * @param table - the decision table
 * @param options - header names (`name` or `zh`)
 * @returns the CSV text
 * @example
 * ```ts
 * import { ruleSets, ruleSetToTable, tableFromCsv, tableToCsv } from "@carekit/referral";
 *
 * const csv = tableToCsv(ruleSetToTable(ruleSets.copd), { headers: "zh" });
 * csv.startsWith("\uFEFF"); // → true
 * tableFromCsv({ csv, facts: ruleSets.copd.facts, meta: { id: "copd", effectiveFrom: "2022-01-26" } }).rows.length;
 * // → ruleSetToTable(ruleSets.copd).rows.length
 * ```
 */
export function tableToCsv(table: DecisionTable, options: GridOptions = {}): string {
  return `\uFEFF${tableToGrid(table, options)
    .map((row) => row.map(csvCell).join(","))
    .join("\r\n")}\r\n`;
}
