import {
  type AssessRegionsOptions,
  assessRegion,
  assessRegions,
  createRegionTotals,
  type RegionAssessment,
  type RegionRow,
  type RegionTotals,
} from "@carekit/capacity";
import type { Command } from "commander";
import { runBatch } from "../io/batch.js";
import { canonicalRecord, coerceCells } from "../io/columns.js";
import { batchOptions, batchOptionsFrom, finishBatch } from "../program.js";
import { numberOption } from "./options.js";

const NUMERIC = new Set(["population", "elderPopulation", "existingSlots", "enrolled", "existingBeds", "nursingBeds"]);
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

/** The output columns of one row (or the totals), read from the library's nested result. */
function flatten(result: RegionAssessment | (RegionTotals & { region: string })): Record<string, unknown> {
  const c = result.childcare;
  const e = result.elderCare;
  const n = result.nursingCare;
  const values: Record<(typeof COLUMNS)[number], unknown> = {
    region: result.region,
    population: result.population,
    slots: c.existingSlots,
    slotsPer1000: c.slotsPer1000?.rounded,
    requiredSlots: c.requiredSlots,
    slotGap: c.gap,
    slotSurplus: c.surplus,
    enrolled: c.enrolled,
    utilization: c.utilization?.rounded,
    elderPopulation: result.elderPopulation,
    beds: e.existingBeds,
    bedsPer1000Elders: e.bedsPer1000Elders?.rounded,
    requiredBeds: e.requiredBeds,
    bedGap: e.gap,
    nursingBeds: n.nursingBeds,
    nursingBedShare: n.nursingBedShare?.rounded,
    requiredNursingBeds: n.requiredNursingBeds,
    nursingBedGap: n.gap,
  };
  const out: Record<string, unknown> = {};
  for (const column of COLUMNS) out[column] = values[column] ?? "";
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
      const totals = createRegionTotals();
      const summary = await runBatch(batchOptionsFrom(file, opts), {
        columns: COLUMNS,
        row(record) {
          const row = coerceCells(canonicalRecord(record), NUMERIC) as RegionRow;
          const result = assessRegion(row, options);
          totals.add(result);
          return flatten(result);
        },
        finish() {
          const sum = totals.result();
          if (sum.rows === 0) return [];
          return [flatten({ ...sum, region: "合计 total" })];
        },
      });
      setExit(finishBatch(summary, opts.quiet as boolean | undefined));
    });
}
