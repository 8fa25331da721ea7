/**
 * The obviously correct reference for `src/internal/region-row.ts` (快速校验的参照实现): the rules of
 * `RegionRowSchema` written out one by one, with no shortcuts, for the differential test.
 */

const MAX_COUNT = 2_000_000_000;
const KEYS = ["region", "population", "elderPopulation", "existingSlots", "enrolled", "existingBeds", "nursingBeds"];
const OPTIONAL_COUNTS = ["elderPopulation", "existingSlots", "enrolled", "existingBeds", "nursingBeds"];

function isCount(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
}

export function referenceIsRegionRow(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return false;
  const row = value as Record<string, unknown>;
  // every key (own or inherited, as zod's strict object reads them) must be one of the row's fields
  const keys: string[] = [];
  for (const key in row) keys.push(key);
  if (!keys.every((key) => KEYS.includes(key))) return false;
  // region: a string of 1 to 200 characters
  if (typeof row.region !== "string") return false;
  if (row.region.length < 1 || row.region.length > 200) return false;
  // population: a whole number from 1 to 2×10^9
  if (!isCount(row.population)) return false;
  if (row.population === 0) return false;
  // the optional counts: absent, undefined, or a whole number from 0 to 2×10^9
  for (const key of OPTIONAL_COUNTS) {
    if (row[key] === undefined) continue;
    if (!isCount(row[key])) return false;
  }
  return true;
}
