import { createReadStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { IsoDateSchema, parseInput } from "@carekit/core";
import {
  compileRuleSet,
  type DecisionTable,
  FACILITY_LEVELS,
  type FacilityLevel,
  type FactSpecs,
  type GridCell,
  HIT_POLICIES,
  type HitPolicy,
  lintRuleSet,
  type RuleSet,
  ruleSets,
  ruleSetToTable,
  type TableMeta,
  tableFromCsv,
  tableFromGrid,
  tableFromJdm,
  tableToCsv,
  tableToGrid,
  tableToRuleSet,
} from "@carekit/referral";
import { type Command, Option } from "commander";
import { runBatch } from "../io/batch.js";
import { canonicalRecord } from "../io/columns.js";
import { neutralise } from "../io/csv-field.js";
import { decodeStream } from "../io/decode.js";
import { inputSize, readJson } from "../io/read.js";
import { RecordWriter } from "../io/write.js";
import { readSheet } from "../io/xlsx.js";
import { batchOptions, batchOptionsFrom, EXIT, finishBatch, UsageError } from "../program.js";
import { factColumns } from "./refer-facts.js";

/** How a decision table file is read: the rule set whose facts its columns name, its hit policy, its start date. */
export interface TableOptions {
  /** A built-in rule set or rule-set JSON whose fact declarations the table's columns name (default: read off the cells). */
  readonly facts?: string | undefined;
  /** Hit policy of a CSV or `.xlsx` table (default `collect`; a JDM file states its own). */
  readonly hitPolicy?: HitPolicy | undefined;
  /** First day the table is in force (default 1970-01-01: a table file does not say). */
  readonly effectiveFrom?: string | undefined;
}

const TABLE_FILE = /\.(csv|xlsx)$/i;

/** The rows of an `.xlsx` sheet (the first), each row at its line, as a grid. */
async function readSheetGrid(path: string): Promise<GridCell[][]> {
  const grid: GridCell[][] = [];
  for await (const batch of readSheet(createReadStream(path), undefined)) {
    if (!Array.isArray(batch)) continue;
    for (const row of batch) {
      while (grid.length < row.line - 1) grid.push([]);
      grid.push(
        row.cells.map((cell) =>
          typeof cell === "object" && cell !== null && !(cell instanceof Date) ? JSON.stringify(cell) : cell,
        ),
      );
    }
  }
  return grid;
}

/** A text file in any encoding the CLI reads (UTF-8 with or without a BOM, UTF-16, GB18030). */
async function readText(path: string): Promise<string> {
  let text = "";
  for await (const chunk of decodeStream(createReadStream(path) as AsyncIterable<Uint8Array>)) text += chunk;
  return text;
}

/**
 * Load a rule set: a built-in id (`hypertension`, `diabetes`, …), rule-set JSON, a decision table as JSON, a GoRules
 * JDM decision table (`.json` with `nodes`), or a decision table in a `.csv` or `.xlsx` (header row of fact names or
 * Chinese labels and outcome columns).
 */
export async function loadRuleSet(idOrPath: string, options: TableOptions = {}): Promise<RuleSet> {
  if (Object.hasOwn(ruleSets, idOrPath)) return ruleSets[idOrPath as keyof typeof ruleSets] as unknown as RuleSet;
  if (!/\.json$/i.test(idOrPath) && !TABLE_FILE.test(idOrPath)) {
    throw new UsageError(
      `unknown rule set "${idOrPath}"; built-in: ${Object.keys(ruleSets).join(", ")}, a .json rule set or JDM file, or a .csv/.xlsx decision table · 未知规则集`,
    );
  }
  const facts = options.facts === undefined ? undefined : ((await loadRuleSet(options.facts)).facts as FactSpecs);
  const name = basename(idOrPath).replace(/\.[^.]+$/, "");
  const meta: TableMeta = {
    id: /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(name) ? name : "table",
    effectiveFrom: options.effectiveFrom ?? "1970-01-01",
    source: {
      title: basename(idOrPath),
      note: "decision table file; its source is not stated in the file · 决策表文件，文件中未注明出处",
    },
  };
  const hitPolicy = options.hitPolicy ?? "collect";
  if (TABLE_FILE.test(idOrPath)) {
    inputSize(idOrPath);
    const declared = facts === undefined ? {} : { facts };
    const table = /\.xlsx$/i.test(idOrPath)
      ? tableFromGrid({ grid: await readSheetGrid(idOrPath), ...declared, hitPolicy, meta })
      : tableFromCsv({ csv: await readText(idOrPath), ...declared, hitPolicy, meta });
    return tableToRuleSet(table);
  }
  const json = await readJson(idOrPath, "rule set");
  if (typeof json === "object" && json !== null && Array.isArray((json as { nodes?: unknown }).nodes)) {
    return tableToRuleSet(tableFromJdm({ jdm: json, ...(facts === undefined ? {} : { facts }), meta }));
  }
  if (typeof json === "object" && json !== null && "hitPolicy" in json && "rows" in json) {
    return tableToRuleSet(json as DecisionTable);
  }
  return json as RuleSet;
}

const tableOptions = (command: Command): Command =>
  command
    .option("--facts <id|file>", "for a decision table: the rule set whose facts its columns name · 决策表的事实声明")
    .addOption(
      new Option("--hit-policy <policy>", "for a .csv/.xlsx decision table: first or collect · 命中策略")
        .choices(HIT_POLICIES)
        .default("collect"),
    );

/** `carekit refer` and `carekit refer lint` (转诊评估与规则检查). */
export function registerRefer(program: Command, setExit: (code: number) => void): void {
  const refer = program.command("refer").summary("referral decisions for patients, and rule-set lint · 转诊评估");
  batchOptions(
    tableOptions(refer.command("run", { isDefault: true }))
      .description(
        "decide for each patient: manage locally, refer up/down or emergency transfer · 逐个患者给出转诊建议",
      )
      .argument(
        "<patients>",
        "CSV, JSON or JSON Lines of patients (one column per fact, by name or Chinese label; list cells split on ; ； | 、), or - for stdin",
      )
      .requiredOption(
        "-r, --rules <id|file>",
        `built-in rule set (${Object.keys(ruleSets).join(", ")}), rule-set JSON, a GoRules JDM .json or a .csv/.xlsx decision table · 规则集或决策表`,
      )
      .addOption(
        new Option("-l, --level <level>", "where the patients are seen · 就诊机构层级")
          .choices(FACILITY_LEVELS)
          .default("township_health_center"),
      )
      .requiredOption("--at <date>", "evaluation date YYYY-MM-DD · 评估日期")
      .option(
        "--id-column <name>",
        "column that identifies the patient, copied to the output · 患者编号列",
        "patientId",
      ),
  )
    .addHelpText(
      "after",
      `
Examples · 示例:
  carekit refer patients.csv --rules hypertension --level village_clinic --at 2024-06-01
  carekit refer patients.jsonl --rules my-rules.json --at 2024-06-01 -f jsonl -o decisions.jsonl
  carekit refer patients.xlsx --rules 转诊决策表.xlsx --facts hypertension --hit-policy first --at 2024-06-01
  carekit refer patients.csv --rules referral.jdm.json --at 2024-06-01`,
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const at = parseInput(IsoDateSchema, opts.at, { path: ["at"] });
      const engine = compileRuleSet(
        await loadRuleSet(opts.rules as string, {
          facts: opts.facts as string | undefined,
          hitPolicy: opts.hitPolicy as HitPolicy,
          effectiveFrom: at,
        }),
      );
      const level = opts.level as FacilityLevel;
      const idColumn = opts.idColumn as string;
      const columns = factColumns(engine.ruleSet.facts);
      const summary = await runBatch(batchOptionsFrom(file, opts), {
        columns: [idColumn, "action", "targetLevel", "urgency", "followUpDays", "firedRules", "reasonZh", "reason"],
        row(record) {
          // fact columns by name or label first, then the id column by its name or alias (患者编号)
          const factCells: Record<string, unknown> = {};
          const other: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(record)) {
            if (columns.factOf(key) !== undefined) factCells[key] = value;
            else other[key] = value;
          }
          const { [idColumn]: id, ...rest } = canonicalRecord(other);
          const facts = columns.read({ ...rest, ...factCells });
          const decision = engine.evaluate({ facts: facts as never, at, level });
          return {
            [idColumn]: id ?? "",
            action: decision.action,
            targetLevel: decision.targetLevel ?? "",
            urgency: decision.urgency,
            followUpDays: decision.followUpDays ?? "",
            firedRules: decision.fired.map((f) => f.ruleId).join(";"),
            reasonZh: decision.fired.map((f) => f.reason.zh).join("；"),
            reason: decision.fired.map((f) => f.reason.en).join("; "),
          };
        },
      });
      setExit(finishBatch(summary, opts.quiet as boolean | undefined));
    });

  tableOptions(refer.command("table"))
    .description(
      "write a rule set as a decision table (.xlsx or .csv, Chinese headers) for a committee to edit in Excel · 把规则集导出为决策表",
    )
    .argument("<rules>", "built-in rule set id, rule-set JSON, a GoRules JDM .json or a .csv/.xlsx decision table")
    .requiredOption("-o, --out <file>", "table.xlsx (one sheet) or table.csv (UTF-8 with a BOM)")
    .addOption(new Option("--headers <names>", "header names").choices(["zh", "name"]).default("zh"))
    .addHelpText(
      "after",
      "\nExamples · 示例:\n  carekit refer table hypertension -o 高血压转诊决策表.xlsx\n  carekit refer table my-rules.json -o table.csv --headers name",
    )
    .action(
      async (file: string, opts: { out: string; headers: "zh" | "name"; facts?: string; hitPolicy: HitPolicy }) => {
        const table = ruleSetToTable(await loadRuleSet(file, { facts: opts.facts, hitPolicy: opts.hitPolicy }));
        if (/\.xlsx$/i.test(opts.out)) {
          const { default: ExcelJS } = (await import("exceljs")) as unknown as { default: typeof import("exceljs") };
          const workbook = new ExcelJS.Workbook();
          const sheet = workbook.addWorksheet("决策表 table", { views: [{ state: "frozen", ySplit: 1 }] });
          const [header = [], ...rows] = tableToGrid(table, { headers: opts.headers });
          sheet.addRow(header).font = { bold: true };
          for (const row of rows) sheet.addRow(row.map((cell) => neutralise(cell)));
          header.forEach((name, i) => {
            sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, name.length * 2 + 2));
          });
          await workbook.xlsx.writeFile(opts.out);
        } else {
          await writeFile(opts.out, tableToCsv(table, { headers: opts.headers }), "utf8");
        }
        process.stderr.write(
          `${table.rows.length} row(s) for ${new Set(table.rows.map((r) => r.id)).size} rule(s) written to ${opts.out} · 决策表已写入 ${opts.out}\n`,
        );
        setExit(EXIT.ok);
      },
    );

  tableOptions(refer.command("lint"))
    .description(
      "find rules that never fire, shadowed rules, conflicts and settled overlaps (precedence), unused facts; exit 1 on conflicts or never-firing rules · 规则集静态检查",
    )
    .argument("<rules>", "built-in rule set id, rule-set JSON, a GoRules JDM .json or a .csv/.xlsx decision table")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "jsonl", "csv"]).default("table"))
    .addHelpText(
      "after",
      "\nExamples · 示例:\n  carekit refer lint my-rules.json\n  carekit refer lint hypertension -f jsonl",
    )
    .action(async (file: string, opts: { format: "table" | "jsonl" | "csv"; facts?: string; hitPolicy: HitPolicy }) => {
      const { findings, skipped, skippedPairs } = lintRuleSet(
        await loadRuleSet(file, { facts: opts.facts, hitPolicy: opts.hitPolicy }),
      );
      const writer = new RecordWriter(opts.format, undefined, [
        "kind",
        "severity",
        "ruleIds",
        "winner",
        "message",
        "messageZh",
        "witness",
      ]);
      for (const finding of findings) {
        await writer.write({
          kind: finding.kind,
          severity: finding.severity,
          ruleIds: finding.ruleIds.join(";"),
          winner: finding.winner ?? "",
          message: finding.message,
          messageZh: finding.messageZh,
          witness: finding.witness ?? "",
        });
      }
      await writer.close();
      const errors = findings.filter((f) => f.severity === "error").length;
      const settled = findings.filter((f) => f.kind === "precedence").length;
      process.stderr.write(
        `${errors} error(s) (conflicts, rules that never fire), ${findings.length - errors - settled} warning(s), ` +
          `${settled} overlap(s) settled by priority · ${errors} 个错误，${settled} 处按优先级处理的重叠\n`,
      );
      if (skipped.length > 0 || skippedPairs > 0) {
        process.stderr.write(
          `not analysed: rules ${skipped.join(", ") || "none"}, ${skippedPairs} rule pair(s) · 未分析：${skippedPairs} 对规则\n`,
        );
      }
      // 1 on conflicts or rules that never fire; precedence (settled overlaps) and warnings do not fail the lint
      setExit(errors > 0 ? EXIT.rowsRejected : EXIT.ok);
    });
}
