import { createReadStream, statSync } from "node:fs";
import { extname } from "node:path";
import type { Readable } from "node:stream";
import { isCarekitError } from "@carekit/core";
import {
  type Cell,
  type ColumnSpec,
  cellReader,
  type HeaderMap,
  headerLookup,
  mapHeader,
  normaliseHeader,
  type TableSpec,
  TOTAL_ROW,
} from "./columns.js";
import { CsvProblem, type CsvRecord, CsvTokenizer } from "./csv.js";
import { DecodeError, decodeStream, type Encoding } from "./decode.js";
import { UsageError } from "./problems.js";

/** Input formats the CLI reads (输入格式). */
export type InputFormat = "csv" | "json" | "jsonl" | "xlsx";

/** One input row: its 1-based line number in the file (the header is line 1 in CSV) and its fields. */
export interface InputRow {
  readonly line: number;
  readonly record: Record<string, unknown>;
  /** The record came from {@link ReadTableOptions.fastRow}: already the command's own (checked) value. */
  readonly prepared?: boolean;
  /** With {@link ReadTableOptions.rawRows}: the row's cells, not yet read (`record` is then empty). */
  readonly cells?: readonly Cell[];
  /** With {@link ReadTableOptions.rawRows}: a quote-free CSV line, not yet split (split on `,` for its cells). */
  readonly text?: string;
}

/** A line of only separators and spaces: a blank row. */
const BLANK_LINE = /^[\s,]*$/;

/** Fields of a quote-free CSV line. */
function fieldCount(text: string): number {
  let count = 1;
  let at = text.indexOf(",");
  while (at !== -1) {
    count += 1;
    at = text.indexOf(",", at + 1);
  }
  return count;
}

/** Where field `index` of a quote-free CSV line starts (the line has more than `index` fields). */
export function fieldStart(text: string, index: number): number {
  let start = 0;
  for (let i = 0; i < index; i++) start = text.indexOf(",", start) + 1;
  return start;
}

/** Field `index` of a quote-free CSV line. */
export function fieldOf(text: string, index: number): string {
  const start = fieldStart(text, index);
  const end = text.indexOf(",", start);
  return end === -1 ? text.slice(start) : text.slice(start, end);
}

/**
 * Whether a cell starting with this character code can be a total row's label ({@link TOTAL_ROW}, case-insensitive:
 * space, 合 总 小 共, or the first letter of total, subtotal, grand total, sum); `false` only when it surely cannot.
 */
export function mayStartTotal(code: number): boolean {
  if (code >= 128 || Number.isNaN(code)) return true;
  // t T s S g G, and the ASCII spaces \s matches
  return (
    code === 116 ||
    code === 84 ||
    code === 115 ||
    code === 83 ||
    code === 103 ||
    code === 71 ||
    code === 32 ||
    (code >= 9 && code <= 13)
  );
}

/** An input source: a path, or `-` for standard input. */
export interface InputSource {
  readonly path: string;
  readonly format?: InputFormat | undefined;
  /** Text encoding; detected when omitted (see `decode.ts`). */
  readonly encoding?: Encoding | undefined;
  /** Worksheet of an `.xlsx` input, by name or 1-based number; default the first. */
  readonly sheet?: string | undefined;
  /** Called with the number of bytes read so far, for the progress bar. */
  readonly onBytes?: ((bytes: number) => void) | undefined;
  /** Called once with the encoding a text input was decoded with. */
  readonly onEncoding?: ((encoding: Encoding) => void) | undefined;
}

/** Pick the format from `--input-format` or the file extension; standard input defaults to CSV. */
export function inputFormatOf(path: string, format?: InputFormat): InputFormat {
  if (format) return format;
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  return "csv";
}

