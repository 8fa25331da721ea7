import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { RegionRow } from "@carekit/capacity";
import { formatIsoDate, IsoDateSchema, parseInput } from "@carekit/core";
import type { PlanObservation } from "@carekit/indicators";
import type { Command } from "commander";
import { dazuExample } from "../examples/dazu.js";
import { canonicalRecord, coerceCells } from "../io/columns.js";
import { readRows, UnreadableRow } from "../io/read.js";
import { EXIT, UsageError } from "../program.js";
import type { DistrictReportInput } from "../report/district.js";
import { loadPlan } from "./indicators.js";
import { numberOption } from "./options.js";

async function readTable(path: string, numeric: readonly string[]): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of readRows({ path })) {
    if (row instanceof UnreadableRow) throw new UsageError(`${path}:${row.line}: ${row.message}`);
    rows.push(coerceCells(canonicalRecord(row.record), new Set(numeric)));
  }
  return rows;
}

/** `carekit report`: the district planning report as HTML and Markdown (区县规划报告). */
export function registerReport(program: Command, setExit: (code: number) => void): void {
  program
    .command("report")
    .summary("the district planning report (HTML + Markdown) · 区县“一老一小”规划报告")
    .option("--example <name>", "use an embedded example dataset (dazu) · 使用内置示例数据")
    .option("--plan <id|file>", "plan id (e.g. dazu2023) or plan JSON · 规划")
    .option("--regions <file>", "sub-district table (CSV/JSON/JSONL) · 街镇数据")
    .option("--observations <file>", "indicator observations (indicatorId, year, value) · 指标观测值")
    .option("--name <name>", "district name for the title · 区县名称")
    .option(
      "--target-per-1000 <n>",
      "childcare slots per 1000 residents (default 4.5) · 每千人口托位目标",
      numberOption,
    )
    .option("--nursing-share-target <share>", "nursing-bed share target, e.g. 0.6 · 护理型床位占比目标", numberOption)
    .option("--date <YYYY-MM-DD>", "date printed on the report (default: today) · 报告日期")
    .requiredOption("-o, --out <dir>", "output folder · 输出目录")
    .addHelpText(
      "after",
      `
Examples · 示例:
  carekit report --example dazu --out report/
  carekit report --plan dazu2023 --regions towns.csv --observations obs.csv --name 大足区 --out report/`,
    )
    .action(async (opts: Record<string, string | number | undefined>) => {
      let input: DistrictReportInput;
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
          observations: [...d.observations],
          targetPer1000: (opts.targetPer1000 as number | undefined) ?? d.district.targetPer1000,
          nursingShareTarget: (opts.nursingShareTarget as number | undefined) ?? d.district.nursingShareTarget,
          projection: { year: 2025, population: d.district.population2025 },
          generatedOn,
          sources: [d.source],
        };
      } else {
        if (!opts.plan || !opts.regions || !opts.observations)
          throw new UsageError(
            "give --example, or all of --plan, --regions and --observations · 请提供示例或规划、街镇数据和观测值",
          );
        const plan = await loadPlan(String(opts.plan));
        input = {
          name: { zh: String(opts.name ?? plan.name.zh), en: String(opts.name ?? plan.name.en) },
          plan,
          rows: (await readTable(String(opts.regions), [
            "population",
            "elderPopulation",
            "slots",
            "enrolled",
            "beds",
            "nursingBeds",
          ])) as RegionRow[],
          observations: (await readTable(String(opts.observations), ["year", "value"])) as PlanObservation[],
          targetPer1000: (opts.targetPer1000 as number | undefined) ?? 4.5,
          ...(opts.nursingShareTarget === undefined ? {} : { nursingShareTarget: opts.nursingShareTarget as number }),
          generatedOn,
        };
      }
      const { buildDistrictReport } = await import("../report/district.js"); // Vega loads only for reports
      const report = await buildDistrictReport(input);
      const dir = resolve(String(opts.out));
      await mkdir(dir, { recursive: true });
      const html = join(dir, "report.html");
      await writeFile(html, report.html);
      await writeFile(join(dir, "report.md"), report.markdown);
      const s = report.summary;
      process.stdout.write(
        `${input.name.zh} · ${input.name.en}\n` +
          `  托位 slots: required ${s.requiredSlots}, existing ${s.existingSlots}, gap ${s.slotGap}\n` +
          `  indicators assessed ${s.indicatorsAssessed}, binding off track ${s.bindingOffTrack} · 约束性指标滞后 ${s.bindingOffTrack}\n` +
          `  sub-districts ${s.regions}, rejected rows ${s.rejectedRows}\n` +
          `report: ${html}\n`,
      );
      setExit(s.rejectedRows > 0 ? EXIT.rowsRejected : EXIT.ok);
    });
}
