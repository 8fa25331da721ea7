import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { compileRuleSet, type FactSpecs } from "@carekit/referral";
import type { Command } from "commander";
import { type ColumnSpec, columnNames, type TableSpec } from "../io/columns.js";
import { neutralise } from "../io/csv-field.js";
import { UsageError } from "../io/problems.js";
import { RecordWriter } from "../io/write.js";
import { CAPACITY_TABLE } from "./capacity.js";
import { loadRuleSet } from "./refer.js";
import { CLAIM_TABLE } from "./settle.js";

/** The input table of `carekit indicators` (observations). */
export const OBSERVATION_TABLE: TableSpec = {
  command: "indicators",
  columns: [
    {
      name: "indicatorId",
      zh: "指标编号",
      aliases: ["指标"],
      type: "text",
      required: true,
      description: { zh: "规划中的指标编号", en: "indicator id in the plan" },
    },
    { name: "year", zh: "年份", type: "integer", required: true, description: { zh: "观测年份", en: "year observed" } },
    {
      name: "value",
      zh: "值",
      aliases: ["数值", "观测值"],
      type: "number",
      required: true,
      description: { zh: "观测值，单位与规划一致", en: "value, in the unit the plan prints" },
    },
  ],
};

const FACT_TYPES: Readonly<Record<string, ColumnSpec["type"]>> = {
  number: "number",
  integer: "integer",
  boolean: "boolean",
  date: "date",
  string: "text",
  "string[]": "list",
};

/** The input table of `carekit refer` for a rule set: one column per declared fact, with its Chinese label. */
export function factTable(facts: FactSpecs): TableSpec {
  return {
    command: "refer",
    labelColumn: "patientId",
    columns: [
      {
        name: "patientId",
        zh: "患者编号",
        type: "text",
        description: { zh: "患者编号，原样写入结果", en: "patient id, copied to the output" },
      },
      ...Object.entries(facts).map(([name, spec]): ColumnSpec => {
        const type = spec.enum ? "enum" : (FACT_TYPES[spec.type] ?? "text");
        return {
          name,
          zh: spec.label?.zh ?? name,
          type,
          required: spec.required ?? true,
          ...(spec.unit ? { unit: { zh: spec.unit, en: spec.unit } } : {}),
          ...(spec.enum ? { values: spec.enum } : {}),
          description: { zh: spec.label?.zh ?? name, en: spec.label?.en ?? name },
        };
      }),
    ],
  };
}

async function tableOf(command: string, rules: string | undefined): Promise<TableSpec> {
  switch (command) {
    case "capacity":
      return CAPACITY_TABLE;
    case "settle":
      return CLAIM_TABLE;
    case "indicators":
      return OBSERVATION_TABLE;
    case "refer": {
      if (!rules) throw new UsageError("refer needs --rules <id|file> · refer 需要 --rules 指定规则集");
      return factTable(compileRuleSet(await loadRuleSet(rules)).ruleSet.facts);
    }
    default:
      throw new UsageError(
        `no input table for "${command}"; use capacity, settle, refer or indicators · 没有该命令的输入表`,
      );
  }
}

const TYPE_NAMES: Readonly<Record<ColumnSpec["type"], { zh: string; en: string }>> = {
  text: { zh: "文本", en: "text" },
  integer: { zh: "整数", en: "integer" },
  number: { zh: "数字", en: "number" },
  yuan: { zh: "金额（元，最多两位小数）", en: "yuan, up to 2 decimals" },
  date: { zh: "日期 YYYY-MM-DD", en: "date YYYY-MM-DD" },
  boolean: { zh: "是/否", en: "true/false" },
  enum: { zh: "取值之一", en: "one of" },
  list: { zh: "列表（用 ; ； | 、 分隔）", en: "list (separated by ; ； | 、)" },
};

function allowed(column: ColumnSpec): string {
  if (!column.values) return "";
  const zh = Object.entries(column.valueAliases ?? {});
  return column.values
    .map((value) => {
      const labels = zh.filter(([, v]) => v === value).map(([label]) => label);
      return labels.length > 0 ? `${value} (${labels.join("/")})` : value;
    })
    .join(", ");
}