/** Size of the input in bytes, or `undefined` for standard input. A missing file or a directory is a usage error. */
export function inputSize(path: string): number | undefined {
  if (path === "-") return undefined;
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`cannot read ${path}: no such file · 找不到文件：${path}`);
  }
  if (stat.isDirectory())
    throw new UsageError(
      `${path} is a directory; give a CSV, JSON, JSON Lines or .xlsx file · ${path} 是文件夹，请给出文件`,
    );
  return stat.size;
}

/** Bytes the reader hands on at a time (to the decoder): what encoding detection and its error offsets count in. */
const PIECE = 1 << 16;
/**
 * Bytes of a file read at a time: a read stream costs per read (measured: 148 MB read and decoded in 0.18–0.21 s of
 * CPU with 1 MiB reads, 0.28–0.46 s with 64 KiB); 256 KiB keeps the read buffers waiting for the garbage collector
 * few (+8–12 MB peak RSS for `carekit settle`, against +60 MB with 1 MiB).
 */
const FILE_READ = 1 << 18;

function openStream(source: InputSource, highWaterMark = PIECE): Readable {
  return source.path === "-" ? process.stdin : createReadStream(source.path, { highWaterMark });
}

/**
 * The chunks of a stream, counting bytes for the progress bar as they are consumed (a `data` listener would switch
 * the stream to flowing mode and read the whole file ahead of a slower consumer).
 */
async function* counted(stream: Readable, onBytes: ((bytes: number) => void) | undefined): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    onBytes?.(bytes);
    yield chunk;
  }
}

/** A row that could not even be read (malformed JSON line, CSV quoting error, wrong number of fields). */
export class UnreadableRow {
  constructor(
    readonly line: number,
    readonly message: string,
    readonly messageZh: string = `无法读取该行：${message}`,
    /** Reading cannot go on after this row (an unclosed quote, an encoding error). */
    readonly fatal: boolean = false,
    readonly code: string = "UNREADABLE_INPUT",
    readonly path: string = "",
  ) {}
}

/** A row the reader skipped on purpose: a blank row (only separators) or, with `--skip-total-rows`, a 合计 row. */
export class SkippedRow {
  constructor(
    readonly line: number,
    readonly reason: "blank" | "total",
  ) {}
}

/**
 * A row another reader of the same file handles ({@link ReadTableOptions.share}): counted as a row, not read here.
 */
export class OtherRow {}

const OTHER = new OtherRow();

/** What a table reader yields, in input order. */
export type TableRow = InputRow | UnreadableRow | SkippedRow | OtherRow;

/** A row of cells from a CSV or a worksheet, with its line (row number). */
interface CellRow {
  readonly line: number;
  readonly cells: readonly Cell[];
  /** A quote-free CSV line left unsplit (see {@link CsvTokenizer.raw}); `cells` is then empty. */
  readonly text?: string;
  /** Another reader's record, passed over unread (see {@link CsvTokenizer.pass}). */
  readonly passed?: true;
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Bytes of a source in pieces of at most {@link PIECE} (a file is read {@link FILE_READ} at a time, then cut, so the
 * pieces are those 64 KiB reads gave), refusing an Excel workbook given as CSV (so it is never parsed as text).
 */
async function* bytesOf(source: InputSource): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of counted(openStream(source, FILE_READ), source.onBytes)) {
    if (first && XLSX_MAGIC.every((b, i) => chunk[i] === b))
      throw new UsageError(
        `${source.path === "-" ? "standard input" : source.path} is an Excel workbook (.xlsx), not text; name the file .xlsx or pass --input-format xlsx · 这是 Excel 工作簿，请使用 .xlsx 扩展名或 --input-format xlsx`,
      );
    first = false;
    if (chunk.length <= PIECE) yield chunk;
    else for (let at = 0; at < chunk.length; at += PIECE) yield chunk.subarray(at, at + PIECE);
  }
}

/** Decoded text chunks of a source. */
function textOf(source: InputSource): AsyncGenerator<string> {
  return decodeStream(bytesOf(source), {
    encoding: source.encoding,
    ...(source.onEncoding ? { onEncoding: source.onEncoding } : {}),
  });
}

