import { type AssessRegionsOptions, assessRegions, type RegionAssessment, type RegionRow } from "@carekit/capacity";
import { CarekitError } from "@carekit/core";
import type { Command } from "commander";
import { runBatch } from "../io/batch.js";
import { canonicalRecord, coerceCells } from "../io/columns.js";
import { batchOptions, batchOptionsFrom, finishBatch } from "../program.js";
import { numberOption } from "./options.js";

const NUMERIC = new Set(["population", "elderPopulation", "slots", "enrolled", "beds", "nursingBeds"]);
const COLUMNS = [
  "region",
  "population",
  "slots",
  "slotsPer1000",
  "requiredSlots",
  "slotGap",
  "slotSurplus",
  "enrolled",
  "utilization",
  "elderPopulation",
  "beds",
  "bedsPer1000Elders",
  "requiredBeds",
  "bedGap",
  "nursingBeds",
  "nursingBedShare",
  "requiredNursingBeds",
  "nursingBedGap",
] as const;

function flatten(result: Omit<RegionAssessment, "index"> & { region: string }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of COLUMNS) out[column] = (result as Record<string, unknown>)[column] ?? "";
  return out;
}

/** `carekit capacity <file>`: ratios, gaps and utilisation per district row, with a totals row (托位与床位测算). */
export function registerCapacity(program: Command, setExit: (code: number) => void): void {
  batchOptions(
    program
      .command("capacity")
      .summary("slots and beds per district: ratios, gaps, utilisation · 托位与养老床位测算")
      .argument("<file>", "CSV, JSON or JSON Lines of districts (region, population, slots, …), or - for stdin")
      .requiredOption(
        "--target-per-1000 <n>",
        "childcare slots per 1000 residents, e.g. 4.5 · 每千人口托位目标",
        numberOption,
      )
      .option("--bed-target-per-1000 <n>", "elder-care beds per 1000 elders · 每千名老年人床位目标", numberOption)
      .option("--nursing-share-target <share>", "nursing-bed share, e.g. 0.6 · 护理型床位占比目标", numberOption)
      .option("--elder-age <age>", "elders are 60+ (default) or 65+ · 老年人口口径", numberOption),
  )
    .addHelpText(
      "after",
      `
Columns (Chinese or English headers) · 列名（中英文均可）:
  region 地区, population 常住人口, elderPopulation 老年人口, slots 托位数, enrolled 在托人数,
  beds 养老床位数, nursingBeds 护理型床位数

Examples · 示例:
  carekit capacity districts.csv --target-per-1000 4.5
  carekit capacity districts.csv --target-per-1000 4.5 --nursing-share-target 0.6 -o gaps.csv
  cat districts.jsonl | carekit capacity - --input-format jsonl --target-per-1000 4.5 -f jsonl`,
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const options: AssessRegionsOptions = { targetPer1000: opts.targetPer1000 as number };
      if (opts.bedTargetPer1000 !== undefined) options.bedTargetPer1000 = opts.bedTargetPer1000 as number;
      if (opts.nursingShareTarget !== undefined) options.nursingShareTarget = opts.nursingShareTarget as number;
      if (opts.elderAge !== undefined) options.elderAge = opts.elderAge as 60 | 65;
      assessRegions([], options); // validates the options once: a bad target is a usage error, not a row error
      const accepted: RegionRow[] = [];
      const summary = await runBatch(batchOptionsFrom(file, opts), {
        columns: COLUMNS,
        row(record) {
          const row = coerceCells(canonicalRecord(record), NUMERIC) as RegionRow;
          const { results, errors } = assessRegions([row], options);
          const [error] = errors;
          if (error) throw new CarekitError(error);
          accepted.push(row);
          return flatten(results[0] as RegionAssessment);
        },
        finish() {
          if (accepted.length === 0) return [];
          const { totals } = assessRegions(accepted, options);
          return [flatten({ ...totals, region: "合计 total" } as never)];
        },
      });
      setExit(finishBatch(summary, opts.quiet as boolean | undefined));
    });
}
