// Date keys for the settler's hot path: a validated ISO date `YYYY-MM-DD` read digit by digit, without slicing or
// parsing. `test/reference/day-key.ts` computes the same with date-fns and a differential test compares them.

/**
 * A validated ISO date `YYYY-MM-DD` as the integer `YYYYMMDD`, ordered like the dates themselves. Only for dates that
 * passed `IsoDateSchema` or the claim guard: any other string gives a meaningless number.
 */
export function dayKey(date: string): number {
  return (
    (date.charCodeAt(0) - 48) * 10_000_000 +
    (date.charCodeAt(1) - 48) * 1_000_000 +
    (date.charCodeAt(2) - 48) * 100_000 +
    (date.charCodeAt(3) - 48) * 10_000 +
    (date.charCodeAt(5) - 48) * 1000 +
    (date.charCodeAt(6) - 48) * 100 +
    (date.charCodeAt(8) - 48) * 10 +
    date.charCodeAt(9) -
    48
  );
}

/** The calendar year of a day key (its first four digits). */
export function yearOfDay(day: number): number {
  return (day / 10_000) | 0;
}
