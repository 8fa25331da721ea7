/**
 * Rows processed on worker threads (`--workers N`), written in input order (多线程处理，按输入顺序输出).
 *
 * The main thread reads and tokenizes the file as always and sends each data row's cells to the worker its partition
 * key (e.g. the person) hashes to, so that everything carried between rows of one key stays in one worker, in input
 * order. Rows go out in batches numbered in input order; each worker answers a batch's rows in order, and a batch is
 * written only when every worker has answered it and every earlier batch is written (a reorder buffer). At most
 * {@link MAX_IN_FLIGHT} batches per worker are outstanding: the reader waits for the oldest to be written
 * (back-pressure), so memory stays bounded whatever the file size. A worker that fails or exits ends the run with an
 * error (exit 2), never a hang.
 */
import { Worker } from "node:worker_threads";
import type { Cell, HeaderMap } from "./columns.js";
import type { RowError } from "./errors.js";
import { UsageError } from "./problems.js";

/**
 * CSV output lines a worker encoded (UTF-8, each with its `\n`, as `CsvBytes.line` writes them), `rows` of them, to be
 * written as they are.
 */
export class EncodedRows {
  constructor(
    readonly bytes: Uint8Array,
    readonly rows: number,
  ) {}
}

/** What the dispatcher hands on, in input order: encoded CSV lines, one row's values (other outputs), or a row error. */
export type WorkerResult = EncodedRows | unknown[] | RowError;

/** What the worker script receives as `workerData`. */
export interface RowWorkerData {
  /** The command's own start-up data (policies, options), structured-cloned. */
  readonly init: unknown;
  /** The header row as written. */
  readonly headers: readonly string[];
  /** Answer CSV lines (`true`) or values. */
  readonly csv: boolean;
}

/**
 * A batch of rows for one worker: lines and indexes, and each row either an unsplit quote-free CSV line — all of
 * them in `text`, each followed by `\n` (one string is far cheaper to send than a string per row; split on `,` for
 * its cells) — or its cells: for row `r`, `cellsAt[r]` is -1 for the next line of `text`, else its place in `cells`.
 */
export interface RowBatchMessage {
  readonly id: number;
  readonly lines: Float64Array;
  readonly indexes: Float64Array;
  readonly text: string;
  readonly cellsAt: Int32Array;
  readonly cells: (readonly Cell[])[];
}

/**
 * A worker's answer to a {@link RowBatchMessage}, one result per row in order: the CSV lines of the batch encoded
 * one after the other in `bytes` (sent, not copied), and for each row its line's length in bytes there, or -1 for a
 * result that is the next of `others` (a row error, or values for other outputs).
 */
export interface RowResultMessage {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly lengths: Int32Array;
  readonly others: (unknown[] | RowError)[];
}

/** How to run a command's rows on workers. */
export interface ParallelRows {
  readonly workers: number;
  /** The worker module (it calls `serveRows`). */
  readonly script: URL;
  readonly init: unknown;
  /** The column whose value partitions the rows (canonical name, e.g. `personId`). */
  readonly keyColumn: string;
  /**
   * On a CSV file, the main thread reads and processes a share itself (with the processor's own `row`, which then
   * returns values), besides merging: `workers` readers are then `workers - 1` threads and the main thread.
   */
  readonly mainShare?: boolean | undefined;
}

const NO_RESULTS: RowResultMessage = { id: -1, bytes: new Uint8Array(0), lengths: new Int32Array(0), others: [] };

/** Outstanding batches per worker before the reader waits. */
export const MAX_IN_FLIGHT = 4;
/** Young-generation size of each worker's heap, MB. */
const WORKER_YOUNG_GENERATION_MB = 8;
/** Rows per batch (split among the workers). */
const BATCH_ROWS = 2048;

/** FNV-1a, 32 bits: a stable hash of a partition key. */
export function keyHash(key: string): number {
  return keyHashAt(key, 0, key.length);
}

