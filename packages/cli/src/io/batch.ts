import { statSync } from "node:fs";
import { dirname, join, parse as parsePath } from "node:path";
import type { Cell, HeaderMap, TableSpec } from "./columns.js";
import type { Encoding } from "./decode.js";
import { ErrorFile, type RowError, toRowError } from "./errors.js";
import { EncodedRows, type ParallelRows, RowDispatcher, type WorkerResult } from "./parallel.js";
import { FileWorkers } from "./parallel-file.js";
import { UsageError } from "./problems.js";
import { createProgress } from "./progress.js";
import {
  type InputFormat,
  inputFormatOf,
  inputSize,
  OtherRow,
  type ReadTableOptions,
  readTableBatches,
  SkippedRow,
  UnreadableRow,
} from "./read.js";
import { type OutputFormat, type OutputRow, outputFormatOf, RecordWriter } from "./write.js";

/** Options every batch command shares (`--out`, `--format`, `--errors`, `--quiet`, `--input-format`, …). */
export interface BatchOptions {
  readonly input: string;
  readonly inputFormat?: InputFormat | undefined;
  readonly encoding?: Encoding | undefined;
  readonly sheet?: string | undefined;
  readonly out?: string | undefined;
  readonly format?: OutputFormat | undefined;
  readonly errors?: string | undefined;
  readonly quiet?: boolean | undefined;
  /** UTF-8 BOM at the start of a CSV output file (default true; `--no-bom`). */
  readonly bom?: boolean | undefined;
  /** Skip 合计/总计/小计 rows (counted as skipped) instead of rejecting them. */
  readonly skipTotalRows?: boolean | undefined;
}

/** What a command does with the rows: turn each into an output record (or throw), then optionally add closing rows. */
export interface RowProcessor {
  /**
   * The input table: columns with aliases, types and which are required. Without one, records are keyed by the
   * headers as written, with the cells as trimmed text.
   */
  readonly spec?: TableSpec;
  /** Output columns in order; omitted → the keys of the first record. */
  readonly columns?: readonly string[];
  /** Header labels for `.xlsx` output (column → Chinese label). */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Process one row; throw a CarekitError to reject it. `line` is the row's line in the input; `prepared` says the
   * record is what {@link RowProcessor.fastRow} returned. The output is a record, or its values in the order of
   * {@link RowProcessor.columns} (no object per row).
   */
  row(record: Record<string, unknown>, index: number, line: number, prepared: boolean): OutputRow | Promise<OutputRow>;
  /** A fast path from a row's cells to the record `row` takes (see `ReadTableOptions.fastRow`). */
  readonly fastRow?: ReadTableOptions["fastRow"];
  /** A fast path from a whole quote-free CSV line to the record `row` takes (see `ReadTableOptions.fastLine`). */
  readonly fastLine?: ReadTableOptions["fastLine"];
  /**
   * Process CSV and xlsx data rows on worker threads (the worker script does what `row` does), partitioned by a key
   * column, output in input order. JSON input, and a run with {@link RowProcessor.sortBy}, stay on this thread.
   */
  readonly parallel?: ParallelRows | undefined;
  /** Rows written after the data (e.g. totals); not counted as input rows. */
  finish?(): Record<string, unknown>[];
  /**
   * Process the records in the order of this key (a stable sort: equal keys keep the input order) instead of the input
   * order: all records are read first, held in memory up to {@link RowProcessor.sortLimit}. Rows that cannot be read
   * are reported while reading, as always.
   */
  readonly sortBy?: (record: Record<string, unknown>) => string;
  /** The most records {@link RowProcessor.sortBy} holds; more is a usage error (sort the file first). */
  readonly sortLimit?: number;
}

/** Counts of a batch run: `read = written + rejected + skipped`, always. */
export interface BatchSummary {
  readonly read: number;
  readonly written: number;
  readonly rejected: number;
  /** Blank rows, and total rows with `--skip-total-rows` (0 when omitted). */
  readonly skipped?: number;
  readonly errorsPath: string | undefined;
  /** Reading stopped early (an unclosed quote, an encoding error): the line where it stopped. */
  readonly stoppedAt?: number | undefined;
  /** Output went to a pipe that closed (`| head`): reading stopped quietly. */
  readonly pipeClosed?: boolean;
  /** Headers that named no column (reported once). */
  readonly unknownHeaders?: readonly string[];
}

/** The error file beside the output: `out/claims.csv` → `out/claims.errors.csv`; for stdout, `./carekit-errors.csv`. */
export function defaultErrorsPath(out: string | undefined): string {
  if (!out) return join(process.cwd(), "carekit-errors.csv");
  const { dir, name } = parsePath(out);
  return join(dir || dirname(out), `${name}.errors.csv`);
}

