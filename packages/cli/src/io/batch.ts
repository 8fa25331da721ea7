import { dirname, join, parse as parsePath } from "node:path";
import { ErrorFile, toRowError } from "./errors.js";
import { createProgress } from "./progress.js";
import { type InputFormat, inputSize, readRows, UnreadableRow } from "./read.js";
import { type OutputFormat, outputFormatOf, RecordWriter } from "./write.js";

/** Options every batch command shares (`--out`, `--format`, `--errors`, `--quiet`, `--input-format`). */
export interface BatchOptions {
  readonly input: string;
  readonly inputFormat?: InputFormat | undefined;
  readonly out?: string | undefined;
  readonly format?: OutputFormat | undefined;
  readonly errors?: string | undefined;
  readonly quiet?: boolean | undefined;
}

/** What a command does with the rows: turn each into an output record (or throw), then optionally add closing rows. */
export interface RowProcessor {
  /** Output columns in order; omitted → the keys of the first record. */
  readonly columns?: readonly string[];
  /** Process one row; throw a CarekitError to reject it. */
  row(record: Record<string, unknown>, index: number): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Rows written after the data (e.g. totals); not counted as input rows. */
  finish?(): Record<string, unknown>[];
}

/** Counts of a batch run: `read = written + rejected`, always. */
export interface BatchSummary {
  readonly read: number;
  readonly written: number;
  readonly rejected: number;
  readonly errorsPath: string | undefined;
}

/** The error file beside the output: `out/claims.csv` → `out/claims.errors.csv`; for stdout, `./carekit-errors.csv`. */
export function defaultErrorsPath(out: string | undefined): string {
  if (!out) return join(process.cwd(), "carekit-errors.csv");
  const { dir, name } = parsePath(out);
  return join(dir || dirname(out), `${name}.errors.csv`);
}

/**
 * Stream the input through a {@link RowProcessor}: every row comes out as an output record or as a line of the error
 * file (line number, code, field path, English and Chinese message) — none is dropped, none stops the run.
 */
export async function runBatch(options: BatchOptions, processor: RowProcessor): Promise<BatchSummary> {
  const format = outputFormatOf(options.out, options.format);
  const writer = new RecordWriter(format, options.out, processor.columns);
  const errorsPath = options.errors ?? defaultErrorsPath(options.out);
  const errors = new ErrorFile(errorsPath);
  const progress = createProgress(inputSize(options.input), options.quiet === true);
  let bytes = 0;
  let read = 0;
  let written = 0;
  const source = { path: options.input, format: options.inputFormat, onBytes: (n: number) => (bytes = n) };
  for await (const row of readRows(source)) {
    const index = read;
    read += 1;
    if (row instanceof UnreadableRow) {
      await errors.add({
        line: row.line,
        index,
        code: "INVALID_INPUT",
        path: "",
        message: row.message,
        messageZh: `无法读取该行：${row.message}`,
      });
    } else {
      try {
        const output = processor.row(row.record, index);
        const busy = writer.write(output instanceof Promise ? await output : output);
        if (busy) await busy;
        written += 1;
      } catch (error) {
        await errors.add(toRowError(row.line, index, error));
      }
    }
    progress.update(bytes, read);
  }
  for (const extra of processor.finish?.() ?? []) await writer.write(extra);
  progress.stop(read);
  await writer.close();
  await errors.close();
  return { read, written, rejected: errors.count, errorsPath: errors.count > 0 ? errorsPath : undefined };
}

/** The one-line summary on standard error (汇总): rows read, written and rejected, and where the errors went. */
export function summaryLine(summary: BatchSummary): string {
  const where = summary.errorsPath ? ` → ${summary.errorsPath}` : "";
  return `read ${summary.read}, written ${summary.written}, rejected ${summary.rejected}${where} · 读取 ${summary.read} 行，输出 ${summary.written} 行，拒绝 ${summary.rejected} 行`;
}