function keyHashAt(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * {@link keyHash} of field `index` of a quote-free CSV line, trimmed, read in place (cut out and trimmed only when it
 * starts or ends with a space or a non-ASCII character); a line with fewer fields hashes as an empty field, as its
 * cells would.
 */
export function fieldKeyHash(text: string, index: number): number {
  return lineFieldKeyHash(text, 0, text.length, index);
}

/**
 * {@link fieldKeyHash} of field `index` of the quote-free line `text[lineStart, lineEnd)`, read where it is in `text`:
 * the same number as for the line cut out (an empty field's for a line with fewer fields).
 */
export function lineFieldKeyHash(text: string, lineStart: number, lineEnd: number, index: number): number {
  let start = lineStart;
  for (let i = 0; i < index; i++) {
    const comma = text.indexOf(",", start);
    if (comma === -1 || comma >= lineEnd) return keyHash("");
    start = comma + 1;
  }
  const comma = text.indexOf(",", start);
  const end = comma === -1 || comma >= lineEnd ? lineEnd : comma;
  if (end === start) return keyHash("");
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return keyHashAt(text, start, end);
  return keyHash(text.slice(start, end).trim());
}

/**
 * The worker a row belongs to: its partition column's value (trimmed; `keyAt` -1: none) hashed with {@link keyHash},
 * its bits mixed (FNV-1a's lowest bit is the parity of the characters' lowest bits, too weak alone for 2 workers). A
 * row is a quote-free CSV line or its cells; the row dispatcher and every reader of a shared file use this.
 */
export function ownerOf(row: string | readonly Cell[], keyAt: number, workers: number): number {
  let hash: number;
  if (keyAt === -1) hash = keyHash("");
  else if (typeof row === "string") hash = fieldKeyHash(row, keyAt);
  else {
    const cell = row[keyAt];
    hash = keyHash(typeof cell === "string" ? cell.trim() : String(cell ?? ""));
  }
  return mixedOwner(hash, workers);
}

/** {@link ownerOf} for the quote-free line `text[start, end)`, read where it is. */
export function lineOwnerOf(text: string, start: number, end: number, keyAt: number, workers: number): number {
  return mixedOwner(keyAt === -1 ? keyHash("") : lineFieldKeyHash(text, start, end, keyAt), workers);
}

function mixedOwner(value: number, workers: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return (hash >>> 0) % workers;
}

interface Outgoing {
  readonly lines: number[];
  readonly indexes: number[];
  readonly texts: string[];
  readonly cellsAt: number[];
  readonly cells: (readonly Cell[])[];
}

interface Batch {
  readonly id: number;
  /** In input order: a worker number for a row sent out, or an error found on the main thread. */
  readonly items: (number | RowError)[];
  readonly parts: (RowResultMessage | undefined)[];
  remaining: number;
  done: () => void;
  readonly ready: Promise<void>;
}

/** Sends rows to workers and hands the results back in input order through `emit`. */
export class RowDispatcher {
  private readonly workers: Worker[] = [];
  private readonly keyAt: number;
  private readonly pending = new Map<number, Batch>();
  private outgoing: Outgoing[];
  private items: (number | RowError)[] = [];
  private rows = 0;
  private nextId = 0;
  private readonly written: Promise<void>[] = [];
  private chain: Promise<void> = Promise.resolve();
  private failure: Error | undefined;
  private fail: (error: Error) => void = () => {};
  private readonly failed: Promise<never>;
  private closing = false;

  constructor(
    spec: ParallelRows,
    header: HeaderMap,
    csv: boolean,
    private readonly emit: (result: WorkerResult) => Promise<void> | undefined,
  ) {
    this.keyAt = header.columns.findIndex((column) => column?.name === spec.keyColumn);
    this.failed = new Promise<never>((_, reject) => {
      this.fail = (error) => {
        if (this.failure) return;
        this.failure = error;
        reject(error);
      };
    });
    this.failed.catch(() => {});
    const workerData: RowWorkerData = { init: spec.init, headers: header.headers, csv };
    for (let w = 0; w < spec.workers; w++) {
      // no inherited node flags: `--input-type`, `-e` and the like are refused by a worker (and none is needed); a
      // small young generation (measured: 2 workers, 500,000 claims, peak RSS 306–311 → 273–282 MB, same CPU time)
      const worker = new Worker(spec.script, {
        workerData,
        execArgv: [],
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      worker.on("message", (message: RowResultMessage) => this.answer(w, message));
      worker.on("error", (error) => this.fail(workerFailure(w, error.message)));
      worker.on("exit", (code) => {
        if (!this.closing) this.fail(workerFailure(w, `it exited with code ${code}`));
      });
      this.workers.push(worker);
    }
    this.outgoing = this.freshOutgoing();
  }

  private freshOutgoing() {
    return this.workers.map((): Outgoing => ({ lines: [], indexes: [], texts: [], cellsAt: [], cells: [] }));
  }

  /** Queue a data row for its worker; a promise when the reader must wait (back-pressure). */
  row(line: number, index: number, row: string | readonly Cell[]): Promise<void> | undefined {
    const w = ownerOf(row, this.keyAt, this.workers.length);
    const out = this.outgoing[w] as Outgoing;
    out.lines.push(line);
    out.indexes.push(index);
    if (typeof row === "string") {
      out.texts.push(row);
      out.cellsAt.push(-1);
    } else {
      out.cellsAt.push(out.cells.length);
      out.cells.push(row);
    }
    this.items.push(w);
    this.rows += 1;
    return this.rows >= BATCH_ROWS ? this.flush() : undefined;
  }

  /** Queue a row the main thread already rejected, to be written in its place. */
  error(error: RowError): void {
    this.items.push(error);
  }

  /** Send the queued rows as one batch; a promise when too many batches are outstanding. */
  flush(): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    if (this.items.length === 0) return undefined;
    const id = this.nextId++;
    let done = () => {};
    const ready = new Promise<void>((resolve) => (done = resolve));
    const batch: Batch = { id, items: this.items, parts: this.workers.map(() => undefined), remaining: 0, done, ready };
    this.outgoing.forEach((out, w) => {
      if (out.lines.length === 0) {
        batch.parts[w] = NO_RESULTS;
        return;
      }
      batch.remaining += 1;
      const lines = new Float64Array(out.lines);
      const indexes = new Float64Array(out.indexes);
      const cellsAt = new Int32Array(out.cellsAt);
      const text = out.texts.length === 0 ? "" : `${out.texts.join("\n")}\n`;
      const message: RowBatchMessage = { id, lines, indexes, text, cellsAt, cells: out.cells };
      (this.workers[w] as Worker).postMessage(message, [lines.buffer, indexes.buffer, cellsAt.buffer]);
    });
    if (batch.remaining === 0) done();
    this.pending.set(id, batch);
    this.items = [];
    this.rows = 0;
    this.outgoing = this.freshOutgoing();
    this.chain = this.chain.then(() => Promise.race([batch.ready, this.failed])).then(() => this.write(batch));
    const written = this.chain;
    written.catch(() => {});
    this.written.push(written);
    if (this.written.length > MAX_IN_FLIGHT * this.workers.length) return this.written.shift();
    return undefined;
  }

  private answer(w: number, message: RowResultMessage): void {
    const batch = this.pending.get(message.id);
    if (!batch || batch.parts[w] !== undefined) return;
    batch.parts[w] = message;
    batch.remaining -= 1;
    if (batch.remaining === 0) batch.done();
  }

  private async write(batch: Batch): Promise<void> {
    this.pending.delete(batch.id);
    const rows = this.workers.map(() => 0);
    const offsets = this.workers.map(() => 0);
    const others = this.workers.map(() => 0);
    const items = batch.items;
    for (let i = 0; i < items.length; ) {
      const item = items[i] as number | RowError;
      let result: WorkerResult;
      if (typeof item === "number") {
        const part = batch.parts[item] as RowResultMessage;
        let row = rows[item] as number;
        const length = part.lengths[row] as number;
        if (length >= 0) {
          // this worker's encoded lines, and those of its rows that follow, in one piece
          const from = offsets[item] as number;
          let to = from + length;
          let count = 1;
          row += 1;
          i += 1;
          while (i < items.length && items[i] === item) {
            const next = part.lengths[row] as number;
            if (next < 0) break;
            to += next;
            count += 1;
            row += 1;
            i += 1;
          }
          rows[item] = row;
          offsets[item] = to;
          result = new EncodedRows(part.bytes.subarray(from, to), count);
        } else {
          rows[item] = row + 1;
          i += 1;
          const other = others[item] as number;
          others[item] = other + 1;
          result = part.others[other] as unknown[] | RowError;
        }
      } else {
        i += 1;
        result = item;
      }
      const busy = this.emit(result);
      if (busy) await busy;
    }
  }

  /** Send what is queued, wait until everything is written, and stop the workers. */
  async close(): Promise<void> {
    try {
      const busy = this.flush();
      if (busy) await busy;
      await Promise.race([this.chain, this.failed]);
    } finally {
      this.closing = true;
      await Promise.all(this.workers.map((worker) => worker.terminate()));
    }
  }

  /** Stop the workers without waiting for outstanding rows (the run ended early: a closed pipe, an error). */
  async abort(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

export function workerFailure(w: number, message: string): UsageError {
  return new UsageError(
    `worker thread ${w + 1} failed (${message}); the output is incomplete — run again, or without --workers · 第 ${w + 1} 个工作线程出错，输出不完整，请重新运行或去掉 --workers`,
  );
}
