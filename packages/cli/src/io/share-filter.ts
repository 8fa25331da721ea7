/**
 * Other readers' lines dropped before decoding (`--workers`, 解码前跳过其他线程的行): every reader of a shared file
 * (`./file-worker.ts`) reads all of its bytes, but only its own share of the records needs to be decoded and
 * tokenized. Once the header is known and the input is UTF-8, this filter reads each piece's quote-free lines in their
 * bytes, asks `passBytes` whom each belongs to (the partition column hashed in place, `bytesFieldKeyHash`), and replaces
 * each run of other readers' lines by one marker line, `\0` and the run's length, that the tokenizer counts as that
 * many passed records ({@link CsvTokenizer.markers}); the other lines go on as they are. A piece it cannot read that
 * way (a quote, where a record ends is then known only to the tokenizer; bytes that are not valid UTF-8, whose error
 * must come where it came before; a line that starts with `\0`, which would read as a marker) goes on unchanged from
 * there, with the markers switched off first. So the records, their lines and their order are exactly those the
 * tokenizer finds in the whole text; `test/share-filter.test.ts` checks that against reading without it.
 */
import { isUtf8 } from "node:buffer";
import type { CsvTokenizer } from "./csv.js";

const LF = 10;
const CR = 13;
const QUOTE = 34;
const NUL = 0;
/** A line shorter than this (with its line end) stays: its marker could be longer than it, and the output grow. */
const MIN_DROPPED = 4;

/** Whether this reader handles the line `bytes[start, end)` (no line end): `undefined` when its bytes cannot tell. */
export type OwnsBytes = (bytes: Uint8Array, start: number, end: number) => boolean | undefined;

/** The filter between a file's bytes and their decoding, for one reader of a shared file. */
export class ShareFilter {
  /** The input's encoding, once detected. */
  encoding: string | undefined;
  /**
   * Source bytes dropped, less marker bytes added, before the piece last returned (after the last piece, in all): how
   * far a decoder's byte offset is behind the source's.
   */
  lag = 0;
  private lagAfter = 0;

  /**
   * `mode.passBytes` is set once the header is mapped: from then on, pieces are filtered (when the input is UTF-8) —
   * `false` from it is another reader's line.
   */
  constructor(
    private readonly tokenizer: CsvTokenizer,
    private readonly mode: { readonly passBytes?: OwnsBytes | undefined },
  ) {}

  /** The bytes to decode, piece by piece; the tokenizer must have taken every earlier piece's text when one is asked. */
  async *filter(pieces: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    try {
      for await (const piece of pieces) yield this.piece(piece);
    } finally {
      // the last record (a line without a line end) is read after the input ends: never as a marker
      this.tokenizer.markers = false;
      this.lag = this.lagAfter;
    }
  }

  /** One piece, filtered when it can be; the tokenizer's markers are switched to match what it returns. */
  piece(bytes: Uint8Array): Uint8Array {
    this.lag = this.lagAfter;
    const owns = this.mode.passBytes;
    if (owns === undefined || this.encoding !== "utf-8") {
      this.tokenizer.markers = false;
      return bytes;
    }
    const carry = this.tokenizer.carry;
    // the first line end: before it, the rest of the record the tokenizer holds (or, with none, a whole line)
    const first = bytes.indexOf(LF);
    const last = bytes.lastIndexOf(LF);
    if (
      first === -1 ||
      carry.includes('"') ||
      (carry.length > 0 ? carry.charCodeAt(0) === NUL : bytes[0] === NUL) ||
      bytes.subarray(0, first).includes(QUOTE) ||
      !isUtf8(bytes.subarray(first + 1, last + 1))
    ) {
      this.tokenizer.markers = false;
      return bytes;
    }
    this.tokenizer.markers = true;
    const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    // dropped lines are at least as long as their markers; only the marker that switches them off adds 2 bytes
    const out = Buffer.allocUnsafe(bytes.length + 2);
    let at = 0;
    // the lines kept since the last run of dropped ones (from `kept` on) are copied in one piece, when the next run
    // begins; `run` counts the run's lines
    let kept = 0;
    let run = 0;
    const marker = () => {
      out[at++] = NUL;
      if (run > 0) at += out.write(String(run), at, "latin1");
      out[at++] = LF;
      run = 0;
    };
    const copyKept = (to: number) => {
      at += source.copy(out, at, kept, to);
      kept = to;
    };
    let pos = first + 1;
    const nextQuote = bytes.indexOf(QUOTE, pos);
    while (pos <= last) {
      const nl = bytes.indexOf(LF, pos);
      if ((nextQuote !== -1 && nextQuote < nl) || bytes[pos] === NUL) {
        // a quote (a record that may go on past this line) or a line that would read as a marker: unchanged from here,
        // after the marker that switches the markers off
        if (run > 0) marker();
        copyKept(pos);
        marker();
        break;
      }
      const end = nl > pos && bytes[nl - 1] === CR ? nl - 1 : nl;
      if (nl + 1 - pos >= MIN_DROPPED && owns(bytes, pos, end) === false) {
        if (run === 0) copyKept(pos);
        run += 1;
        kept = nl + 1;
      } else if (run > 0) marker();
      pos = nl + 1;
    }
    if (run > 0) marker();
    copyKept(bytes.length);
    this.lagAfter += bytes.length - at;
    return out.subarray(0, at);
  }
}
