import { rmSync } from "node:fs";
import { isCarekitError } from "@carekit/core";
import { RecordWriter } from "./write.js";

/** One rejected input row, as written to the error file (错误记录). */
export interface RowError {
  /** Line in the input file (CSV: the header is line 1). */
  readonly line: number;
  /** 0-based index of the row among the data rows. */
  readonly index: number;
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

/** Turn anything thrown for a row into a {@link RowError}; non-carekit errors keep their message under `INTERNAL`. */
export function toRowError(line: number, index: number, error: unknown): RowError {
  if (isCarekitError(error)) {
    return {
      line,
      index,
      code: error.code,
      path: error.issues[0]?.path ?? "",
      message: error.message,
      messageZh: error.messageZh,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { line, index, code: "INTERNAL", path: "", message, messageZh: `内部错误：${message}` };
}

/** A per-record error a library batch function returned (`{ index, code, message, messageZh, issues }`). */
export function batchRowError(
  line: number,
  error: { index: number; code: string; message: string; messageZh: string; issues: readonly { path: string }[] },
): RowError {
  return {
    line,
    index: error.index,
    code: error.code,
    path: error.issues[0]?.path ?? "",
    message: error.message,
    messageZh: error.messageZh,
  };
}

/** The columns of the error file. */
export const ERROR_COLUMNS = ["line", "index", "code", "path", "message", "messageZh"] as const;

/** Writes {@link RowError}s as CSV to a file, opened only when the first error arrives. */
export class ErrorFile {
  private writer: RecordWriter | undefined;
  count = 0;

  constructor(readonly path: string) {}

  async add(error: RowError): Promise<void> {
    this.count += 1;
    this.writer ??= new RecordWriter("csv", this.path, ERROR_COLUMNS, { bom: true });
    await this.writer.write({ ...error });
  }

  /** Close the file; with no errors, remove a stale error file from an earlier run, so it never misleads. */
  async close(): Promise<void> {
    if (this.writer) await this.writer.close();
    else rmSync(this.path, { force: true });
  }
}
