/**
 * The CLI's exact fast path from a yuan cell to fen (元 → 分) for the decimal strings spreadsheets write: ASCII digits
 * (at most 12 before the point) with an optional point and one or two decimals — `"3353.99"`, `"0.5"`, `"870"`.
 * Anything else (a sign, grouping commas, spaces, three decimals, `"12."`) returns `-1`, and the caller takes the
 * strict reading (`numericText` + core's `yuanToFen`), which either converts it or explains the error. The reference
 * it is tested against (a differential property test) is core's `yuanToFen`.
 *
 * @example
 * ```ts
 * plainYuanToFen("3353.99");
 * // → 335399
 * plainYuanToFen("1,234.50");
 * // → -1
 * ```
 */
export function plainYuanToFen(text: string): number {
  return plainYuanToFenAt(text, 0, text.length);
}

/** {@link plainYuanToFen} of `text.slice(start, end)`, without making that string. */
export function plainYuanToFenAt(text: string, start: number, end: number): number {
  const length = end - start;
  if (length <= 0 || length > 15) return -1;
  let whole = 0;
  let i = start;
  for (; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i === start || i - start > 12) return -1;
  if (i === end) return whole * 100;
  if (text.charCodeAt(i) !== 46) return -1;
  const decimals = end - i - 1;
  const d1 = text.charCodeAt(i + 1) - 48;
  if (decimals === 1) return d1 >= 0 && d1 <= 9 ? whole * 100 + d1 * 10 : -1;
  if (decimals !== 2) return -1;
  const d2 = text.charCodeAt(i + 2) - 48;
  return d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 ? whole * 100 + d1 * 10 + d2 : -1;
}
