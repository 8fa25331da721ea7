/**
 * A worker thread of `carekit settle --workers N` (结算工作线程): it settles the claims of its share of the persons,
 * with the same row processing as one thread, and answers each row with its CSV line, its values or its row error —
 * reading a CSV file itself (`serveFile`), or settling the rows the main thread sends it (`serveRows`: standard input,
 * `.xlsx`). Built to `dist/settle-worker.js`; not part of the package's API.
 *
 * @internal
 */

import { workerData } from "node:worker_threads";
import { CLAIM_TABLE, type SettleRowsInit, settleRows } from "./commands/settle.js";
import { mapHeader } from "./io/columns.js";
import { toRowError } from "./io/errors.js";
import { serveFile } from "./io/file-worker.js";
import { compileRecordReader } from "./io/read.js";
import { serveRows } from "./io/row-worker.js";

if ((workerData as { kind?: string }).kind === "file")
  // --workers on a CSV file: this worker reads the file itself and settles its share of the persons
  serveFile(({ init }) => {
    const rows = settleRows(init as SettleRowsInit);
    return { spec: CLAIM_TABLE, fastRow: rows.fastRow, fastLine: rows.fastLine, row: rows.row };
  });
else
  serveRows(({ init, headers }) => {
    const rows = settleRows(init as SettleRowsInit);
    const header = mapHeader(headers, CLAIM_TABLE);
    const fast = rows.fastRow(header);
    const fastLine = rows.fastLine(header);
    const strictRecord = compileRecordReader(header);
    return (row, line, index) => {
      try {
        const whole = typeof row === "string" ? fastLine?.(row) : undefined;
        if (whole !== undefined) return rows.row(whole, index, line, true);
        const cells = typeof row === "string" ? row.split(",") : row;
        const claim = fast?.(cells);
        return claim !== undefined
          ? rows.row(claim, index, line, true)
          : rows.row(strictRecord(cells), index, line, false);
      } catch (error) {
        return toRowError(line, index, error);
      }
    };
  });
