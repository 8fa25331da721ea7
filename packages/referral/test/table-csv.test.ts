import { readFileSync } from "node:fs";
import { expectCarekitError } from "@carekit/test-utils";
import { describe, expect, it } from "vitest";
import {
  compileRuleSet,
  type FactSpecs,
  ruleSets,
  ruleSetToTable,
  tableFromCsv,
  tableFromGrid,
  tableToCsv,
  tableToGrid,
  tableToRuleSet,
} from "../src/index.js";

const facts = ruleSets.hypertension.facts as FactSpecs;
const meta = { id: "committee", effectiveFrom: "2024-01-01", source: { title: "医共体专家委员会转诊标准（示例）" } };
const committee = readFileSync(new URL("./tables/hypertension-committee.csv", import.meta.url), "utf8");
const calm = {
  visit: "first",
  sbp: 128,
  dbp: 78,
  symptoms: [] as string[],
  consciousnessImpaired: false,
  suspectedAcs: false,
  otherLifeThreatening: false,
  pregnantOrLactating: false,
  suspectedNewComplication: false,
  proteinuriaOrHematuria: false,
  unexplainedHypokalemia: false,
  paroxysmalRiseWithSymptoms: false,
  needsWorkup: false,
  fullDoseDrugCount: 1,
  atTarget: true,
  hardToControlFluctuation: false,
  adverseDrugReaction: false,
  seriousConditionOnFollowUp: false,
  consecutiveUncontrolled: 0,
  complicationNewOrWorse: false,
  tcmNeedUnmet: false,
  diagnosisConfirmed: false,
  planSuitsPrimaryCare: false,
  stable: false,
  planUnchangedRecently: false,
};

describe("a CSV as a spreadsheet saves it (BOM, CRLF, title row, Chinese headers and labels, trailing blank rows)", () => {
  const table = tableFromCsv({ csv: committee, facts, hitPolicy: "first", meta });
  const engine = compileRuleSet(tableToRuleSet(table));
  const decide = (patient: Partial<typeof calm>) =>
    engine.evaluate({ facts: { ...calm, ...patient } as never, at: "2024-06-01", level: "village_clinic" });

  it("reads the header below the title, the fact columns by Chinese label, every row", () => {
    expect(table.inputs).toEqual(["visit", "sbp", "dbp", "symptoms"]);
    expect(table.rows.map((r) => r.id)).toEqual([
      "severe-neuro",
      "severe-neuro",
      "bp-severe",
      "bp-severe",
      "first-uncontrolled",
      "follow-up-uncontrolled",
    ]);
    expect(table.rows[0]?.then).toEqual({
      action: "emergency_transfer",
      targetLevel: "county_hospital",
      urgency: "emergency",
      reason: { zh: "血压≥180/110 伴剧烈头痛或呕吐", en: "BP ≥ 180/110 with severe headache or vomiting" },
    });
    expect(tableToRuleSet(table).rules.map((r) => r.id)).toEqual([
      "severe-neuro",
      "bp-severe",
      "first-uncontrolled",
      "follow-up-uncontrolled",
    ]);
  });

  it("reads vocabulary labels in cells (剧烈头痛 → severe_headache, 初诊 → first) and decides with them", () => {
    // the rows share the symptoms cell: it is tested once, beside the rows' any
    expect(tableToRuleSet(table).rules[0]?.when).toEqual({
      all: [
        {
          any: [
            { fact: "sbp", op: "gte", value: 180 },
            { fact: "dbp", op: "gte", value: 110 },
          ],
        },
        { fact: "symptoms", op: "includesAny", value: ["severe_headache", "vomiting"] },
      ],
    });
    expect(decide({ sbp: 150, dbp: 112, symptoms: ["vomiting"] }).action).toBe("emergency_transfer");
    expect(decide({ sbp: 185, dbp: 100 }).urgency).toBe("urgent");
    expect(decide({ sbp: 150 }).followUpDays).toBe(14);
    expect(decide({ visit: "follow_up", sbp: 150, symptoms: ["vomiting"] }).fired).toEqual([]);
    expect(decide({ visit: "follow_up", sbp: 150 }).fired.map((f) => f.ruleId)).toEqual(["follow-up-uncontrolled"]);
  });

  it("writes back to CSV and reads the same table", () => {
    const again = tableFromCsv({ csv: tableToCsv(table, { headers: "zh" }), facts, hitPolicy: "first", meta });
    expect(tableToRuleSet(again)).toEqual(tableToRuleSet(table));
  });

  it("LF-only and CR-only line ends, and no BOM, read the same", () => {
    const lf = committee.replace(/^\uFEFF/, "").replaceAll("\r\n", "\n");
    expect(tableFromCsv({ csv: lf, facts, hitPolicy: "first", meta })).toEqual(table);
    expect(tableFromCsv({ csv: lf.replaceAll("\n", "\r"), facts, hitPolicy: "first", meta })).toEqual(table);
  });

  it("a cell a spreadsheet would run as a formula is written with a leading ' and read back without it", () => {
    const base = ruleSetToTable(ruleSets.copd);
    const row = base.rows[0] as (typeof base.rows)[number];
    const risky = {
      ...base,
      rows: [{ ...row, then: { ...row.then, reason: { zh: "=HYPERLINK(1)", en: "@x" } } }, ...base.rows.slice(1)],
    };
    const csv = tableToCsv(risky);
    expect(csv).toContain(",'=HYPERLINK(1),'@x");
    const back = tableFromCsv({ csv, facts: ruleSets.copd.facts, meta });
    expect(back.rows[0]?.then.reason).toEqual({ zh: "=HYPERLINK(1)", en: "@x" });
  });
});

