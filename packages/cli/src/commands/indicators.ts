import { readFile, writeFile } from "node:fs/promises";
import {
  assessPlan,
  catalogues,
  type Dhis2Counts,
  type IndicatorDefinition,
  type Plan,
  type PlanObservation,
  plans,
  toDhis2DataValueSet,
  toDhis2Metadata,
} from "@carekit/indicators";
import type { Command } from "commander";
import { defaultErrorsPath } from "../io/batch.js";
import { canonicalRecord, coerceCells } from "../io/columns.js";
import { batchRowError, ErrorFile } from "../io/errors.js";
import { readJson, readRows, UnreadableRow } from "../io/read.js";
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

/** The definitions to export: a bundled catalogue or plan by id, or a catalogue / plan JSON file. */
async function loadDefinitions(opts: Record<string, unknown>): Promise<readonly IndicatorDefinition[]> {
  if (typeof opts.plan === "string") return (await loadPlan(opts.plan)).indicators;
  const id = (opts.catalogue as string | undefined) ?? "yilaoYixiao";
  if (Object.hasOwn(catalogues, id)) return catalogues[id as keyof typeof catalogues].indicators;
  if (!/\.json$/i.test(id))
    throw new UsageError(
      `unknown catalogue "${id}"; bundled: ${Object.keys(catalogues).join(", ")}, or a .json file · 未知指标目录`,
    );
  const file = (await readJson(id)) as { indicators?: unknown };
  if (!Array.isArray(file.indicators)) throw new UsageError(`${id} has no "indicators" array · 文件中没有 indicators`);
  return file.indicators as IndicatorDefinition[];
}

async function jsonMap(path: unknown, what: string): Promise<Record<string, string> | undefined> {
  if (typeof path !== "string") return undefined;
  const value = await readJson(path);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new UsageError(`${what} must be a JSON object · ${what} 必须是 JSON 对象`);
  return value as Record<string, string>;
}

async function emit(text: string, out: unknown): Promise<void> {
  if (typeof out === "string") await writeFile(out, text, "utf8");
  else process.stdout.write(text);
}

/**
 * `carekit indicators export --to dhis2`: the DHIS2 metadata payload (`--metadata`, the default) or a data value set
 * from counts per region (`--data-values <file>`), as JSON ready to POST to `/api/metadata` or `/api/dataValueSets`.
 */
