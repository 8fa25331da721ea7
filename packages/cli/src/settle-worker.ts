/**
 * A worker thread of `carekit settle --workers N` (结算工作线程): it settles the claims of the persons the main
 * thread sends it, with the same row processing as one thread, and answers each row with its CSV line, its values or
 * its row error. Built to `dist/settle-worker.js`; not part of the package's API.
 *
 * @internal
 */
import { CLAIM_TABLE, type SettleRowsInit, settleRows } from "./commands/settle.js";
import { mapHeader } from "./io/columns.js";
import { toRowError } from "./io/errors.js";
import { compileRecordReader } from "./io/read.js";
import { serveRows } from "./io/row-worker.js";
import { csvLine } from "./io/write.js";

serveRows(({ init, headers, csv }) => {
  const rows = settleRows(init as SettleRowsInit);
  const header = mapHeader(headers, CLAIM_TABLE);
  const fast = rows.fastRow(header);
  const strictRecord = compileRecordReader(header);
  return (cells, line, index) => {
    try {
      const claim = fast?.(cells);
      const values =
        claim !== undefined ? rows.row(claim, index, line, true) : rows.row(strictRecord(cells), index, line, false);
      return csv ? csvLine(values) : values;
    } catch (error) {
      return toRowError(line, index, error);
    }
  };
});
