// The share filter (src/io/share-filter.ts) against reading without it: every reader of a shared file gets the same
// rows, lines, texts and passed records in the same order, on files made to trip it — quotes (one with a line end
// inside), CRLF, blank and short lines, lines that start with NUL, ids with spaces or Chinese, total rows, invalid
// UTF-8 late in the file — each long enough for many 64 KiB pieces.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLAIM_TABLE } from "../src/commands/settle.js";
import type { Cell, HeaderMap } from "../src/io/columns.js";
import { CsvTokenizer, PASSED } from "../src/io/csv.js";
import { decodeStream } from "../src/io/decode.js";
import { bytesOwnerOf, lineOwnerOf, ownerOf } from "../src/io/file-worker.js";
import { bytesFieldKeyHash, keyHash, lineFieldKeyHash } from "../src/io/parallel.js";
import { readTableBatches, type TableRow } from "../src/io/read.js";
import { tmp } from "./run.js";

const HEADER =
  "id,personId,insuredRegion,treatmentRegion,scheme,personStatus,hospitalGrade,careType,admissionDate,dischargeDate,registration,registrationSubType,classA,classB,classC,overPriceCap";

function row(i: number, person: string): string {
  return `c${i},${person},510104,500111,employee,in_service,level2,inpatient,2024-03-01,2024-03-02,long_term_resident,long_term_residence,${i % 900}.50,1.00,0,0`;
}

/** The odd lines a file may hold, each put in now and then among plain rows. */
const ODD: ((i: number) => string)[] = [
  (i) => `${row(i, `p${i % 50}`)}\r`, // CRLF
  () => "", // an empty line
  () => ",,,,,,,,,,,,,,,", // blank: only separators
  (i) => `c${i},p${i % 50}`, // short
  (i) => `c${i}`, // no person field at all
  (i) => `\0${i}`, // reads like a marker
  (i) => row(i, ` p${i % 50} `), // an id with spaces (trimmed)
  (i) => row(i, `张${i % 7}`), // a Chinese id
  (i) => row(i, `p${i % 50}\u3000`), // ends with a full-width space (trimmed in the text)
  (i) => `"c${i}",${row(i, `p${i % 50}`).slice(`c${i},`.length)}`, // quoted
  (i) => `"c${i}\nsecond line",p${i % 50},510104`, // a quoted line end
  () => `合计,${",".repeat(14)}`, // a total row
  (i) => row(i, `p${i % 50}`).replace("employee", "雇员"), // Chinese elsewhere in the line
];

function fileOf(lines: readonly string[], name: string, tail = ""): string {
  const path = join(tmp(), name);
  writeFileSync(path, Buffer.concat([Buffer.from(`${[HEADER, ...lines].join("\n")}\n`), Buffer.from(tail, "latin1")]));
  return path;
}

type Seen = readonly unknown[];

/** What reader `me` of `workers` reads of the file, with or without the byte filter (or unshared). */
async function readShare(path: string, me: number, workers: number, filtered: boolean | "unshared"): Promise<Seen> {
  let keyAt = -1;
  const seen: unknown[] = [];
  const share =
    filtered === "unshared"
      ? undefined
      : {
          owns: (text: string | undefined, cells: readonly Cell[]) => ownerOf(text, cells, keyAt, workers) === me,
          ownsLine: (text: string, start: number, end: number) => lineOwnerOf(text, start, end, keyAt, workers) === me,
          ...(filtered
            ? {
                ownsBytes: (bytes: Uint8Array, start: number, end: number) => {
                  const owner = bytesOwnerOf(bytes, start, end, keyAt, workers);
                  return owner === -1 ? undefined : owner === me;
                },
              }
            : {}),
          problems: me === 0,
        };
  try {
    for await (const batch of readTableBatches({ path }, CLAIM_TABLE, {
      rawRows: true,
      onHeader(header: HeaderMap) {
        keyAt = header.columns.findIndex((column) => column?.name === "personId");
      },
      share,
    }))
      for (const item of batch as TableRow[]) seen.push(describeRow(item));
  } catch (error) {
    seen.push(`thrown: ${(error as Error).message}`);
  }
  return seen;
}

function describeRow(item: TableRow): unknown {
  const name = item.constructor.name;
  if (name === "OtherRow") return "other";
  return { name, ...item };
}

/** Reading with the filter is reading without it, for every reader; and the readers' rows add up to the file. */
async function expectSameReading(path: string, workers = 2): Promise<void> {
  const whole = await readShare(path, 0, 1, "unshared");
  const mine: Seen[] = [];
  for (let me = 0; me < workers; me++) {
    const plain = await readShare(path, me, workers, false);
    const filtered = await readShare(path, me, workers, true);
    expect(filtered).toEqual(plain);
    mine.push(filtered);
  }
  // every record read by exactly one reader (problems by reader 0), as one reader reads it alone
  const merged = whole.map((_, k) => mine.find((share) => share[k] !== "other")?.[k]);
  expect(merged).toEqual(whole);
}

