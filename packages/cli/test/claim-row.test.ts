// settle's fast path (CSV cells → claim, yuan → fen) against the strict reading and core's yuanToFen, and bad rows
// still rejected with their usual errors once the settler takes the fast path's claims on its trusted path.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { yuanToFen } from "@carekit/core";
import { isClaim } from "@carekit/settlement";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileClaimRow } from "../src/commands/claim-row.js";
import { CLAIM_TABLE } from "../src/commands/settle.js";
import { mapHeader } from "../src/io/columns.js";
import { plainYuanToFen } from "../src/io/yuan.js";
import { cli } from "./inprocess.js";
import { strictClaim } from "./reference/claim-row.js";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);

describe("plainYuanToFen", () => {
  const decimalish = fc.stringMatching(/^[+-]?\d{0,14}(\.\d{0,4})?$/);
  const noisy = fc.string({ unit: fc.constantFrom("0", "1", "9", ".", ",", "-", " ", "e", "０"), maxLength: 16 });

  it("agrees with core's yuanToFen whenever it answers, and answers for every plain amount", () => {
    fc.assert(
      fc.property(fc.oneof(decimalish, noisy, fc.string()), (text) => {
        const fast = plainYuanToFen(text);
        if (fast >= 0) expect(fast).toBe(yuanToFen(text));
        if (/^\d{1,12}(\.\d{1,2})?$/.test(text)) expect(fast).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 5000 },
    );
  });

  it("declines what the strict reading must explain", () => {
    for (const text of ["", "12.", ".5", "1,234.50", "-0", "+5", "10.005", " 5", "5 ", "1e3", "1234567890123"])
      expect(plainYuanToFen(text)).toBe(-1);
    expect(plainYuanToFen("3353.99")).toBe(335399);
    expect(plainYuanToFen("0.5")).toBe(50);
  });
});

const HEADERS = CLAIM_TABLE.columns.map((column) => column.name);

/** A cell for each column: mostly canonical values, with the variants the fast path must decline or map. */
function cellFor(name: string): fc.Arbitrary<string> {
  const column = CLAIM_TABLE.columns.find((c) => c.name === name);
  const noise = fc.constantFrom("", " ", "constructor", "__proto__", "０", "x");
  const spaced = (a: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 12, arbitrary: a },
      { weight: 1, arbitrary: a.map((v) => ` ${v}`) },
      { weight: 1, arbitrary: a.map((v) => `${v}\u3000`) },
    );
  switch (column?.type) {
    case "enum": {
      const values = [...(column.values ?? []), ...Object.keys(column.valueAliases ?? {})];
      const cased = fc.constantFrom(...values).map((v) => v.toUpperCase());
      return fc.oneof({ weight: 60, arbitrary: spaced(fc.constantFrom(...values)) }, cased, noise);
    }
    case "date":
      return fc.oneof(
        {
          weight: 60,
          arbitrary: fc.constantFrom("2024-01-01", "2024-02-29", "2024-03-05", "2024-12-31", "2023-06-30"),
        },
        fc.constantFrom("2023-02-29", "2024-02-30", "2024/3/5", "2024-3-5", "2024-13-01", "0000-01-01", "2024-00-10"),
        noise,
      );
    case "yuan":
      return fc.oneof(
        { weight: 60, arbitrary: spaced(fc.stringMatching(/^\d{1,6}(\.\d{1,2})?$/)) },
        fc.constantFrom("1,234.50", "10.005", "-1", "999999999999", "1000000000.00", "6.99万", "12."),
        noise,
      );
    default:
      if (name === "insuredRegion" || name === "treatmentRegion")
        return fc.oneof(
          { weight: 60, arbitrary: fc.constantFrom("510104", "500111", "500000") },
          fc.constantFrom("51010", "５00111", "510104 "),
          noise,
        );
      if (name === "disease") return fc.oneof(fc.constantFrom("", "diabetes", "hypertension"), noise);
      return fc.oneof(
        { weight: 60, arbitrary: spaced(fc.stringMatching(/^[a-z]\d{1,4}$/)) },
        fc.constantFrom("x".repeat(65), "=1+1", "结算单一"),
        noise,
      );
  }
}

