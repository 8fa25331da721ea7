// CsvBytes (CSV lines straight to UTF-8 bytes) against csvLine, the simple string implementation, on generated rows.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvBytes } from "../src/io/csv-bytes.js";
import { csvLine } from "../src/io/csv-field.js";

const value = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -0, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, 1e21, 0.1, -12.5, Number.NaN, 10, 100, 99),
  fc.double(),
  fc.boolean(),
  fc.string(),
  fc.string({ unit: fc.constantFrom("a", "0", ",", '"', "=", "+", "-", "@", "\t", "\r", "\n", " ", "é", "合", "😀") }),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(undefined, null, "", "-12.5", "=1+2", "p:1;q:2", "\ud800"),
  fc.constant({ a: 1 }),
);

describe("CsvBytes", () => {
  it("writes exactly the bytes of csvLine(values) + a line end", () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 20 }), { maxLength: 20 }), (rows) => {
        const out = new CsvBytes(16);
        let expected = "";
        for (const row of rows) {
          out.line(row);
          expected += `${csvLine(row)}\n`;
        }
        expect(out.length).toBe(Buffer.byteLength(expected));
        expect(out.take().equals(Buffer.from(expected, "utf8"))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("makes room for lines of long and wide values in a small block", () => {
    const widths = [0, 1, 23, 24, 25, 26, 27, 200];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...widths), fc.constantFrom("a", "合", ",", "😀"), fc.boolean()), {
          maxLength: 40,
        }),
        (spec) => {
          const row = spec.map(([n, unit, num]) => (num ? -Number.MAX_SAFE_INTEGER : unit.repeat(n)));
          const out = new CsvBytes(1);
          out.line(row);
          out.line(row);
          expect(out.take().toString("utf8")).toBe(`${csvLine(row)}\n${csvLine(row)}\n`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("does what its TSDoc example says", () => {
    const out = new CsvBytes();
    out.line(["c1", 2024, true, 335399, "a,b"]);
    expect(out.take().toString("utf8")).toBe('c1,2024,true,335399,"a,b"\n');
  });

  it("starts a fresh block on take, and appends text and raw bytes in order", () => {
    const out = new CsvBytes(4);
    out.text("\uFEFF结算");
    out.raw(new Uint8Array([44, 10]));
    out.line(["c1", 2024, -0, -7, false, "a,b"]);
    const first = out.take();
    expect(first.toString("utf8")).toBe('\uFEFF结算,\nc1,2024,0,-7,false,"a,b"\n');
    out.line([1]);
    expect(out.take().toString("utf8")).toBe("1\n");
    expect(first.toString("utf8")).toBe('\uFEFF结算,\nc1,2024,0,-7,false,"a,b"\n');
    expect(out.length).toBe(0);
  });
});
