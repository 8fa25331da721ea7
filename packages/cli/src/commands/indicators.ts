import { readFile } from "node:fs/promises";
import { assessPlan, type Plan, type PlanObservation, plans } from "@carekit/indicators";
import type { Command } from "commander";
import { defaultErrorsPath } from "../io/batch.js";
import { canonicalRecord, coerceCells } from "../io/columns.js";
import { batchRowError, ErrorFile } from "../io/errors.js";
import { readRows, UnreadableRow } from "../io/read.js";
import { outputFormatOf, RecordWriter } from "../io/write.js";
import { batchOptions, finishBatch, UsageError } from "../program.js";

/** A bundled plan id (`dazu2023`, …) or a path to plan JSON. */
export async function loadPlan(idOrPath: string): Promise<Plan> {
  if (Object.hasOwn(plans, idOrPath)) return plans[idOrPath as keyof typeof plans];
  if (!/\.json$/i.test(idOrPath))
    throw new UsageError(
      `unknown plan "${idOrPath}"; bundled: ${Object.keys(plans).join(", ")}, or a .json file · 未知规划`,
    );
  return JSON.parse(await readFile(idOrPath, "utf8")) as Plan;
}

const COLUMNS = [
  "indicatorId",
  "name",
  "attribute",
  "year",
  "observed",
  "expected",
  "target",
  "status",
  "gap",
  "responsible",
] as const;

/** `carekit indicators`: statuses of a plan's indicators from observations (规划指标进度评估). */
export function registerIndicators(program: Command, setExit: (code: number) => void): void {
  batchOptions(
    program
      .command("indicators")
      .summary("progress of a plan's indicators from observations · 规划指标进度评估")
      .argument(
        "<observations>",
        "CSV, JSON or JSON Lines with indicatorId, year, value (指标, 年份, 值), or - for stdin",
      )
      .requiredOption("--plan <id|file>", `bundled plan (${Object.keys(plans).join(", ")}) or plan JSON · 规划`),
  )
    .addHelpText(
      "after",
      "\nExamples · 示例:\n  carekit indicators observations.csv --plan dazu2023\n  carekit indicators obs.jsonl --plan my-plan.json -f csv -o status.csv",
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const plan = await loadPlan(opts.plan as string);
      const errors = new ErrorFile(
        (opts.errors as string | undefined) ?? defaultErrorsPath(opts.out as string | undefined),
      );
      const observations: PlanObservation[] = [];
      const lines: number[] = [];
      let read = 0;
      for await (const row of readRows({ path: file, format: opts.inputFormat as never })) {
        read += 1;
        if (row instanceof UnreadableRow) {
          await errors.add({
            line: row.line,
            index: read - 1,
            code: "INVALID_INPUT",
            path: "",
            message: row.message,
            messageZh: `无法读取该行：${row.message}`,
          });
          continue;
        }
        observations.push(coerceCells(canonicalRecord(row.record), new Set(["year", "value"])) as PlanObservation);
        lines.push(row.line);
      }
      const assessment = assessPlan({ plan, observations });
      for (const error of assessment.errors) {
        await errors.add(batchRowError(lines[error.index] ?? 0, error));
      }
      const responsible = new Map(plan.entries.map((entry) => [entry.indicatorId, entry.responsible.join("、")]));
      const writer = new RecordWriter(
        outputFormatOf(opts.out as string | undefined, opts.format as never),
        opts.out as string | undefined,
        COLUMNS,
      );
      for (const position of assessment.priorityOrder) {
        const result = assessment.results[position];
        if (result === undefined) continue;
        await writer.write({
          indicatorId: result.indicatorId,
          name: result.name.zh,
          attribute: result.attribute,
          year: result.observed.year,
          observed: result.observed.value,
          expected: result.expected ?? "",
          target: `${result.target.comparator}${result.target.value} (${result.target.year})`,
          status: result.status,
          gap: result.gap ?? "",
          responsible: responsible.get(result.indicatorId) ?? "",
        });
      }
      await writer.close();
      await errors.close();
      const summary = {
        read,
        written: assessment.results.length,
        rejected: errors.count,
        errorsPath: errors.count > 0 ? errors.path : undefined,
      };
      if (!opts.quiet)
        process.stderr.write(`binding indicators off track · 约束性指标滞后: ${assessment.summary.bindingOffTrack}\n`);
      setExit(finishBatch(summary, opts.quiet as boolean | undefined));
    });
}
