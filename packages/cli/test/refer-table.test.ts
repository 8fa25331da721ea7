/** `carekit refer --rules table.csv|table.xlsx|table.json` (decision tables and GoRules JDM), and the refer template filled in. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli } from "./inprocess.js";
import { csvRows, tmp } from "./run.js";

/** A hypertension patient with nothing remarkable, by the rule set's fact names. */
const CALM: Record<string, string> = {
  visit: "first",
  sbp: "128",
  dbp: "78",
  symptoms: "",
  consciousnessImpaired: "false",
  suspectedAcs: "false",
  otherLifeThreatening: "false",
  pregnantOrLactating: "false",
  suspectedNewComplication: "false",
  proteinuriaOrHematuria: "false",
  unexplainedHypokalemia: "false",
  paroxysmalRiseWithSymptoms: "false",
  needsWorkup: "false",
  fullDoseDrugCount: "1",
  atTarget: "true",
  hardToControlFluctuation: "false",
  adverseDrugReaction: "false",
  seriousConditionOnFollowUp: "false",
  consecutiveUncontrolled: "0",
  complicationNewOrWorse: "false",
  tcmNeedUnmet: "false",
  diagnosisConfirmed: "false",
  planSuitsPrimaryCare: "false",
  stable: "false",
  planUnchangedRecently: "false",
};

const csvLine = (cells: readonly string[]) =>
  cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",");

/** Patients p1 (185/100, urgent), p2 (150/95 with vomiting and 112 diastolic, emergency), p3 (calm). */
function patientsCsv(dir: string): string {
  const names = Object.keys(CALM);
  const rows = [
    { patientId: "p1", ...CALM, sbp: "185", dbp: "100" },
    { patientId: "p2", ...CALM, sbp: "150", dbp: "112", symptoms: "呕吐" },
    { patientId: "p3", ...CALM },
  ];
  const text = [
    csvLine(["patientId", ...names]),
    ...rows.map((r) => csvLine(["patientId", ...names].map((n) => (r as Record<string, string>)[n] ?? ""))),
  ].join("\r\n");
  const path = join(dir, "patients.csv");
  writeFileSync(path, `\uFEFF${text}\r\n`);
  return path;
}

/** The committee's table, by Chinese headers: emergency with headache/vomiting, urgent at ≥180/110, else local. */
const TABLE = [
  ["规则编号", "收缩压", "舒张压", "症状", "处置", "目标层级", "紧急程度", "随访天数", "理由", "理由（英文）"],
  [
    "severe-neuro",
    ">= 180",
    "",
    "剧烈头痛, 呕吐",
    "急诊转诊",
    "县级医院",
    "急诊",
    "",
    "血压≥180/110 伴剧烈头痛或呕吐",
    "BP ≥ 180/110 with severe headache or vomiting",
  ],
  [
    "severe-neuro",
    "",
    ">= 110",
    "剧烈头痛, 呕吐",
    "急诊转诊",
    "县级医院",
    "急诊",
    "",
    "血压≥180/110 伴剧烈头痛或呕吐",
    "BP ≥ 180/110 with severe headache or vomiting",
  ],
  [
    "bp-severe",
    ">= 180",
    "",
    "",
    "上转",
    "县级医院",
    "紧急",
    "14",
    "血压≥180/110：紧急转诊",
    "BP ≥ 180/110: urgent referral",
  ],
  [
    "bp-severe",
    "",
    ">= 110",
    "",
    "上转",
    "县级医院",
    "紧急",
    "14",
    "血压≥180/110：紧急转诊",
    "BP ≥ 180/110: urgent referral",
  ],
  ["otherwise", "", "", "", "基层管理", "", "", "", "其他：基层管理", "otherwise: manage locally"],
];

