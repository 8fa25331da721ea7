// The strict reading of a claim row, as `carekit settle` reads a row its fast path declines: each cell through its
// column's reader (as `readTable` does), then `claimFromRecord`. The reference `compileClaimRow` is tested against.

import { claimFromRecord } from "../../src/commands/settle.js";
import { type Cell, cellReader, type HeaderMap } from "../../src/io/columns.js";

/** The claim the strict reading builds from `cells`, or the error it throws. */
export function strictClaim(header: HeaderMap, cells: readonly Cell[]): { claim: unknown } | { error: unknown } {
  const record: Record<string, unknown> = {};
  try {
    header.columns.forEach((column, i) => {
      const cell = cells[i];
      const value = column ? cellReader(column)(cell) : typeof cell === "string" ? cell.trim() : cell;
      if (value !== undefined) record[column?.name ?? (header.headers[i] ?? "").trim()] = value;
    });
    return { claim: claimFromRecord(record) };
  } catch (error) {
    return { error };
  }
}
