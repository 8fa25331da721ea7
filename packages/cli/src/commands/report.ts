import { mkdir, rm, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { RegionRow } from "@carekit/capacity";
import { formatIsoDate, IsoDateSchema, parseInput } from "@carekit/core";
import type { Command } from "commander";
import { dazuExample } from "../examples/dazu.js";
import { canonicalRecord, coerceCells } from "../io/columns.js";
import { csvField } from "../io/csv-field.js";
import { readRows, UnreadableRow } from "../io/read.js";
import { EXIT, UsageError } from "../program.js";
import { FINANCE_STANDARDS, type FinanceStandardId } from "../report/finance.js";
import type { DistrictReportInput, RejectedRow, ReportObservation } from "../report/input.js";
import { REPORT_LANGS, type ReportLang } from "../report/model.js";
import { FACILITY_STANDARDS, type FacilityStandardId } from "../report/next-steps.js";
import { joinDistinct } from "../report/text.js";
import { NUMERIC_INPUTS } from "./capacity.js";
import { loadPlan } from "./indicators.js";
import { numberOption } from "./options.js";

interface ReadTable {
  readonly rows: Record<string, unknown>[];
  readonly lines: number[];
  readonly rejected: RejectedRow[];
}

/** Read a table; an unreadable line becomes a rejected row (listed in the report), never a silent drop. */
async function readTable(path: string, input: RejectedRow["input"], numeric: readonly string[]): Promise<ReadTable> {
  const out: ReadTable = { rows: [], lines: [], rejected: [] };
  let index = 0;
  for await (const row of readRows({ path })) {
    if (row instanceof UnreadableRow) {
      out.rejected.push({
        input,
        line: row.line,
        index,
        code: "UNREADABLE_INPUT",
        path: "",
        message: row.message,
        messageZh: `无法读取该行：${row.message}`,
      });
    } else {
      out.rows.push(coerceCells(canonicalRecord(row.record), new Set(numeric)));
      out.lines.push(row.line);
    }
    index++;
  }
  return out;
}

/** The columns of the report's error file (报告错误文件). */
export const REPORT_ERROR_COLUMNS = ["input", "line", "index", "code", "path", "message", "messageZh"] as const;

/** Write the rejected rows as CSV (UTF-8 with a BOM, so Excel opens it correctly). */
async function writeErrors(path: string, rejected: readonly RejectedRow[]): Promise<void> {
  const lines = [
    REPORT_ERROR_COLUMNS.join(","),
    ...rejected.map((r) => REPORT_ERROR_COLUMNS.map((c) => csvField(r[c] ?? "")).join(",")),
  ];
  await writeFile(path, `\uFEFF${lines.join("\n")}\n`);
}

function langOption(value: string): ReportLang {
  if (!(REPORT_LANGS as readonly string[]).includes(value))
    throw new UsageError(`--lang must be one of ${REPORT_LANGS.join(", ")}; got "${value}" · 语言须为 zh、en 或 both`);
  return value as ReportLang;
}

function facilityOption(value: string): FacilityStandardId {
  if (!(FACILITY_STANDARDS as readonly string[]).includes(value))
    throw new UsageError(
      `--facility-standard must be one of ${FACILITY_STANDARDS.join(", ")}; got "${value}" · 未知的配建标准`,
    );
  return value as FacilityStandardId;
}

function financeOption(value: string): FinanceStandardId {
  if (!(FINANCE_STANDARDS as readonly string[]).includes(value))
    throw new UsageError(
      `--finance must be one of ${FINANCE_STANDARDS.join(", ")}; got "${value}" · 未知的托育补助标准`,
    );
  return value as FinanceStandardId;
}

function formatOption(value: string): "html" | "docx" {
  if (value !== "html" && value !== "docx")
    throw new UsageError(`--format must be html or docx; got "${value}" · 输出格式须为 html 或 docx`);
  return value;
}

function yearOption(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 1949 || year > 2100)
    throw new UsageError(`--population-year must be a year such as 2020; got "${value}" · 人口年份须为四位年份`);
  return year;
}

