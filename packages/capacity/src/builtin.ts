import { fieldError } from "@carekit/core/internal";
import type * as z from "zod";
import { dazuChildcare2025, national2025, sichuan, taiyuan2025 } from "./data/childcare.js";
import { dazu2025, nursingBeds2025, nursingBeds2030 } from "./data/elder-care.js";
import { taiyuan2026 } from "./data/finance.js";
import { embeddedComplex, newUrbanLand } from "./data/planning.js";
import {
  ChildcareFinanceStandardSchema,
  type ChildcareStandard,
  ChildcareStandardSchema,
  EmbeddedComplexStandardSchema,
  NursingBedStandardSchema,
  ResidentialLandStandardSchema,
  type Standard,
} from "./standard.js";
import { parse } from "./validate.js";

/**
 * The built-in planning standards (内置规划标准), by id. Each is a data module with `id`, `version`, effective dates,
 * `region` and a `source` whose `confidence` says how sure the figure is; those resting on one secondary source say so
 * in `source.note` and are defaults you can replace by passing your own standard object.
 *
 * - `national2025` — 4.5 slots per 1000 by 2025; 58号文 class sizes and carer ratios
 * - `sichuan` — new areas ≥10, existing areas ≥8 slots per 1000 (SECONDARY)
 * - `taiyuan2025` — ≥10 per 1000, classes of 20, own building from 4 classes, 10 m² land / 12 m² floor per slot (SECONDARY)
 * - `dazuChildcare2025` — 大足区 4.5 per 1000 by 2025 (baseline 1.03 in 2020)
 * - `nursingBeds2025` / `nursingBeds2030` — nursing-bed share 55 % / 73 %
 * - `dazu2025` — 大足区 nursing-bed share 60 % by 2025
 * - `newUrbanLand` — per 300 亩: a 9-class kindergarten and a 750 m² elder-care facility
 * - `embeddedComplex` — ≥600 m² (≥800 preferred), ≥3 functions, ≥2 of them core
 * - `taiyuan2026` — 太原 childcare fees (保育费) and, from 2026, operating subsidies of 550 / 350 元 a child a month
 *   for at most 10 months, awards of 5万 / 3万元 (SECONDARY)
 *
 * @see each module's `source`: the document title, 文号 where it has one, URL where public, and the confidence of the reading
 * @example
 * {@includeCode ../test/standards.test.ts#standards}
 */
export const standards = {
  national2025,
  sichuan,
  taiyuan2025,
  dazuChildcare2025,
  nursingBeds2025,
  nursingBeds2030,
  dazu2025,
  newUrbanLand,
  embeddedComplex,
  taiyuan2026,
} as const;

/** Id of a built-in standard: a key of {@link standards}. */
export type StandardId = keyof typeof standards;

/**
 * A standard of kind `K` as a function takes it (标准引用): the id of a built-in standard of that kind
 * (`"national2025"`, `"dazu2025"`, …) or your own standard object, validated by the kind's schema when used.
 */
export type StandardRef<K extends Standard["kind"]> =
  | { [I in StandardId]: (typeof standards)[I]["kind"] extends K ? I : never }[StandardId]
  | Extract<Standard, { kind: K }>;

const SCHEMAS: Record<Kind, z.ZodType> = {
  childcare: ChildcareStandardSchema,
  nursingBedShare: NursingBedStandardSchema,
  residentialLand: ResidentialLandStandardSchema,
  embeddedComplex: EmbeddedComplexStandardSchema,
  childcareFinance: ChildcareFinanceStandardSchema,
};

type Kind = Standard["kind"];

/** The standard type of a kind. */
type StandardOf<K extends Kind> = Extract<Standard, { kind: K }>;

const KIND_ZH: Record<Kind, string> = {
  childcare: "托育标准",
  nursingBedShare: "护理型床位占比标准",
  residentialLand: "居住用地配建标准",
  embeddedComplex: "嵌入式服务综合体标准",
  childcareFinance: "托育收费与补助标准",
};

/**
 * A built-in standard by id, or a caller's own standard object validated by its schema; throws `UNKNOWN_STANDARD`
 * for an id that is not built in or names a standard of another kind.
 */
export function resolveStandard<K extends Kind>(value: unknown, kind: K, path = "standard"): StandardOf<K> {
  if (typeof value === "string") {
    const found: Standard | undefined = Object.hasOwn(standards, value) ? standards[value as StandardId] : undefined;
    if (found === undefined || found.kind !== kind) {
      const known = Object.values(standards)
        .filter((standard) => standard.kind === kind)
        .map((standard) => standard.id)
        .join(", ");
      throw fieldError(
        "UNKNOWN_STANDARD",
        path,
        `unknown ${kind} standard ${JSON.stringify(value)} (built in: ${known})`,
        `未知的${KIND_ZH[kind]} ${JSON.stringify(value)}（内置：${known}）`,
      );
    }
    return found as StandardOf<K>;
  }
  const schema = SCHEMAS[kind] as unknown as z.ZodType<StandardOf<K>>;
  return parse(schema, value, { en: `${kind} standard`, zh: KIND_ZH[kind] }, [path]);
}

/** The slots-per-1000 figure a childcare standard sets for an area type, or `UNKNOWN_STANDARD` when it sets none. */
export function slotsTargetOf(standard: ChildcareStandard, areaType: "new" | "existing"): number {
  const target = standard.slotsPer1000[areaType];
  if (target === null) {
    throw fieldError(
      "UNKNOWN_STANDARD",
      "areaType",
      `standard ${standard.id} sets no slots per 1000 for ${areaType} areas`,
      `标准 ${standard.id} 未规定${areaType === "new" ? "新建" : "已建成"}居住区的每千人托位数`,
    );
  }
  return target;
}