/** How {@link csvCells} hands on records, set once the header is mapped: {@link CsvTokenizer.raw} and `.pass`. */
interface CsvMode {
  raw: boolean;
  pass?: ((text: string, start: number, end: number) => boolean) | undefined;
}

/** CSV rows of cells, streamed; problems in place. */
async function* csvCells(source: InputSource, mode?: CsvMode): AsyncGenerator<CellRow[] | CsvProblem> {
  const tokenizer = new CsvTokenizer();
  let out: (CsvRecord | CsvProblem)[] = [];
  const flush = function* (): Generator<CellRow[] | CsvProblem> {
    let batch: CellRow[] = [];
    for (const item of out) {
      if (item instanceof CsvProblem) {
        if (batch.length > 0) yield batch;
        batch = [];
        yield item;
      } else batch.push(item);
    }
    if (batch.length > 0) yield batch;
    out = [];
  };
  try {
    for await (const text of textOf(source)) {
      if (mode) {
        tokenizer.raw = mode.raw;
        tokenizer.pass = mode.pass;
      }
      tokenizer.push(text, out);
      yield* flush();
    }
  } catch (error) {
    if (error instanceof DecodeError) {
      yield* flush();
      yield new CsvProblem(0, error.message, error.messageZh, true);
      return;
    }
    throw error;
  }
  tokenizer.end(out);
  yield* flush();
}

/** Worksheet rows of an `.xlsx` input (loaded on demand: the spreadsheet library is only imported for `.xlsx`). */
async function* xlsxCells(source: InputSource): AsyncGenerator<CellRow[] | CsvProblem> {
  const { readSheet } = await import("./xlsx.js");
  yield* readSheet(openStream(source), source.sheet);
}

function isBlank(cells: readonly Cell[]): boolean {
  for (const cell of cells) {
    if (cell === undefined || cell === null) continue;
    if (typeof cell === "string" && cell.trim() === "") continue;
    return false;
  }
  return true;
}

/** How to read a table. */
export interface ReadTableOptions {
  /** Skip 合计/总计/小计 rows (counted) instead of rejecting them. */
  readonly skipTotalRows?: boolean | undefined;
  /** Called once with the header mapping (CSV and xlsx), before the first row. */
  readonly onHeader?: ((header: HeaderMap & { readonly line: number }) => void) | undefined;
  /**
   * A command's fast path from a data row's cells (CSV and xlsx), compiled once for the mapped header: it returns the
   * command's own value for the row (the row is then an {@link InputRow} with `prepared: true`), or `undefined` to
   * read the row the strict way. It sees only rows with the right number of fields that are not blank or total rows.
   */
  readonly fastRow?:
    | ((header: HeaderMap) => ((cells: readonly Cell[]) => Record<string, unknown> | undefined) | undefined)
    | undefined;
  /**
   * A command's fast path from a whole quote-free CSV line (no line end), compiled once for the mapped header: the
   * command's own value for the row, or `undefined` to split the line and read it as always (the checks, then
   * {@link ReadTableOptions.fastRow}). It must answer only for a line with the header's number of fields whose label
   * is not a total row, and then as `fastRow` would for its cells.
   */
  readonly fastLine?:
    | ((header: HeaderMap) => ((line: string) => Record<string, unknown> | undefined) | undefined)
    | undefined;
  /**
   * Leave data rows unread (CSV and xlsx): each row with the header's number of fields that is neither blank nor a
   * total row comes out as an {@link InputRow} with its `cells` (for a reader elsewhere, e.g. a worker thread).
   */
  readonly rawRows?: boolean | undefined;
  /** Stop once the header is mapped (after {@link ReadTableOptions.onHeader}): no row is read. */
  readonly headerOnly?: boolean | undefined;
  /**
   * The file is read by several readers at once (worker threads of `--workers`), each handling its share of the
   * records: `owns` says for each record after the header (an unsplit quote-free CSV line as `text`, else its cells)
   * whether this reader handles it — every other record comes out as an {@link OtherRow}, unread; `ownsLine`, when
   * given, answers the same for a quote-free line where it is in the decoded text (start and end of the line there), so
   * that another reader's lines are never cut out — and `problems`
   * whether this reader reports the records the tokenizer could not read (one reader does; for the others they are
   * {@link OtherRow}s too). Every reader sees the same records in the same order, so the shares add up to the file.
   */
  readonly share?:
    | {
        readonly owns: (text: string | undefined, cells: readonly Cell[]) => boolean;
        readonly ownsLine?: (text: string, start: number, end: number) => boolean;
        readonly problems: boolean;
      }
    | undefined;
}

