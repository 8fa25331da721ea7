const MAX_TEXT = 60;

/**
 * Describe any value for an error message (错误信息中的取值描述), safely: never throws and never grows with the value.
 * Strings are quoted (and cut after 60 characters), numbers keep their sign (`-0`), BigInts keep their `n`, and
 * objects are named by kind only — so a circular, 10,000-deep, `Object.create(null)` or throwing value cannot break
 * the message that reports it.
 *
 * @param value - anything
 * @param lang - `en` (default) or `zh`
 * @returns a short description
 * @example
 * ```ts
 * describeValue("870,000"); // → "\"870,000\""
 * describeValue(10n); // → "10n"
 * describeValue([1, 2, 3]); // → "an array of 3 items"
 * describeValue(Object.create(null), "zh"); // → "对象"
 * ```
 */
export function describeValue(value: unknown, lang: "en" | "zh" = "en"): string {
  const zh = lang === "zh";
  try {
    switch (typeof value) {
      case "string":
        return JSON.stringify(value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value);
      case "number":
        return Object.is(value, -0) ? "-0" : String(value);
      case "bigint":
        return `${value.toString()}n`;
      case "boolean":
        return value ? "true" : "false";
      case "undefined":
        return "undefined";
      case "symbol":
        return zh ? "符号（Symbol）" : "a symbol";
      case "function":
        return zh ? "函数" : "a function";
      default:
        if (value === null) return "null";
        if (Array.isArray(value)) return zh ? `数组（${value.length} 项）` : `an array of ${value.length} items`;
        if (value instanceof Date) {
          const time = value.getTime();
          if (Number.isNaN(time)) return zh ? "无效的 Date" : "an invalid Date";
          return zh ? `Date（${value.toISOString()}）` : `a Date (${value.toISOString()})`;
        }
        return zh ? "对象" : "an object";
    }
  } catch {
    return zh ? "无法读取的值" : "an unreadable value";
  }
}