describe("bad cells and columns are named by cell, row and column", () => {
  const header = "收缩压,舒张压,处置,理由,理由（英文）";
  const csv = (row: string) => `\uFEFF${header}\r\n>= 180,,上转,甲,a\r\n${row}\r\n\r\n`;
  it.each([
    ["<< 3", "<< 3,,上转,乙,b", "A3"],
    ["[1..", "[1..,,上转,乙,b", "A3"],
    ["(1..3] then a word", ",(1..3] x,上转,乙,b", "B3"],
    ["a string on a number fact", ',"高",上转,乙,b', "B3"],
    ["an unknown action", ",>= 110,转走,乙,b", "C3"],
    ["an empty reason", ",>= 110,上转,,b", "D3"],
  ])("%s", (_label, row, cell) => {
    const error = expectCarekitError(() => tableFromCsv({ csv: csv(row), facts, meta }), "RULE_COMPILE", cell);
    expect(error.message).toContain(`cell ${cell} (row 3, column`);
    expect(error.messageZh).toContain(`单元格 ${cell}（第 3 行`);
  });

  it("an unknown fact column: RULE_COMPILE naming the header cell", () => {
    const error = expectCarekitError(
      () => tableFromCsv({ csv: `心率,处置,理由,理由（英文）\r\n> 100,上转,甲,a\r\n`, facts, meta }),
      "RULE_COMPILE",
      "A1",
    );
    expect(error.message).toContain('unknown column "心率"');
  });

  it("an operator the fact's type does not take, a value outside the vocabulary", () => {
    expectCarekitError(
      () => tableFromCsv({ csv: `症状,处置,理由,理由（英文）\r\n>= 3,上转,甲,a\r\n`, facts, meta }),
      "RULE_COMPILE",
      "A2",
    );
    const error = expectCarekitError(
      () => tableFromCsv({ csv: `症状,处置,理由,理由（英文）\r\n头晕,上转,甲,a\r\n`, facts, meta }),
      "RULE_COMPILE",
      "A2",
    );
    expect(error.message).toContain("severe_headache");
  });

  it("a header row without an action column, an unclosed quote, rows of one rule apart", () => {
    expectCarekitError(() => tableFromCsv({ csv: "收缩压,理由\r\n>= 180,甲\r\n", facts, meta }), "RULE_COMPILE", "A1");
    expectCarekitError(
      () => tableFromCsv({ csv: `${header}\r\n"< 3,,上转,甲,a\r\n`, facts, meta }),
      "RULE_COMPILE",
      "line 2",
    );
    const apart = `规则编号,${header}\r\nr1,>= 180,,上转,甲,a\r\nr2,,>= 110,上转,乙,b\r\nr1,< 90,,上转,甲,a\r\n`;
    expectCarekitError(() => tableFromCsv({ csv: apart, facts, meta }), "RULE_COMPILE", "A4");
  });

  it("cells outside the unary tests (a function, and/or): TABLE_UNSUPPORTED", () => {
    expectCarekitError(
      () => tableFromCsv({ csv: csv('"contains($, ""a"")",,上转,乙,b'), facts, meta }),
      "TABLE_UNSUPPORTED",
      "A3",
    );
    expectCarekitError(
      () => tableFromCsv({ csv: csv("> 1 and < 3,,上转,乙,b"), facts, meta }),
      "TABLE_UNSUPPORTED",
      "A3",
    );
  });
});

describe("grids as a spreadsheet reader gives them (numbers, booleans, dates, null cells)", () => {
  it("reads typed cells and infers fact types when no declarations are given", () => {
    const table = tableFromGrid({
      grid: [
        ["age", "pregnant", "lastVisit", "action", "followUpDays", "reason.zh", "reason.en"],
        [24, null, undefined, "refer_up", null, "年龄<25岁", "under 25"],
        ["< 25", true, new Date(Date.UTC(2024, 0, 31)), "refer_up", 14, "甲", "a"],
        ["", "", "within 30 days", "manage_locally", 30, "近期就诊", "seen recently"],
      ],
      meta: { id: "typed", effectiveFrom: "2024-01-01" },
    });
    expect(table.facts).toEqual({
      age: { type: "number", required: false },
      pregnant: { type: "boolean", required: false },
      lastVisit: { type: "date", required: false },
    });
    expect(table.rows[1]?.cells).toEqual(["< 25", "true", '"2024-01-31"']);
    const engine = compileRuleSet(tableToRuleSet(table));
    expect(
      engine.evaluate({ facts: { lastVisit: "2024-06-01" }, at: "2024-06-15", level: "village_clinic" }).followUpDays,
    ).toBe(30);
    expect(
      engine.evaluate({ facts: { age: 24 }, at: "2024-06-15", level: "village_clinic" }).fired.map((f) => f.ruleId),
    ).toEqual(["row-1"]);
  });

  it("tableToGrid writes what tableFromGrid reads, with Chinese headers", () => {
    const table = ruleSetToTable(ruleSets.hypertension);
    const grid = tableToGrid(table, { headers: "zh" });
    expect(grid[0]).toContain("理由（英文）");
    const back = tableFromGrid({ grid, facts, meta: { ...ruleSets.hypertension } });
    expect(tableToRuleSet(back).rules).toEqual(tableToRuleSet(table).rules);
  });
});
