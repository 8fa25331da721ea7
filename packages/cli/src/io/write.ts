import { createWriteStream, type WriteStream } from "node:fs";
import { extname } from "node:path";
import type { Writable } from "node:stream";
import { CsvBytes } from "./csv-bytes.js";
import { cellText } from "./csv-field.js";

/** Output formats (输出格式): CSV, JSON Lines, an Excel workbook, or an aligned text table for people. */
export type OutputFormat = "csv" | "jsonl" | "table" | "xlsx";

/** Pick the output format from `--format` or the file extension; standard output defaults to an aligned table. */
export function outputFormatOf(path: string | undefined, format?: OutputFormat): OutputFormat {
  if (format) return format;
  const ext = path ? extname(path).toLowerCase() : "";
  if (ext === ".csv") return "csv";
  if (ext === ".xlsx") return "xlsx";
  if (ext === ".jsonl" || ext === ".ndjson" || ext === ".json") return "jsonl";
  return path ? "csv" : "table";
}

/** What a command gives the writer for one row: a record, or its values in the writer's column order. */
export type OutputRow = Record<string, unknown> | readonly unknown[];

/** Display width of a string in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6))
        ? 2
        : 1;
  }
  return width;
}

/** How a {@link RecordWriter} writes. */
export interface WriterOptions {
  /** Start a CSV file with a UTF-8 BOM so Excel reads it as UTF-8 (default: yes for a file, no for stdout). */
  readonly bom?: boolean | undefined;
  /** Header labels for people (`.xlsx` output): column → label, e.g. `requiredSlots` → `所需托位数`. */
  readonly labels?: Readonly<Record<string, string>> | undefined;
}

/** Rows of a table laid out from the first this many rows; later rows stream with those widths. */
const TABLE_SAMPLE = 1000;
/** Output is written in blocks of about this many characters. */
const BLOCK = 1 << 16;
/** Bytes an output file buffers before it asks the writer to wait. */
const WRITE_AHEAD = 1 << 20;

function isValues(row: OutputRow): row is readonly unknown[] {
  return Array.isArray(row);
}

/** Is this the error a closed pipe (`carekit … | head`) gives? */
export function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "EPIPE";
}

/**
 * Writes flat records in one of the {@link OutputFormat}s. CSV and JSON Lines stream in blocks; a table is laid out
 * from its first rows; `.xlsx` streams a worksheet. Writing to a closed pipe (EPIPE) stops quietly: {@link closed}
 * becomes true and later writes are dropped, so `carekit … | head` ends without an error.
 */
export class RecordWriter {
  private columns: string[] | undefined;
  private readonly stream: Writable;
  private readonly ownStream: WriteStream | undefined;
  /** Pending JSON Lines or table text. */
  private block = "";
  /** Pending CSV output, as bytes. */
  private readonly bytes = new CsvBytes(BLOCK + (BLOCK >> 2));
  private sample: string[][] | undefined = [];
  private widths: number[] = [];
  private numeric: boolean[] = [];
  private xlsx: import("./xlsx.js").XlsxWriter | undefined;
  private failure: Error | undefined;
  /** The destination has gone away (a closed pipe): stop producing output. */
  closed = false;
  written = 0;

  constructor(
    readonly format: OutputFormat,
    readonly path?: string,
    columns?: readonly string[],
    private readonly options: WriterOptions = {},
  ) {
    this.columns = columns ? [...columns] : undefined;
    if (format === "xlsx") {
      if (!path) throw new Error("an .xlsx output needs a file (-o name.xlsx)");
      this.ownStream = undefined;
      this.stream = process.stdout;
      return;
    }
    // a file takes up to WRITE_AHEAD bytes before asking to wait, so that a block is handed to the file system while
    // the next is being made (with the default 16 KiB every 64 KiB block waited for its write: ≈ 8 % of a settle run idle)
    this.ownStream = path ? createWriteStream(path, { highWaterMark: WRITE_AHEAD }) : undefined;
    this.stream = this.ownStream ?? process.stdout;
    this.stream.on("error", (error: Error) => {
      if (isBrokenPipe(error)) this.closed = true;
      else this.failure = error;
    });
    if (format === "csv" && (options.bom ?? path !== undefined)) this.bytes.text("\uFEFF");
  }

