/** `carekit columns`, `carekit template` → fill in → run for every command, `settle init`, `--sort` and `--yuan`. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli } from "./inprocess.js";
import { csvRows, fixture, tmp } from "./run.js";

const SETTLE = ["-p", fixture("policies.json"), "-c", fixture("catalogues.json")];

describe("carekit columns", () => {
  it("lists every capacity column with Chinese and English names, type, unit and whether it is required", async () => {
    const run = await cli(["columns", "capacity", "-f", "jsonl"]);
    expect(run.code).toBe(0);
    const rows = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows.map((r) => r.name)).toEqual([
      "region",
      "population",
      "existingSlots",
      "enrolled",
      "elderPopulation",
      "existingBeds",
      "nursingBeds",
    ]);
    expect(rows[1]).toMatchObject({ zh: "常住人口", required: "必填 required", unit: "人 · persons" });
    expect(rows[2]).toMatchObject({ zh: "托位数", required: "可选 optional" });
  });

  it("lists settle's claim columns with allowed values and their Chinese spellings", async () => {
    const run = await cli(["columns", "settle", "-f", "jsonl"]);
    const rows = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName.id.zh).toBe("结算单号");
    expect(byName.id.aliases).toContain("单据号");
    expect(byName.classB).toMatchObject({ zh: "乙类", required: "必填 required" });
    expect(byName.registration.zh).toBe("备案类型");
    expect(byName.scheme.values).toContain("employee (职工/职工医保)");
  });

  it("lists refer's columns from the rule set's fact declarations, with their Chinese labels", async () => {
    const run = await cli(["columns", "refer", "--rules", "hypertension", "-f", "jsonl"]);
    expect(run.code).toBe(0);
    const rows = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.find((r) => r.name === "sbp")?.zh).toMatch(/收缩压/);
  });

  it("refuses a command without an input table (exit 2)", async () => {
    expect((await cli(["columns", "report"])).code).toBe(2);
    expect((await cli(["columns", "refer"])).code).toBe(2); // needs --rules
  });
});

/** Fill a template's data sheet with rows (by Chinese header) and save it. */
async function fillXlsx(path: string, rows: readonly (readonly unknown[])[]): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  for (const row of rows) sheet.addRow([...row]);
  await workbook.xlsx.writeFile(path);
  return workbook;
}

