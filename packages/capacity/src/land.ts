import type { TraceStep } from "@carekit/core";
import { divideRounded, ROUNDING_MODES, type RoundingMode } from "@carekit/core";
import * as z from "zod";
import { landStandards, resolveStandard, type StandardRef } from "./builtin.js";
import { scaled } from "./exact.js";
import { traceSource, traceStep } from "./trace.js";
import { parse, safeProduct } from "./validate.js";

/**
 * Zod schema of the input of {@link planResidentialLand}.
 *
 * @example
 * ```ts
 * import { PlanResidentialLandInputSchema } from "@carekit/capacity";
 *
 * // 900 亩 of new residential land; a part-block rounded half-up
 * PlanResidentialLandInputSchema.safeParse({ residentialLandMu: 900 }).success; // → true
 * PlanResidentialLandInputSchema.safeParse({ residentialLandMu: 450, rounding: "half-up" }).success; // → true
 * // the rounding is "up", "half-up" or "down"
 * PlanResidentialLandInputSchema.safeParse({ residentialLandMu: 450, rounding: "nearest" }).success; // → false
 * ```
 */
export const PlanResidentialLandInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    residentialLandMu: z.number().positive().max(100_000_000),
    standard: z.unknown().optional(),
    rounding: z.enum(ROUNDING_MODES as [RoundingMode, ...RoundingMode[]]).optional(),
  }))();

/**
 * Input of {@link planResidentialLand}: residential land in 亩 (at most 4 decimals), the rule (default
 * `newUrbanLand`) and how a part of the rule's block counts (`up` by default: any started block needs a set).
 */
export type PlanResidentialLandInput = Omit<z.input<typeof PlanResidentialLandInputSchema>, "standard"> & {
  standard?: StandardRef<"residentialLand">;
};

/** Result of {@link planResidentialLand}. */
export interface ResidentialLandPlan {
  /** Blocks of the rule's size (e.g. 300 亩) counted by `rounding`. */
  blocks: number;
  /** Kindergartens to lay out (幼儿园处数). */
  kindergartens: number;
  /** Minimum classes of each kindergarten (每处不少于班数). */
  kindergartenClassesEach: number;
  /** Minimum classes over all kindergartens. */
  kindergartenClasses: number;
  /** Community elder-care facilities to lay out (社区养老服务设施处数). */
  elderFacilities: number;
  /** Minimum floor area of each elder-care facility, m². */
  elderFloorAreaM2Each: number;
  /** Minimum floor area over all elder-care facilities, m². */
  elderFloorAreaM2: number;
  /** How it was computed. */
  trace: TraceStep[];
}

/**
 * 居住用地配建 — facilities new residential land must lay out: `blocks = round(residentialLandMu ÷ landMuPerSet)`
 * by `rounding` (the rule does not say how a part-block counts, so it is a parameter: `up`, `half-up`, `down` or
 * `half-even`), then per block the rule's kindergartens (each of at least so many classes) and community elder-care
 * facilities (each of at least so much floor area).
 *
 * @param input - `{ residentialLandMu, standard?, rounding? }`
 * @returns kindergartens, classes each, elder-care facilities, floor area and the trace
 * @throws {CarekitError} OUT_OF_RANGE for land ≤ 0 or with more than 4 decimals; INVALID_INPUT for `NaN`, an
 *   unknown rounding; UNKNOWN_STANDARD for an unknown rule id
 * @see 大足府办发〔2023〕37号 四(五): 每300亩居住用地布局1处不小于9个班的幼儿园和1处建筑面积不小于750平方米的社区养老服务设施
 * @example
 * ```ts
 * import { planResidentialLand } from "@carekit/capacity";
 *
 * // 900 亩 of new residential land in 大足区: three sets of 300 亩
 * const land = planResidentialLand({ residentialLandMu: 900 });
 * land.kindergartens; // → 3
 * land.kindergartenClasses; // → 27
 * land.elderFloorAreaM2; // → 2250
 * ```
 */
export function planResidentialLand(input: PlanResidentialLandInput): ResidentialLandPlan {
  const parsed = parse(PlanResidentialLandInputSchema, input, { en: "residential land input", zh: "居住用地配建输入" });
  const standard = resolveStandard(parsed.standard ?? "newUrbanLand", "residentialLand", landStandards);
  const rounding = parsed.rounding ?? "up";
  const landMu = parsed.residentialLandMu;
  const blocks = divideRounded(
    scaled(landMu, "residentialLandMu"),
    scaled(standard.landMuPerSet, "standard.landMuPerSet"),
    rounding,
  );
  const kindergartens = safeProduct(blocks, standard.kindergartensPerSet, "residentialLandMu");
  const kindergartenClasses = safeProduct(kindergartens, standard.kindergartenMinClasses, "residentialLandMu");
  const elderFacilities = safeProduct(blocks, standard.elderFacilitiesPerSet, "residentialLandMu");
  const elderFloorAreaM2Each = standard.elderFacilityMinFloorAreaM2;
  const elderFloorAreaM2 = divideRounded(
    safeProduct(
      elderFacilities,
      scaled(elderFloorAreaM2Each, "standard.elderFacilityMinFloorAreaM2"),
      "residentialLandMu",
    ),
    10_000,
    "up",
  );
  const source = traceSource(standard);
  return {
    blocks,
    kindergartens,
    kindergartenClassesEach: standard.kindergartenMinClasses,
    kindergartenClasses,
    elderFacilities,
    elderFloorAreaM2Each,
    elderFloorAreaM2,
    trace: [
      traceStep(
        "blocks",
        `按每${standard.landMuPerSet}亩计的配建单元数`,
        `blocks of ${standard.landMuPerSet} mu`,
        `${rounding}(residentialLandMu ÷ landMuPerSet)`,
        { residentialLandMu: landMu, landMuPerSet: standard.landMuPerSet, rounding },
        blocks,
        source,
      ),
      traceStep(
        "kindergartens",
        "幼儿园处数",
        "kindergartens",
        "blocks × kindergartensPerSet",
        { blocks, kindergartensPerSet: standard.kindergartensPerSet, minClassesEach: standard.kindergartenMinClasses },
        kindergartens,
        source,
      ),
      traceStep(
        "elderFacilities",
        "社区养老服务设施处数",
        "community elder-care facilities",
        "blocks × elderFacilitiesPerSet",
        { blocks, elderFacilitiesPerSet: standard.elderFacilitiesPerSet },
        elderFacilities,
        source,
      ),
      traceStep(
        "elderFloorAreaM2",
        "社区养老服务设施建筑面积合计（㎡，下限）",
        "elder-care floor area in total (m², minimum)",
        "elderFacilities × elderFacilityMinFloorAreaM2",
        { elderFacilities, elderFacilityMinFloorAreaM2: elderFloorAreaM2Each },
        elderFloorAreaM2,
        source,
      ),
    ],
  };
}
