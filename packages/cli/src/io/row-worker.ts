/**
 * The worker-thread side of {@link RowDispatcher} (`./parallel.ts`): answer each batch of rows, in order, with the
 * result of the command's row function for each row.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Cell } from "./columns.js";
import type { RowError } from "./errors.js";
import type { RowBatchMessage, RowResultMessage, RowWorkerData, WorkerResult } from "./parallel.js";

/** A command's row function in a worker: a row's cells, line and index → its result (never throws). */
export type RowFunction = (cells: readonly Cell[], line: number, index: number) => WorkerResult;

/** Serve the dispatcher: `make` builds the row function once from the start-up data and the header. */
export function serveRows(make: (data: RowWorkerData) => RowFunction): void {
  const port = parentPort;
  if (!port) throw new Error("serveRows runs in a worker thread");
  const run = make(workerData as RowWorkerData);
  port.on("message", (message: RowBatchMessage) => {
    const { lines, indexes, rows } = message;
    const lengths = new Int32Array(lines.length);
    const others: (unknown[] | RowError)[] = [];
    let text = "";
    for (let r = 0; r < lines.length; r++) {
      const row = rows[r] as string | readonly Cell[];
      const result = run(typeof row === "string" ? row.split(",") : row, lines[r] as number, indexes[r] as number);
      if (typeof result === "string") {
        text += result;
        lengths[r] = result.length;
      } else {
        others.push(result);
        lengths[r] = -1;
      }
    }
    const answer: RowResultMessage = { id: message.id, text, lengths, others };
    port.postMessage(answer, [lengths.buffer]);
  });
}
