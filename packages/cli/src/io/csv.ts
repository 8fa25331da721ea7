/**
 * A strict, streaming CSV tokenizer (RFC 4180: `,` separators, `"` quotes with `""` escapes, LF or CRLF line ends).
 *
 * Strict means nothing is guessed: a quote inside an unquoted field, or anything but a separator or a line end after
 * a closing quote, makes that record a {@link CsvProblem} (with its line) and reading goes on at the next line; a
 * quoted field still open at the end of the input (or longer than {@link MAX_QUOTED_FIELD}) is a fatal problem,
 * because where the following records begin cannot be known. Field counts are not checked here — the reader does that
 * against the header.
 *
 * Fast path: a line without a quote is split with `String.prototype.split`; the position of the next quote is cached,
 * so quote-free files never scan a character twice. The reference it is tested against is csv-parse.
 */

/** One record: the line it starts on (1-based) and its fields as written (not trimmed). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
  /**
   * With {@link CsvTokenizer.raw}: a record without quotes comes as its line (without the line end) and no cells;
   * splitting it on `,` gives its cells.
   */
  readonly text?: string;
  /** This is {@link PASSED}. */
  readonly passed?: true;
}

const NO_CELLS: string[] = [];

/**
 * The record {@link CsvTokenizer.pass} passed over: another reader's share of the file (`--workers`). One shared
 * object, never read: it only keeps the records counted and in order.
 */
export const PASSED: CsvRecord = Object.freeze({ line: 0, cells: NO_CELLS, passed: true });

/** A record that cannot be read; `fatal` when reading cannot go on after it. */
export class CsvProblem {
  constructor(
    readonly line: number,
    readonly message: string,
    readonly messageZh: string,
    readonly fatal: boolean,
  ) {}
}

/** A quoted field longer than this (in characters) is taken as an unclosed quote. */
export const MAX_QUOTED_FIELD = 1 << 20;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Feed decoded text with {@link CsvTokenizer.push}, then call {@link CsvTokenizer.end}; records come out in order. */
export class CsvTokenizer {
  private buf = "";
  private line = 1;
  /** Leave quote-free records unsplit (as {@link CsvRecord.text}) from now on, for a reader that splits elsewhere. */
  raw = false;
  /**
   * With {@link CsvTokenizer.raw}: a quote-free record for which this returns `true` (given the text it is in and its
   * line's start and end there, without the line end) comes out as {@link PASSED}, never cut out.
   */
  pass: ((text: string, start: number, end: number) => boolean) | undefined;

  /** Tokenize `chunk`, appending complete records (and problems) to `out`. */
  push(chunk: string, out: (CsvRecord | CsvProblem)[]): void {
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    this.scan(out, false);
  }

  /** The input has ended: emit the last record (a final line without a line end is a record). */
  end(out: (CsvRecord | CsvProblem)[]): void {
    this.scan(out, true);
  }

  private scan(out: (CsvRecord | CsvProblem)[], final: boolean): void {
    const buf = this.buf;
    const length = buf.length;
    let pos = 0;
    let nextQuote = buf.indexOf('"');
    while (pos < length) {
      let nl = buf.indexOf("\n", pos);
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf('"', pos);
      if (nextQuote === -1 || (nl !== -1 && nextQuote > nl)) {
        if (nl === -1) {
          if (!final) break;
          nl = length;
        }
        const end = nl > pos && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        out.push(
          this.raw
            ? this.pass?.(buf, pos, end)
              ? PASSED
              : { line: this.line, cells: NO_CELLS, text: buf.slice(pos, end) }
            : { line: this.line, cells: buf.slice(pos, end).split(",") },
        );
        this.line += 1;
        pos = nl + 1;
        continue;
      }
      const next = this.slow(buf, pos, final, out);
      if (next === -1) break;
      pos = next;
      nextQuote = buf.indexOf('"', pos);
    }
    this.buf = pos >= length ? "" : buf.slice(pos);
    if (final && this.buf.length > 0) {
      // only an open quote can leave text behind at the end
      out.push(unclosed(this.line));
      this.buf = "";
    }
  }

