import { provinceOf, regionOf } from "@carekit/core/regions";
import type { CompiledCatalogue, CompiledPolicy } from "./compile.js";
import { type DatedEntry, dated } from "./dates.js";

/** What a region code resolves to, once: its province, and the policies and catalogues of it and its ancestors. */
export interface RegionEntry {
  readonly province: string;
  /** Most specific region first. */
  readonly policies: readonly DatedEntry<CompiledPolicy>[];
  readonly catalogues: readonly DatedEntry<CompiledCatalogue>[];
}

function groupByRegion<T extends { readonly region: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.region);
    if (list) list.push(item);
    else map.set(item.region, [item]);
  }
  return map;
}

/**
 * A cached resolver from a region code (行政区划代码, GB/T 2260) to its {@link RegionEntry}: the documents of the
 * region, then of its city, then of its province (a district inherits its city's policy unless it has its own).
 * Throws `UNKNOWN_REGION` (with `path`) for a code not in `@carekit/core/regions`' table.
 */
export function regionResolver(
  policies: readonly CompiledPolicy[],
  catalogues: readonly CompiledCatalogue[],
): (code: string, path: string) => RegionEntry {
  const policiesByRegion = groupByRegion(policies);
  const cataloguesByRegion = groupByRegion(catalogues);
  const cache = new Map<string, RegionEntry>();
  return (code, path) => {
    const cached = cache.get(code);
    if (cached !== undefined) return cached;
    const found: { policies: DatedEntry<CompiledPolicy>[]; catalogues: DatedEntry<CompiledCatalogue>[] } = {
      policies: [],
      catalogues: [],
    };
    let region = regionOf(code, path);
    for (;;) {
      found.policies.push(...(policiesByRegion.get(region.code) ?? []).map(dated));
      found.catalogues.push(...(cataloguesByRegion.get(region.code) ?? []).map(dated));
      if (region.parent === null) break;
      region = regionOf(region.parent);
    }
    const entry: RegionEntry = { province: provinceOf(code), ...found };
    cache.set(code, entry);
    return entry;
  };
}
