/**
 * The standards a function may use without validating them again (已校验的标准): the built-in modules, and the
 * objects {@link defineStandard} validated. A `WeakSet`, so that a defined standard is never kept alive by it.
 * Internal: not public API.
 */
const DEFINED = new WeakSet<object>();

/** Record `standard` as validated. */
export function markDefined<T extends object>(standard: T): T {
  DEFINED.add(standard);
  return standard;
}

/** Whether `value` was validated by `defineStandard` (or is a built-in module). */
export function isDefined(value: unknown): boolean {
  return typeof value === "object" && value !== null && DEFINED.has(value);
}
