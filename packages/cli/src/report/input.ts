import type { RegionRow } from "@carekit/capacity";
import { CarekitError, IsoDateSchema, isCarekitError, type Label, LabelSchema } from "@carekit/core";
import { describeValue, fieldError, readFields } from "@carekit/core/internal";
import type { Plan } from "@carekit/indicators";
import { definePlan } from "@carekit/indicators";
import type { FinanceStandardId } from "./finance.js";
import { FINANCE_STANDARDS } from "./finance.js";
import type { ReportLang, ReportSource } from "./model.js";
import { REPORT_LANGS } from "./model.js";
import type { FacilityStandardId } from "./next-steps.js";
import { FACILITY_STANDARDS } from "./next-steps.js";

/** A row the report could not use (拒收行): where it was, why, in both languages. */
export interface RejectedRow {
  /** Which input it came from. */
  readonly input: "regions" | "observations";
  /** Line in the input file (CSV: the header is line 1), or `null` for rows given in memory. */
  readonly line: number | null;
  /** 0-based position among that input's rows. */
  readonly index: number;
  readonly code: string;
  /** The field at fault, when known. */
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

/** The district-wide figure the plan itself publishes (全区口径): a population for a year and the slots it has. */
export interface DistrictFigure {
  /** Resident population (常住人口) for `populationYear`, e.g. 870,000 projected for 2025. */
  readonly population: number;
  readonly populationYear: number;
  /** Existing childcare slots (现有托位数) district-wide. */
  readonly existingSlots: number;
  /** Where the figures come from (title and 文号 of the document). */
  readonly source: Label;
  /** The population the plan gives for an earlier year (e.g. 834,600 in 2020), for the 2030 horizon. */
  readonly previous?: { readonly year: number; readonly population: number } | undefined;
}

/** An indicator observation: `indicatorId` is the id or the indicator's Chinese name as the plan prints it. */
export interface ReportObservation {
  readonly indicatorId: string;
  readonly year: number;
  readonly value: number;
}

/** Input of `buildDistrictReport`. */
export interface DistrictReportInput {
  /** The district's name (区县名称). */
  readonly name: Label;
  /** The district plan whose indicators are assessed (e.g. `plans.dazu2023`). */
  readonly plan: Plan;
  /** Sub-district rows (街道/镇): population, slots, enrolled, elders, beds, nursing beds. */
  readonly rows: readonly RegionRow[];
  /** Line of each row in its file, for the rejected-rows list (same order as `rows`). */
  readonly rowLines?: readonly number[];
  /** Year of the rows' population and counts (人口数据年份); printed beside every figure drawn from the rows. */
  readonly populationYear?: number | undefined;
  /** Where the rows come from (a file name, or the example's description). */
  readonly rowsSource?: Label | undefined;
  /** Observed indicator values (indicator id or Chinese name, year, value in the plan's unit). */
  readonly observations: readonly ReportObservation[];
  /** Line of each observation in its file (same order as `observations`). */
  readonly observationLines?: readonly number[];
  /** Rows the reader already rejected (unreadable lines), listed with the others. */
  readonly rejected?: readonly RejectedRow[];
  /** Which inputs are illustrative (示意数据): each such section and figure carries a visible mark. */
  readonly illustrative?: { readonly rows?: boolean; readonly observations?: boolean };
  /** The district-wide figure published by the plan, used for the headline when given. */
  readonly district?: DistrictFigure | undefined;
  /** Childcare slots per 1000 residents to plan for (e.g. 4.5). */
  readonly targetPer1000: number;
  /** Nursing-bed share to plan for, as a fraction (e.g. 0.6). */
  readonly nursingShareTarget?: number | undefined;
  /** The date printed on the report (YYYY-MM-DD); an explicit input, never the clock. */
  readonly generatedOn: string;
  /** Extra sources to list (e.g. the plan document behind the example data). */
  readonly sources?: readonly ReportSource[];
  /** The childcare standard whose class, carer and area rules size the facilities of 下一步 (default `taiyuan2025`). */
  readonly facilityStandard?: FacilityStandardId | undefined;
  /** A childcare finance standard (e.g. `taiyuan2026`): adds the operating-subsidy budget for closing the gap. */
  readonly finance?: FinanceStandardId | undefined;
  /** `zh`, `en` or `both` (default). */
  readonly lang?: ReportLang | undefined;
}

/**
 * Check the input of `buildDistrictReport` at the boundary (报告输入校验): every field a report reads, with its path
 * and a message in both languages — so that a caller's mistake is a `CarekitError`, never a raw `TypeError` from deep
 * inside the report. Rows and observations are checked one by one by `assessRegions` and `assessPlan`, which turn a
 * bad one into that row's rejection; the fields here are the ones a report cannot be made without.
 */

/** The fields of a report's input, as `checkReportInput` reads them. */
export const REPORT_INPUT_KEYS = [
  "name",
  "plan",
  "rows",
  "rowLines",
  "populationYear",
  "rowsSource",
  "observations",
  "observationLines",
  "rejected",
  "illustrative",
  "district",
  "targetPer1000",
  "nursingShareTarget",
  "generatedOn",
  "sources",
  "facilityStandard",
  "finance",
  "lang",
] as const;

function invalid(path: string, expected: string, expectedZh: string, value: unknown): never {
  throw fieldError(
    "INVALID_INPUT",
    path,
    `expected ${expected}, got ${describeValue(value)}`,
    `应为${expectedZh}，实际为 ${describeValue(value, "zh")}`,
  );
}

/** Run `read` and put `prefix` before the path of every issue of the CarekitError it throws. */
function under<T>(prefix: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!isCarekitError(error)) throw error;
    const at = (path: string) =>
      path === "" ? prefix : path.startsWith("[") ? `${prefix}${path}` : `${prefix}.${path}`;
    throw new CarekitError({
      code: error.code,
      message: `${prefix}: ${error.message}`,
      messageZh: `${prefix}: ${error.messageZh}`,
      issues: error.issues.map((issue) => ({ ...issue, path: at(issue.path) })),
    });
  }
}