/**
 * Stream the input through a {@link RowProcessor}: every row comes out as an output record, a line of the error file
 * (line number, code, field path, English and Chinese message) or a skipped row — none is dropped. A header that
 * cannot be used stops the run before any row (a usage error, exit 2); a fatal reading problem (an unclosed quote)
 * stops it after the rows read so far, recorded in the error file (exit 1).
 */
export async function runBatch(options: BatchOptions, processor: RowProcessor): Promise<BatchSummary> {
  const format = outputFormatOf(options.out, options.format);
  const size = inputSize(options.input);
  const errorsPath = options.errors ?? defaultErrorsPath(options.out);
  for (const path of [options.out, errorsPath]) if (path !== undefined) assertFolder(path);
  const errors = new ErrorFile(errorsPath);
  let writer: RecordWriter | undefined;
  const open = () =>
    (writer ??= new RecordWriter(format, options.out, processor.columns, {
      bom: options.bom,
      labels: processor.labels,
    }));
  const progress = createProgress(size, options.quiet === true);
  let bytes = 0;
  let read = 0;
  let written = 0;
  let skipped = 0;
  let stoppedAt: number | undefined;
  const unknownHeaders: string[] = [];
  const source = {
    path: options.input,
    format: options.inputFormat,
    encoding: options.encoding,
    sheet: options.sheet,
    onBytes: (n: number) => (bytes = n),
  };
  const spec = processor.spec ?? { command: "", columns: [] };
  const parallel =
    processor.parallel && processor.parallel.workers > 1 && !processor.sortBy ? processor.parallel : undefined;
  let dispatcher: RowDispatcher | undefined;
  const emit = (result: WorkerResult): Promise<void> | undefined => {
    if (result instanceof EncodedRows) {
      written += result.rows;
      return open().writeEncoded(result.bytes, result.rows);
    }
    if (Array.isArray(result)) {
      written += 1;
      return open().write(result);
    }
    return errors.add(result as RowError);
  };
  /** A row error, in its place among the rows (through the dispatcher when rows are on workers). */
  const reject = (error: RowError): Promise<void> | undefined => {
    if (!dispatcher) return errors.add(error);
    dispatcher.error(error);
    return undefined;
  };
  const reportHeader = (header: HeaderMap) => {
    for (const { header: name, suggestion } of header.unknown) {
      unknownHeaders.push(name);
      if (!options.quiet && spec.columns.length > 0)
        process.stderr.write(
          `carekit: column "${name}" is not used${suggestion ? `; did you mean ${suggestion}?` : ""} · 未使用的列"${name}"${suggestion ? `，是否是 ${suggestion}？` : ""}\n`,
        );
    }
  };
  // a CSV file is read by the workers themselves (each its share of the records); standard input, .xlsx and any path
  // that is not a regular file (a pipe, a FIFO, /dev/stdin: it can be read only once) are read here and their rows
  // sent out
  const byFile =
    parallel !== undefined &&
    options.input !== "-" &&
    inputFormatOf(options.input, options.inputFormat) === "csv" &&
    isRegularFile(options.input);
  const batches = readTableBatches(source, spec, {
    skipTotalRows: options.skipTotalRows,
    fastRow: processor.fastRow,
    fastLine: processor.fastLine,
    rawRows: parallel !== undefined,
    onHeader(header) {
      if (parallel) dispatcher = new RowDispatcher(parallel, header, format === "csv", emit);
      reportHeader(header);
    },
  });
  if (parallel !== undefined && byFile) {
    // the header is mapped here (unknown columns reported, a usage error before any row), then the workers read
    for await (const _ of readTableBatches(source, spec, { headerOnly: true, onHeader: reportHeader })) {
      // headerOnly: no rows
    }
    const workers = new FileWorkers(parallel, source, {
      skipTotalRows: options.skipTotalRows === true,
      csv: format === "csv",
      local: parallel.mainShare
        ? {
            spec,
            fastRow: processor.fastRow,
            fastLine: processor.fastLine,
            row(record, index, line, prepared) {
              const output = processor.row(record, index, line, prepared);
              if (!Array.isArray(output)) throw new Error("a main-thread share needs rows as values");
              return output;
            },
          }
        : undefined,
    });
    try {
      open();
      await workers.run(emit, (batch) => {
        read += batch.read;
        skipped += batch.skipped;
        if (batch.stoppedAt !== undefined) stoppedAt = batch.stoppedAt;
        progress.update(batch.bytesRead, read);
        return !open().closed;
      });
    } finally {
      await workers.close();
    }
  }
  let stop = false;
  const held: { record: Record<string, unknown>; index: number; line: number; key: string; prepared: boolean }[] = [];
  const settled = async (output: Promise<OutputRow>, index: number, line: number, out: RecordWriter) => {
    try {
      const busy = out.write(await output);
      if (busy) await busy;
      written += 1;
    } catch (error) {
      await errors.add(toRowError(line, index, error));
    }
  };
  /** One row through the processor and the writer; a promise only when something must be waited for. */
  const handle = (
    record: Record<string, unknown>,
    index: number,
    line: number,
    prepared: boolean,
    out: RecordWriter,
  ): Promise<void> | undefined => {
    try {
      const output = processor.row(record, index, line, prepared);
      if (output instanceof Promise) return settled(output, index, line, out);
      const busy = out.write(output);
      written += 1;
      return busy;
    } catch (error) {
      return errors.add(toRowError(line, index, error));
    }
  };
  try {
    for await (const batch of byFile ? [] : batches) {
      const out = open();
      for (const row of batch) {
        if (out.closed) {
          stop = true;
          break;
        }
        if (row instanceof OtherRow) {
          // only a reader with a share of the file sees these (never this one): a row, read elsewhere
          read += 1;
          continue;
        }
        if (row instanceof SkippedRow) {
          read += 1;
          skipped += 1;
          continue;
        }
        const index = read;
        if (row instanceof UnreadableRow) {
          if (row.fatal) {
            stoppedAt = row.line;
            await reject({
              line: row.line,
              index: -1,
              code: "READING_STOPPED",
              path: "",
              message: `${row.message}; reading stopped after ${read} rows`,
              messageZh: `${row.messageZh}；已读取 ${read} 行后停止`,
            });
            stop = true;
            break;
          }
          read += 1;
          await reject({
            line: row.line,
            index,
            code: row.code,
            path: row.path,
            message: row.message,
            messageZh: row.messageZh,
          });
          continue;
        }
        read += 1;
        if (processor.sortBy) {
          if (held.length >= (processor.sortLimit ?? Number.POSITIVE_INFINITY))
            throw new UsageError(
              `more than ${processor.sortLimit} rows to sort in memory; sort the file first (e.g. by discharge date) and run without --sort · 行数超过 ${processor.sortLimit}，无法在内存中排序，请先对文件排序`,
            );
          held.push({
            record: row.record,
            index,
            line: row.line,
            key: processor.sortBy(row.record),
            prepared: row.prepared === true,
          });
          continue;
        }
        const busy =
          dispatcher && (row.text !== undefined || row.cells)
            ? dispatcher.row(row.line, index, row.text ?? (row.cells as readonly Cell[]))
            : handle(row.record, index, row.line, row.prepared === true, out);
        if (busy) await busy;
      }
      if (dispatcher && !stop) {
        const busy = dispatcher.flush();
        if (busy) await busy;
      }
      progress.update(bytes, read);
      if (stop) break;
    }
    if (dispatcher) {
      if (open().closed) await dispatcher.abort();
      else await dispatcher.close();
    }
  } catch (error) {
    // never leave worker threads running (they would keep the process alive)
    await dispatcher?.abort();
    throw error;
  }
  if (held.length > 0) {
    held.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
    const out = open();
    for (const { record, index, line, prepared } of held) {
      if (out.closed) break;
      const busy = handle(record, index, line, prepared, out);
      if (busy) await busy;
    }
    held.length = 0;
  }
  const out = open();
  if (!out.closed && stoppedAt === undefined)
    for (const extra of processor.finish?.() ?? []) {
      const busy = out.write(extra);
      if (busy) await busy;
    }
  progress.stop(read);
  await out.close();
  await errors.close();
  const rejected = read - written - skipped;
  return {
    read,
    written,
    rejected,
    skipped,
    errorsPath: errors.count > 0 ? errorsPath : undefined,
    stoppedAt,
    pipeClosed: out.closed,
    unknownHeaders,
  };
}