const UNREAD: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

function totalRowProblem(line: number, label: string): UnreadableRow {
  return new UnreadableRow(
    line,
    `"${label}" is a total row, not a record; delete it or run with --skip-total-rows`,
    `"${label}"是合计行，不是一条记录；请删除该行，或加 --skip-total-rows 跳过`,
    false,
    "TOTAL_ROW",
  );
}

function problemOf(line: number, error: unknown): UnreadableRow {
  if (isCarekitError(error))
    return new UnreadableRow(line, error.message, error.messageZh, false, error.code, error.issues[0]?.path ?? "");
  throw error;
}

/** Builds records from cells for a mapped header: one reader per column, chosen once. */
function recordBuilder(header: HeaderMap, spec: TableSpec) {
  const labelIndex = header.columns.findIndex((column) => column?.name === spec.labelColumn);
  return { record: compileRecordReader(header), labelIndex: labelIndex === -1 ? 0 : labelIndex };
}

/**
 * The strict reading of a data row's cells for a mapped header: canonical names, typed values, empty cells absent; a
 * cell that is not of its column's type throws the {@link CarekitError} naming it. (What `readTable` does with each
 * row that has the header's number of fields and is neither blank nor a total row.)
 */
export function compileRecordReader(header: HeaderMap): (cells: readonly Cell[]) => Record<string, unknown> {
  const readers = header.columns.map((column) => (column ? cellReader(column) : undefined));
  const names = header.columns.map((column, i) => column?.name ?? (header.headers[i] ?? "").trim());
  const width = names.length;
  return (cells) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < width; i++) {
      const read = readers[i];
      const cell = cells[i];
      // a column the spec does not know keeps its text (trimmed; "" stays "", for commands that read it themselves)
      const value = read ? read(cell) : typeof cell === "string" ? cell.trim() : (cell ?? undefined);
      if (value !== undefined) record[names[i] as string] = value;
    }
    return record;
  };
}

/**
 * Read a CSV, `.xlsx`, JSON or JSON Lines table against a {@link TableSpec}, streaming, in input order. The header
 * (the first row naming a known column among the first ten, so a merged title row above it is passed over) is mapped
 * with aliases; missing required columns and duplicates stop the run before any row (a {@link UsageError}). Each row
 * then comes out as exactly one of: a record (canonical names, typed values; empty cells absent), an
 * {@link UnreadableRow} (wrong number of fields, a quote error, a cell that is not of its column's type, a total row),
 * or a {@link SkippedRow} (blank, or a total row with `skipTotalRows`).
 */
export async function* readTable(
  source: InputSource,
  spec: TableSpec,
  options: ReadTableOptions = {},
): AsyncGenerator<TableRow> {
  for await (const batch of readTableBatches(source, spec, options)) yield* batch;
}

/**
 * {@link readTable} in batches (an array of rows per chunk of input), so that a caller processing millions of rows
 * pays for one `await` per batch instead of one per row. Same rows, same order.
 */
