const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Day number of an ISO calendar date (日序号): whole days since 1970-01-01, or `NaN` unless `text` is a real
 * `YYYY-MM-DD` day. Differences of day numbers are calendar-day differences — the same as date-fns
 * `differenceInCalendarDays` (a property test checks it), without time-zone or daylight-saving drift.
 *
 * @param text - the date
 * @returns the day number, or `NaN` for anything that is not a real ISO date
 */
export function isoDay(text: unknown): number {
  if (typeof text !== "string") return Number.NaN;
  const match = ISO.exec(text);
  if (match === null) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return Number.NaN;
  return Math.round(date.getTime() / MS_PER_DAY);
}
