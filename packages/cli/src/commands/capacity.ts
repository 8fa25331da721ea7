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
import type { TableSpec } from "../io/columns.js";
import { batchOptions, batchOptionsFrom, finishBatch } from "../program.js";
import { numberOption } from "./options.js";

const PEOPLE = { zh: "人", en: "persons" } as const;

/** The input table of `carekit capacity` (one row per district or 街镇). */
export const CAPACITY_TABLE: TableSpec = {
  command: "capacity",
  labelColumn: "region",
  columns: [
    {
      name: "region",
      zh: "地区",
      type: "text",
      required: true,
      description: { zh: "区县或街镇名称", en: "district or sub-district name" },
    },
    {
      name: "population",
      zh: "常住人口",
      type: "integer",
      required: true,
      unit: PEOPLE,
      description: { zh: "常住人口数", en: "resident population" },
    },
    {
      name: "existingSlots",
      zh: "托位数",
      aliases: ["slots"],
      type: "integer",
      unit: { zh: "个", en: "slots" },
      description: { zh: "现有托育托位数", en: "existing childcare slots" },
    },
    {
      name: "enrolled",
      zh: "在托人数",
      type: "integer",
      unit: PEOPLE,
      description: { zh: "实际在托婴幼儿数（需同时给出托位数）", en: "children enrolled (needs slots)" },
    },
    {
      name: "elderPopulation",
      zh: "老年人口",
      aliases: ["60岁及以上人口", "65岁及以上人口"],
      type: "integer",
      unit: PEOPLE,
      description: { zh: "60（或 65）岁及以上常住人口", en: "residents aged 60+ (or 65+, see --elder-age)" },
    },
    {
      name: "existingBeds",
      zh: "养老床位数",
      aliases: ["beds"],
      type: "integer",
      unit: { zh: "张", en: "beds" },
      description: { zh: "现有养老床位数", en: "existing elder-care beds" },
    },
    {
      name: "nursingBeds",
      zh: "护理型床位数",
      type: "integer",
      unit: { zh: "张", en: "beds" },
      description: { zh: "其中护理型床位数", en: "of which nursing-care beds" },
    },
  ],
};

/** The numeric columns of a districts table (人口、托位、床位 …), as `carekit capacity` and `carekit report` read them. */
export const NUMERIC_INPUTS = [
  "population",
  "elderPopulation",
  "existingSlots",
  "enrolled",
  "existingBeds",
  "nursingBeds",
] as const;

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

/** Chinese labels of the output columns (for `.xlsx` output). */
export const CAPACITY_LABELS: Readonly<Record<string, string>> = {
  region: "地区",
  population: "常住人口",
  slots: "托位数",
  slotsPer1000: "每千人口托位数",
  requiredSlots: "所需托位数",
  slotGap: "托位缺口",
  slotSurplus: "托位富余",
  enrolled: "在托人数",
  utilization: "托位使用率(%)",
  elderPopulation: "老年人口",
  beds: "养老床位数",
  bedsPer1000Elders: "每千名老年人床位数",
  requiredBeds: "所需养老床位数",
  bedGap: "养老床位缺口",
  nursingBeds: "护理型床位数",
  nursingBedShare: "护理型床位占比(%)",
  requiredNursingBeds: "所需护理型床位数",
  nursingBedGap: "护理型床位缺口",
};

/** Output columns that depend on an input column: blank in the totals row when no row gave that input. */
const DEPENDS: Readonly<Record<string, readonly string[]>> = {
  existingSlots: ["slots", "slotsPer1000", "slotGap", "slotSurplus", "utilization"],
  enrolled: ["enrolled", "utilization"],
  elderPopulation: ["elderPopulation", "bedsPer1000Elders", "requiredBeds", "bedGap"],
  existingBeds: ["beds", "bedsPer1000Elders", "nursingBedShare", "requiredNursingBeds", "nursingBedGap", "bedGap"],
  nursingBeds: ["nursingBeds", "nursingBedShare", "nursingBedGap"],
};