export async function* readTableBatches(
  source: InputSource,
  spec: TableSpec,
  options: ReadTableOptions = {},
): AsyncGenerator<TableRow[]> {
  const format = inputFormatOf(source.path, source.format);
  if (format === "json" || format === "jsonl") {
    let batch: TableRow[] = [];
    for await (const row of jsonTable(source, format, spec, options)) {
      batch.push(row);
      if (batch.length >= 256) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  const lookup = headerLookup(spec);
  // with rawRows or a fastLine, quote-free CSV lines after the header stay unsplit (split where they are read)
  const mode: CsvMode = { raw: false };
  const rows = format === "xlsx" ? xlsxCells(source) : csvCells(source, mode);
  let builder: ReturnType<typeof recordBuilder> | undefined;
  let fast: ((cells: readonly Cell[]) => Record<string, unknown> | undefined) | undefined;
  let fastLine: ((line: string) => Record<string, unknown> | undefined) | undefined;
  let width = 0;
  const preamble: CellRow[] = [];
  /** The same checks as for cells (blank, field count, total row) on an unsplit quote-free line. */
  const rawRowOf = (line: number, text: string, labelIndex: number): TableRow => {
    if (BLANK_LINE.test(text)) return new SkippedRow(line, "blank");
    const count = fieldCount(text);
    if (count !== width)
      return new UnreadableRow(
        line,
        `expected ${width} fields as in the header, found ${count}`,
        `应有 ${width} 个字段（与表头一致），实际 ${count} 个`,
        false,
        "FIELD_COUNT",
      );
    const label = mayStartTotal(text.charCodeAt(fieldStart(text, labelIndex))) ? fieldOf(text, labelIndex) : "";
    if (label !== "" && TOTAL_ROW.test(label))
      return options.skipTotalRows ? new SkippedRow(line, "total") : totalRowProblem(line, label.trim());
    return { line, record: UNREAD, text };
  };
  const share = options.share;
  const rowOf = (row: CellRow): TableRow => {
    // (an unsplit line that `ownsLine` did not pass is this reader's: asked once)
    if (
      share !== undefined &&
      (row.passed === true || ((row.text === undefined || !share.ownsLine) && !share.owns(row.text, row.cells)))
    )
      return OTHER;
    const b = builder as ReturnType<typeof recordBuilder>;
    const { line } = row;
    let { cells } = row;
    if (row.text !== undefined) {
      if (options.rawRows) return rawRowOf(line, row.text, b.labelIndex);
      if (fastLine !== undefined) {
        const prepared = fastLine(row.text);
        if (prepared !== undefined) return { line, record: prepared, prepared: true };
      }
      cells = row.text.split(",");
    }
    if (isBlank(cells)) return new SkippedRow(line, "blank");
    if (format === "xlsx" && cells.length !== width) {
      // a worksheet row stops at its last filled cell: pad it, and drop empty cells beyond the header
      if (cells.length < width) cells = [...cells, ...new Array<Cell>(width - cells.length).fill(undefined)];
      else if (isBlank(cells.slice(width))) cells = cells.slice(0, width);
    }
    if (cells.length !== width)
      return new UnreadableRow(
        line,
        `expected ${width} fields as in the header, found ${cells.length}`,
        `应有 ${width} 个字段（与表头一致），实际 ${cells.length} 个`,
        false,
        "FIELD_COUNT",
      );
    const label = cells[b.labelIndex];
    if (typeof label === "string" && TOTAL_ROW.test(label))
      return options.skipTotalRows ? new SkippedRow(line, "total") : totalRowProblem(line, label.trim());
    if (options.rawRows) return { line, record: UNREAD, cells };
    if (fast !== undefined) {
      const prepared = fast(cells);
      if (prepared !== undefined) return { line, record: prepared, prepared: true };
    }
    let record: Record<string, unknown>;
    try {
      record = b.record(cells);
    } catch (error) {
      return problemOf(line, error);
    }
    return { line, record };
  };
  const takeHeader = (row: CellRow): void => {
    const headers = row.cells.map((cell) => (cell instanceof Date ? cell.toISOString() : String(cell ?? "")));
    const header = mapHeader(headers, spec);
    options.onHeader?.({ ...header, line: row.line });
    builder = recordBuilder(header, spec);
    fast = options.fastRow?.(header);
    fastLine = format === "csv" ? options.fastLine?.(header) : undefined;
    width = headers.length;
    // quote-free lines come unsplit for a worker, or for the line fast path (split here when it declines), or for
    // the share of a reader that hashes them in place
    mode.raw = options.rawRows === true || fastLine !== undefined || share !== undefined;
    const ownsLine = share?.ownsLine;
    if (ownsLine) mode.pass = (text, start, end) => !ownsLine(text, start, end);
  };
  for await (const batch of rows) {
    if (batch instanceof CsvProblem) {
      if (!builder && batch.fatal) throw new UsageError(batch.message, [batch.messageZh]);
      yield [
        share !== undefined && !share.problems
          ? OTHER
          : new UnreadableRow(batch.line, batch.message, batch.messageZh, batch.fatal),
      ];
      if (batch.fatal) return;
      continue;
    }
    const out: TableRow[] = [];
    for (const row of batch) {
      if (builder) {
        out.push(rowOf(row));
        continue;
      }
      if (isBlank(row.cells)) continue;
      const known =
        spec.columns.length === 0 ||
        row.cells.some((cell) => typeof cell === "string" && lookup.has(normaliseHeader(cell)));
      if (known) {
        takeHeader(row);
        if (options.headerOnly) return;
        preamble.length = 0;
        continue;
      }
      preamble.push(row);
      if (preamble.length >= 10) {
        // no header names a known column: take the first non-blank row, so mapHeader reports what is missing
        takeHeader(preamble[0] as CellRow);
        if (options.headerOnly) return;
        for (const later of preamble.slice(1)) out.push(rowOf(later));
        preamble.length = 0;
      }
    }
    if (out.length > 0) yield out;
  }
  if (!builder && preamble.length > 0) {
    takeHeader(preamble[0] as CellRow);
    if (options.headerOnly) return;
    yield preamble.slice(1).map(rowOf);
  }
  if (!builder) throw new UsageError("the input is empty: no header row · 输入为空，没有表头");
}

/** Objects of a JSON array or JSON Lines input, decoded as a stream. */
async function* jsonObjects(source: InputSource, format: "json" | "jsonl"): AsyncGenerator<InputRow | UnreadableRow> {
  if (format === "jsonl") {
    let carry = "";
    let line = 0;
    const parse = (text: string): InputRow | UnreadableRow | undefined => {
      line += 1;
      if (text.trim() === "") return undefined;
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== "object" || value === null || Array.isArray(value))
          return new UnreadableRow(line, "a JSON Lines row must be an object", "JSON Lines 的每一行必须是一个对象");
        return { line, record: value as Record<string, unknown> };
      } catch (error) {
        return new UnreadableRow(line, `invalid JSON: ${(error as Error).message}`, "不是有效的 JSON");
      }
    };
    try {
      for await (const text of textOf(source)) {
        const parts = (carry + text).split("\n");
        carry = parts.pop() ?? "";
        for (const part of parts) {
          const row = parse(part);
          if (row) yield row;
        }
      }
    } catch (error) {
      if (error instanceof DecodeError) {
        yield new UnreadableRow(line + 1, error.message, error.messageZh, true);
        return;
      }
      throw error;
    }
    const last = parse(carry);
    if (last) yield last;
    return;
  }
  let text = "";
  try {
    for await (const chunk of textOf(source)) text += chunk;
  } catch (error) {
    if (error instanceof DecodeError) throw new UsageError(error.message, [error.messageZh]);
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`invalid JSON in ${source.path}: ${(error as Error).message} · JSON 格式错误`);
  }
  const rows = Array.isArray(value) ? value : [value];
  for (const [i, record] of rows.entries()) {
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      yield new UnreadableRow(
        i + 1,
        "each element of the JSON array must be an object",
        "JSON 数组的每个元素必须是对象",
      );
    } else yield { line: i + 1, record: record as Record<string, unknown> };
  }
}

