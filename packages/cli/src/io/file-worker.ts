/**
 * The worker-thread side of {@link FileWorkers} (`./parallel-file.ts`, 各线程自行读取文件): each worker reads and
 * decodes the whole input file itself, with the same reader as one thread, but reads only its share of the records —
 * for every other record it hashes the partition column in place (an unsplit line scanned as far as that field) and
 * goes on. Its own records it processes in full, with the command's row function, in input order; every
 * {@link FILE_BATCH_ROWS} records (its own and the others', so that every worker's batch `n` covers the same records)
 * it sends the main thread one result per record: its CSV lines encoded in one transferred buffer, its row errors and
 * skipped rows, and "not mine" for the others'. It waits for the main thread to acknowledge its batches when
 * {@link FILE_BATCHES_AHEAD} are outstanding, so memory stays bounded whatever the file size.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { HeaderMap, TableSpec } from "./columns.js";
import { CsvBytes } from "./csv-bytes.js";
import type { Encoding } from "./decode.js";
import { type RowError, toRowError } from "./errors.js";
import { lineOwnerOf, ownerOf } from "./parallel.js";
import {
  type InputFormat,
  OtherRow,
  type ReadTableOptions,
  readTableBatches,
  SkippedRow,
  UnreadableRow,
} from "./read.js";

/** Records per batch (every worker counts all records, its own and the others'). */
export const FILE_BATCH_ROWS = 4096;
/** Batches a worker may send before the main thread has written (acknowledged) them. */
export const FILE_BATCHES_AHEAD = 4;

/** A record's result code in {@link FileBatchMessage.codes}: ≥ 0 is the byte length of its encoded CSV line. */
export const RESULT = {
  /** The next of `others`: the row's output values (non-CSV output) or its row error. */
  other: -1,
  /** Another worker's record. */
  notMine: -2,
  /** A blank row, or a total row with `--skip-total-rows`. */
  skipped: -3,
  /** Reading stopped here (an unclosed quote, an encoding error): the next of `others` is the READING_STOPPED error. */
  stopped: -4,
} as const;

/** What the worker script receives as `workerData` in file mode. */
export interface FileWorkerData {
  readonly kind: "file";
  /** The command's own start-up data (policies, options), structured-cloned. */
  readonly init: unknown;
  readonly source: {
    readonly path: string;
    readonly format?: InputFormat | undefined;
    readonly encoding?: Encoding | undefined;
  };
  readonly skipTotalRows: boolean;
  /** This worker's number, and how many there are. */
  readonly worker: number;
  readonly workers: number;
  /** The column whose value partitions the records (canonical name, e.g. `personId`). */
  readonly keyColumn: string;
  /** Answer CSV lines (`true`) or values. */
  readonly csv: boolean;
}

/** A worker's answer for one batch of records. */
export interface FileBatchMessage {
  readonly id: number;
  /** Records in the batch (the same in every worker's batch `id`). */
  readonly count: number;
  readonly codes: Int32Array;
  readonly bytes: Uint8Array;
  readonly others: (unknown[] | RowError)[];
  /** Bytes of the input read so far (for the progress bar). */
  readonly bytesRead: number;
  /** The last batch: the input has ended (or reading stopped). */
  readonly done: boolean;
}

/** What the main thread sends: start reading, then the id of each batch it has written. */
export type FileWorkerCommand = { readonly go: true } | { readonly ack: number };

/** A command's rows in a file worker: what `runBatch` is given on one thread, for the same reading. */
export interface FileRows {
  readonly spec: TableSpec;
  readonly fastRow?: ReadTableOptions["fastRow"];
  readonly fastLine?: ReadTableOptions["fastLine"];
  /** Process one record (throw to reject it): its output values in the command's column order. */
  row(record: Record<string, unknown>, index: number, line: number, prepared: boolean): readonly unknown[];
}

/**
 * One reader's share of the file: read it all, process the records {@link ownerOf} gives this reader, and `post` a
 * {@link FileBatchMessage} per batch — in a worker thread (`serveFile`), or on the main thread itself for its own share
 * (`FileWorkers` with `local` rows).
 */
export class ShareReader {
  private acked = -1;
  private wake: (() => void) | undefined;

  constructor(
    private readonly data: FileWorkerData,
    private readonly rows: FileRows,
    private readonly post: (message: FileBatchMessage, transfer: ArrayBuffer[]) => void,
  ) {}

  private stopped = false;

