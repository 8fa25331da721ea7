/**
 * One test per defect of the CLI found by trying it as a new user would (issue "carekit for spreadsheet users"). Each
 * says what the old code did; each failed on it. They run `runCli` in-process; a few spawn the binary for pipes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { cli } from "./inprocess.js";
import { bin, csvRows, fixture, tmp } from "./run.js";

const SETTLE = ["-p", fixture("policies.json"), "-c", fixture("catalogues.json")];
const CLAIM_HEADER =
  "id,personId,insuredRegion,treatmentRegion,scheme,personStatus,hospitalGrade,careType,admissionDate,dischargeDate,registration,registrationSubType,classA,classB,classC,overPriceCap";
const CLAIM =
  "c-1,p-1,510104,500111,employee,in_service,level3,inpatient,2024-12-22,2024-12-31,long_term_resident,long_term_residence,2500.00,600.00,153.99,100.00";

function write(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("silent zeros and wrong values (exit 0 on the old code)", () => {
  it("settle: a missing money column stops the run with exit 2 (old code: no classB column, 3,353.99 totalled 2,753.99)", async () => {
    const dir = tmp();
    const header = CLAIM_HEADER.replace(",classB", "");
    const row = CLAIM.replace(",600.00", "");
    const input = write(dir, "claims.csv", `${header}\n${row}\n`);
    const run = await cli(["settle", input, ...SETTLE, "-o", join(dir, "out.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing required column classB (乙类)");
    expect(existsSync(join(dir, "out.csv"))).toBe(false);
  });

  it("settle: Chinese headers 结算单号/甲类/乙类/丙类/超限价/备案类型 give the same result as the English ones (old code: every amount 0)", async () => {
    const dir = tmp();
    const english = write(dir, "en.csv", `${CLAIM_HEADER}\n${CLAIM}\n`);
    const zhHeader =
      "结算单号,参保人编号,参保地,就医地,险种,人员类别,医院等级,就医类型,入院日期,出院日期,备案类型,长期居住类型,甲类,乙类,丙类,超限价";
    const zhRow =
      "c-1,p-1,510104,500111,职工,在职,三级,住院,2024/12/22,2024/12/31,异地长期居住,异地长期居住,2500.00,600.00,153.99,100.00";
    const chinese = write(dir, "zh.csv", `${zhHeader}\n${zhRow}\n`);
    const a = await cli(["settle", english, ...SETTLE, "-o", join(dir, "en.out.csv")]);
    const b = await cli(["settle", chinese, ...SETTLE, "-o", join(dir, "zh.out.csv")]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const en = csvRows(readFileSync(join(dir, "en.out.csv"), "utf8"));
    expect(en[0]).toMatchObject({ claimId: "c-1", totalFen: "335399" });
    expect(csvRows(readFileSync(join(dir, "zh.out.csv"), "utf8"))).toEqual(en);
  });

  it("capacity: an unquoted 870,000 (too many fields) and a row cut short are row errors (old code: population 870, and 95)", async () => {
    const dir = tmp();
    const input = write(dir, "d.csv", "地区,常住人口,托位数\n大足区,870,000,1727\n龙水镇,95");
    const run = await cli(["capacity", input, "--target-per-1000", "4.5", "-o", join(dir, "o.csv")]);
    expect(run.code).toBe(1);
    const errors = csvRows(readFileSync(join(dir, "o.errors.csv"), "utf8"));
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      ["2", "FIELD_COUNT"],
      ["3", "FIELD_COUNT"],
    ]);
    expect(run.stderr).toContain("read 2, written 0, rejected 2, skipped 0");
  });

  it("capacity: duplicate headers stop the run with exit 2 (old code: the last one silently won)", async () => {
    const dir = tmp();
    const input = write(dir, "d.csv", "地区,常住人口,人口\n大足区,870000,1\n");
    const run = await cli(["capacity", input, "--target-per-1000", "4.5", "-o", join(dir, "o.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("duplicate column");
  });

  it("capacity: a 合计 row is rejected with a hint, or skipped and counted with --skip-total-rows (old code: counted as a 街镇, totals doubled)", async () => {
    const dir = tmp();
    const input = write(dir, "d.csv", "地区,常住人口,托位数\n大足区,870000,1727\n合计,870000,1727\n");
    const rejected = await cli(["capacity", input, "--target-per-1000", "4.5", "-o", join(dir, "a.csv")]);
    expect(rejected.code).toBe(1);
    expect(csvRows(readFileSync(join(dir, "a.errors.csv"), "utf8"))[0]).toMatchObject({ line: "3", code: "TOTAL_ROW" });
    const skipped = await cli([
      "capacity",
      input,
      "--target-per-1000",
      "4.5",
      "--skip-total-rows",
      "-o",
      join(dir, "b.csv"),
    ]);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain("read 2, written 1, rejected 0, skipped 1");
    const totals = csvRows(readFileSync(join(dir, "b.csv"), "utf8")).at(-1);
    expect(totals).toMatchObject({ region: "合计 total", population: "870000", requiredSlots: "3915" });
  });

  it("capacity: totals leave blank the columns no row gave (old code printed 0)", async () => {
    const dir = tmp();
    const input = write(dir, "d.csv", "地区,常住人口\n大足区,870000\n");
    await cli(["capacity", input, "--target-per-1000", "4.5", "-o", join(dir, "o.csv")]);
    const totals = csvRows(readFileSync(join(dir, "o.csv"), "utf8")).at(-1);
    expect(totals).toMatchObject({ population: "870000", slots: "", slotGap: "", beds: "", requiredBeds: "" });
  });

  it('capacity: "104,908" is accepted; "6.99万" is rejected naming the value and the fix (old code: 应为数值 for both)', async () => {
    const dir = tmp();
    const input = write(dir, "d.csv", '地区,常住人口\n甲,"104,908"\n乙,6.99万\n');
    const run = await cli(["capacity", input, "--target-per-1000", "4.5", "-o", join(dir, "o.csv")]);
    expect(run.code).toBe(1);
    expect(csvRows(readFileSync(join(dir, "o.csv"), "utf8"))[0]).toMatchObject({ region: "甲", population: "104908" });
    const [error] = csvRows(readFileSync(join(dir, "o.errors.csv"), "utf8"));
    expect(error).toMatchObject({ line: "3", path: "population" });
    expect(error?.messageZh).toContain("请写成 69900");
  });
});

describe("crashes and lost rows (exit 70 or 1 on the old code)", () => {
  it("an unclosed quote stops reading with exit 1, the rows before it written and the error in the file", async () => {
    const dir = tmp();
    const input = write(dir, "d.csv", '地区,常住人口\n甲,1000\n"乙,2000\n丙,3000\n');
    const run = await cli(["capacity", input, "--target-per-1000", "4.5", "-o", join(dir, "o.csv")]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(csvRows(readFileSync(join(dir, "o.csv"), "utf8"))[0]).toMatchObject({ region: "甲" });
    const [error] = csvRows(readFileSync(join(dir, "o.errors.csv"), "utf8"));
    expect(error).toMatchObject({ line: "3", code: "READING_STOPPED" });
    expect(run.stderr).toContain("read 1, written 1");
  });

  it("a stray quote is a row error and the rows after it are read", async () => {
    const dir = tmp();
    const input = write(dir, "d.csv", '地区,常住人口\n甲"x,1000\n乙,2000\n');
    const run = await cli(["capacity", input, "--target-per-1000", "4.5", "-o", join(dir, "o.csv")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("read 2, written 1, rejected 1");
  });

  it("more than 125,000 rows in the default table output print (old code: Math.max(...spread) crashed, exit 70)", async () => {
    const dir = tmp();
    const lines = ["地区,常住人口"];
    for (let i = 0; i < 130_000; i++) lines.push(`街镇${i},${1000 + i}`);
    const input = write(dir, "d.csv", `${lines.join("\n")}\n`);
    const run = await cli(["capacity", input, "--target-per-1000", "4.5", "-q"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").filter((line) => line.startsWith("街镇")).length).toBe(130_000);
  }, 120_000);

  it("invalid --rules or --plan JSON, a directory as input: exit 2, a message, no stack trace (old code: exit 70 / 1)", async () => {
    const dir = tmp();
    const bad = write(dir, "bad.json", "{ not json");
    const rules = await cli(["refer", fixture("patients.csv"), "--rules", bad, "--at", "2024-06-01", "-q"]);
    const plan = await cli(["indicators", fixture("observations.csv"), "--plan", bad, "-q"]);
    mkdirSync(join(dir, "folder"));
    const folder = await cli(["capacity", join(dir, "folder"), "--target-per-1000", "4.5"]);
    for (const run of [rules, plan, folder]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^carekit: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(folder.stderr).toContain("is a directory");
  });

  it("a stale error file is removed by a later clean run (old code left carekit-errors.csv behind)", async () => {
    const dir = tmp();
    const bad = write(dir, "bad.csv", "地区,常住人口\n甲,abc\n");
    const good = write(dir, "good.csv", "地区,常住人口\n甲,1000\n");
    const out = join(dir, "o.csv");
    expect((await cli(["capacity", bad, "--target-per-1000", "4.5", "-o", out])).code).toBe(1);
    expect(existsSync(join(dir, "o.errors.csv"))).toBe(true);
    const clean = await cli(["capacity", good, "--target-per-1000", "4.5", "-o", out]);
    expect(clean.code).toBe(0);
    expect(existsSync(join(dir, "o.errors.csv"))).toBe(false);
  });

  it("| head ends quietly (EPIPE) (old code: exit 1 with an error)", () => {
    const dir = tmp();
    const lines = ["地区,常住人口"];
    for (let i = 0; i < 50_000; i++) lines.push(`街镇${i},${1000 + i}`);
    const input = write(dir, "d.csv", `${lines.join("\n")}\n`);
    const run = spawnSync(
      "bash",
      [
        "-c",
        `node ${bin} capacity ${input} --target-per-1000 4.5 -f csv -q | head -n 2; echo "status \${PIPESTATUS[0]}" >&2`,
      ],
      { encoding: "utf8" },
    );
    expect(run.stdout.split("\n").filter(Boolean)).toHaveLength(2);
    expect(run.stderr.trim()).toBe("status 0");
  });
});

describe("Excel and encodings (not supported by the old code)", () => {
  const districts = [
    ["大足区", 870000, 1727, 1234],
    ["城口县", 190000, 300, 0],
  ] as const;
  const csv = `地区,常住人口,托位数,在托人数\r\n${districts.map((d) => d.join(",")).join("\r\n")}\r\n`;

  async function resultOf(
    input: string,
    extra: string[] = [],
  ): Promise<{ code: number; rows: Record<string, string>[] }> {
    const out = join(tmp(), "o.csv");
    const run = await cli(["capacity", input, "--target-per-1000", "4.5", "-o", out, "-q", ...extra]);
    return { code: run.code, rows: csvRows(readFileSync(out, "utf8")) };
  }

  it("reads a GBK CSV (Excel's CSV on Chinese Windows) and a UTF-16 CSV to the same results as UTF-8 (old code: every row lost as 缺少必填字段)", async () => {
    const dir = tmp();
    const expected = await resultOf(write(dir, "utf8.csv", csv));
    expect(expected.code).toBe(0);
    expect(expected.rows[0]).toMatchObject({ region: "大足区", requiredSlots: "3915" });
    expect(await resultOf(write(dir, "gbk.csv", iconv.encode(csv, "gbk")))).toEqual(expected);
    expect(await resultOf(write(dir, "u16.csv", iconv.encode(csv, "utf-16le", { addBOM: true })))).toEqual(expected);
    expect(await resultOf(write(dir, "bom.csv", `\uFEFF${csv}`))).toEqual(expected);
  });

  it("reads an .xlsx with a merged title row, Chinese headers, a 合计 row and trailing blank rows to the same results (old code: internal error, exit 70)", async () => {
    const dir = tmp();
    const expected = await resultOf(write(dir, "utf8.csv", csv));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("街镇");
    sheet.addRow(["2025 年托育服务统计表"]);
    sheet.mergeCells("A1:D1");
    sheet.addRow(["地区", "常住人口", "托位数", "在托人数"]);
    for (const row of districts) sheet.addRow([...row]);
    sheet.addRow(["合计", 1060000, 2027, 1234]);
    for (let i = 0; i < 3; i++) sheet.addRow(["", null, null, ""]);
    const path = join(dir, "districts.xlsx");
    await workbook.xlsx.writeFile(path);
    const skipping = await resultOf(path, ["--skip-total-rows"]);
    expect(skipping).toEqual(expected);
    const strict = await cli(["capacity", path, "--target-per-1000", "4.5", "-o", join(dir, "s.csv")]);
    expect(strict.code).toBe(1);
    expect(csvRows(readFileSync(join(dir, "s.errors.csv"), "utf8"))[0]).toMatchObject({ line: "5", code: "TOTAL_ROW" });
  });

  it("writes .xlsx with Chinese headers, a frozen header row, numbers as numbers, and no live formula from the input", async () => {
    const dir = tmp();
    const input = write(dir, "d.csv", `地区,常住人口,托位数\n"=HYPERLINK(""http://x"",""y"")",870000,1727\n`);
    const out = join(dir, "o.xlsx");
    const run = await cli(["capacity", input, "--target-per-1000", "4.5", "-o", out, "-q"]);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe("地区");
    expect(sheet.getRow(1).getCell(5).value).toBe("所需托位数");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const region = sheet.getRow(2).getCell(1);
    expect(region.value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(region.formula).toBeUndefined();
    expect(sheet.getRow(2).getCell(5).value).toBe(3915);
  });

  it("CSV output files start with a UTF-8 BOM (Excel shows the Chinese), --no-bom omits it; formula-like text is neutralised", async () => {
    const dir = tmp();
    const input = write(dir, "d.csv", "地区,常住人口\n=1+1,870000\n");
    await cli(["capacity", input, "--target-per-1000", "4.5", "-o", join(dir, "a.csv"), "-q"]);
    await cli(["capacity", input, "--target-per-1000", "4.5", "-o", join(dir, "b.csv"), "--no-bom", "-q"]);
    const a = readFileSync(join(dir, "a.csv"), "utf8");
    expect(a.startsWith("\uFEFFregion,")).toBe(true);
    expect(a).toContain("\n'=1+1,870000,");
    expect(readFileSync(join(dir, "b.csv"), "utf8").startsWith("region,")).toBe(true);
    // CSV on standard output (a pipe into another program) has no BOM unless asked: failed before, commander's
    // --no-bom made the option default to true, so stdout got one too
    const piped = await cli(["capacity", input, "--target-per-1000", "4.5", "-f", "csv", "-q"]);
    expect(piped.stdout.startsWith("region,")).toBe(true);
  });
});

describe("every row is accounted for", () => {
  it("read = written + rejected + skipped over a file mixing every kind of bad row", async () => {
    const dir = tmp();
    const input = write(
      dir,
      "mixed.csv",
      [
        "地区,常住人口,托位数",
        "甲,1000,10", // ok
        "乙,870,000,1", // too many fields
        "丙,95", // too few
        ",,", // blank (skipped)
        "", // blank (skipped)
        "丁,abc,1", // not a number
        '戊"x,1000,1', // stray quote
        "己,6.99万,1", // 万
        "合计,1000,10", // total row
        "庚,-5,1", // out of range
        '辛,"2,000",20', // ok, grouped
        "",
      ].join("\n"),
    );
    const run = await cli(["capacity", input, "--target-per-1000", "4.5", "-o", join(dir, "o.csv")]);
    expect(run.code).toBe(1);
    const summary = /read (\d+), written (\d+), rejected (\d+), skipped (\d+)/.exec(run.stderr);
    const [read, written, rejected, skipped] = (summary ?? []).slice(1).map(Number);
    expect({ read, written, rejected, skipped }).toEqual({ read: 11, written: 2, rejected: 7, skipped: 2 });
    expect(csvRows(readFileSync(join(dir, "o.errors.csv"), "utf8"))).toHaveLength(7);
    expect(csvRows(readFileSync(join(dir, "o.csv"), "utf8")).filter((r) => r.region !== "合计 total")).toHaveLength(2);
  });
});