async function* jsonTable(
  source: InputSource,
  format: "json" | "jsonl",
  spec: TableSpec,
  options: ReadTableOptions,
): AsyncGenerator<TableRow> {
  const lookup = headerLookup(spec);
  const keys = new Map<string, { column: ColumnSpec | undefined; read: ((value: Cell) => unknown) | undefined }>();
  const keyOf = (key: string) => {
    let entry = keys.get(key);
    if (!entry) {
      const column = lookup.get(normaliseHeader(key));
      entry = { column, read: column ? cellReader(column) : undefined };
      keys.set(key, entry);
    }
    return entry;
  };
  for await (const row of jsonObjects(source, format)) {
    if (row instanceof UnreadableRow) {
      yield row;
      if (row.fatal) return;
      continue;
    }
    const record: Record<string, unknown> = {};
    let problem: UnreadableRow | undefined;
    let total: string | undefined;
    for (const [key, value] of Object.entries(row.record)) {
      const { column, read } = keyOf(key);
      if (!column || !read) {
        record[key] = value;
        continue;
      }
      if (column.name === spec.labelColumn && typeof value === "string" && TOTAL_ROW.test(value)) {
        total = value;
        break;
      }
      try {
        const converted = read(value as Cell);
        if (converted !== undefined) record[column.name] = converted;
      } catch (error) {
        problem = problemOf(row.line, error);
        break;
      }
    }
    if (total !== undefined) {
      yield options.skipTotalRows ? new SkippedRow(row.line, "total") : totalRowProblem(row.line, total.trim());
      continue;
    }
    yield problem ?? { line: row.line, record };
  }
}