function label(value: unknown, path: string): Label {
  const parsed = LabelSchema.safeParse(value);
  if (!parsed.success) invalid(path, "a label { zh, en } of two non-empty strings", "中英文标签 { zh, en }", value);
  return parsed.data;
}

function optional<T>(value: unknown, read: (value: unknown) => T): T | undefined {
  return value === undefined ? undefined : read(value);
}

function arrayOf<T>(value: unknown, path: string, check: (item: unknown, at: string) => T): T[] {
  if (!Array.isArray(value)) invalid(path, "an array", "数组", value);
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const at = `${path}[${i}]`;
    out.push(check(readFields(value, [String(i)], path)[String(i)], at));
  }
  return out;
}

function text(value: unknown, at: string, optional = false): void {
  if (optional && value === undefined) return;
  if (typeof value !== "string") invalid(at, "a string", "字符串", value);
}

function lineNumber(value: unknown, at: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) invalid(at, "a line number ≥ 1", "不小于 1 的行号", value);
  return value as number;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    invalid(path, `one of ${allowed.join(", ")}`, `${allowed.join("、")} 之一`, value);
  }
  return value as T;
}

function year(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1900 || (value as number) > 2200) {
    invalid(path, "a year from 1900 to 2200", "1900 至 2200 之间的年份", value);
  }
  return value as number;
}

/**
 * The checked input of `buildDistrictReport`: the same values, with the plan validated by indicators' `definePlan`.
 *
 * @throws {CarekitError} INVALID_INPUT (or the plan's own code) with the field path; UNREADABLE_INPUT for a getter
 *   that throws
 */
