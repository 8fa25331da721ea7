/**
 * CSV output encoded straight to UTF-8 bytes (CSV 行直接编码为字节): a growing byte block that a line of values is
 * appended to with no string per field or per line — integers are written as ASCII digits, plain ASCII text is copied
 * byte by byte, and anything else (a formula-like or quoted field, non-ASCII text, a fractional number) goes through
 * {@link csvField} and is UTF-8 encoded. The bytes of {@link CsvBytes.line} are exactly those of `csvLine(values)`
 * followed by `\n`; `test/csv-bytes.test.ts` checks that against `csvLine` (the reference) on generated rows.
 *
 * @example
 * ```ts
 * const out = new CsvBytes();
 * out.line(["c1", 2024, true, 335399, "a,b"]);
 * out.take().toString("utf8");
 * // → 'c1,2024,true,335399,"a,b"\n'
 * ```
 */
import { csvField } from "./csv-field.js";

/** Bytes of `true` and `false`. */
const TRUE = [116, 114, 117, 101];
const FALSE = [102, 97, 108, 115, 101];

/** Bytes reserved per value of a line (with its comma): a safe integer, a boolean or short plain text fit. */
const PER_VALUE = 26;

/** A first character a spreadsheet runs as a formula: `=`, `+`, `-`, `@`. */
function formulaStart(c: number): boolean {
  return c === 61 || c === 43 || c === 45 || c === 64;
}

/** A character a CSV field may carry as it is: printable ASCII except `"` and `,`. */
function plainChar(c: number): boolean {
  return c >= 32 && c <= 126 && c !== 34 && c !== 44;
}

/** A block of CSV output bytes: append lines and text, then {@link CsvBytes.take} the filled part. */
export class CsvBytes {
  private bytes: Buffer;
  /** Bytes filled so far. */
  length = 0;

  constructor(private readonly capacity = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  /** Make room for `more` bytes. */
  private room(more: number): Buffer {
    if (this.length + more > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
      this.bytes.copy(bigger, 0, 0, this.length);
      this.bytes = bigger;
    }
    return this.bytes;
  }

  /**
   * The block, with room at `at` for `text` and `PER_VALUE` bytes for each of the `left` values from it on (only a
   * text longer than a value's share needs more than a line was given).
   */
  private roomFor(text: string, at: number, left: number): Buffer {
    if (text.length <= PER_VALUE - 2) return this.bytes;
    this.length = at;
    return this.room(text.length + PER_VALUE * left);
  }

  /** Append text, UTF-8 encoded. */
  text(text: string): void {
    const bytes = this.room(text.length * 3);
    this.length += bytes.write(text, this.length, "utf8");
  }

  /** Append bytes as they are. */
  raw(from: Uint8Array): void {
    const bytes = this.room(from.length);
    bytes.set(from, this.length);
    this.length += from.length;
  }

  /** Write a safe integer's decimal digits (`-0` as `0`) at `at`; returns the position after them. */
  private static integer(bytes: Buffer, at: number, value: number): number {
    let n = value;
    let i = at;
    if (n < 0) {
      bytes[i++] = 45;
      n = -n;
    }
    if (n < 10) {
      bytes[i++] = 48 + n;
      return i;
    }
    const start = i;
    // small numbers (nearly every amount in fen) in 32-bit integer arithmetic
    while (n >= 0x80000000) {
      const next = Math.floor(n / 10);
      bytes[i++] = 48 + (n - next * 10);
      n = next;
    }
    while (n > 0) {
      const next = (n / 10) | 0;
      bytes[i++] = 48 + (n - next * 10);
      n = next;
    }
    // the digits came out last first
    for (let l = start, r = i - 1; l < r; l++, r--) {
      const digit = bytes[l] as number;
      bytes[l] = bytes[r] as number;
      bytes[r] = digit;
    }
    return i;
  }

  /**
   * Copy `text` to `at` when it is plain: printable ASCII a CSV field may carry as it is, its first character not one
   * a spreadsheet runs as a formula (checked as it is copied, in one pass; room for it is there). `false` when it is
   * not — the bytes written are then left to be overwritten.
   */
  private static copyPlain(bytes: Buffer, at: number, text: string): boolean {
    if (text.length > 0 && formulaStart(text.charCodeAt(0))) return false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!plainChar(c)) return false;
      bytes[at + i] = c;
    }
    return true;
  }

  /** Append one CSV line of values and its `\n`: the bytes of `csvLine(values) + "\n"`. */
  line(values: readonly unknown[]): void {
    // room for the numbers, booleans and separators; text is measured as it comes
    let bytes = this.room(PER_VALUE * values.length + 1);
    let at = this.length;
    for (let i = 0; i < values.length; i++) {
      if (i > 0) bytes[at++] = 44;
      const value = values[i];
      if (typeof value === "number" && Number.isSafeInteger(value)) at = CsvBytes.integer(bytes, at, value);
      else if (typeof value === "string" && CsvBytes.copyPlain(this.roomFor(value, at, values.length - i), at, value)) {
        bytes = this.bytes;
        at += value.length;
      } else if (typeof value === "boolean") {
        const word = value ? TRUE : FALSE;
        for (let c = 0; c < word.length; c++) bytes[at++] = word[c] as number;
      } else {
        this.length = at;
        this.text(typeof value === "number" ? String(value) : csvField(value));
        bytes = this.room(PER_VALUE * (values.length - i));
        at = this.length;
      }
    }
    bytes[at++] = 10;
    this.length = at;
  }

  /** The bytes filled so far, and this block is done with (nothing is written to it again). */
  done(): Buffer {
    const filled = this.bytes.subarray(0, this.length);
    this.bytes = Buffer.alloc(0);
    this.length = 0;
    return filled;
  }

  /** The bytes filled so far (a fresh block is started: the one returned is never written to again). */
  take(): Buffer {
    const filled = this.bytes.subarray(0, this.length);
    this.bytes = Buffer.allocUnsafe(this.capacity);
    this.length = 0;
    return filled;
  }
}