  /**
   * Write one record. Returns a promise only when the destination is busy (back-pressure) — await it then, so memory
   * stays flat on huge inputs; otherwise returns `undefined` and the caller goes on without a microtask per row.
   */
  write(row: OutputRow): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    if (this.closed) return undefined;
    this.written += 1;
    if (isValues(row)) {
      if (!this.columns) throw new Error("a row of values needs the writer's columns");
      if (this.format === "csv") {
        if (this.written === 1) this.bytes.line(this.columns);
        this.bytes.line(row);
        return this.bytes.length >= BLOCK ? this.flush() : undefined;
      }
      const columns = this.columns;
      const record: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) record[columns[i] as string] = row[i];
      this.written -= 1;
      return this.write(record);
    }
    const record = row;
    if (!this.columns) this.columns = Object.keys(record);
    const columns = this.columns;
    if (this.format === "xlsx") return this.writeXlsx(columns.map((column) => record[column]));
    if (this.format === "table") return this.writeTable(columns.map((column) => cellText(record[column])));
    if (this.format === "jsonl") {
      this.block += `${JSON.stringify(record)}\n`;
      return this.block.length >= BLOCK ? this.flush() : undefined;
    }
    if (this.written === 1) this.bytes.line(columns);
    this.bytes.line(columns.map((column) => record[column]));
    return this.bytes.length >= BLOCK ? this.flush() : undefined;
  }

  /**
   * Write CSV lines already encoded (UTF-8, each line as {@link CsvBytes.line} writes it, `\n` included), `rows` of
   * them (CSV output only), as {@link write} would write their values.
   */
  writeEncoded(encoded: Uint8Array, rows: number): Promise<void> | undefined {
    if (this.format !== "csv") throw new Error("writeEncoded is for CSV output");
    if (this.failure) throw this.failure;
    if (this.closed || rows === 0) return undefined;
    if (this.written === 0) this.bytes.line(this.columns ?? []);
    this.written += rows;
    this.bytes.raw(encoded);
    return this.bytes.length >= BLOCK ? this.flush() : undefined;
  }

  /** Write the pending block; a promise when the stream asks to wait. */
  private flush(): Promise<void> | undefined {
    let chunk: string | Buffer;
    if (this.format === "csv") {
      if (this.bytes.length === 0) return undefined;
      chunk = this.bytes.take();
    } else {
      chunk = this.block;
      this.block = "";
      if (chunk === "") return undefined;
    }
    if (this.closed || this.failure) return undefined;
    if (this.stream.write(chunk)) return undefined;
    // a stream destroyed by an error (a file that could not be opened) emits nothing more: waiting would end the run
    // with nothing to wake it, exit code 0; the failure is reported by the caller
    if (this.stream.destroyed) return undefined;
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off("drain", done);
        this.stream.off("error", done);
        this.stream.off("close", done);
        resolve();
      };
      this.stream.once("drain", done);
      this.stream.once("error", done);
      this.stream.once("close", done);
    });
  }

  private async writeXlsx(values: unknown[]): Promise<void> {
    if (!this.xlsx) {
      const { XlsxWriter } = await import("./xlsx.js");
      this.xlsx = await XlsxWriter.create(this.path as string, this.columns as string[], this.options.labels);
    }
    await this.xlsx.add(values);
  }

  private writeTable(cells: string[]): Promise<void> | undefined {
    if (this.sample) {
      this.sample.push(cells);
      if (this.sample.length < TABLE_SAMPLE) return undefined;
      this.layoutSample();
      return this.block.length >= BLOCK ? this.flush() : undefined;
    }
    this.block += this.tableLine(cells);
    return this.block.length >= BLOCK ? this.flush() : undefined;
  }

  private layoutSample(): void {
    const rows = this.sample ?? [];
    this.sample = undefined;
    const columns = this.columns ?? [];
    this.widths = columns.map((column) => displayWidth(column));
    this.numeric = columns.map(() => rows.length > 0);
    for (const row of rows)
      for (let i = 0; i < columns.length; i++) {
        const text = row[i] ?? "";
        const width = displayWidth(text);
        if (width > (this.widths[i] ?? 0)) this.widths[i] = width;
        if (text !== "" && !/^-?[\d.,]+%?$/.test(text)) this.numeric[i] = false;
      }
    this.block += this.tableLine(columns) + this.tableLine(this.widths.map((w) => "-".repeat(w)));
    for (const row of rows) this.block += this.tableLine(row);
  }

  private tableLine(values: readonly string[]): string {
    let line = "";
    for (let i = 0; i < values.length; i++) {
      const text = values[i] ?? "";
      const fill = " ".repeat(Math.max(0, (this.widths[i] ?? 0) - displayWidth(text)));
      line += (i > 0 ? "  " : "") + (this.numeric[i] ? fill + text : text + fill);
    }
    return `${line.trimEnd()}\n`;
  }

  /** Flush (and for a table, lay out) the output and close a file. */
  async close(): Promise<void> {
    if (this.format === "xlsx") {
      if (!this.xlsx && this.columns) {
        const { XlsxWriter } = await import("./xlsx.js");
        this.xlsx = await XlsxWriter.create(this.path as string, this.columns, this.options.labels);
      }
      await this.xlsx?.close();
      return;
    }
    if (this.format === "table" && this.sample && this.columns) this.layoutSample();
    if (this.format === "csv" && this.written === 0 && this.columns) this.bytes.line(this.columns);
    const busy = this.flush();
    if (busy) await busy;
    if (this.failure) throw this.failure;
    if (this.ownStream) {
      const own = this.ownStream;
      const failed = own.destroyed; // (before its end: a successful end destroys the stream too)
      const ended = failed
        ? undefined
        : await new Promise<Error | undefined>((resolve) =>
            own.end((error?: Error | null) => resolve(error ?? undefined)),
          );
      if (failed || ended) {
        // a file that failed (could not be opened, or the disk is full) reports why: its error comes before its close
        if (!own.closed) await new Promise<void>((resolve) => own.once("close", () => resolve()));
        throw this.failure ?? ended ?? new Error(`the output file ${this.path} was closed before it was written`);
      }
    }
  }
}
