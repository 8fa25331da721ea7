import type { CarekitError } from "@carekit/core";

const BRAND = Symbol.for("carekit.error");

/**
 * The brand check of core's `isCarekitError`, repeated here so that the kit has no runtime import of
 * `@carekit/core`: core's own tests use the kit on core's source, before any build.
 */
export function isBranded(value: unknown): value is CarekitError {
  if (typeof value !== "object" || value === null) return false;
  try {
    return (value as Record<symbol, unknown>)[BRAND] === true;
  } catch {
    return false;
  }
}
