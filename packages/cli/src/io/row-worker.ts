/**
 * The worker-thread side of {@link RowDispatcher} (`./parallel.ts`): answer each batch of rows, in order, with the
 * result of the command's row function for each row.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Cell } from "./columns.js";
import { CsvBytes } from "./csv-bytes.js";
import type { RowError } from "./errors.js";
import type { RowBatchMessage, RowResultMessage, RowWorkerData } from "./parallel.js";

/**
 * A command's row function in a worker: a row (an unsplit quote-free CSV line, or its cells), line and index → the
 * row's output values, or its row error (never throws).
 */
export type RowFunction = (row: string | readonly Cell[], line: number, index: number) => unknown[] | RowError;

/**
 * Serve the dispatcher: `make` builds the row function once from the start-up data and the header. For CSV output
 * each row's values are encoded here, so that a batch's output goes back as one transferred buffer.
 */
export function serveRows(make: (data: RowWorkerData) => RowFunction): void {
  const port = parentPort;
  if (!port) throw new Error("serveRows runs in a worker thread");
  const data = workerData as RowWorkerData;
  const run = make(data);
  port.on("message", (message: RowBatchMessage) => {
    const { lines, indexes, text, cellsAt, cells } = message;
    const lengths = new Int32Array(lines.length);
    const others: (unknown[] | RowError)[] = [];
    const out = new CsvBytes(1 << 17);
    let from = 0;
    for (let r = 0; r < lines.length; r++) {
      const at = cellsAt[r] as number;
      let row: string | readonly Cell[];
      if (at === -1) {
        const end = text.indexOf("\n", from);
        row = text.slice(from, end);
        from = end + 1;
      } else row = cells[at] as readonly Cell[];
      const result = run(row, lines[r] as number, indexes[r] as number);
      if (data.csv && Array.isArray(result)) {
        const before = out.length;
        out.line(result);
        lengths[r] = out.length - before;
      } else {
        others.push(result);
        lengths[r] = -1;
      }
    }
    const bytes = out.done();
    const answer: RowResultMessage = { id: message.id, bytes, lengths, others };
    // the block is this batch's own (never Node's shared pool for small buffers): send it, not a copy
    const own = bytes.byteOffset === 0 && bytes.buffer.byteLength > Buffer.poolSize;
    port.postMessage(answer, [lengths.buffer, ...(own ? [bytes.buffer as ArrayBuffer] : [])]);
  });
}
