/**
 * Format a property path the way JavaScript code would write it: `["lines", 2, "amount"]` → `lines[2].amount`.
 *
 * @example
 * {@includeCode ../test/parse.test.ts#formatPath}
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