  /** Stop reading (the run ended early): `run` returns at its next batch. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** The main thread has written batch `id` (and those before it). */
  ack(id: number): void {
    this.acked = Math.max(this.acked, id);
    this.wake?.();
  }

  /** Read the file, sending a batch every FILE_BATCH_ROWS records and the last one when the input ends. */
  async run(): Promise<void> {
    const data = this.data;
    const rows = this.rows;
    let keyAt = -1;
    let bytesRead = 0;
    const me = data.worker;
    const workers = data.workers;
    const batches = readTableBatches(
      {
        path: data.source.path,
        format: data.source.format,
        encoding: data.source.encoding,
        onBytes: (n) => (bytesRead = n),
      },
      rows.spec,
      {
        skipTotalRows: data.skipTotalRows,
        fastRow: rows.fastRow,
        fastLine: rows.fastLine,
        onHeader(header: HeaderMap) {
          keyAt = header.columns.findIndex((column) => column?.name === data.keyColumn);
        },
        share: {
          owns: (text, cells) => ownerOf(text ?? cells, keyAt, workers) === me,
          ownsLine: (text, start, end) => lineOwnerOf(text, start, end, keyAt, workers) === me,
          problems: me === 0,
        },
      },
    );
    let id = 0;
    let index = 0;
    let count = 0;
    let codes = new Int32Array(FILE_BATCH_ROWS);
    let others: (unknown[] | RowError)[] = [];
    let out = new CsvBytes(1 << 17);
    let stopped = false;
    const send = async (done: boolean): Promise<void> => {
      const bytes = out.done();
      const message: FileBatchMessage = { id, count, codes, bytes, others, bytesRead, done };
      const own = bytes.byteOffset === 0 && bytes.buffer.byteLength > Buffer.poolSize;
      this.post(message, [codes.buffer, ...(own ? [bytes.buffer as ArrayBuffer] : [])]);
      id += 1;
      count = 0;
      codes = new Int32Array(FILE_BATCH_ROWS);
      others = [];
      out = new CsvBytes(1 << 17);
      while (!done && !this.stopped && id - 1 - this.acked >= FILE_BATCHES_AHEAD)
        await new Promise<void>((resolve) => (this.wake = resolve));
    };
    for await (const batch of batches) {
      for (const row of batch) {
        let code: number;
        if (row instanceof OtherRow) code = RESULT.notMine;
        else if (row instanceof SkippedRow) code = RESULT.skipped;
        else if (row instanceof UnreadableRow) {
          if (row.fatal) {
            others.push({
              line: row.line,
              index: -1,
              code: "READING_STOPPED",
              path: "",
              message: `${row.message}; reading stopped after ${index} rows`,
              messageZh: `${row.messageZh}；已读取 ${index} 行后停止`,
            });
            code = RESULT.stopped;
            stopped = true;
          } else {
            others.push({
              line: row.line,
              index,
              code: row.code,
              path: row.path,
              message: row.message,
              messageZh: row.messageZh,
            });
            code = RESULT.other;
          }
        } else {
          let values: readonly unknown[] | undefined;
          try {
            values = rows.row(row.record, index, row.line, row.prepared === true);
          } catch (error) {
            others.push(toRowError(row.line, index, error));
          }
          if (values === undefined) code = RESULT.other;
          else if (data.csv) {
            const before = out.length;
            out.line(values);
            code = out.length - before;
          } else {
            others.push(values as unknown[]);
            code = RESULT.other;
          }
        }
        codes[count++] = code;
        index += 1;
        if (stopped) break;
        if (count === FILE_BATCH_ROWS) await send(false);
        if (this.stopped) return;
      }
      if (stopped) break;
    }
    await send(true);
  }
}

/** Serve the main thread in file mode: `make` builds the command's rows once from the start-up data. */
export function serveFile(make: (data: FileWorkerData) => FileRows): void {
  if (!parentPort) throw new Error("serveFile runs in a worker thread");
  const port = parentPort;
  const data = workerData as FileWorkerData;
  const reader = new ShareReader(data, make(data), (message, transfer) => port.postMessage(message, transfer));
  port.on("message", (message: FileWorkerCommand) => {
    if ("go" in message) {
      reader.run().catch((error: unknown) => {
        // an unexpected failure ends the worker with an error event on the main thread
        setImmediate(() => {
          throw error;
        });
      });
      return;
    }
    reader.ack(message.ack);
  });
}
