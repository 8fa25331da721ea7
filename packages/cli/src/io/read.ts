import { createReadStream, statSync } from "node:fs";
import { extname } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";

/** Input formats the CLI reads (输入格式). */
export type InputFormat = "csv" | "json" | "jsonl";

/** One input row: its 1-based line number in the file (the header is line 1 in CSV) and its fields. */
export interface InputRow {
  readonly line: number;
  readonly record: Record<string, unknown>;
}

/** An input source: a path, or `-` for standard input. */
export interface InputSource {
  readonly path: string;
  readonly format?: InputFormat | undefined;
  /** Called with the number of bytes read so far, for the progress bar. */
  readonly onBytes?: ((bytes: number) => void) | undefined;
}

/** Pick the format from `--input-format` or the file extension; standard input defaults to CSV. */
export function inputFormatOf(path: string, format?: InputFormat): InputFormat {
  if (format) return format;
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  return "csv";
}

/** Size of the input in bytes, or `undefined` for standard input. */
export function inputSize(path: string): number | undefined {
  return path === "-" ? undefined : statSync(path).size;
}

function openStream(source: InputSource): Readable {
  const stream: Readable = source.path === "-" ? process.stdin : createReadStream(source.path);
  if (source.onBytes) {
    let bytes = 0;
    const report = source.onBytes;
    stream.on("data", (chunk: Buffer | string) => {
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      report(bytes);
    });
  }
  return stream;
}

/** A row that could not even be read (malformed JSON line, CSV quoting error). */
export class UnreadableRow {
  constructor(
    readonly line: number,
    readonly message: string,
  ) {}
}

/**
 * Stream the rows of a CSV (header row required; csv-parse), JSON Lines or JSON array input, in order, with line
 * numbers. CSV and JSON Lines are streamed in constant memory; a JSON array is read whole. A malformed row is yielded
 * as an {@link UnreadableRow} so the caller can report it instead of stopping.
 */
export async function* readRows(source: InputSource): AsyncGenerator<InputRow | UnreadableRow> {
  const format = inputFormatOf(source.path, source.format);
  const stream = openStream(source);
  if (format === "csv") {
    const parser = stream.pipe(
      parse({ columns: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }),
    );
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield { line: info.lines, record };
    }
    return;
  }
  if (format === "jsonl") {
    let line = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
      line += 1;
      if (text.trim() === "") continue;
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== "object" || value === null || Array.isArray(value)) {
          yield new UnreadableRow(line, "a JSON Lines row must be an object");
        } else yield { line, record: value as Record<string, unknown> };
      } catch (error) {
        yield new UnreadableRow(line, `invalid JSON: ${(error as Error).message}`);
      }
    }
    return;
  }
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    yield new UnreadableRow(1, `invalid JSON: ${(error as Error).message}`);
    return;
  }
  const rows = Array.isArray(value) ? value : [value];
  for (const [i, record] of rows.entries()) {
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      yield new UnreadableRow(i + 1, "each element of the JSON array must be an object");
    } else yield { line: i + 1, record: record as Record<string, unknown> };
  }
}

/** Read a whole JSON document (a rule set, a policy, a plan). */
export async function readJson(path: string): Promise<unknown> {
  let text = "";
  for await (const chunk of path === "-" ? process.stdin : createReadStream(path)) text += String(chunk);
  return JSON.parse(text);
}