describe("template → fill in → run", () => {
  it("capacity: the .xlsx template has Chinese headers and a sheet describing each column; filled in, it runs", async () => {
    const dir = tmp();
    const template = join(dir, "街镇.xlsx");
    expect((await cli(["template", "capacity", "-o", template])).code).toBe(0);
    const workbook = await fillXlsx(template, [["大足区", 870000, 1727, 1234]]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["数据 data", "说明 columns"]);
    expect((workbook.worksheets[0] as ExcelJS.Worksheet).getRow(1).values).toEqual([
      undefined,
      "地区",
      "常住人口",
      "托位数",
      "在托人数",
      "老年人口",
      "养老床位数",
      "护理型床位数",
    ]);
    const out = join(dir, "o.csv");
    const run = await cli(["capacity", template, "--target-per-1000", "4.5", "-o", out]);
    expect(run.code).toBe(0);
    expect(csvRows(readFileSync(out, "utf8"))[0]).toMatchObject({
      region: "大足区",
      requiredSlots: "3915",
      slotGap: "2188",
    });
  });

  it("settle: the CSV template, filled in with Chinese values, runs with the policy and catalogue of settle init", async () => {
    const dir = tmp();
    const template = join(dir, "claims.csv");
    expect((await cli(["template", "settle", "-o", template])).code).toBe(0);
    const header = readFileSync(template, "utf8");
    expect(header.startsWith("\uFEFF结算单号,参保人编号,")).toBe(true);
    writeFileSync(
      template,
      `${header}c-1,p-1,500111,500111,职工,在职,二级,住院,,2024-03-01,2024-03-05,异地长期居住,异地长期居住,1000.00,200.00,0,0,1200.00\r\n`,
    );
    expect((await cli(["settle", "init", dir])).code).toBe(0);
    expect((await cli(["settle", "init", dir])).code).toBe(2); // never overwrites without --force
    const policies = JSON.parse(readFileSync(join(dir, "policies.example.json"), "utf8"));
    expect(policies[0].source.title).toContain("示例");
    const out = join(dir, "o.csv");
    const run = await cli([
      "settle",
      template,
      "-p",
      join(dir, "policies.example.json"),
      "-c",
      join(dir, "catalogues.example.json"),
      "-o",
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const [row] = csvRows(readFileSync(out, "utf8"));
    expect(row).toMatchObject({ claimId: "c-1", totalFen: "120000" });
    expect(Number(row?.fundsPaidFen) + Number(row?.patientPaysFen)).toBe(120000);

    // the hospital's declared total (医疗费总额) one fen off the charges: the row is TOTAL_MISMATCH, never settled
    writeFileSync(template, readFileSync(template, "utf8").replace(",1200.00\r\n", ",1199.99\r\n"));
    const errors = join(dir, "mismatch.errors.csv");
    const mismatch = await cli([
      "settle",
      template,
      "-p",
      join(dir, "policies.example.json"),
      "-c",
      join(dir, "catalogues.example.json"),
      "-o",
      join(dir, "mismatch.csv"),
      "--errors",
      errors,
    ]);
    expect(mismatch.code).toBe(1);
    expect(readFileSync(errors, "utf8")).toContain("TOTAL_MISMATCH");
  });

  it("refer and indicators: the templates' headers are read back as their columns", async () => {
    const dir = tmp();
    const refer = join(dir, "patients.csv");
    expect((await cli(["template", "refer", "--rules", "hypertension", "-o", refer])).code).toBe(0);
    expect(readFileSync(refer, "utf8")).toMatch(/^\uFEFF患者编号,/);
    const observations = join(dir, "obs.csv");
    expect((await cli(["template", "indicators", "-o", observations])).code).toBe(0);
    const header = readFileSync(observations, "utf8");
    expect(header).toBe("\uFEFF指标编号,年份,值\r\n");
  });
});

describe("settle --sort and --yuan", () => {
  it("--sort settles each person's claims in discharge order whatever the file order (the claim that was OUT_OF_ORDER settles)", async () => {
    const dir = tmp();
    const out = join(dir, "o.csv");
    const run = await cli(["settle", fixture("claims.csv"), ...SETTLE, "--sort", "-o", out]);
    expect(run.code).toBe(1); // c-4 still has its discharge before its admission
    const rows = csvRows(readFileSync(out, "utf8"));
    expect(rows.map((r) => r.claimId)).toEqual(["c-2", "c-3", "c-1"]);
    const errors = csvRows(readFileSync(join(dir, "o.errors.csv"), "utf8"));
    expect(errors.map((e) => e.code)).not.toContain("OUT_OF_ORDER");
    expect(run.stderr).toContain("read 4, written 3, rejected 1, skipped 0");
  });

  it("--yuan writes money as yuan with two decimals and the rate as percent", async () => {
    const dir = tmp();
    const fen = join(dir, "fen.csv");
    const yuan = join(dir, "yuan.csv");
    await cli(["settle", fixture("claims.csv"), ...SETTLE, "-o", fen, "-q"]);
    await cli(["settle", fixture("claims.csv"), ...SETTLE, "--yuan", "-o", yuan, "-q"]);
    const [a] = csvRows(readFileSync(fen, "utf8"));
    const [b] = csvRows(readFileSync(yuan, "utf8"));
    expect(a).toMatchObject({ totalFen: "335399", pooledFundRateBasisPoints: "8500" });
    expect(b).toMatchObject({ totalYuan: "3353.99", pooledFundRatePercent: "85.00", patientPaysYuan: "1449.99" });
  });
});
