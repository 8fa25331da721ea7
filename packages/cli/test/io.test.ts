import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { differential, expectCarekitError } from "@carekit/test-utils";
import { parse as csvParse } from "csv-parse/sync";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CAPACITY_TABLE } from "../src/commands/capacity.js";
import { cellReader, mapHeader, type TableSpec } from "../src/io/columns.js";
import { CsvProblem, type CsvRecord, CsvTokenizer, PASSED } from "../src/io/csv.js";
import { csvField, neutralise } from "../src/io/csv-field.js";
import { decodeStream, detectEncoding } from "../src/io/decode.js";
import { UsageError } from "../src/io/problems.js";
import { readTable, SkippedRow, type TableRow, type UnreadableRow } from "../src/io/read.js";
import { tmp } from "./run.js";

/** Tokenize `text` fed in the given chunk sizes. */
function tokenize(text: string, cuts: readonly number[] = []): (CsvRecord | CsvProblem)[] {
  const tokenizer = new CsvTokenizer();
  const out: (CsvRecord | CsvProblem)[] = [];
  let at = 0;
  for (const cut of cuts) {
    const end = Math.min(text.length, at + cut);
    tokenizer.push(text.slice(at, end), out);
    at = end;
  }
  tokenizer.push(text.slice(at), out);
  tokenizer.end(out);
  return out;
}

const cellArbitrary = fc.oneof(
  fc.constantFrom("", "a", "大足区", "870000", " 龙水镇 ", "x,y", 'say "hi"', "line\nbreak", "crlf\r\nin", '"', ","),
  fc.string({ unit: fc.constantFrom("a", "b", "区", ",", '"', " ", "\n", "1"), maxLength: 6 }),
);

function csvText(rows: string[][], crlf: boolean): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(",")).join(crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n");
}

