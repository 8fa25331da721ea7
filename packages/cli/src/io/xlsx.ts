/**
 * Excel workbooks (`.xlsx`) in and out, streamed with exceljs (`stream.xlsx.WorkbookReader` / `WorkbookWriter`), so
 * a sheet of hundreds of thousands of rows is never held whole. Loaded only when an `.xlsx` is read or written.
 */
import type { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import type { Cell } from "./columns.js";
import type { CsvProblem } from "./csv.js";
import { neutralise } from "./csv-field.js";
import { UsageError } from "./problems.js";

/** exceljs, imported on first use (its CommonJS modules take a second to load). */
async function excel(): Promise<typeof ExcelJS> {
  const module = (await import("exceljs")) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return module.default ?? module;
}

/** A row of a worksheet: its row number and its cells (numbers as numbers, dates as `Date`, text as text). */
export interface SheetRow {
  readonly line: number;
  readonly cells: Cell[];
}

/** The plain value of an exceljs cell value: rich text joined, a formula's cached result, a hyperlink's text. */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object" || value instanceof Date) return value as Cell;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((part) => part.text).join("");
  if ("result" in v) return plainCell(v.result);
  if ("formula" in v || "sharedFormula" in v) return undefined; // a formula without a cached result
  if (typeof v.text === "string") return v.text;
  if ("error" in v) return String(v.error);
  return JSON.stringify(value);
}

/**
 * Stream the rows of one worksheet of an `.xlsx` (by name or 1-based number; default the first), in batches.
 * A workbook that cannot be opened is a usage error (exit 2).
 */
export async function* readSheet(stream: Readable, sheet: string | undefined): AsyncGenerator<SheetRow[] | CsvProblem> {
  const Excel = await excel();
  const reader = new Excel.stream.xlsx.WorkbookReader(stream, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    entries: "ignore",
  });
  let position = 0;
  let found = false;
  const names: string[] = [];
  try {
    for await (const worksheet of reader as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string }>) {
      position += 1;
      names.push(worksheet.name);
      const wanted = sheet === undefined ? position === 1 : sheet === worksheet.name || sheet === String(position);
      if (!wanted || found) {
        for await (const _ of worksheet) void _; // drain the sheets we do not read
        continue;
      }
      found = true;
      let batch: SheetRow[] = [];
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        batch.push({ line: row.number, cells });
        if (batch.length >= 512) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read the workbook: ${(error as Error).message} · 无法读取该 Excel 工作簿（是否为 .xlsx 格式？旧的 .xls 请先另存为 .xlsx）`,
    );
  }
  if (!found)
    throw new UsageError(
      `no worksheet "${sheet}"; the workbook has ${names.map((n, i) => `${i + 1} "${n}"`).join(", ")} · 找不到工作表`,
    );
}

/**
 * Writes records to a one-sheet `.xlsx`: a bold, frozen header row (Chinese labels where given), numbers as numbers
 * (integers `0`, decimals `0.00`), text neutralised so a formula in the input is never written as a live formula.
 */
export class XlsxWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

  /** Open a workbook for writing at `path`. */
  static async create(
    path: string,
    columns: readonly string[],
    labels: Readonly<Record<string, string>> = {},
    options: { sheetName?: string; notes?: readonly string[] } = {},
  ): Promise<XlsxWriter> {
    return new XlsxWriter(await excel(), path, columns, labels, options);
  }

  private constructor(
    Excel: typeof ExcelJS,
    path: string,
    private readonly columns: readonly string[],
    labels: Readonly<Record<string, string>>,
    options: { sheetName?: string; notes?: readonly string[] },
  ) {
    this.workbook = new Excel.stream.xlsx.WorkbookWriter({
      filename: path,
      useStyles: true,
      useSharedStrings: false,
    });
    this.sheet = this.workbook.addWorksheet(options.sheetName ?? "carekit", {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    this.sheet.columns = columns.map((key) => ({
      header: labels[key] ?? key,
      key,
      width: Math.min(40, Math.max(10, (labels[key] ?? key).length * 2 + 2)),
    }));
    const header = this.sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    if (options.notes) {
      const row = this.sheet.addRow(options.notes.map((note) => neutralise(note)));
      row.font = { italic: true, color: { argb: "FF666666" } };
      row.commit();
    }
  }

  /** Add one row of values in column order. */
  async add(values: readonly unknown[]): Promise<void> {
    const row = this.sheet.addRow(
      values.map((value) => {
        if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
        if (typeof value === "boolean") return value;
        if (value === undefined || value === null) return null;
        return neutralise(typeof value === "object" ? JSON.stringify(value) : String(value));
      }),
    );
    values.forEach((value, i) => {
      if (typeof value === "number" && Number.isFinite(value))
        row.getCell(i + 1).numFmt = Number.isInteger(value) ? "0" : "0.00##";
    });
    row.commit();
  }

  async close(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }

  /** The columns written. */
  get keys(): readonly string[] {
    return this.columns;
  }
}