describe("the share filter drops other readers' lines before decoding, and nothing else changes", () => {
  it("hashes an ASCII field in its bytes exactly as in the text, and declines what the text would trim", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom("a", "1", " ", ",", "\t", "x", "中", "\u3000", "\x7f") }), {
          maxLength: 5,
        }),
        fc.nat(4),
        (fields, index) => {
          const line = fields.join(",");
          const bytes = Buffer.from(line);
          const hash = bytesFieldKeyHash(bytes, 0, bytes.length, index);
          if (hash !== -1) expect(hash).toBe(lineFieldKeyHash(line, 0, line.length, index));
          if (/^[!-~]*$/.test(line) && !/(^|,) | (,|$)/.test(line)) expect(hash).not.toBe(-1);
        },
      ),
    );
    expect(bytesFieldKeyHash(Buffer.from("c1"), 0, 2, 1)).toBe(keyHash(""));
  });

  it("counts a marker's records and lines, switches markers off at a bare one, and refuses a line that is no count", () => {
    const tokenizer = new CsvTokenizer();
    tokenizer.raw = true;
    tokenizer.markers = true;
    const out: unknown[] = [];
    tokenizer.push("a,b\n\u00003\nc,d\n\u0000\n\u00002\n", out as never);
    expect(out).toEqual([
      { line: 1, cells: [], text: "a,b" },
      PASSED,
      PASSED,
      PASSED,
      { line: 5, cells: [], text: "c,d" },
      { line: 6, cells: [], text: "\u00002" },
    ]);
    const strict = new CsvTokenizer();
    strict.raw = true;
    strict.markers = true;
    expect(() => strict.push("\u00001x\n", [])).toThrow(/not a share marker at line 1/);
    expect(() => strict.push(`\u0000${"9".repeat(12)}\n`, [])).toThrow(/not a share marker/);
  });

  it("has each piece decoded and taken before the next is asked for (the filter reads the tokenizer between them)", async () => {
    const taken: number[] = [];
    let texts = 0;
    async function* pieces(): AsyncGenerator<Uint8Array> {
      for (let k = 0; k < 6; k++) {
        taken.push(texts);
        yield new Uint8Array(65_536).fill(97);
      }
    }
    for await (const _ of decodeStream(pieces())) texts += 1;
    expect(taken).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("reads plain rows and every odd line the same, over many pieces", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i++)
      lines.push(
        i % 37 === 5 ? (ODD[((i / 37) % ODD.length) | 0] as (i: number) => string)(i) : row(i, `p${(i * 7) % 211}`),
      );
    await expectSameReading(fileOf(lines, "odd.csv"));
  });

  it("reads long runs of one reader's lines, and a file of one person, the same", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 6000; i++) lines.push(row(i, `p${Math.floor(i / 1500)}`));
    await expectSameReading(fileOf(lines, "runs.csv"));
    await expectSameReading(
      fileOf(
        lines.map((_, i) => row(i, "p1")),
        "one-person.csv",
      ),
      3,
    );
  });

  it("stops at invalid UTF-8 after many filtered pieces with the same message, byte offset and rows", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 8000; i++) lines.push(row(i, `p${i % 101}`));
    await expectSameReading(fileOf(lines, "bad-utf8.csv", "c9,p1,\xff\xfe,x\n"));
    // the reader that reports problems names the byte where the file stops being UTF-8, as one reader alone does
    const path = fileOf(lines, "bad-utf8-2.csv", "c9,p1,\xff\xfe,x\n");
    const stopped = JSON.stringify((await readShare(path, 0, 2, true)).at(-1));
    expect(stopped).toMatch(/not valid UTF-8 after byte \d+/);
    expect(stopped).toBe(JSON.stringify((await readShare(path, 0, 1, "unshared")).at(-1)));
  });

  it("reads a last line without a line end that starts with NUL as a line", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(row(i, `p${i % 29}`));
    await expectSameReading(fileOf(lines, "nul-end.csv", "\x0012"));
  });

  it("reads records cut by a piece boundary the same: a quote just after it, a NUL-led line across or at it", async () => {
    // the file is read in 64 KiB pieces; each case puts the record `before` bytes ahead of the first boundary
    const inner = [3, 4, 5, 6, 7, 8].map((i) => row(i, `p${i}`)).join("\n");
    const cases = [
      ...[1, 3, 8].map((shift) => ({ before: 20, record: `c99999,p2,5${"1".repeat(10 + shift)},"a\n${inner}\nb",x` })),
      { before: 3, record: `\0${"7".repeat(30)}` },
      { before: 0, record: `\0${"7".repeat(30)}` },
    ];
    for (const [n, { before, record }] of cases.entries()) {
      const lines: string[] = [];
      let length = HEADER.length + 1;
      for (let i = 0; length < 65_536 - 400; i++) {
        const line = row(i, `p${i % 17}`);
        lines.push(line);
        length += line.length + 1;
      }
      const base = row(99_998, "p1");
      lines.push(base.replace("c99998", `c99998${"x".repeat(65_536 - before - length - base.length - 1)}`));
      lines.push(record);
      for (let i = 0; i < 3000; i++) lines.push(row(i, `p${i % 17}`));
      await expectSameReading(fileOf(lines, `boundary-${n}.csv`));
    }
  });

  it("reads a file whose quoted field spans piece boundaries the same", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 9000; i++) {
      if (i % 1500 === 700) lines.push(`"c${i}${"\nx".repeat(20_000)}",p1,510104`);
      else lines.push(row(i, `p${i % 13}`));
    }
    await expectSameReading(fileOf(lines, "long-quote.csv"));
  });
});