describe("the CSV tokenizer", () => {
  it("agrees with csv-parse (the reference) on generated CSV with quotes, separators and line breaks in fields, CRLF, any chunking", () => {
    differential({
      arbitrary: fc.record({
        rows: fc.array(fc.array(cellArbitrary, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        crlf: fc.boolean(),
        cuts: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }),
      }),
      fast: ({ rows, crlf, cuts }) =>
        tokenize(csvText(rows, crlf), cuts).map((r) => (r instanceof CsvProblem ? r.message : r.cells)),
      reference: ({ rows, crlf }) =>
        csvParse(csvText(rows, crlf), { relax_column_count: true, skip_empty_lines: false }) as string[][],
      numRuns: 1500,
    });
  });

  it("a planted bug (quotes ignored, CR kept) fails the differential", () => {
    const naive = (text: string) =>
      text
        .split("\n")
        .slice(0, -1)
        .map((line) => line.split(","));
    expect(() =>
      differential({
        arbitrary: fc.record({
          rows: fc.array(fc.array(cellArbitrary, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
          crlf: fc.boolean(),
        }),
        fast: ({ rows, crlf }) => naive(csvText(rows, crlf)),
        reference: ({ rows, crlf }) =>
          csvParse(csvText(rows, crlf), { relax_column_count: true, skip_empty_lines: false }) as string[][],
        numRuns: 200,
      }),
    ).toThrow();
  });

  it("gives each record the line it starts on, counting line breaks inside quotes", () => {
    const out = tokenize('h1,h2\n"a\nb",c\nd,e\n');
    expect(out).toEqual([
      { line: 1, cells: ["h1", "h2"] },
      { line: 2, cells: ["a\nb", "c"] },
      { line: 4, cells: ["d", "e"] },
    ]);
  });

  it("makes a stray quote a row problem and goes on at the next line (old code: exit 70 with a stack trace)", () => {
    const out = tokenize('a,b\nx"y,1\n"z"q,2\nok,3\n');
    expect(out[0]).toEqual({ line: 1, cells: ["a", "b"] });
    expect(out[1]).toBeInstanceOf(CsvProblem);
    expect((out[1] as CsvProblem).line).toBe(2);
    expect((out[1] as CsvProblem).fatal).toBe(false);
    expect(out[2]).toBeInstanceOf(CsvProblem);
    expect((out[2] as CsvProblem).line).toBe(3);
    expect(out[3]).toEqual({ line: 4, cells: ["ok", "3"] });
  });

  it("passes over (as PASSED, never cut out) exactly the quote-free records the predicate picks, the others as without it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArbitrary, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }),
        (rows, crlf, cuts) => {
          const text = csvText(rows, crlf);
          const plain = new CsvTokenizer();
          plain.raw = true;
          const passing = new CsvTokenizer();
          passing.raw = true;
          // pass over a record whose line starts with "a" (seen where it is in the tokenizer's text)
          const seen: string[] = [];
          passing.pass = (buf, start, end) => {
            seen.push(buf.slice(start, end));
            return buf.charCodeAt(start) === 97;
          };
          const feed = (tokenizer: CsvTokenizer) => {
            const out: (CsvRecord | CsvProblem)[] = [];
            let at = 0;
            for (const cut of cuts) {
              const end = Math.min(text.length, at + cut);
              tokenizer.push(text.slice(at, end), out);
              at = end;
            }
            tokenizer.push(text.slice(at), out);
            tokenizer.end(out);
            return out;
          };
          const expected = feed(plain);
          const got = feed(passing);
          expect(got).toHaveLength(expected.length);
          expect(seen).toEqual(
            expected.flatMap((r) => (r instanceof CsvProblem || r.text === undefined ? [] : [r.text])),
          );
          got.forEach((record, i) => {
            const want = expected[i] as CsvRecord | CsvProblem;
            if (want instanceof CsvProblem || want.text === undefined || !want.text.startsWith("a"))
              expect(record).toEqual(want);
            else expect(record).toBe(PASSED);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("makes an unclosed quote a fatal problem at the line it opens", () => {
    const out = tokenize('a,b\n1,2\n"open,3\n4,5\n');
    expect(out.slice(0, 2)).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "2"] },
    ]);
    expect(out[2]).toMatchObject({ line: 3, fatal: true });
    expect(out).toHaveLength(3);
  });
});

describe("encodings", () => {
  const text = "地区,常住人口\n大足区,870000\n";

  it("detects UTF-8 with and without a BOM, UTF-16 LE/BE by their BOM, and GB18030 for text that is not UTF-8", () => {
    expect(detectEncoding(Buffer.from(text), true)).toEqual({ encoding: "utf-8", bom: 0 });
    expect(detectEncoding(Buffer.from(`\uFEFF${text}`), true)).toEqual({ encoding: "utf-8", bom: 3 });
    expect(detectEncoding(iconv.encode(text, "utf-16le", { addBOM: true }), true)).toEqual({
      encoding: "utf-16le",
      bom: 2,
    });
    expect(detectEncoding(iconv.encode(text, "utf-16be", { addBOM: true }), true)).toEqual({
      encoding: "utf-16be",
      bom: 2,
    });
    expect(detectEncoding(iconv.encode(text, "gbk"), true)).toEqual({ encoding: "gb18030", bom: 0 });
  });

  it("decodes as a stream: a character split across chunks survives (old code: 大足区 became ���足区 past 64 KiB)", async () => {
    const bytes = Buffer.from(`${"x".repeat(70_000)}大足区`);
    const chunks = [bytes.subarray(0, 70_001), bytes.subarray(70_001)]; // cut inside 大
    let out = "";
    for await (const piece of decodeStream(
      (async function* () {
        yield* chunks;
      })(),
    ))
      out += piece;
    expect(out.endsWith("大足区")).toBe(true);
    expect(out).not.toContain("\uFFFD");
  });

  it("gives TextDecoder's text, or its error at the same byte, whatever the cuts: ASCII chunks are copied, any other goes through the decoder", async () => {
    /** What decodeStream gave before ASCII chunks were copied: every chunk through one fatal streaming TextDecoder. */
    const reference = (chunks: Uint8Array[]) => {
      const decoder = new TextDecoder("utf-8", { fatal: true });
      let out = "";
      let offset = 0;
      for (const chunk of [...chunks, undefined]) {
        try {
          out += chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
        } catch {
          return { out, error: offset };
        }
        offset += chunk?.length ?? 0;
      }
      return { out };
    };
    const decoded = async (chunks: Uint8Array[]) => {
      let out = "";
      try {
        for await (const piece of decodeStream(
          (async function* () {
            yield* chunks;
          })(),
        ))
          out += piece;
        return { out };
      } catch (error) {
        const at = /after byte (\d+)/.exec((error as Error).message);
        return { out, error: at ? Number(at[1]) : (error as Error).message };
      }
    };
    // the first 64 KiB are ASCII (the encoding is detected as UTF-8 from them, and the later chunks are decoded one by
    // one); the rest mixes ASCII, multi-byte characters and bytes that are not UTF-8, cut anywhere
    const head = Buffer.alloc(64 * 1024, "x");
    const tail = fc
      .array(
        fc.oneof(
          fc.constantFrom("a", ",", "\n", "1", "大", "足", "é", "😀", "aaaaaaaa", "\uFEFF"),
          fc.constantFrom(new Uint8Array([0xe5]), new Uint8Array([0xff]), new Uint8Array([0xe5, 0xa4])),
        ),
        { maxLength: 40 },
      )
      .map((parts) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : part))));
    // cases with an ASCII chunk after the head, which may be copied
    let eligible = 0;
    await fc.assert(
      fc.asyncProperty(tail, fc.array(fc.nat(), { maxLength: 10 }), async (bytes, cuts) => {
        const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const ends = [...at, bytes.length];
        const chunks = [head, ...[0, ...at].map((from, i) => bytes.subarray(from, ends[i]))];
        const expected = reference(chunks);
        expect(await decoded(chunks)).toEqual(expected);
        if (chunks.slice(1).some((chunk) => chunk.length > 0 && chunk.every((b) => b < 0x80))) eligible += 1;
      }),
      { numRuns: 3000 },
    );
    expect(eligible).toBeGreaterThan(100);
  });
});

