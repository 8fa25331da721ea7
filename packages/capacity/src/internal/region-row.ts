/**
 * Fast guard for one row of `assessRegions` (快速校验): true exactly when `RegionRowSchema` accepts the row, at a
 * fraction of zod's cost. Its obviously correct reference is `test/reference/region-row.ts`; a differential
 * fast-check test holds them (and the schema) together. Internal: not part of the public API.
 */

/** Largest count of people, slots or beds accepted (20 亿): keeps every exact product below 2^53. */
export const MAX_COUNT = 2_000_000_000;

/** Longest region name accepted. */
export const MAX_REGION_LENGTH = 200;

/** The keys a row may have. */
export const ROW_KEYS: Readonly<Record<string, true>> = {
  region: true,
  population: true,
  elderPopulation: true,
  existingSlots: true,
  enrolled: true,
  existingBeds: true,
  nursingBeds: true,
};

/** The parsed row, as the schema returns it. */
export interface ParsedRegionRow {
  region: string;
  population: number;
  elderPopulation?: number | undefined;
  existingSlots?: number | undefined;
  enrolled?: number | undefined;
  existingBeds?: number | undefined;
  nursingBeds?: number | undefined;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
}

/**
 * Whether `value` is a valid region row. Reads each own property once; a row with a throwing getter makes it throw,
 * which the batch turns into that row's error.
 */
export function isRegionRow(value: unknown): value is ParsedRegionRow {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const row = value as Record<string, unknown>;
  const region = row.region;
  if (typeof region !== "string" || region.length === 0 || region.length > MAX_REGION_LENGTH) return false;
  const population = row.population;
  if (!isCount(population) || population === 0) return false;
  let v = row.elderPopulation;
  if (v !== undefined && !isCount(v)) return false;
  v = row.existingSlots;
  if (v !== undefined && !isCount(v)) return false;
  v = row.enrolled;
  if (v !== undefined && !isCount(v)) return false;
  v = row.existingBeds;
  if (v !== undefined && !isCount(v)) return false;
  v = row.nursingBeds;
  if (v !== undefined && !isCount(v)) return false;
  for (const key in row) {
    if (ROW_KEYS[key] !== true || !Object.hasOwn(ROW_KEYS, key)) return false;
  }
  return true;
}