describe("compileClaimRow", () => {
  const row = fc.tuple(...HEADERS.map(cellFor));
  const order = fc.shuffledSubarray(HEADERS, { minLength: HEADERS.length, maxLength: HEADERS.length });

  it("gives the strict reading's claim, one isClaim accepts, or declines (any header order, Chinese headers)", () => {
    let fast = 0;
    fc.assert(
      fc.property(order, row, fc.boolean(), (names, cells, chinese) => {
        const headers = names.map((name) =>
          chinese ? (CLAIM_TABLE.columns.find((c) => c.name === name)?.zh ?? name) : name,
        );
        const header = mapHeader(headers, CLAIM_TABLE);
        const read = compileClaimRow(header);
        expect(read).toBeDefined();
        const byName = Object.fromEntries(HEADERS.map((name, i) => [name, cells[i] as string]));
        const ordered = names.map((name) => byName[name] as string);
        const claim = read?.(ordered);
        if (claim === undefined) return;
        fast += 1;
        expect(isClaim(claim)).toBe(true);
        expect(strictClaim(header, ordered)).toEqual({ claim });
      }),
      { numRuns: 3000 },
    );
    // the generator reaches the fast path often enough for the comparison to mean something
    expect(fast).toBeGreaterThan(40);
  });

  it("takes the rows users' files carry (canonical values, 中文 aliases, empty optional cells)", () => {
    const header = mapHeader(HEADERS, CLAIM_TABLE);
    const read = compileClaimRow(header);
    const cells = [
      "c1",
      "p1",
      "510104",
      "500111",
      "职工",
      "退休",
      "三级",
      "住院",
      "",
      "2024-03-01",
      "2024-03-05",
      "异地长期居住",
      "",
      "2500.00",
      "600",
      "153.9",
      "0",
      "",
    ];
    expect(strictClaim(header, cells)).toEqual({ claim: read?.(cells) });
    expect(isClaim(read?.(cells))).toBe(true);
  });
});

describe("carekit settle with the fast path and the trusted settler", () => {
  it("still rejects each kind of bad row with the strict reading's error, and settles good rows alike", async () => {
    const header = readFileSync(fixture("claims.csv"), "utf8").split("\n")[0];
    const good = (
      id: string,
      person: string,
      rest = "2024-05-01,2024-05-03,long_term_resident,long_term_residence,10.00,5.50,1,0",
    ) => `${id},${person},510104,500111,employee,in_service,level2,inpatient,${rest}`;
    const rows = [
      good("c1", "p1"),
      good("c2", "p2", "2024-05-01,2024-02-30,long_term_resident,long_term_residence,10.00,5.50,1,0"), // no such day
      good("c3", "p3", "2024-05-04,2024-05-03,long_term_resident,long_term_residence,10.00,5.50,1,0"), // before admission
      good("c4", "p4", "2024-05-01,2024-05-03,long_term_resident,long_term_residence,,5.50,1,0"), // missing classA
      good("c5", "p5", "2024-05-01,2024-05-03,long_term_resident,long_term_residence,10.005,5.50,1,0"), // 3 decimals
      good("c6", "p6", "2024-05-01,2024-05-03,long_term_resident,long_term_residence,999999999.99,999999999.99,1,0"), // over the limit
      good("c7", "p7", "2024-05-01,2024-05-03,long_term_resident,bogus,10.00,5.50,1,0"), // unknown sub-type
      good("c8", "p8", "2024-05-01,2024-05-03,referred,bogus,10.00,5.50,1,0"), // sub-type checked whatever the kind
      good("x".repeat(65), "p9"), // id too long
      good("c10", "p10").replace("510104", "51010"), // region not 6 digits
      good("c11", "p1", "2024-04-01,2024-04-02,long_term_resident,long_term_residence,1,1,1,0"), // OUT_OF_ORDER after c1
      good(" c12 ", "p12", "2024/5/1,2024-05-03,长期居住,,10.00,5.50,1,0"), // strict reading accepts it
    ];
    const dir = mkdtempSync(join(tmpdir(), "carekit-fast-"));
    const input = join(dir, "claims.csv");
    writeFileSync(input, `${header}\n${rows.join("\n")}\n`);
    const out = join(dir, "out.csv");
    const run = await cli([
      "settle",
      input,
      "-p",
      fixture("policies.json"),
      "-c",
      fixture("catalogues.json"),
      "-o",
      out,
      "-q",
    ]);
    expect(run.code).toBe(1);
    const written = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(written).toEqual(["c1", "c12"]);
    const errors = readFileSync(join(dir, "out.errors.csv"), "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n")
      .slice(1);
    const codes = errors.map((line) => line.split(",").slice(0, 4).join(","));
    expect(codes).toEqual([
      "3,1,INVALID_INPUT,dischargeDate",
      "4,2,INVALID_INPUT,dischargeDate",
      "5,3,INVALID_INPUT,classA",
      "6,4,OUT_OF_RANGE,classA",
      "7,5,INVALID_INPUT,charges",
      "8,6,INVALID_INPUT,registrationSubType",
      "9,7,INVALID_INPUT,registrationSubType",
      "10,8,INVALID_INPUT,id",
      "11,9,INVALID_INPUT,insuredRegion",
      "12,10,OUT_OF_ORDER,dischargeDate",
    ]);
  });
});
