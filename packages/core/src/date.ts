// one module per function: the package index re-exports ~250 modules, which take ≈ 0.2 s to load in Node (every CLI
// run, worker thread and serverless cold start paid it)
import { addDays as addDaysFns } from "date-fns/addDays";
import { differenceInMonths } from "date-fns/differenceInMonths";
import { differenceInYears } from "date-fns/differenceInYears";
import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import * as z from "zod";
import { describeValue } from "./describe.js";
import { fieldError } from "./error.js";
import { readFields } from "./read.js";

/** An ISO calendar date `YYYY-MM-DD` (日期), with date-only semantics: no time, no time zone. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDateOrNull(text: string): Date | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(year, month - 1, day);
  date.setFullYear(year); // years 0–99 would otherwise map to 1900–1999
  if (!isValid(date) || date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  return date;
}

/**
 * Zod schema of an {@link IsoDate}: `YYYY-MM-DD` naming a real calendar day (`2024-02-29` yes, `2024-02-30` no).
 *
 * @example
 * ```ts
 * IsoDateSchema.safeParse("2024-02-29").success; // → true
 * IsoDateSchema.safeParse("2024-02-30").success; // → false
 * ```
 */
export const IsoDateSchema = /* @__PURE__ */ (() =>
  z.string().refine((text) => toDateOrNull(text) !== null, {
    error: "must be a real calendar date in the form YYYY-MM-DD",
    params: { zh: "必须是真实存在的日期，格式为 YYYY-MM-DD" },
  }))();

/**
 * Read an {@link IsoDate} as a local-midnight `Date` for date-fns (解析日期).
 *
 * @throws {CarekitError} `INVALID_DATE` unless `text` is a real `YYYY-MM-DD` date
 * @example
 * ```ts
 * const date = parseIsoDate("2024-03-01");
 * date.getDate(); // → 1
 * parseIsoDate("2024-02-30"); // → throws INVALID_DATE
 * ```
 */
export function parseIsoDate(text: IsoDate, path = "date"): Date {
  const date = typeof text === "string" ? toDateOrNull(text) : null;
  if (date === null) {
    throw fieldError(
      "INVALID_DATE",
      path,
      `must be a real calendar date YYYY-MM-DD, got ${describeValue(text)}`,
      `必须是真实存在的日期（YYYY-MM-DD），实际为 ${describeValue(text, "zh")}`,
    );
  }
  return date;
}

/**
 * Write a `Date` as an {@link IsoDate} in its local calendar (格式化日期).
 *
 * @throws {CarekitError} `INVALID_DATE` for an invalid `Date` (`new Date(NaN)`) or one outside the years 0000–9999
 *
 * @example
 * ```ts
 * formatIsoDate(new Date(2024, 2, 1)); // → "2024-03-01"
 * formatIsoDate(new Date(Number.NaN)); // → throws INVALID_DATE
 * ```
 */
export function formatIsoDate(date: Date, path = "date"): IsoDate {
  let year = Number.NaN;
  try {
    if (date instanceof Date) year = date.getFullYear();
  } catch {
    // a Date subclass or proxy whose getter throws: reported below
  }
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw fieldError(
      "INVALID_DATE",
      path,
      `must be a valid Date in the years 0000 to 9999, got ${describeValue(date)}`,
      `必须是 0000 至 9999 年间的有效 Date，实际为 ${describeValue(date, "zh")}`,
    );
  }
  return format(date, "yyyy-MM-dd");
}

function orderedPair(from: IsoDate, to: IsoDate, fromPath: string, toPath: string): [Date, Date] {
  const start = parseIsoDate(from, fromPath);
  const end = parseIsoDate(to, toPath);
  if (end < start) {
    throw fieldError("INVALID_DATE", toPath, `${to} is before ${from}`, `${to} 早于 ${from}`);
  }
  return [start, end];
}

/**
 * Age in completed years on a given day (周岁): 0 until the first birthday. A birthday of 29 February is reached
 * on 28 February in common years (date-fns `differenceInYears`).
 *
 * @throws {CarekitError} `INVALID_DATE` for a malformed date or `on` before `birthDate`
 * @example
 * ```ts
 * ageOn({ birthDate: "1964-03-01", on: "2024-02-29" }); // → 59
 * ageOn({ birthDate: "1964-03-01", on: "2024-03-01" }); // → 60
 * ```
 */
export function ageOn(input: { readonly birthDate: IsoDate; readonly on: IsoDate }): number {
  const { birthDate, on: day } = readFields(input, ["birthDate", "on"]);
  const [birth, on] = orderedPair(birthDate as IsoDate, day as IsoDate, "birthDate", "on");
  return differenceInYears(on, birth);
}

/**
 * Whole calendar months from `from` to `to` (整月数): `2024-01-15` → `2024-03-14` is 1, → `2024-03-15` is 2.
 *
 * @throws {CarekitError} `INVALID_DATE` for a malformed date or `to` before `from`
 * @example
 * ```ts
 * monthsBetween({ from: "2024-01-15", to: "2024-03-14" }); // → 1
 * monthsBetween({ from: "2024-01-15", to: "2024-03-15" }); // → 2
 * ```
 */
export function monthsBetween(input: { readonly from: IsoDate; readonly to: IsoDate }): number {
  const fields = readFields(input, ["from", "to"]);
  const [from, to] = orderedPair(fields.from as IsoDate, fields.to as IsoDate, "from", "to");
  return differenceInMonths(to, from);
}

/**
 * Add (or, with a negative count, subtract) calendar days to an ISO date (日期加减天数).
 *
 * @throws {CarekitError} `INVALID_DATE` for a malformed date; `INVALID_INPUT` when `days` is not a safe integer;
 *   `OUT_OF_RANGE` when the result falls outside the years 0000–9999 (`addDays("9999-12-31", 1)`)
 * @example
 * ```ts
 * addDays("2024-02-28", 1); // → "2024-02-29"
 * addDays("2024-03-01", -1); // → "2024-02-29"
 * addDays("9999-12-31", 1); // → throws OUT_OF_RANGE
 * ```
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const start = parseIsoDate(date);
  if (!Number.isSafeInteger(days)) {
    throw fieldError(
      "INVALID_INPUT",
      "days",
      `must be an integer, got ${describeValue(days)}`,
      `天数必须是整数，实际为 ${describeValue(days, "zh")}`,
    );
  }
  const end = addDaysFns(start, days);
  const year = end.getFullYear();
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw fieldError(
      "OUT_OF_RANGE",
      "days",
      `${date} + ${days} days falls outside the years 0000 to 9999`,
      `${date} 加 ${days} 天超出 0000 至 9999 年`,
    );
  }
  return formatIsoDate(end);
}

/**
 * Whether ISO date `date` is on or before `reference` (不晚于).
 *
 * @throws {CarekitError} `INVALID_DATE` for a malformed date
 * @example
 * ```ts
 * isOnOrBefore("2024-03-01", "2024-03-01"); // → true
 * isOnOrBefore("2024-03-02", "2024-03-01"); // → false
 * ```
 */
export function isOnOrBefore(date: IsoDate, reference: IsoDate): boolean {
  return parseIsoDate(date, "date") <= parseIsoDate(reference, "reference");
}