async function decisions(args: string[], dir: string): Promise<Record<string, string>[]> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.csv`);
  const run = await cli([...args, "-o", out, "-q"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return csvRows(readFileSync(out, "utf8"));
}

describe("carekit refer --rules <decision table>", () => {
  it("a .csv table as Excel saves it (BOM, CRLF, Chinese headers, trailing blank rows), hit policy first", async () => {
    const dir = tmp();
    const table = join(dir, "转诊决策表.csv");
    writeFileSync(table, `\uFEFF${TABLE.map(csvLine).join("\r\n")}\r\n,,,,,,,,,\r\n\r\n`);
    const rows = await decisions(
      [
        "refer",
        patientsCsv(dir),
        "--rules",
        table,
        "--facts",
        "hypertension",
        "--hit-policy",
        "first",
        "--at",
        "2024-06-01",
      ],
      dir,
    );
    expect(rows.map((r) => [r.patientId, r.action, r.urgency, r.firedRules])).toEqual([
      ["p1", "refer_up", "urgent", "bp-severe;otherwise"],
      ["p2", "emergency_transfer", "emergency", "severe-neuro;bp-severe;otherwise"],
      ["p3", "manage_locally", "routine", "otherwise"],
    ]);
  });

  it("an .xlsx table with a merged title row above the header and trailing blank rows", async () => {
    const dir = tmp();
    const path = join(dir, "转诊决策表.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("高血压");
    sheet.addRow(["高血压转诊决策表（医共体专家委员会，示例）"]);
    sheet.mergeCells(1, 1, 1, TABLE[0]?.length ?? 1);
    for (const row of TABLE) sheet.addRow(row.map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell)));
    sheet.addRow(["", "", ""]);
    sheet.addRow([null, null]);
    await workbook.xlsx.writeFile(path);
    const rows = await decisions(
      ["refer", patientsCsv(dir), "--rules", path, "--facts", "hypertension", "--at", "2024-06-01"],
      dir,
    );
    // collect: the rule model's priority decides, and every matching rule fires
    expect(rows.map((r) => [r.patientId, r.action, r.followUpDays, r.firedRules])).toEqual([
      ["p1", "refer_up", "14", "bp-severe;otherwise"],
      ["p2", "emergency_transfer", "", "severe-neuro;bp-severe;otherwise"],
      ["p3", "manage_locally", "", "otherwise"],
    ]);
  });

  it("a GoRules JDM file (facts read off its cells) and `refer lint` on it", async () => {
    const dir = tmp();
    const jdm = {
      contentType: "application/vnd.gorules.decision",
      nodes: [
        { id: "in", type: "inputNode", name: "Request" },
        {
          id: "t",
          type: "decisionTableNode",
          name: "bp",
          content: {
            hitPolicy: "first",
            inputs: [
              { id: "s", name: "SBP", field: "sbp" },
              { id: "d", name: "DBP", field: "dbp" },
            ],
            outputs: [
              { id: "a", name: "Action", field: "action" },
              { id: "u", name: "Urgency", field: "urgency" },
              { id: "z", name: "理由", field: "reason.zh" },
              { id: "e", name: "Reason", field: "reason.en" },
            ],
            rules: [
              {
                _id: "severe",
                s: ">= 180",
                d: "",
                a: '"refer_up"',
                u: '"urgent"',
                z: '"收缩压≥180"',
                e: '"SBP ≥ 180"',
              },
              {
                _id: "uncontrolled",
                s: "[140..180)",
                d: "",
                a: '"manage_locally"',
                u: "",
                z: '"未达标"',
                e: '"uncontrolled"',
              },
            ],
          },
        },
        { id: "out", type: "outputNode", name: "Response" },
      ],
      edges: [],
    };
    const rules = join(dir, "bp.jdm.json");
    writeFileSync(rules, JSON.stringify(jdm));
    const patients = join(dir, "p.csv");
    writeFileSync(patients, "patientId,sbp,dbp\r\na,190,100\r\nb,150,80\r\nc,120,70\r\n");
    const rows = await decisions(["refer", patients, "--rules", rules, "--at", "2024-06-01"], dir);
    expect(rows.map((r) => [r.patientId, r.action, r.firedRules])).toEqual([
      ["a", "refer_up", "severe"],
      ["b", "manage_locally", "uncontrolled"],
      ["c", "manage_locally", ""],
    ]);
    const lint = await cli(["refer", "lint", rules, "-f", "jsonl"]);
    expect(lint.code).toBe(0);
  });

  it("a bad cell is a usage error naming the cell, its row and its column (exit 2)", async () => {
    const dir = tmp();
    const table = join(dir, "bad.csv");
    writeFileSync(table, `\uFEFF${csvLine(TABLE[0] ?? [])}\r\nr1,<< 3,,,上转,,,,甲,a\r\n`);
    const run = await cli([
      "refer",
      patientsCsv(dir),
      "--rules",
      table,
      "--facts",
      "hypertension",
      "--at",
      "2024-06-01",
      "-o",
      join(dir, "o.csv"),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cell B2 (row 2, column "收缩压")');
    expect(run.stderr).toContain("单元格 B2");
  });
});

describe("carekit refer table: a rule set written as a table for Excel, and read back", () => {
  it.each(["xlsx", "csv"])(
    "hypertension → 决策表.%s (Chinese headers) → refer gives the rule set's decisions",
    async (ext) => {
      const dir = tmp();
      const table = join(dir, `高血压决策表.${ext}`);
      const run = await cli(["refer", "table", "hypertension", "-o", table]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain("30 row(s) for 24 rule(s)");
      if (ext === "csv") expect(readFileSync(table, "utf8")).toMatch(/^\uFEFF就诊类型（初诊\/随访）,收缩压,舒张压,/);
      const patients = patientsCsv(dir);
      const args = ["--at", "2024-06-01", "--level", "village_clinic"];
      const fromTable = await decisions(["refer", patients, "--rules", table, "--facts", "hypertension", ...args], dir);
      const fromRules = await decisions(["refer", patients, "--rules", "hypertension", ...args], dir);
      expect(fromTable).toEqual(fromRules);
      expect(fromTable.map((r) => r.action)).toEqual(["refer_up", "emergency_transfer", "manage_locally"]);
    },
  );
});

describe("carekit template refer → fill in → carekit refer", () => {
  it("two patients written under the template's Chinese headers get the expected actions", async () => {
    const dir = tmp();
    const template = join(dir, "patients.csv");
    expect((await cli(["template", "refer", "--rules", "hypertension", "-o", template])).code).toBe(0);
    const headers = readFileSync(template, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(",");
    const columns = await cli(["columns", "refer", "--rules", "hypertension", "-f", "jsonl"]);
    const nameOf = new Map<string, string>(
      columns.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { zh: string; name: string })
        .map((c) => [c.zh, c.name]),
    );
    const fill = (id: string, patient: Record<string, string>) =>
      csvLine(headers.map((h) => (h === "患者编号" ? id : (patient[nameOf.get(h) ?? h] ?? ""))));
    writeFileSync(
      template,
      `\uFEFF${csvLine(headers)}\r\n${fill("张三", { ...CALM, sbp: "186", dbp: "96" })}\r\n${fill("李四", CALM)}\r\n`,
    );
    const rows = await decisions(
      ["refer", template, "--rules", "hypertension", "--level", "village_clinic", "--at", "2024-06-01"],
      dir,
    );
    expect(rows.map((r) => [r.患者编号 ?? r.patientId, r.action, r.urgency])).toEqual([
      ["张三", "refer_up", "urgent"],
      ["李四", "manage_locally", "routine"],
    ]);
  });
});