export function checkReportInput(input: unknown): DistrictReportInput {
  const f = readFields(input, REPORT_INPUT_KEYS, "");
  if (typeof f.generatedOn !== "string" || !IsoDateSchema.safeParse(f.generatedOn).success) {
    invalid("generatedOn", "a date YYYY-MM-DD", "日期 YYYY-MM-DD", f.generatedOn);
  }
  if (typeof f.targetPer1000 !== "number") invalid("targetPer1000", "a number", "数值", f.targetPer1000);
  if (f.nursingShareTarget !== undefined && typeof f.nursingShareTarget !== "number") {
    invalid("nursingShareTarget", "a number", "数值", f.nursingShareTarget);
  }
  if (!Array.isArray(f.rows)) invalid("rows", "an array of rows", "行数组", f.rows);
  if (!Array.isArray(f.observations)) invalid("observations", "an array of observations", "观测值数组", f.observations);
  const illustrative = optional(f.illustrative, (value) => {
    const flags = readFields(value, ["rows", "observations"], "illustrative");
    for (const key of ["rows", "observations"] as const) {
      if (flags[key] !== undefined && typeof flags[key] !== "boolean") {
        invalid(`illustrative.${key}`, "true or false", "true 或 false", flags[key]);
      }
    }
    return flags as { rows?: boolean; observations?: boolean };
  });
  const district = optional(f.district, (value) => {
    const d = readFields(value, ["population", "populationYear", "existingSlots", "source", "previous"], "district");
    year(d.populationYear, "district.populationYear");
    label(d.source, "district.source");
    if (d.previous !== undefined) {
      const p = readFields(d.previous, ["year", "population"], "district.previous");
      year(p.year, "district.previous.year");
      if (typeof p.population !== "number") invalid("district.previous.population", "a number", "数值", p.population);
    }
    return value as DistrictReportInput["district"];
  });
  return {
    name: label(f.name, "name"),
    plan: under("plan", () => definePlan(f.plan as never)),
    rows: arrayOf(f.rows, "rows", (item) => item) as DistrictReportInput["rows"],
    ...(f.rowLines === undefined ? {} : { rowLines: arrayOf(f.rowLines, "rowLines", lineNumber) }),
    ...(f.populationYear === undefined ? {} : { populationYear: year(f.populationYear, "populationYear") }),
    ...(f.rowsSource === undefined ? {} : { rowsSource: label(f.rowsSource, "rowsSource") }),
    observations: arrayOf(f.observations, "observations", (item) => item) as DistrictReportInput["observations"],
    ...(f.observationLines === undefined
      ? {}
      : { observationLines: arrayOf(f.observationLines, "observationLines", lineNumber) }),
    ...(f.rejected === undefined
      ? {}
      : {
          rejected: arrayOf(f.rejected, "rejected", (item, at) => {
            const r = readFields(item, ["input", "line", "index", "code", "path", "message", "messageZh"], at);
            oneOf(r.input, `${at}.input`, ["regions", "observations"] as const);
            if (r.line !== null) lineNumber(r.line, `${at}.line`);
            if (!Number.isSafeInteger(r.index) || (r.index as number) < 0) {
              invalid(`${at}.index`, "an index ≥ 0", "不小于 0 的序号", r.index);
            }
            for (const key of ["code", "path", "message", "messageZh"] as const) text(r[key], `${at}.${key}`);
            return r as unknown as NonNullable<DistrictReportInput["rejected"]>[number];
          }),
        }),
    ...(illustrative === undefined ? {} : { illustrative }),
    ...(district === undefined ? {} : { district }),
    targetPer1000: f.targetPer1000,
    ...(f.nursingShareTarget === undefined ? {} : { nursingShareTarget: f.nursingShareTarget as number }),
    generatedOn: f.generatedOn,
    ...(f.sources === undefined
      ? {}
      : {
          sources: arrayOf(f.sources, "sources", (item, at) => {
            const source = readFields(item, ["title", "number", "note"], at);
            text(source.title, `${at}.title`);
            text(source.number, `${at}.number`, true);
            text(source.note, `${at}.note`, true);
            return source as unknown as NonNullable<DistrictReportInput["sources"]>[number];
          }),
        }),
    ...(f.facilityStandard === undefined
      ? {}
      : { facilityStandard: oneOf(f.facilityStandard, "facilityStandard", FACILITY_STANDARDS) }),
    ...(f.finance === undefined ? {} : { finance: oneOf(f.finance, "finance", FINANCE_STANDARDS) }),
    ...(f.lang === undefined ? {} : { lang: oneOf(f.lang, "lang", REPORT_LANGS) }),
  };
}
