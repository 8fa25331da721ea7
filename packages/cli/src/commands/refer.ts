import { readFile } from "node:fs/promises";
import { IsoDateSchema, parseInput } from "@carekit/core";
import {
  compileRuleSet,
  FACILITY_LEVELS,
  type FacilityLevel,
  lintRuleSet,
  type RuleSet,
  ruleSets,
} from "@carekit/referral";
import { type Command, Option } from "commander";
import { runBatch } from "../io/batch.js";
import { canonicalRecord } from "../io/columns.js";
import { RecordWriter } from "../io/write.js";
import { batchOptions, batchOptionsFrom, EXIT, finishBatch, UsageError } from "../program.js";
import { factColumns } from "./refer-facts.js";

/** Load a rule set: a built-in id (`hypertension`, `diabetes`, …) or a path to rule-set JSON. */
export async function loadRuleSet(idOrPath: string): Promise<RuleSet> {
  if (Object.hasOwn(ruleSets, idOrPath)) return ruleSets[idOrPath as keyof typeof ruleSets] as unknown as RuleSet;
  if (!/\.json$/i.test(idOrPath)) {
    throw new UsageError(
      `unknown rule set "${idOrPath}"; built-in: ${Object.keys(ruleSets).join(", ")}, or a .json file · 未知规则集`,
    );
  }
  return JSON.parse(await readFile(idOrPath, "utf8")) as RuleSet;
}

/** `carekit refer` and `carekit refer lint` (转诊评估与规则检查). */
export function registerRefer(program: Command, setExit: (code: number) => void): void {
  const refer = program.command("refer").summary("referral decisions for patients, and rule-set lint · 转诊评估");
  batchOptions(
    refer
      .command("run", { isDefault: true })
      .description(
        "decide for each patient: manage locally, refer up/down or emergency transfer · 逐个患者给出转诊建议",
      )
      .argument(
        "<patients>",
        "CSV, JSON or JSON Lines of patients (one column per fact, by name or Chinese label; list cells split on ; ； | 、), or - for stdin",
      )
      .requiredOption(
        "-r, --rules <id|file>",
        `built-in rule set (${Object.keys(ruleSets).join(", ")}) or rule-set JSON · 规则集`,
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
  carekit refer patients.jsonl --rules my-rules.json --at 2024-06-01 -f jsonl -o decisions.jsonl`,
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const at = parseInput(IsoDateSchema, opts.at, { path: ["at"] });
      const engine = compileRuleSet(await loadRuleSet(opts.rules as string));
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

  refer
    .command("lint")
    .description(
      "find rules that never fire, shadowed rules, conflicts and settled overlaps (precedence), unused facts; exit 1 on conflicts or never-firing rules · 规则集静态检查",
    )
    .argument("<rules>", "built-in rule set id or rule-set JSON file")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "jsonl", "csv"]).default("table"))
    .addHelpText(
      "after",
      "\nExamples · 示例:\n  carekit refer lint my-rules.json\n  carekit refer lint hypertension -f jsonl",
    )
    .action(async (file: string, opts: { format: "table" | "jsonl" | "csv" }) => {
      const { findings, skipped, skippedPairs } = lintRuleSet(await loadRuleSet(file));
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