  /**
   * Parse one record that contains a quote, starting at `start`. Returns the position after it, or -1 when more input
   * is needed.
   */
  private slow(buf: string, start: number, final: boolean, out: (CsvRecord | CsvProblem)[]): number {
    const cells: string[] = [];
    const length = buf.length;
    let i = start;
    let lines = 0;
    for (;;) {
      if (buf.charCodeAt(i) === QUOTE) {
        // quoted field
        let value = "";
        let from = i + 1;
        for (;;) {
          const close = buf.indexOf('"', from);
          if (close === -1) {
            if (length - start > MAX_QUOTED_FIELD || final) {
              out.push(unclosed(this.line));
              this.line += countLines(buf, start, length);
              return length;
            }
            return -1;
          }
          if (close + 1 >= length && !final) return -1; // cannot tell `"` from `""` yet
          value += buf.slice(from, close);
          if (buf.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          lines += countLines(buf, i, close);
          i = close + 1;
          break;
        }
        cells.push(value);
        const c = i < length ? buf.charCodeAt(i) : -1;
        if (c === COMMA) {
          i += 1;
          continue;
        }
        if (c === LF || c === -1 || (c === CR && buf.charCodeAt(i + 1) === LF)) {
          if (c === CR) i += 1;
          if (c === -1 && !final) return -1;
          return this.emit(out, cells, lines, i + 1);
        }
        if (c === CR && i + 1 >= length && !final) return -1;
        return this.skipBad(
          buf,
          i,
          lines,
          final,
          out,
          "unexpected text after a closing quote",
          '引号结束后还有多余字符（引号内的引号应写成两个：""）',
        );
      }
      // unquoted field: up to the next comma or line end
      let end = i;
      while (end < length) {
        const c = buf.charCodeAt(end);
        if (c === COMMA || c === LF) break;
        if (c === QUOTE)
          return this.skipBad(
            buf,
            end,
            lines,
            final,
            out,
            "a quote inside an unquoted field",
            "未加引号的字段中出现了引号（含引号的字段应整体用引号括起，内部引号写成两个）",
          );
        end += 1;
      }
      if (end >= length && !final) return -1;
      const c = end < length ? buf.charCodeAt(end) : -1;
      const cellEnd = c === LF && end > i && buf.charCodeAt(end - 1) === CR ? end - 1 : end;
      cells.push(buf.slice(i, cellEnd));
      if (c === COMMA) {
        i = end + 1;
        continue;
      }
      return this.emit(out, cells, lines, end + 1);
    }
  }

  private emit(out: (CsvRecord | CsvProblem)[], cells: string[], lines: number, next: number): number {
    out.push({ line: this.line, cells });
    this.line += 1 + lines;
    return next;
  }

  /** A malformed record: report it and go on after the end of its physical line. */
  private skipBad(
    buf: string,
    from: number,
    lines: number,
    final: boolean,
    out: (CsvRecord | CsvProblem)[],
    message: string,
    messageZh: string,
  ): number {
    const nl = buf.indexOf("\n", from);
    if (nl === -1 && !final) return -1;
    out.push(new CsvProblem(this.line + lines, `${message} (line ${this.line + lines})`, messageZh, false));
    this.line += 1 + lines;
    return nl === -1 ? buf.length : nl + 1;
  }
}

function unclosed(line: number): CsvProblem {
  return new CsvProblem(
    line,
    `a quoted field that opens on line ${line} is never closed; the records after it cannot be read`,
    `第 ${line} 行开始的引号没有闭合，其后的记录无法读取`,
    true,
  );
}

function countLines(buf: string, from: number, to: number): number {
  let n = 0;
  let i = buf.indexOf("\n", from);
  while (i !== -1 && i < to) {
    n += 1;
    i = buf.indexOf("\n", i + 1);
  }
  return n;
}
