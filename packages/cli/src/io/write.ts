import { createWriteStream, type WriteStream } from "node:fs";
import { extname } from "node:path";
import type { Writable } from "node:stream";

/** Output formats (输出格式): CSV, JSON Lines, or an aligned text table for people. */
export type OutputFormat = "csv" | "jsonl" | "table";

/** Pick the output format from `--format` or the file extension; standard output defaults to an aligned table. */
export function outputFormatOf(path: string | undefined, format?: OutputFormat): OutputFormat {
  if (format) return format;
  const ext = path ? extname(path).toLowerCase() : "";
  if (ext === ".csv") return "csv";
  if (ext === ".jsonl" || ext === ".ndjson" || ext === ".json") return "jsonl";
  return "table";
}

/** Quote a CSV field when it needs it (RFC 4180). */
export function csvField(value: unknown): string {
  const text =
    value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Writes flat records in one of the {@link OutputFormat}s. CSV and JSON Lines stream; a table is aligned at the end. */
export class RecordWriter {
  private columns: string[] | undefined;
  private readonly buffered: Record<string, unknown>[] = [];
  private readonly stream: Writable;
  private readonly ownStream: WriteStream | undefined;
  written = 0;

  constructor(
    readonly format: OutputFormat,
    path?: string,
    columns?: readonly string[],
  ) {
    this.ownStream = path ? createWriteStream(path) : undefined;
    this.stream = this.ownStream ?? process.stdout;
    this.columns = columns ? [...columns] : undefined;
  }

  /**
   * Write one record. Returns a promise only when the destination is busy (back-pressure) — await it then, so memory
   * stays flat on huge inputs; otherwise returns `undefined` and the caller goes on without a microtask per row.
   */
  write(record: Record<string, unknown>): Promise<void> | undefined {
    this.written += 1;
    if (this.format === "table") {
      this.buffered.push(record);
      return undefined;
    }
    let text: string;
    if (this.format === "jsonl") text = `${JSON.stringify(record)}\n`;
    else {
      let header = "";
      if (!this.columns) this.columns = Object.keys(record);
      if (this.written === 1) header = `${this.columns.map(csvField).join(",")}\n`;
      text = `${header}${this.columns.map((column) => csvField(record[column])).join(",")}\n`;
    }
    if (this.stream.write(text)) return undefined;
    return new Promise((resolve) => this.stream.once("drain", () => resolve()));
  }

  /** Flush (and for a table, lay out) the output and close a file. */
  async close(): Promise<void> {
    if (this.format === "table") this.stream.write(this.renderTable());
    if (this.ownStream) {
      const own = this.ownStream;
      await new Promise<void>((resolve, reject) =>
        own.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    }
  }

  private renderTable(): string {
    const columns = this.columns ?? [...new Set(this.buffered.flatMap((row) => Object.keys(row)))];
    const rows = this.buffered.map((row) => columns.map((column) => cell(row[column])));
    const widths = columns.map((column, i) =>
      Math.max(displayWidth(column), ...rows.map((row) => displayWidth(row[i] ?? ""))),
    );
    const numeric = columns.map(
      (_, i) => rows.length > 0 && rows.every((row) => row[i] === "" || /^-?[\d.,]+%?$/.test(row[i] ?? "")),
    );
    const pad = (text: string, i: number) => {
      const fill = " ".repeat((widths[i] ?? 0) - displayWidth(text));
      return numeric[i] ? fill + text : text + fill;
    };
    const line = (values: string[]) => `${values.map(pad).join("  ").trimEnd()}\n`;
    return line(columns) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
  }
}
