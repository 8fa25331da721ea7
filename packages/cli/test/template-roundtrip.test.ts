/**
 * `carekit template <command>` → fill in rows → run the command → the expected results, for every command with an
 * input table except refer (its decision tables are tested in refer-table.test.ts): indicators (CSV and .xlsx),
 * capacity (CSV; the .xlsx template is in commands.test.ts) and settle (.xlsx; the CSV template is in commands.test.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli } from "./inprocess.js";
import { csvRows, fixture, tmp } from "./run.js";

/** Append rows to a template's data sheet (its header row is kept) and save it. */
async function fillXlsx(path: string, rows: readonly (readonly unknown[])[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  for (const row of rows) sheet.addRow([...row]);
  await workbook.xlsx.writeFile(path);
}

/** Append CSV rows to a template written by `carekit template` (BOM and CRLF kept). */
function fillCsv(path: string, rows: readonly string[]): void {
  writeFileSync(path, `${readFileSync(path, "utf8")}${rows.map((row) => `${row}\r\n`).join("")}`);
}

describe("template → fill in → run", () => {
  it("indicators (CSV): observations under the template's Chinese headers give each indicator's status against the 大足区 plan", async () => {
    const dir = tmp();
    const template = join(dir, "观测值.csv");
    expect((await cli(["template", "indicators", "-o", template])).code).toBe(0);
    fillCsv(template, ["nursingBedShare,2023,41.2", "slotsPer1000,2023,2.2", "basicMedicalInsuranceRate,2023,95.5"]);
    const out = join(dir, "status.csv");
    const run = await cli(["indicators", template, "--plan", "dazu2023", "-o", out]);
    expect(run.code, run.stderr).toBe(0);
    const rows = csvRows(readFileSync(out, "utf8"));
    expect(rows.map((r) => r.indicatorId).sort()).toEqual([
      "basicMedicalInsuranceRate",
      "nursingBedShare",
      "slotsPer1000",
    ]);
    // the same observations as the fixture file: the same statuses, row for row
    const reference = join(dir, "reference.csv");
    await cli(["indicators", fixture("observations.csv"), "--plan", "dazu2023", "-o", reference, "-q"]);
    expect(rows).toEqual(csvRows(readFileSync(reference, "utf8")));
    expect(rows.find((r) => r.indicatorId === "nursingBedShare")).toMatchObject({
      status: "off_track",
      attribute: "binding",
    });
  });

  it("indicators (.xlsx): numbers typed into the cells are read as numbers; an unknown indicator is a row error", async () => {
    const dir = tmp();
    const template = join(dir, "观测值.xlsx");
    expect((await cli(["template", "indicators", "-o", template])).code).toBe(0);
    await fillXlsx(template, [
      ["slotsPer1000", 2023, 2.2],
      ["noSuchIndicator", 2023, 1],
    ]);
    const out = join(dir, "status.csv");
    const run = await cli(["indicators", template, "--plan", "dazu2023", "-o", out]);
    expect(run.code).toBe(1);
    const [row, ...rest] = csvRows(readFileSync(out, "utf8"));
    expect(rest).toEqual([]);
    expect(row?.indicatorId).toBe("slotsPer1000");
    const errors = csvRows(readFileSync(join(dir, "status.errors.csv"), "utf8"));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe("3");
  });

  it("capacity (CSV): the 大足区 row gives its need and gap (3915, gap 2188), with the totals row", async () => {
    const dir = tmp();
    const template = join(dir, "街镇.csv");
    expect((await cli(["template", "capacity", "-o", template])).code).toBe(0);
    expect(readFileSync(template, "utf8")).toBe(
      "\uFEFF地区,常住人口,托位数,在托人数,老年人口,养老床位数,护理型床位数\r\n",
    );
    fillCsv(template, ["大足区,870000,1727,1234,188900,7432,2401", "龙水镇,95000,210,150,,,"]);
    const out = join(dir, "gaps.csv");
    const run = await cli(["capacity", template, "--target-per-1000", "4.5", "-o", out]);
    expect(run.code, run.stderr).toBe(0);
    const rows = csvRows(readFileSync(out, "utf8"));
    expect(rows.map((r) => r.region)).toEqual(["大足区", "龙水镇", "合计 total"]);
    expect(rows[0]).toMatchObject({ requiredSlots: "3915", slotGap: "2188", beds: "7432", nursingBeds: "2401" });
    expect(rows[1]).toMatchObject({ requiredSlots: "428", slotGap: "218", beds: "" });
    expect(rows[2]).toMatchObject({ population: "965000", slots: "1937", slotGap: "2406" });
  });

  it("settle (.xlsx): a claim typed in with Chinese values and numeric amounts settles with settle init's example files", async () => {
    const dir = tmp();
    const template = join(dir, "结算单.xlsx");
    expect((await cli(["template", "settle", "-o", template])).code).toBe(0);
    expect((await cli(["settle", "init", dir])).code).toBe(0);
    // amounts as numbers, as Excel stores them; dates as text, as users type them
    await fillXlsx(template, [
      [
        "c-1",
        "p-1",
        "500111",
        "500111",
        "职工",
        "在职",
        "二级",
        "住院",
        null,
        "2024-03-01",
        "2024-03-05",
        "异地长期居住",
        "异地长期居住",
        1000,
        200,
        0,
        0,
        1200,
      ],
      [
        "c-2",
        "p-1",
        "500111",
        "500111",
        "职工",
        "在职",
        "二级",
        "住院",
        null,
        "2024-02-01",
        "2024-02-03",
        "异地长期居住",
        "异地长期居住",
        10,
        0,
        0,
        0,
        null,
      ],
    ]);
    const out = join(dir, "o.csv");
    const files = ["-p", join(dir, "policies.example.json"), "-c", join(dir, "catalogues.example.json")];
    const run = await cli(["settle", template, ...files, "-o", out]);
    expect(run.code).toBe(1);
    const [row, ...rest] = csvRows(readFileSync(out, "utf8"));
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ claimId: "c-1", personId: "p-1", totalFen: "120000" });
    expect(Number(row?.fundsPaidFen) + Number(row?.patientPaysFen)).toBe(120000);
    // c-2 was discharged before p-1's previous claim: OUT_OF_ORDER, naming both
    const [error] = csvRows(readFileSync(join(dir, "o.errors.csv"), "utf8"));
    expect(error).toMatchObject({ line: "3", code: "OUT_OF_ORDER" });
    expect(error?.message).toContain("c-1");
  });
});