/** `carekit report`: the district planning report as HTML and Markdown (区县规划报告). */
export function registerReport(program: Command, setExit: (code: number) => void): void {
  program
    .command("report")
    .summary("the district planning report (HTML + Markdown) · 区县“一老一小”规划报告")
    .option("--example <name>", "use an embedded example dataset (dazu) · 使用内置示例数据")
    .option("--plan <id|file>", "plan id (e.g. dazu2023) or plan JSON · 规划")
    .option("--regions <file>", "sub-district table (CSV/JSON/JSONL) · 街镇数据")
    .option(
      "--observations <file>",
      "indicator observations (indicatorId or the indicator's Chinese name, year, value) · 指标观测值",
    )
    .option("--name <name>", "district name for the title · 区县名称")
    .option("--population-year <year>", "year of the sub-district population and counts · 街镇人口数据年份", yearOption)
    .option(
      "--target-per-1000 <n>",
      "childcare slots per 1000 residents (default 4.5) · 每千人口托位目标",
      numberOption,
    )
    .option("--nursing-share-target <share>", "nursing-bed share target, e.g. 0.6 · 护理型床位占比目标", numberOption)
    .option(
      "--facility-standard <id>",
      `standard that sizes the facilities of 下一步: ${FACILITY_STANDARDS.join(", ")} (default taiyuan2025) · 设施配建标准`,
      facilityOption,
    )
    .option(
      "--finance <id>",
      `childcare finance standard for the operating-subsidy budget (${FINANCE_STANDARDS.join(", ")}) · 托育补助测算标准`,
      financeOption,
    )
    .option("--format <format>", "html (default; with report.md) or docx (Word) · 输出格式", formatOption)
    .option("--lang <lang>", "zh, en or both (default both) · 报告语言", langOption)
    .option("--date <YYYY-MM-DD>", "date printed on the report (default: today) · 报告日期")
    .requiredOption("-o, --out <dir>", "output folder · 输出目录")
    .addHelpText(
      "after",
      `
Writes report.html (or report.docx with --format docx) and report.md; rejected rows are listed in the report and in report.errors.csv.
写出 report.html（--format docx 时为 report.docx）和 report.md；拒收的数据行列在报告中，并写入 report.errors.csv。

Examples · 示例:
  carekit report --example dazu --out report/
  carekit report --plan dazu2023 --regions towns.csv --observations obs.csv --name 大足区 --population-year 2020 --out report/`,
    )
    .action(async (opts: Record<string, string | number | undefined>) => {
      let input: DistrictReportInput;
      const lang = (opts.lang as ReportLang | undefined) ?? "both";
      const generatedOn = parseInput(IsoDateSchema, opts.date ?? formatIsoDate(new Date(Date.now())), {
        path: ["date"],
      });
      if (opts.example !== undefined) {
        if (opts.example !== "dazu")
          throw new UsageError(`unknown example "${opts.example}"; available: dazu · 未知示例`);
        const d = dazuExample;
        input = {
          name: d.name,
          plan: await loadPlan("dazu2023"),
          rows: d.rows.map(({ code: _code, ...row }) => row),
          populationYear: (opts.populationYear as number | undefined) ?? d.district.populationYear,
          rowsSource: d.rowsSource,
          observations: [...d.observations],
          illustrative: { rows: true, observations: true },
          district: {
            population: d.district.population2025,
            populationYear: 2025,
            existingSlots: d.district.existingSlots,
            source: d.district.source,
            previous: { year: d.district.populationYear, population: d.district.population2020 },
          },
          targetPer1000: (opts.targetPer1000 as number | undefined) ?? d.district.targetPer1000,
          nursingShareTarget: (opts.nursingShareTarget as number | undefined) ?? d.district.nursingShareTarget,
          generatedOn,
          sources: [d.source],
          facilityStandard: opts.facilityStandard as FacilityStandardId | undefined,
          finance: opts.finance as FinanceStandardId | undefined,
          lang,
        };
      } else {
        if (!opts.plan || !opts.regions || !opts.observations)
          throw new UsageError(
            "give --example, or all of --plan, --regions and --observations · 请提供示例或规划、街镇数据和观测值",
          );
        const plan = await loadPlan(String(opts.plan));
        const regionsPath = String(opts.regions);
        const observationsPath = String(opts.observations);
        const regions = await readTable(regionsPath, "regions", NUMERIC_INPUTS);
        const observations = await readTable(observationsPath, "observations", ["year", "value"]);
        input = {
          name: opts.name === undefined ? plan.name : { zh: String(opts.name), en: String(opts.name) },
          plan,
          rows: regions.rows as unknown as RegionRow[],
          rowLines: regions.lines,
          populationYear: opts.populationYear as number | undefined,
          rowsSource: { zh: `街镇数据文件 ${basename(regionsPath)}`, en: `sub-district file ${basename(regionsPath)}` },
          observations: observations.rows as unknown as ReportObservation[],
          observationLines: observations.lines,
          rejected: [...regions.rejected, ...observations.rejected],
          targetPer1000: (opts.targetPer1000 as number | undefined) ?? 4.5,
          nursingShareTarget: opts.nursingShareTarget as number | undefined,
          facilityStandard: opts.facilityStandard as FacilityStandardId | undefined,
          finance: opts.finance as FinanceStandardId | undefined,
          generatedOn,
          lang,
        };
      }
      const { buildDistrictReport } = await import("../report/district.js");
      const report = await buildDistrictReport(input);
      const dir = resolve(String(opts.out));
      await mkdir(dir, { recursive: true });
      const errors = join(dir, "report.errors.csv");
      let html: string;
      if (opts.format === "docx") {
        const { renderDocx } = await import("../report/docx.js");
        html = join(dir, "report.docx");
        await writeFile(html, await renderDocx(report.model, lang));
      } else {
        html = join(dir, "report.html");
        await writeFile(html, report.html);
      }
      await writeFile(join(dir, "report.md"), report.markdown);
      if (report.rejected.length > 0) await writeErrors(errors, report.rejected);
      else await rm(errors, { force: true });
      const s = report.summary;
      const slots =
        s.gap === null
          ? "not given · 未提供 (no row gives slots)"
          : `required ${s.requiredSlots}, existing ${s.existingSlots}, gap ${s.gap}${s.populationYear === null ? "" : ` (${s.populationYear} population)`}`;
      process.stdout.write(
        `${joinDistinct([input.name.zh, input.name.en])}\n` +
          `  托位 slots: ${slots}\n` +
          `  indicators assessed ${s.indicatorsAssessed}, binding off track ${s.bindingOffTrack} · 约束性指标滞后 ${s.bindingOffTrack}\n` +
          `  sub-districts ${s.regions}, rejected rows ${s.rejectedRows} (sub-districts ${s.rejectedRegions}, observations ${s.rejectedObservations})\n` +
          `report: ${html}\n` +
          (report.rejected.length > 0 ? `errors: ${errors}\n` : ""),
      );
      setExit(s.rejectedRows > 0 ? EXIT.rowsRejected : EXIT.ok);
    });
}
