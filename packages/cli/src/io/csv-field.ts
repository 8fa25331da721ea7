// One CSV field and line as carekit writes them (CSV 字段): RFC 4180 quoting after the OWASP formula neutralisation.
// Its own module so that the string writer (write.ts) and the byte encoder (csv-bytes.ts) share it without importing
// each other.

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/**
 * Neutralise text a spreadsheet would run as a formula (OWASP "CSV injection"): a cell beginning with `=`, `+`, `-`,
 * `@`, tab or carriage return gets a leading `'`, so Excel and WPS show it as text. Numbers (and text that is a plain
 * number, such as `-12.5`) are left alone.
 */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !NUMERIC_TEXT.test(text) ? `'${text}` : text;
}

/** The text of a value in a cell (objects as JSON). */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Quote a CSV field when it needs it (RFC 4180), after neutralising formula-like text. */
export function csvField(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string" && plainText(value)) return value;
  const text = neutralise(cellText(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text a CSV field can carry as it is: it does not start like a formula and has no quote, comma or line end. */
function plainText(text: string): boolean {
  const first = text.charCodeAt(0);
  // = + - @ tab CR
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return false;
  }
  return true;
}

/** One CSV line (without its line end) of values: each field as {@link csvField} writes it. */
export function csvLine(values: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) line += ",";
    line += typeof value === "number" ? value : csvField(value);
  }
  return line;
}