function registerExport(indicators: Command, setExit: (code: number) => void): void {
  indicators
    .command("export")
    .summary("export indicators to DHIS2 (metadata or data values) · 导出到 DHIS2")
    .requiredOption("--to <system>", "target system: dhis2 · 目标系统")
    .option("--metadata", "the metadata payload for /api/metadata (default) · 元数据")
    .option(
      "--data-values <file>",
      "counts per region (CSV, JSON or JSON Lines: region, period?, one column per input) · 数据值",
    )
    .option(
      "--catalogue <id|file>",
      `bundled catalogue (${Object.keys(catalogues).join(", ")}) or catalogue JSON · 指标目录`,
    )
    .option("--plan <id|file>", "take the indicators of a bundled plan or plan JSON instead · 规划")
    .option(
      "--data-elements <file>",
      "JSON map input name → DHIS2 operand (UID, UID.COC, UID.COC.AOC, UID.*.AOC) · 数据元映射",
    )
    .option("--org-units <file>", "JSON map region code → DHIS2 org unit UID (for --data-values) · 组织机构映射")
    .option("--period <period>", "DHIS2 period: 2025, 202503 or 2025Q1 (for --data-values) · 期间")
    .option("--locale <locale>", "language of names: en (default) or zh · 名称语言")
    .option("-o, --out <file>", "output file (default: standard output) · 输出文件")
    .option("--errors <file>", "error file for rejected rows (default: beside the output) · 错误文件")
    .option("-q, --quiet", "no summary · 静默")
    .addHelpText(
      "after",
      "\nExamples · 示例:\n  carekit indicators export --to dhis2 --metadata -o metadata.json\n  carekit indicators export --to dhis2 --data-values counts.csv --org-units org-units.json --period 2025 -o data-values.json",
    )
    .action(async (_local: Record<string, unknown>, command: Command) => {
      // `-o`, `--errors`, `-q` and `--plan` are also options of `carekit indicators`, which commander lets take them
      // before or after the subcommand: read both
      const opts = command.optsWithGlobals() as Record<string, unknown>;
      if (opts.to !== "dhis2") throw new UsageError(`--to ${String(opts.to)}: only dhis2 is supported · 只支持 dhis2`);
      if (opts.metadata && opts.dataValues)
        throw new UsageError("give --metadata or --data-values, not both · 只能选一种");
      if (opts.locale !== undefined && opts.locale !== "en" && opts.locale !== "zh")
        throw new UsageError("--locale must be en or zh · 语言必须是 en 或 zh");
      const definitions = await loadDefinitions(opts);
      const dataElements = await jsonMap(opts.dataElements, "--data-elements");
      if (typeof opts.dataValues !== "string") {
        const metadata = toDhis2Metadata({
          definitions,
          ...(dataElements ? { dataElements } : {}),
          ...(opts.locale ? { locale: opts.locale as "en" | "zh" } : {}),
        });
        await emit(`${JSON.stringify(metadata, null, 2)}\n`, opts.out);
        if (!opts.quiet)
          process.stderr.write(
            `DHIS2 metadata: ${metadata.dataElements.length} data elements, ${metadata.indicatorTypes.length} indicator types, ${metadata.indicators.length} indicators · DHIS2 元数据\n`,
          );
        setExit(0);
        return;
      }
      const orgUnits = await jsonMap(opts.orgUnits, "--org-units");
      if (!orgUnits) throw new UsageError("--data-values needs --org-units · 需要 --org-units");
      if (typeof opts.period !== "string") throw new UsageError("--data-values needs --period · 需要 --period");
      const errors = new ErrorFile(
        (opts.errors as string | undefined) ?? defaultErrorsPath(opts.out as string | undefined),
      );
      const observations: Dhis2Counts[] = [];
      const lines: number[] = [];
      let read = 0;
      for await (const row of readRows({ path: opts.dataValues })) {
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
        const { region, period, inputs, ...columns } = row.record;
        const counts: Record<string, unknown> =
          typeof inputs === "object" && inputs !== null ? { ...(inputs as Record<string, unknown>) } : {};
        for (const [name, cell] of Object.entries(columns)) {
          if (cell === "" || cell === undefined) continue; // an empty cell is "not given", never 0
          counts[name] = typeof cell === "string" && /^\d+$/.test(cell.trim()) ? Number(cell.trim()) : cell;
        }
        observations.push({
          region: String(region ?? ""),
          ...(period !== undefined && period !== "" ? { period: String(period) } : {}),
          inputs: counts,
        } as Dhis2Counts);
        lines.push(row.line);
      }
      const exported = toDhis2DataValueSet({
        definitions,
        orgUnits,
        period: opts.period,
        observations,
        ...(dataElements ? { dataElements } : {}),
      });
      for (const error of exported.errors) await errors.add(batchRowError(lines[error.index] ?? 0, error));
      await emit(`${JSON.stringify(exported.dataValueSet, null, 2)}\n`, opts.out);
      await errors.close();
      setExit(
        finishBatch(
          {
            read,
            written: observations.length - exported.errors.length,
            rejected: errors.count,
            errorsPath: errors.count > 0 ? errors.path : undefined,
          },
          opts.quiet as boolean | undefined,
        ),
      );
    });
}

/** `carekit indicators`: statuses of a plan's indicators from observations (规划指标进度评估). */
export function registerIndicators(program: Command, setExit: (code: number) => void): void {
  const indicators = program.command("indicators");
  registerExport(indicators, setExit);
  batchOptions(
    indicators
      .summary("progress of a plan's indicators from observations · 规划指标进度评估")
      .argument(
        "<observations>",
        "CSV, JSON or JSON Lines with indicatorId, year, value (指标, 年份, 值), or - for stdin",
      )
      // not requiredOption: commander would then demand --plan of `indicators export` too; checked in the action
      .option(
        "--plan <id|file>",
        `bundled plan (${Object.keys(plans).join(", ")}) or plan JSON (required) · 规划（必填）`,
      ),
  )
    .addHelpText(
      "after",
      "\nExamples · 示例:\n  carekit indicators observations.csv --plan dazu2023\n  carekit indicators obs.jsonl --plan my-plan.json -f csv -o status.csv\n  carekit indicators export --to dhis2 --metadata -o metadata.json",
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      if (typeof opts.plan !== "string")
        throw new UsageError("required option '--plan <id|file>' not specified · 缺少 --plan");
      const plan = await loadPlan(opts.plan);
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
        skipped: 0,
        stoppedAt: undefined,
        pipeClosed: false,
        unknownHeaders: [],
      };
      if (!opts.quiet)
        process.stderr.write(`binding indicators off track · 约束性指标滞后: ${assessment.summary.bindingOffTrack}\n`);
      setExit(finishBatch(summary, opts.quiet as boolean | undefined));
    });
}