async function rows(path: string, spec: TableSpec, options: { skipTotalRows?: boolean } = {}): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const row of readTable({ path }, spec, options)) out.push(row);
  return out;
}

function file(name: string, content: string | Buffer): string {
  const path = join(tmp(), name);
  writeFileSync(path, content);
  return path;
}

describe("readTable", () => {
  it("rejects a row with too many or too few fields, naming expected and found (old code read 大足区,870,000,1727 as population 870)", async () => {
    const path = file("d.csv", "地区,常住人口,托位数\n大足区,870,000,1727\n龙水镇,95\n城口县,190000,300\n");
    const out = await rows(path, CAPACITY_TABLE);
    expect(out[0]).toMatchObject({ line: 2, code: "FIELD_COUNT" });
    expect((out[0] as UnreadableRow).message).toContain("expected 3 fields as in the header, found 4");
    expect(out[1]).toMatchObject({ line: 3, code: "FIELD_COUNT" });
    expect(out[2]).toEqual({ line: 4, record: { region: "城口县", population: 190000, existingSlots: 300 } });
  });

  it("stops before any row when a required column is missing, listing all of them with did-you-mean (old code: every row rejected as region … (+2 more))", async () => {
    const path = file("d.csv", "街道名字,常驻人口,托位数\n龙水镇,95000,12\n");
    const error = await rows(path, CAPACITY_TABLE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const details = (error as UsageError).details.join("\n");
    expect(details).toContain("missing required column region");
    expect(details).toContain("missing required column population");
    expect(details).toContain('"常驻人口"; did you mean 常住人口 (population)');
  });

  it("reports a duplicate column up front (old code: the last one silently won)", async () => {
    const path = file("d.csv", "地区,常住人口,人口\n大足区,870000,1\n");
    const error = (await rows(path, CAPACITY_TABLE).catch((e: unknown) => e)) as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.details[0]).toContain('"常住人口" and "人口" both name population');
  });

  it("accepts headers with a unit in brackets (常住人口（人）) and 街道名称", () => {
    const header = mapHeader(["街道名称", "常住人口（人）", "托位数(个)"], CAPACITY_TABLE);
    expect(header.columns.map((c) => c?.name)).toEqual(["region", "population", "existingSlots"]);
  });

  it("skips blank rows (only separators) and counts them; rejects a 合计 row with a hint, or skips it with skipTotalRows (old code counted it as a 街镇)", async () => {
    const path = file("d.csv", "地区,常住人口\n大足区,870000\n,\n\n合计,870000\n");
    const out = await rows(path, CAPACITY_TABLE);
    expect(out[1]).toBeInstanceOf(SkippedRow);
    expect(out[2]).toBeInstanceOf(SkippedRow);
    expect(out[3]).toMatchObject({ line: 5, code: "TOTAL_ROW" });
    expect((out[3] as UnreadableRow).message).toContain("--skip-total-rows");
    const skipping = await rows(path, CAPACITY_TABLE, { skipTotalRows: true });
    expect(skipping[3]).toEqual(new SkippedRow(5, "total"));
  });

  it("passes over a title row above the header", async () => {
    const path = file("d.csv", "2025 年大足区托育统计,\n地区,常住人口\n大足区,870000\n");
    expect(await rows(path, CAPACITY_TABLE)).toEqual([{ line: 3, record: { region: "大足区", population: 870000 } }]);
  });

  it("reads GBK and UTF-16 files to the same records as UTF-8 (old code: every row lost as 缺少必填字段)", async () => {
    const text = '地区,常住人口,托位数\r\n大足区,"104,908",1727\r\n';
    const expected = await rows(file("u.csv", text), CAPACITY_TABLE);
    expect(expected).toEqual([{ line: 2, record: { region: "大足区", population: 104908, existingSlots: 1727 } }]);
    expect(await rows(file("g.csv", iconv.encode(text, "gbk")), CAPACITY_TABLE)).toEqual(expected);
    expect(await rows(file("le.csv", iconv.encode(text, "utf-16le", { addBOM: true })), CAPACITY_TABLE)).toEqual(
      expected,
    );
    expect(await rows(file("be.csv", iconv.encode(text, "utf-16be", { addBOM: true })), CAPACITY_TABLE)).toEqual(
      expected,
    );
    expect(await rows(file("bom.csv", `\uFEFF${text}`), CAPACITY_TABLE)).toEqual(expected);
  });

  it("decodes JSON as a stream: a character across the 64 KiB chunk boundary survives", async () => {
    const filler = "x".repeat(65_530);
    const path = file(
      "d.json",
      JSON.stringify([
        { region: "大足区", population: 870000, note: filler },
        { region: "大足区", population: 1 },
      ]),
    );
    const out = await rows(path, CAPACITY_TABLE);
    expect(out.map((r) => (r as unknown as { record: { region: string } }).record.region)).toEqual([
      "大足区",
      "大足区",
    ]);
  });
});

