import * as z from "zod";
import { CHUANYU_REGIONS } from "./data/regions.js";
import { describeValue } from "./describe.js";
import { fieldError } from "./error.js";

/** A six-digit GB/T 2260 administrative division code (行政区划代码), e.g. `"500111"` for 大足区. */
export type RegionCode = string;

/** Level of an administrative division: 省级, 地级 or 县级. */
export type RegionLevel = "province" | "prefecture" | "county";

/** One administrative division from the bundled table. */
export interface Region {
  readonly code: RegionCode;
  /** Official Chinese name (名称). */
  readonly name: string;
  readonly level: RegionLevel;
  /** Code of the enclosing division; `null` for a province. */
  readonly parent: RegionCode | null;
}

/**
 * The identifier system carekit writes for a GB/T 2260 行政区划代码 in FHIR and DHIS2 exchange (区划代码标识体系):
 * `urn:carekit:gb-t-2260`, one string for every package (an indicator report's subject, a ClaimResponse's insurer).
 *
 * @example
 * ```ts
 * GB_T_2260_SYSTEM; // → "urn:carekit:gb-t-2260"
 * ```
 */
export const GB_T_2260_SYSTEM = "urn:carekit:gb-t-2260";

/**
 * Zod schema of a {@link RegionCode}: six digits naming a division in the bundled 川渝 table.
 *
 * @example
 * ```ts
 * RegionCodeSchema.safeParse("500229").success; // → true
 * RegionCodeSchema.safeParse("110000").success; // → false
 * ```
 */
export const RegionCodeSchema = /* @__PURE__ */ (() =>
  z.string().refine((code) => /^\d{6}$/.test(code) && lookup().has(code), {
    error: "must be a six-digit GB/T 2260 code of a bundled division",
    params: { zh: "必须是内置的六位行政区划代码" },
  }))();

let table: Map<RegionCode, Region> | undefined;

function lookup(): Map<RegionCode, Region> {
  if (table) return table;
  const names = new Map<RegionCode, string>();
  for (const entry of CHUANYU_REGIONS.split("|")) names.set(entry.slice(0, 6), entry.slice(6));
  const built = new Map<RegionCode, Region>();
  for (const [code, name] of names) {
    const isProvince = code.endsWith("0000");
    const prefecture = `${code.slice(0, 4)}00`;
    const level: RegionLevel = isProvince ? "province" : code.endsWith("00") ? "prefecture" : "county";
    const parent = isProvince
      ? null
      : prefecture !== code && names.has(prefecture)
        ? prefecture
        : `${code.slice(0, 2)}0000`;
    built.set(code, Object.freeze({ code, name, level, parent }));
  }
  table = built;
  return built;
}

/**
 * The division with this code (行政区划), from the bundled GB/T 2260 table of 重庆市 and 四川省.
 *
 * @throws {CarekitError} `UNKNOWN_REGION` for a code that is malformed or not in the table
 * @see 国家统计局《2023年统计用区划代码和城乡划分代码》(2023-06-30)
 * @example
 * ```ts
 * regionOf("510100"); // → { code: "510100", name: "成都市", level: "prefecture", parent: "510000" }
 * regionOf("110000"); // → throws UNKNOWN_REGION
 * ```
 */
export function regionOf(code: RegionCode, path = "code"): Region {
  const region = typeof code === "string" ? lookup().get(code) : undefined;
  if (!region) {
    throw fieldError(
      "UNKNOWN_REGION",
      path,
      `unknown region code ${describeValue(code)} (bundled: 重庆市 and 四川省, GB/T 2260)`,
      `未知的行政区划代码 ${describeValue(code, "zh")}（内置：重庆市、四川省）`,
    );
  }
  return region;
}

/**
 * The Chinese name of a division (区划名称): `"500111"` → `"大足区"`.
 *
 * @throws {CarekitError} `UNKNOWN_REGION`
 * @example
 * ```ts
 * regionName("500111"); // → "大足区"
 * ```
 */
export function regionName(code: RegionCode): string {
  return regionOf(code).name;
}

/**
 * The province-level division containing a code (所属省级行政区): `"510104"` (锦江区) → `"510000"` (四川省).
 *
 * @throws {CarekitError} `UNKNOWN_REGION`
 * @example
 * ```ts
 * provinceOf("510104"); // → "510000"
 * ```
 */
export function provinceOf(code: RegionCode): RegionCode {
  let region = regionOf(code);
  while (region.parent !== null) region = regionOf(region.parent);
  return region.code;
}

/**
 * Whether two divisions lie in different provinces (是否跨省) — the test that makes a claim a 跨省异地就医 claim.
 *
 * @throws {CarekitError} `UNKNOWN_REGION` for either code (field `a` or `b`)
 * @see 国家医保局 财政部《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》(医保发〔2022〕22号)
 * @example
 * ```ts
 * isCrossProvince("510104", "500111"); // → true
 * isCrossProvince("500111", "500233"); // → false
 * ```
 */
export function isCrossProvince(a: RegionCode, b: RegionCode): boolean {
  regionOf(a, "a");
  regionOf(b, "b");
  return provinceOf(a) !== provinceOf(b);
}

/**
 * Every bundled division, in code order, optionally only those directly under `parent` (下级区划).
 *
 * @example
 * ```ts
 * listRegions("500000").length; // → 38
 * listRegions("510000").length; // → 21
 * ```
 */
export function listRegions(parent?: RegionCode): Region[] {
  const all = [...lookup().values()];
  if (parent === undefined) return all;
  regionOf(parent, "parent");
  return all.filter((region) => region.parent === parent);
}
