/**
 * Text encodings of input files (文件编码) and their streaming decoding.
 *
 * Detection, in order: a byte-order mark (UTF-8 `EF BB BF`, UTF-16 LE `FF FE`, UTF-16 BE `FE FF`) decides; without
 * one, the first 64 KiB are checked as UTF-8, and text that is not valid UTF-8 is taken as GB18030. This rule can be
 * justified for the files our users have: a CSV saved by Excel or WPS on Chinese Windows ("CSV (逗号分隔)") is
 * GBK, whose two-byte Chinese characters are almost never valid UTF-8 sequences (a lead byte 0xB0–0xF7 followed by a
 * trail byte 0xA1–0xFE is not a UTF-8 continuation), while UTF-8 files are valid by construction; GB18030 is a
 * superset of GBK and GB2312, so reading GBK as GB18030 loses nothing. Excel's "Unicode text" and "CSV UTF-8" write
 * a BOM. A file that starts as plain ASCII and turns invalid later is reported with the byte offset and the
 * `--encoding` hint instead of being decoded with replacement characters.
 */
import { isAscii } from "node:buffer";
import { UsageError } from "./problems.js";

/** Encodings `--encoding` accepts. */
export const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "gb18030"] as const;
export type Encoding = (typeof ENCODINGS)[number];

const ENCODING_NAMES: Readonly<Record<string, Encoding>> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "utf-8-bom": "utf-8",
  "utf-16le": "utf-16le",
  "utf-16": "utf-16le",
  utf16le: "utf-16le",
  "utf-16be": "utf-16be",
  utf16be: "utf-16be",
  gb18030: "gb18030",
  gbk: "gb18030",
  gb2312: "gb18030",
  cp936: "gb18030",
};

/** Read an `--encoding` value (`gbk`, `GB18030`, `utf8`, `utf-16le`, …). */
export function encodingOption(value: string): Encoding {
  const encoding = ENCODING_NAMES[value.trim().toLowerCase()];
  if (!encoding)
    throw new UsageError(
      `unknown encoding "${value}"; use one of utf-8, utf-16le, utf-16be, gb18030 (gbk) · 未知编码，可选 utf-8、utf-16le、utf-16be、gb18030（gbk）`,
    );
  return encoding;
}

/** A problem decoding the input after some of it was read: the run stops (exit 1) with what was read so far. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

const SNIFF = 64 * 1024;

/** Which encoding a file starting with `head` is in, and how many BOM bytes to drop. */
export function detectEncoding(head: Uint8Array, complete: boolean): { encoding: Encoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: !complete });
    return { encoding: "utf-8", bom: 0 };
  } catch {
    return { encoding: "gb18030", bom: 0 };
  }
}

/**
 * Decode a byte stream to text chunks, detecting the encoding (or using `encoding`), dropping a BOM, and never splitting
 * a character across chunks (`TextDecoder` with `stream: true`). `onEncoding` learns the encoding used.
 *
 * After the first chunk, a UTF-8 chunk of ASCII bytes only, with nothing of a character held from the chunk before
 * (that chunk ended on an ASCII byte, or was itself taken this way), is its own text byte for byte: it is copied as
 * Latin-1, and the decoder, which drops a byte-order mark only at the start, has already seen the start (measured: 148 MB
 * of claims in 29–32 ms, against 144–191 ms through `TextDecoder`; every thread of `--workers` decodes the whole
 * file). The text is the same as `TextDecoder`'s, and so is any error (`test/io.test.ts` checks both on random cuts).
 */
export async function* decodeStream(
  bytes: AsyncIterable<Uint8Array>,
  options: { encoding?: Encoding | undefined; onEncoding?: ((encoding: Encoding) => void) | undefined } = {},
): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let encoding: Encoding | undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let offset = 0;
  /**
   * Whether ASCII chunks may be copied: `decoder` has read the start of the input (where it drops a byte-order mark,
   * never later) and its last chunk ended on an ASCII byte (nothing of a character is held).
   */
  let copyAscii = false;
  const start = (head: Uint8Array, complete: boolean): Uint8Array => {
    const detected = detectEncoding(head, complete);
    let bom = detected.bom;
    encoding = options.encoding ?? detected.encoding;
    if (options.encoding && options.encoding !== detected.encoding) bom = 0;
    if (options.encoding === "utf-8" && detected.bom === 3) bom = 3;
    options.onEncoding?.(encoding);
    decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
    return bom > 0 ? head.subarray(bom) : head;
  };
  const decode = (chunk: Uint8Array, stream: boolean): string => {
    if (copyAscii && chunk.length > 0 && isAscii(chunk)) {
      offset += chunk.length;
      return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString("latin1");
    }
    try {
      const text = (decoder as InstanceType<typeof TextDecoder>).decode(chunk, { stream });
      offset += chunk.length;
      if (chunk.length > 0) copyAscii = encoding === "utf-8" && (chunk[chunk.length - 1] as number) < 0x80;
      return text;
    } catch {
      throw new DecodeError(
        `the input is not valid UTF-8 after byte ${offset}; if it was saved as GBK/GB18030 (Excel "CSV (逗号分隔)" on Chinese Windows), run again with --encoding gb18030`,
        `第 ${offset} 字节之后的内容不是有效的 UTF-8；如果文件是 GBK/GB18030 编码（中文 Windows 上 Excel 另存为的"CSV (逗号分隔)"），请加 --encoding gb18030 重新运行`,
      );
    }
  };
  for await (const raw of bytes) {
    const chunk = raw instanceof Uint8Array ? raw : new Uint8Array(raw as ArrayBuffer);
    if (!decoder) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < SNIFF) continue;
      const head = start(concat(pending, pendingBytes), false);
      pending = [];
      const text = decode(head, true);
      if (text) yield text;
      continue;
    }
    const text = decode(chunk, true);
    if (text) yield text;
  }
  if (!decoder) {
    const head = start(concat(pending, pendingBytes), true);
    const text = decode(head, false);
    if (text) yield text;
    return;
  }
  const rest = decode(new Uint8Array(0), false);
  if (rest) yield rest;
  void encoding;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