describe("cells", () => {
  const population = CAPACITY_TABLE.columns[1] as (typeof CAPACITY_TABLE.columns)[number];

  it("accepts grouped numbers in the strict form only", () => {
    const read = cellReader(population);
    expect(read("104,908")).toBe(104908);
    expect(read("1,234.5")).toBe(1234.5);
    expect(read(" 870000 ")).toBe(870000);
    expect(read("")).toBeUndefined();
  });

  it('rejects "6.99万" with the value and the fix 请写成 69900 (old code: 应为数值, without the value)', () => {
    const error = expectCarekitError(() => cellReader(population)("6.99万"), "INVALID_INPUT", "population");
    expect(error.messageZh).toContain("“6.99万”".replace(/[“”]/g, '"'));
    expect(error.messageZh).toContain("请写成 69900");
    for (const bad of ["1,23", "12,3456", "1.2.3", "１２", "60%", "¥100"])
      expectCarekitError(() => cellReader(population)(bad), "INVALID_INPUT", "population");
  });
});

describe("output cells", () => {
  it("neutralises formula-like text (OWASP), leaving numbers alone (old code wrote =HYPERLINK(...) back live)", () => {
    expect(neutralise('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    for (const text of ["+1+2", "-A1", "@SUM(A1)", "\tx", "\rx"]) expect(neutralise(text).startsWith("'")).toBe(true);
    expect(neutralise("-12.5")).toBe("-12.5");
    expect(csvField(-5)).toBe("-5");
    expect(csvField("=1+1")).toBe("'=1+1");
  });
});
