import { addDays as addDaysFns, differenceInMonths, differenceInYears, format, isValid } from "date-fns";
import * as z from "zod";
import { fieldError } from "./error.js";

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
 * {@includeCode ../test/date.test.ts#schema}
 */
export const IsoDateSchema = /* @__PURE__ */ z.string().refine((text) => toDateOrNull(text) !== null, {
  error: "must be a real calendar date in the form YYYY-MM-DD",
  params: { zh: "必须是真实存在的日期，格式为 YYYY-MM-DD" },
});

/**
 * Read an {@link IsoDate} as a local-midnight `Date` for date-fns (解析日期).
 *
 * @throws {CarekitError} `INVALID_DATE` unless `text` is a real `YYYY-MM-DD` date
 * @example
 * {@includeCode ../test/date.test.ts#parse}
 */
export function parseIsoDate(text: IsoDate, path = "date"): Date {
  const date = typeof text === "string" ? toDateOrNull(text) : null;
  if (date === null) {
    throw fieldError(
      "INVALID_DATE",
      path,
      `must be a real calendar date YYYY-MM-DD, got ${JSON.stringify(text)}`,
      `必须是真实存在的日期（YYYY-MM-DD），实际为 ${JSON.stringify(text)}`,
    );
  }
  return date;
}

/**
 * Write a `Date` as an {@link IsoDate} in its local calendar (格式化日期).
 *
 * @example
 * {@includeCode ../test/date.test.ts#parse}
 */
export function formatIsoDate(date: Date): IsoDate {
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
 * {@includeCode ../test/date.test.ts#age}
 */
export function ageOn(input: { readonly birthDate: IsoDate; readonly on: IsoDate }): number {
  const [birth, on] = orderedPair(input.birthDate, input.on, "birthDate", "on");
  return differenceInYears(on, birth);
}

/**
 * Whole calendar months from `from` to `to` (整月数): `2024-01-15` → `2024-03-14` is 1, → `2024-03-15` is 2.
 *
 * @throws {CarekitError} `INVALID_DATE` for a malformed date or `to` before `from`
 * @example
 * {@includeCode ../test/date.test.ts#months}
 */
export function monthsBetween(input: { readonly from: IsoDate; readonly to: IsoDate }): number {
  const [from, to] = orderedPair(input.from, input.to, "from", "to");
  return differenceInMonths(to, from);
}

/**
 * Add (or, with a negative count, subtract) calendar days to an ISO date (日期加减天数).
 *
 * @throws {CarekitError} `INVALID_DATE` for a malformed date; `INVALID_INPUT` when `days` is not a safe integer
 * @example
 * {@includeCode ../test/date.test.ts#addDays}
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const start = parseIsoDate(date);
  if (!Number.isSafeInteger(days)) {
    throw fieldError(
      "INVALID_INPUT",
      "days",
      `must be an integer, got ${String(days)}`,
      `天数必须是整数，实际为 ${String(days)}`,
    );
  }
  return formatIsoDate(addDaysFns(start, days));
}

/**
 * Whether ISO date `date` is on or before `reference` (不晚于).
 *
 * @throws {CarekitError} `INVALID_DATE` for a malformed date
 * @example
 * {@includeCode ../test/date.test.ts#addDays}
 */
export function isOnOrBefore(date: IsoDate, reference: IsoDate): boolean {
  return parseIsoDate(date, "date") <= parseIsoDate(reference, "reference");
}
