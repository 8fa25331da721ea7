import { getDate, getMonth, getYear, parseISO } from "date-fns";

// Obviously correct references of src/internal/day-key.ts: date-fns reads the ISO date, the key is composed from its
// calendar fields.

/** The reference `dayKey`: `YYYYMMDD` from date-fns' calendar fields of the parsed date. */
export function referenceDayKey(date: string): number {
  const parsed = parseISO(date);
  return getYear(parsed) * 10_000 + (getMonth(parsed) + 1) * 100 + getDate(parsed);
}

/** The reference year of a date (`yearOfDay(dayKey(date))`): date-fns' year of the parsed date. */
export function referenceYearOf(date: string): number {
  return getYear(parseISO(date));
}
