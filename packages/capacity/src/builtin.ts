import { describeValue, fieldError } from "@carekit/core/internal";
import { dazuChildcare2025, national2025, sichuan, taiyuan2025 } from "./data/childcare.js";
import { dazu2025, nursingBeds2025, nursingBeds2030 } from "./data/elder-care.js";
import { taiyuan2026 } from "./data/finance.js";
import { embeddedComplex, newUrbanLand } from "./data/planning.js";
import { isDefined } from "./internal/defined.js";
import type { ChildcareStandard, Standard } from "./standard.js";

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
 * ```ts
 * import { childcareGap, StandardSchema, standards } from "@carekit/capacity";
 *
 * // 大足区's 2025 target, from 大足府办发〔2023〕37号
 * standards.dazuChildcare2025.slotsPer1000.new; // → 4.5
 * standards.dazuChildcare2025.source.number; // → "大足府办发〔2023〕37号"
 * childcareGap({ population: 870_000, existingSlots: 1727, standard: "dazuChildcare2025" }).requiredSlots; // → 3915
 * // every built-in standard passes its schema
 * Object.values(standards).every((standard) => StandardSchema.safeParse(standard).success); // → true
 * ```
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

/** The built-in standards of each kind, for the functions' lookups (one table a kind, so that a function's bundle
 * carries only the standards it can use). */
export const childcareStandards = { national2025, sichuan, taiyuan2025, dazuChildcare2025 } as const;
/** Built-in nursing-bed share standards. */
export const nursingBedStandards = { nursingBeds2025, nursingBeds2030, dazu2025 } as const;
/** Built-in residential-land standards. */
export const landStandards = { newUrbanLand } as const;
/** Built-in embedded-complex standards. */
export const complexStandards = { embeddedComplex } as const;
/** Built-in childcare finance standards. */
export const financeStandards = { taiyuan2026 } as const;

/** Id of a built-in standard: a key of {@link standards}. */
export type StandardId = keyof typeof standards;

/**
 * A standard of kind `K` as a function takes it (标准引用): the id of a built-in standard of that kind
 * (`"national2025"`, `"dazu2025"`, …) or your own standard object, validated by the kind's schema when used.
 */
export type StandardRef<K extends Standard["kind"]> =
  | { [I in StandardId]: (typeof standards)[I]["kind"] extends K ? I : never }[StandardId]
  | Extract<Standard, { kind: K }>;

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
 * A built-in standard by id or object, or a caller's standard made by `defineStandard`; throws `UNKNOWN_STANDARD`
 * for an id that is not built in or a standard of another kind, `INVALID_INPUT` for any other value (an object
 * not made by `defineStandard` has not been validated).
 */
export function resolveStandard<K extends Kind>(
  value: unknown,
  kind: K,
  builtIn: Readonly<Record<string, StandardOf<K>>>,
  path = "standard",
): StandardOf<K> {
  if (typeof value === "string") {
    const found = Object.hasOwn(builtIn, value) ? builtIn[value] : undefined;
    if (found === undefined) {
      const known = Object.keys(builtIn).join(", ");
      throw fieldError(
        "UNKNOWN_STANDARD",
        path,
        `unknown ${kind} standard ${JSON.stringify(value)} (built in: ${known})`,
        `未知的${KIND_ZH[kind]} ${JSON.stringify(value)}（内置：${known}）`,
      );
    }
    return found;
  }
  if (Object.values(builtIn).includes(value as StandardOf<K>)) return value as StandardOf<K>;
  if (!isDefined(value)) {
    throw fieldError(
      "INVALID_INPUT",
      path,
      `a ${kind} standard is a built-in id (${Object.keys(builtIn).join(", ")}) or an object made by defineStandard(…); got ${describeValue(value)}`,
      `${KIND_ZH[kind]}应为内置标准的 id（${Object.keys(builtIn).join("、")}），或由 defineStandard(…) 创建的对象；实际为 ${describeValue(value, "zh")}`,
    );
  }
  const standard = value as Standard;
  if (standard.kind !== kind) {
    throw fieldError(
      "UNKNOWN_STANDARD",
      path,
      `standard ${JSON.stringify(standard.id)} is a ${standard.kind} standard, not a ${kind} standard`,
      `标准 ${JSON.stringify(standard.id)} 不是${KIND_ZH[kind]}`,
    );
  }
  return standard as StandardOf<K>;
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
