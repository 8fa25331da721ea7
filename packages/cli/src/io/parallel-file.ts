/**
 * `--workers N` on a CSV file (多线程各自读取文件): every worker thread reads and decodes the file itself and
 * processes only its share of the records (partitioned by a key column, e.g. the person, so that what is carried
 * between one key's rows stays in one worker, in input order) — see `./file-worker.ts`. The main thread only merges:
 * for each batch of records, the one worker that owns each record gives its result (an encoded CSV line, its values,
 * a row error, a skipped row), handed on through `emit` in input order. Reading, decoding, tokenizing and
 * partitioning run in parallel; the main thread no longer touches the rows. Standard input and `.xlsx` (which cannot
 * be read twice, or are not lines) keep {@link RowDispatcher}'s path. A worker that fails or exits ends the run with
 * an error (exit 2), never a hang.
 */
import { Worker } from "node:worker_threads";
import type { RowError } from "./errors.js";
import {
  type FileBatchMessage,
  type FileRows,
  type FileWorkerCommand,
  type FileWorkerData,
  RESULT,
  ShareReader,
} from "./file-worker.js";
import { EncodedRows, type ParallelRows, type WorkerResult, workerFailure } from "./parallel.js";
import type { InputSource } from "./read.js";

/** Young-generation size of each worker's heap, MB (as for the row dispatcher's workers). */
const WORKER_YOUNG_GENERATION_MB = 8;

/** What the merge found in a batch besides the results it handed on. */
export interface MergedBatch {
  /** Records in the batch that count as read (all but a READING_STOPPED). */
  readonly read: number;
  readonly skipped: number;
  /** The line where reading stopped, when it did in this batch. */
  readonly stoppedAt: number | undefined;
  /** Bytes of the input read so far. */
  readonly bytesRead: number;
}

/** Worker threads each reading the whole file, merged back into input order. */
export class FileWorkers {
  private readonly workers: Worker[] = [];
  private readonly queues: FileBatchMessage[][] = [];
  private wake: (() => void) | undefined;
  private failure: Error | undefined;
  private closing = false;

  /** The main thread's own share (reader 0), when it takes one. */
  private readonly local: ShareReader | undefined;

  /**
   * Start the readers: with `local` rows, the main thread is reader 0 (it reads and settles its share itself, between
   * merges) and `spec.workers - 1` worker threads the others — `--workers 2` is then two busy threads, not three.
   */
  constructor(
    spec: ParallelRows,
    source: InputSource,
    options: { readonly skipTotalRows: boolean; readonly csv: boolean; readonly local?: FileRows | undefined },
  ) {
    const dataFor = (w: number): FileWorkerData => ({
      kind: "file",
      init: spec.init,
      source: { path: source.path, format: source.format, encoding: source.encoding },
      skipTotalRows: options.skipTotalRows,
      worker: w,
      workers: spec.workers,
      keyColumn: spec.keyColumn,
      csv: options.csv,
    });
    if (options.local) {
      this.queues.push([]);
      this.local = new ShareReader(dataFor(0), options.local, (message) => {
        (this.queues[0] as FileBatchMessage[]).push(message);
        this.wake?.();
      });
    }
    for (let w = this.local ? 1 : 0; w < spec.workers; w++) {
      const workerData = dataFor(w);
      // no inherited node flags (`--input-type`, `-e` are refused by a worker); a small young generation
      const worker = new Worker(spec.script, {
        workerData,
        execArgv: [],
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      const queue = this.queues.length;
      this.queues.push([]);
      worker.on("message", (message: FileBatchMessage) => {
        (this.queues[queue] as FileBatchMessage[]).push(message);
        this.wake?.();
      });
      worker.on("error", (error) => this.fail(workerFailure(w, error.message)));
      worker.on("exit", (code) => {
        if (!this.closing) this.fail(workerFailure(w, `it exited with code ${code}`));
      });
      this.workers.push(worker);
      worker.postMessage({ go: true } satisfies FileWorkerCommand);
    }
    this.local?.run().catch((error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
  }

  /** The next batch from every worker (the same records), or `undefined` after the last. */
  private async next(): Promise<FileBatchMessage[]> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.queues.every((queue) => queue.length > 0)) break;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    const parts = this.queues.map((queue) => queue.shift() as FileBatchMessage);
    const first = parts[0] as FileBatchMessage;
    if (parts.some((part) => part.id !== first.id || part.count !== first.count || part.done !== first.done))
      throw workerFailure(0, "the workers read different records");
    return parts;
  }

  /**
   * Merge every batch into input order, handing each result to `emit` (awaited when it returns a promise), and call
   * `after` once per batch; stops early when `after` returns `false`.
   */
  async run(
    emit: (result: WorkerResult) => Promise<void> | undefined,
    after: (batch: MergedBatch) => boolean,
  ): Promise<void> {
    const n = this.queues.length;
    const offsets = new Array<number>(n);
    const others = new Array<number>(n);
    for (;;) {
      const parts = await this.next();
      const first = parts[0] as FileBatchMessage;
      offsets.fill(0);
      others.fill(0);
      let read = 0;
      let skipped = 0;
      let stoppedAt: number | undefined;
      for (let k = 0; k < first.count; ) {
        let w = 0;
        while (w < n && (parts[w] as FileBatchMessage).codes[k] === RESULT.notMine) w += 1;
        if (w === n) throw workerFailure(0, `no worker read record ${k} of batch ${first.id}`);
        const part = parts[w] as FileBatchMessage;
        const code = part.codes[k] as number;
        let busy: Promise<void> | undefined;
        if (code >= 0) {
          // this worker's encoded lines, and those of its records that follow, in one piece
          const from = offsets[w] as number;
          let to = from + code;
          let rows = 1;
          k += 1;
          while (k < first.count && (part.codes[k] as number) >= 0) {
            to += part.codes[k] as number;
            rows += 1;
            k += 1;
          }
          offsets[w] = to;
          read += rows;
          busy = emit(new EncodedRows(part.bytes.subarray(from, to), rows));
        } else if (code === RESULT.skipped) {
          k += 1;
          read += 1;
          skipped += 1;
        } else {
          const at = others[w] as number;
          others[w] = at + 1;
          const result = part.others[at] as unknown[] | RowError;
          k += 1;
          if (code === RESULT.stopped) stoppedAt = (result as RowError).line;
          else read += 1;
          busy = emit(result);
        }
        if (busy) await busy;
        if (stoppedAt !== undefined) break;
      }
      const goOn = after({ read, skipped, stoppedAt, bytesRead: first.bytesRead });
      this.local?.ack(first.id);
      for (const worker of this.workers) worker.postMessage({ ack: first.id } satisfies FileWorkerCommand);
      if (first.done || stoppedAt !== undefined || !goOn) return;
    }
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    this.closing = true;
    this.local?.stop();
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
