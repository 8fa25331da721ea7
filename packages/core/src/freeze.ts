/**
 * Freeze a value and everything inside it (深度冻结), so that validated data — a compiled rule set, a plan, an
 * indicator definition — cannot change afterwards. Already-frozen parts are left as they are. Returns the value.
 *
 * @example
 * {@includeCode ../test/freeze.test.ts#example}
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
