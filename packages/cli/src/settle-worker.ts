/**
 * A worker thread of `carekit settle --workers N` (结算工作线程): it settles the claims of the persons the main
 * thread sends it, with the same row processing as one thread, and answers each row with its CSV line, its values or
 * its row error (CSV lines are encoded by `serveRows`). Built to `dist/settle-worker.js`; not part of the package's API.
 *
 * @internal
 */
import { CLAIM_TABLE, type SettleRowsInit, settleRows } from "./commands/settle.js";
import { mapHeader } from "./io/columns.js";
import { toRowError } from "./io/errors.js";
import { compileRecordReader } from "./io/read.js";
import { serveRows } from "./io/row-worker.js";

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