/** The one-line summary on standard error (汇总): rows read, written, rejected and skipped, and where the errors went. */
export function summaryLine(summary: BatchSummary): string {
  const where = summary.errorsPath ? ` → ${summary.errorsPath}` : "";
  const stopped =
    summary.stoppedAt !== undefined
      ? ` · reading stopped at line ${summary.stoppedAt} · 在第 ${summary.stoppedAt} 行停止读取`
      : "";
  const skipped = summary.skipped ?? 0;
  return `read ${summary.read}, written ${summary.written}, rejected ${summary.rejected}, skipped ${skipped}${where} · 读取 ${summary.read} 行，输出 ${summary.written} 行，拒绝 ${summary.rejected} 行，跳过 ${skipped} 行${stopped}`;
}

/**
 * The folder a file is to be written in exists — checked before any row is read, so that a mistyped folder stops the
 * run at once with this message (exit 2), the same on any number of threads, instead of at the first write.
 */
function assertFolder(path: string): void {
  const folder = dirname(path);
  let found = false;
  try {
    found = statSync(folder).isDirectory();
  } catch {
    // (no such folder)
  }
  if (!found)
    throw new UsageError(`the folder ${folder} of ${path} does not exist · 文件夹 ${folder} 不存在（${path}）`);
}

/** Whether `path` names a regular file, which every thread can open and read from the start. */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // (a missing file: the reader reports it)
  }
}