/** The output values of one row (or the totals) in {@link COLUMNS} order, read from the library's nested result. */
function flattenValues(result: RegionAssessment | (RegionTotals & { region: string })): unknown[] {
  const c = result.childcare;
  const e = result.elderCare;
  const n = result.nursingCare;
  const values = [
    result.region,
    result.population,
    c.existingSlots,
    c.slotsPer1000?.rounded,
    c.requiredSlots,
    c.gap,
    c.surplus,
    c.enrolled,
    c.utilization?.rounded,
    result.elderPopulation,
    e.existingBeds,
    e.bedsPer1000Elders?.rounded,
    e.requiredBeds,
    e.gap,
    n.nursingBeds,
    n.nursingBedShare?.rounded,
    n.requiredNursingBeds,
    n.gap,
  ];
  for (let i = 0; i < values.length; i++) if (values[i] === undefined || values[i] === null) values[i] = "";
  return values;
}

/** The output columns of one row (or the totals) as a record. */
function flatten(result: RegionAssessment | (RegionTotals & { region: string })): Record<string, unknown> {
  const values = flattenValues(result);
  const out: Record<string, unknown> = {};
  COLUMNS.forEach((column, i) => {
    out[column] = values[i];
  });
  return out;
}

/** `carekit capacity <file>`: ratios, gaps and utilisation per district row, with a totals row (托位与床位测算). */
export function registerCapacity(program: Command, setExit: (code: number) => void): void {
  batchOptions(
    program
      .command("capacity")
      .summary("slots and beds per district: ratios, gaps, utilisation · 托位与养老床位测算")
      .argument("<file>", "CSV, .xlsx, JSON or JSON Lines of districts (region, population, slots, …), or - for stdin")
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
Columns (Chinese or English headers; carekit columns capacity lists them all) · 列名（中英文均可）:
  region 地区, population 常住人口, elderPopulation 老年人口, slots 托位数, enrolled 在托人数,
  beds 养老床位数, nursingBeds 护理型床位数

Examples · 示例:
  carekit capacity districts.csv --target-per-1000 4.5
  carekit capacity 街镇.xlsx --target-per-1000 4.5 --nursing-share-target 0.6 -o gaps.xlsx
  cat districts.jsonl | carekit capacity - --input-format jsonl --target-per-1000 4.5 -f jsonl`,
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const options: AssessRegionsOptions = { targetPer1000: opts.targetPer1000 as number };
      if (opts.bedTargetPer1000 !== undefined) options.bedTargetPer1000 = opts.bedTargetPer1000 as number;
      if (opts.nursingShareTarget !== undefined) options.nursingShareTarget = opts.nursingShareTarget as number;
      if (opts.elderAge !== undefined) options.elderAge = opts.elderAge as 60 | 65;
      assessRegions([], options); // validates the options once: a bad target is a usage error, not a row error
      const totals = createRegionTotals(); // accumulated as the rows go: memory independent of the row count
      const given = new Set<string>();
      const summary = await runBatch(batchOptionsFrom(file, opts), {
        spec: CAPACITY_TABLE,
        columns: COLUMNS,
        labels: CAPACITY_LABELS,
        row(record) {
          const result = assessRegion(record as RegionRow, options);
          totals.add(result);
          if (given.size < NUMERIC_INPUTS.length)
            for (const name of NUMERIC_INPUTS) if (record[name] !== undefined) given.add(name);
          return flattenValues(result);
        },
        finish() {
          const sum = totals.result();
          if (sum.rows === 0) return [];
          const row = flatten({ ...sum, region: "合计 total" });
          for (const [input, outputs] of Object.entries(DEPENDS))
            if (!given.has(input)) for (const output of outputs) row[output] = "";
          if (options.bedTargetPer1000 === undefined) row.requiredBeds = row.bedGap = "";
          if (options.nursingShareTarget === undefined) row.requiredNursingBeds = row.nursingBedGap = "";
          return [row];
        },
      });
      setExit(finishBatch(summary, opts.quiet as boolean | undefined));
    });
}