/**
 * Stream the rows of a CSV (header row required), `.xlsx`, JSON Lines or JSON array input, in order, with line
 * numbers and the record keyed by the headers as written (cells as text in CSV). The same strict reading as
 * {@link readTable} — a row with the wrong number of fields or a quote error is an {@link UnreadableRow}, blank rows
 * are left out — without a column spec.
 */
export async function* readRows(source: InputSource): AsyncGenerator<InputRow | UnreadableRow> {
  const format = inputFormatOf(source.path, source.format);
  if (format === "json" || format === "jsonl") {
    yield* jsonObjects(source, format);
    return;
  }
  let headers: string[] | undefined;
  for await (const batch of format === "xlsx" ? xlsxCells(source) : csvCells(source)) {
    if (batch instanceof CsvProblem) {
      yield new UnreadableRow(batch.line, batch.message, batch.messageZh, batch.fatal);
      if (batch.fatal) return;
      continue;
    }
    for (const { line, cells } of batch) {
      if (isBlank(cells)) continue;
      if (!headers) {
        headers = cells.map((cell) =>
          String(cell ?? "")
            .replace(/^\uFEFF/, "")
            .trim(),
        );
        continue;
      }
      if (cells.length !== headers.length) {
        yield new UnreadableRow(
          line,
          `expected ${headers.length} fields as in the header, found ${cells.length}`,
          `应有 ${headers.length} 个字段（与表头一致），实际 ${cells.length} 个`,
          false,
          "FIELD_COUNT",
        );
        continue;
      }
      const record: Record<string, unknown> = {};
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        record[headers[i] as string] = typeof cell === "string" ? cell.trim() : cell;
      }
      yield { line, record };
    }
  }
}

/** Read a whole JSON document (a rule set, a policy, a plan); invalid JSON or a missing file is a usage error. */
export async function readJson(path: string, what = "JSON file"): Promise<unknown> {
  if (path !== "-") inputSize(path);
  let text = "";
  for await (const chunk of decodeStream(
    (path === "-" ? process.stdin : createReadStream(path)) as AsyncIterable<Uint8Array>,
  ))
    text += chunk;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(error as Error).message} · ${path} 不是有效的 JSON`);
  }
}
