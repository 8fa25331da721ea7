// settle's line fast path (a whole quote-free CSV line → claim) against the cell fast path on the split line, which
// test/claim-row.test.ts checks against the strict reading; and plainYuanToFenAt against plainYuanToFen.
import { isClaim } from "@carekit/settlement";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileClaimLine } from "../src/commands/claim-line.js";
import { compileClaimRow } from "../src/commands/claim-row.js";
import { People } from "../src/commands/people.js";
import { CLAIM_TABLE } from "../src/commands/settle.js";
import { mapHeader, TOTAL_ROW } from "../src/io/columns.js";
import { plainYuanToFen, plainYuanToFenAt } from "../src/io/yuan.js";

const HEADERS = CLAIM_TABLE.columns.map((column) => column.name);

function cellFor(name: string): fc.Arbitrary<string> {
  const column = CLAIM_TABLE.columns.find((c) => c.name === name);
  const noise = fc.constantFrom("", " ", "constructor", "__proto__", "０", "x", "\r", "合计", "total x");
  const spaced = (a: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 40, arbitrary: a },
      a.map((v) => ` ${v}`),
      a.map((v) => `${v}\u3000`),
      a.map((v) => `${v}\r`),
    );
  switch (column?.type) {
    case "enum": {
      const values = [...(column.values ?? []), ...Object.keys(column.valueAliases ?? {})];
      return fc.oneof({ weight: 400, arbitrary: spaced(fc.constantFrom(...values)) }, noise);
    }
    case "date":
      return fc.oneof(
        { weight: 400, arbitrary: fc.constantFrom("2024-01-01", "2024-02-29", "2024-03-05", "2024-12-31") },
        fc.constantFrom("2023-02-29", "2024-02-30", "2024/3/5", "2024-3-5", "2024-13-01", "0000-01-01", "2024-00-10"),
        fc.constantFrom("2024-01-0a", "20240-1-01", "2024-01-01 ", "-024-01-01"),
        noise,
      );
    case "yuan":
      return fc.oneof(
        { weight: 400, arbitrary: spaced(fc.stringMatching(/^\d{1,6}(\.\d{1,2})?$/)) },
        fc.constantFrom("1,234.50", "10.005", "-1", "999999999999", "1000000000.00", "6.99万", "12.", ".5"),
        noise,
      );
    default:
      if (name === "insuredRegion" || name === "treatmentRegion")
        return fc.oneof(
          { weight: 400, arbitrary: fc.constantFrom("510104", "500111", "500000") },
          fc.constantFrom("51010", "５00111", "510104 ", "5101040", "51a104"),
          noise,
        );
      if (name === "disease") return fc.oneof(fc.constantFrom("", "diabetes", "hypertension"), noise);
      return fc.oneof(
        { weight: 400, arbitrary: spaced(fc.stringMatching(/^[a-z]\d{1,4}$/)) },
        fc.constantFrom("x".repeat(64), "x".repeat(65), "=1+1", "结算单一", "合计", "Total", "sum 2024", "小 计"),
        noise,
      );
  }
}

