/**
 * `@carekit/core/regions` — GB/T 2260 administrative division codes (行政区划代码) of 重庆市 and 四川省, with
 * lookups and the cross-province test used by settlement.
 *
 * @packageDocumentation
 */
export {
  GB_T_2260_SYSTEM,
  isCrossProvince,
  listRegions,
  provinceOf,
  type Region,
  type RegionCode,
  RegionCodeSchema,
  type RegionLevel,
  regionName,
  regionOf,
} from "./region.js";