/** One row per column, for `carekit columns`. */
export function describeColumns(spec: TableSpec): Record<string, string>[] {
  return spec.columns.map((column) => {
    const names = columnNames(column);
    return {
      zh: column.zh,
      name: column.name,
      aliases: [...new Set(names.filter((n) => n !== column.zh && n !== column.name))].join(", "),
      type: `${TYPE_NAMES[column.type].zh} · ${TYPE_NAMES[column.type].en}`,
      unit: column.unit ? `${column.unit.zh}${column.unit.zh === column.unit.en ? "" : ` · ${column.unit.en}`}` : "",
      required: column.required ? "必填 required" : "可选 optional",
      values: allowed(column),
      description: `${column.description.zh} · ${column.description.en}`,
    };
  });
}

/** Write an empty template: `.xlsx` (headers, a second sheet 说明 with each column's meaning) or CSV (headers). */
async function writeTemplate(spec: TableSpec, out: string): Promise<void> {
  const headers = spec.columns.map((column) => column.zh);
  if (extname(out).toLowerCase() === ".xlsx") {
    const { default: ExcelJS } = (await import("exceljs")) as unknown as { default: typeof import("exceljs") };
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("数据 data", { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = spec.columns.map((column) => ({
      header: column.zh,
      key: column.name,
      width: Math.max(12, column.zh.length * 2 + 4),
    }));
    sheet.getRow(1).font = { bold: true };
    spec.columns.forEach((column, i) => {
      const cell = sheet.getRow(1).getCell(i + 1);
      cell.note = `${column.name}${column.required ? " (必填 required)" : ""}\n${column.description.zh}\n${column.description.en}`;
      if (column.type === "yuan") sheet.getColumn(i + 1).numFmt = "0.00";
      if (column.type === "date") sheet.getColumn(i + 1).numFmt = "yyyy-mm-dd";
    });
    const help = workbook.addWorksheet("说明 columns");
    const rows = describeColumns(spec);
    help.columns = [
      { header: "列名", key: "zh", width: 16 },
      { header: "name", key: "name", width: 22 },
      { header: "类型 type", key: "type", width: 26 },
      { header: "单位 unit", key: "unit", width: 12 },
      { header: "必填 required", key: "required", width: 14 },
      { header: "允许的取值 allowed values", key: "values", width: 50 },
      { header: "说明 description", key: "description", width: 60 },
      { header: "也接受的列名 also accepted", key: "aliases", width: 40 },
    ];
    help.getRow(1).font = { bold: true };
    for (const row of rows)
      help.addRow(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, neutralise(value)])));
    await workbook.xlsx.writeFile(out);
    return;
  }
  await writeFile(out, `\uFEFF${headers.join(",")}\r\n`, "utf8");
}

/** `carekit columns <command>` and `carekit template <command>` (列说明与空白模板). */
export function registerColumns(program: Command, setExit: (code: number) => void): void {
  program
    .command("columns")
    .summary("list the input columns of a command · 列出命令的输入列")
    .argument("<command>", "capacity, settle, refer or indicators")
    .option("-r, --rules <id|file>", "for refer: the rule set whose facts are the columns · 规则集")
    .option("-f, --format <format>", "table (default), csv or jsonl", "table")
    .addHelpText(
      "after",
      "\nExamples · 示例:\n  carekit columns capacity\n  carekit columns refer --rules hypertension\n  carekit columns settle -f csv > 列说明.csv",
    )
    .action(async (command: string, opts: { rules?: string; format: string }) => {
      const spec = await tableOf(command, opts.rules);
      const format = opts.format === "csv" || opts.format === "jsonl" ? opts.format : "table";
      const writer = new RecordWriter(format, undefined, [
        "zh",
        "name",
        "type",
        "unit",
        "required",
        "values",
        "description",
        "aliases",
      ]);
      for (const row of describeColumns(spec)) await writer.write(row);
      await writer.close();
      setExit(0);
    });

  program
    .command("template")
    .summary("write an empty input template with Chinese headers · 生成空白模板")
    .argument("<command>", "capacity, settle, refer or indicators")
    .requiredOption("-o, --out <file>", "template.xlsx (with a sheet describing each column) or template.csv")
    .option("-r, --rules <id|file>", "for refer: the rule set · 规则集")
    .addHelpText(
      "after",
      "\nExamples · 示例:\n  carekit template capacity -o 街镇模板.xlsx\n  carekit template settle -o claims.csv\n  carekit template refer --rules hypertension -o patients.xlsx",
    )
    .action(async (command: string, opts: { out: string; rules?: string }) => {
      await writeTemplate(await tableOf(command, opts.rules), opts.out);
      process.stderr.write(`template written to ${opts.out} · 模板已写入 ${opts.out}\n`);
      setExit(0);
    });
}