describe("compileClaimLine", () => {
  const order = fc.shuffledSubarray(HEADERS, { minLength: HEADERS.length, maxLength: HEADERS.length });
  const row = fc.tuple(...HEADERS.map(cellFor));
  const extra = fc.oneof({ weight: 10, arbitrary: fc.constant("") }, fc.constantFrom(",", ",x", ",,"));

  it("answers as compileClaimRow does for the split line, exactly for lines of the header's width and no total label", () => {
    let fast = 0;
    fc.assert(
      fc.property(
        order,
        row,
        fc.boolean(),
        extra,
        fc.integer({ min: 0, max: 3 }),
        (names, cells, chinese, tail, cut) => {
          const headers = names.map((name) =>
            chinese ? (CLAIM_TABLE.columns.find((c) => c.name === name)?.zh ?? name) : name,
          );
          const header = mapHeader(headers, CLAIM_TABLE);
          const byLine = compileClaimLine(header);
          // settle's reader takes the person's id from its persons table: the same claim
          const people = new People();
          const byLineInterned = compileClaimLine(header, (text, start, end) => people.idAt(text, start, end));
          const byCells = compileClaimRow(header);
          const byName = Object.fromEntries(HEADERS.map((name, i) => [name, cells[i] as string]));
          let ordered = names.map((name) => byName[name] as string);
          if (cut > 0 && tail === "") ordered = ordered.slice(0, ordered.length - cut); // too few fields
          const line = ordered.join(",") + tail;
          const split = line.split(",");
          const claim = byLine?.(line);
          const label = split[names.indexOf("id")] ?? "";
          const readable = split.length === headers.length && !TOTAL_ROW.test(label);
          const expected = readable ? byCells?.(split) : undefined;
          expect(claim).toEqual(expected);
          expect(byLineInterned?.(line)).toEqual(expected);
          if (claim === undefined) return;
          fast += 1;
          expect(Object.keys(claim)).toEqual(Object.keys(expected as object));
          expect(isClaim(claim)).toBe(true);
        },
      ),
      { numRuns: 4000 },
    );
    expect(fast).toBeGreaterThan(60);
  });

  it("answers each line alone when one reader reads many (what it remembers from the last line never leaks)", () => {
    const header = mapHeader(HEADERS, CLAIM_TABLE);
    const byLine = compileClaimLine(header);
    const byCells = compileClaimRow(header);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        for (const cells of rows) {
          const line = cells.join(",");
          const split = line.split(",");
          const readable = split.length === HEADERS.length && !TOTAL_ROW.test(split[0] ?? "");
          expect(byLine?.(line)).toEqual(readable ? byCells?.(split) : undefined);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("declines total rows, wrong field counts and carriage returns, and reads users' rows", () => {
    const read = compileClaimLine(mapHeader(HEADERS, CLAIM_TABLE));
    const cells = (id: string) =>
      `${id},p1,510104,500111,职工,退休,三级,住院,,2024-03-01,2024-03-05,异地长期居住,,2500.00,600,153.9,0,`;
    const byCells = compileClaimRow(mapHeader(HEADERS, CLAIM_TABLE));
    expect(read?.(cells("c1"))).toEqual(byCells?.(cells("c1").split(",")));
    expect(read?.(cells("c1"))).toBeDefined();
    for (const id of ["合计", "Total", "小 计", "sum"]) expect(read?.(cells(id))).toBeUndefined();
    expect(read?.(`${cells("c1")},`)).toBeUndefined();
    expect(read?.(cells("c1").slice(0, -1))).toBeUndefined();
    expect(read?.(`${cells("c1")}\r`)).toBeUndefined();
    expect(read?.(cells("c1").replace("2500.00", "2500.00\r"))).toBeUndefined();
  });

  it("needs the same columns as compileClaimRow", () => {
    const full = mapHeader(HEADERS, CLAIM_TABLE);
    const without = { ...full, columns: full.columns.map((c) => (c?.name === "classC" ? undefined : c)) };
    expect(compileClaimRow(without)).toBeUndefined();
    expect(compileClaimLine(without)).toBeUndefined();
    expect(compileClaimLine(mapHeader(HEADERS, CLAIM_TABLE))).toBeDefined();
  });
});

describe("plainYuanToFenAt", () => {
  it("reads the amount between two positions as plainYuanToFen reads it cut out", () => {
    const text = fc.string({ unit: fc.constantFrom("0", "1", "9", ".", ",", "-", " ", "e"), maxLength: 20 });
    fc.assert(
      fc.property(text, fc.nat(20), fc.nat(20), (s, a, b) => {
        const start = Math.min(a, b, s.length);
        const end = Math.min(Math.max(a, b), s.length);
        expect(plainYuanToFenAt(s, start, end)).toBe(plainYuanToFen(s.slice(start, end)));
      }),
      { numRuns: 5000 },
    );
  });
});
