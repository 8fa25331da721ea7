import type { TraceSource, TraceStep } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import {
  childcareStandards,
  nursingBedStandards,
  resolveStandard,
  type StandardRef,
  slotsTargetOf,
} from "./builtin.js";
import { type Ratio, ratioOf, requiredPer1000, requiredShare, scaled } from "./exact.js";
import {
  anything,
  COUNT,
  checkInput,
  ELDER_AGE,
  oneOf,
  optional,
  POSITIVE_COUNT,
  SHARE,
  strictObject,
  TARGET_PER_1000,
  union,
} from "./internal/read.js";
import { type PopulationProjection, PopulationProjectionSchema, PROJECTION } from "./projection.js";
import { traceSource, traceStep } from "./trace.js";
import {
  assertNotAbove,
  CountSchema,
  ElderAgeSchema,
  PopulationSchema,
  populationExpected,
  populationUnionError,
  ShareSchema,
  TargetPer1000Schema,
} from "./validate.js";

const PopulationOrProjectionSchema = /* @__PURE__ */ (() =>
  z.union([PopulationSchema, PopulationProjectionSchema], {
    error: populationUnionError,
  }))();

/** A population given directly, or a {@link PopulationProjection} for a future year. */
export type PopulationInput = number | PopulationProjection;

/** {@link PopulationOrProjectionSchema} as a zod-free reader (`internal/read.ts`). */
const POPULATION = /* @__PURE__ */ (() =>
  union<number | PopulationProjection>([POSITIVE_COUNT, PROJECTION], populationExpected))();

function readPopulation(population: number | PopulationProjection): {
  count: number;
  year: number | null;
  steps: TraceStep[];
} {
  return typeof population === "number"
    ? { count: population, year: null, steps: [] }
    : { count: population.value, year: population.targetYear, steps: population.trace as TraceStep[] };
}

function gapSteps(
  names: { required: string; existing: string },
  required: number,
  existing: number,
): { gap: number; surplus: number; steps: TraceStep[] } {
  const gap = Math.max(0, required - existing);
  const surplus = Math.max(0, existing - required);
  const inputs = { [names.required]: required, [names.existing]: existing };
  return {
    gap,
    surplus,
    steps: [
      traceStep("gap", "缺口", "gap", `max(0, ${names.required} − ${names.existing})`, inputs, gap),
      traceStep("surplus", "富余", "surplus", `max(0, ${names.existing} − ${names.required})`, inputs, surplus),
    ],
  };
}

function exactlyOne(target: unknown, standard: unknown, targetPath: string): void {
  if ((target === undefined) === (standard === undefined)) {
    throw fieldError(
      "INVALID_INPUT",
      targetPath,
      `give either ${targetPath} or standard, exactly one`,
      `${targetPath} 与 standard 必须且只能提供一个`,
    );
  }
}

/**
 * Zod schema of the input of {@link childcareGap}. `standard` is a built-in id (`"national2025"`) or a
 * {@link ChildcareStandard} object.
 *
 * @example
 * ```ts
 * import { ChildcareGapInputSchema } from "@carekit/capacity";
 *
 * // 大足区 2025: about 870,000 residents, 1727 slots, 4.5 slots per 1000 (or the district's own standard)
 * const dazu = { population: 870_000, existingSlots: 1727, targetPer1000: 4.5 };
 * ChildcareGapInputSchema.safeParse(dazu).success; // → true
 * ChildcareGapInputSchema.safeParse({ population: 870_000, existingSlots: 1727, standard: "dazuChildcare2025" }).success; // → true
 * // slots are whole; a share (0.0045) where a per-1000 figure was meant is refused
 * ChildcareGapInputSchema.safeParse({ ...dazu, existingSlots: 1727.5 }).success; // → false
 * ChildcareGapInputSchema.safeParse({ ...dazu, targetPer1000: 0.0045 }).success; // → false
 * ```
 */
export const ChildcareGapInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    population: PopulationOrProjectionSchema,
    existingSlots: CountSchema,
    targetPer1000: TargetPer1000Schema.optional(),
    standard: z.unknown().optional(),
    areaType: z.enum(["new", "existing"]).optional(),
  }))();

/** {@link ChildcareGapInputSchema} as a zod-free reader, held to it by `test/read.test.ts`. */
export const CHILDCARE_GAP_INPUT = /* @__PURE__ */ (() =>
  strictObject({
    population: POPULATION,
    existingSlots: COUNT,
    targetPer1000: optional(TARGET_PER_1000),
    standard: anything,
    areaType: optional(oneOf(["new", "existing"])),
  }))();

/** Input of {@link childcareGap}: give `targetPer1000` or a `standard` (with `areaType`, default `new`). */
export type ChildcareGapInput = Omit<z.input<typeof ChildcareGapInputSchema>, "standard"> & {
  standard?: StandardRef<"childcare">;
};

/** Result of {@link childcareGap}. `requiredSlots = existingSlots + gap − surplus` always holds. */
export interface ChildcareGap {
  /** 需要托位数: `ceil(population × targetPer1000 ÷ 1000)`. */
  requiredSlots: number;
  /** 现有托位数. */
  existingSlots: number;
  /** 缺口: `max(0, requiredSlots − existingSlots)`. */
  gap: number;
  /** 富余: `max(0, existingSlots − requiredSlots)`. */
  surplus: number;
  /** Current slots per 1000 of the population used: `value` unrounded, `rounded` to 2 decimals. */
  slotsPer1000: Ratio;
  /** The target applied. */
  targetPer1000: number;
  /** The population used. */
  population: number;
  /** The year of the population when it came from a projection, else `null`. */
  year: number | null;
  /** How it was computed. */
  trace: TraceStep[];
}

function childcareTarget(input: {
  targetPer1000?: number | undefined;
  standard?: unknown;
  areaType?: "new" | "existing" | undefined;
}): {
  target: number;
  source: TraceSource | null;
  id: string | null;
} {
  exactlyOne(input.targetPer1000, input.standard, "targetPer1000");
  if (input.targetPer1000 !== undefined) {
    if (input.areaType !== undefined) {
      throw fieldError(
        "INVALID_INPUT",
        "areaType",
        "areaType selects a standard's figure; it has no meaning with targetPer1000",
        "areaType 用于选择标准中的指标，给出 targetPer1000 时不适用",
      );
    }
    return { target: input.targetPer1000, source: null, id: null };
  }
  const standard = resolveStandard(input.standard, "childcare", childcareStandards);
  const target = slotsTargetOf(standard, input.areaType ?? "new");
  return { target, source: traceSource(standard), id: standard.id };
}

/**
 * 托位缺口 — childcare slot gap against a target per 1000 residents:
 * `requiredSlots = ceil(population × targetPer1000 ÷ 1000)` in exact integer arithmetic (4.5 × 870000 ÷ 1000 is
 * exactly 3915, 4.1 × 10000 ÷ 1000 exactly 41), `gap = max(0, required − existing)`,
 * `surplus = max(0, existing − required)`. The population is the resident population (常住人口), given directly or
 * as a projection from {@link projectPopulation} / {@link projectFromSeries}.
 *
 * @param input - `{ population, existingSlots, targetPer1000 }` or `{ population, existingSlots, standard, areaType? }`
 * @returns required slots, gap, surplus, the current ratio and the trace
 * @throws {CarekitError} OUT_OF_RANGE for a zero or negative population or a target outside (0, 100];
 *   INVALID_INPUT for fractional slots, `NaN`, missing fields, both or neither of target and standard;
 *   UNKNOWN_STANDARD for an unknown id or a standard without a figure for `areaType`
 * @see 重庆市大足区人民政府办公室《重庆市大足区"一老一小"整体解决方案》（大足府办发〔2023〕37号，2023-03-31） — 2025 年常住人口约 87 万人，按每千人口 4.5 个托位需要托位 3915 个，缺口 2188 个
 * @example
 * ```ts
 * import { childcareGap } from "@carekit/capacity";
 *
 * // 大足区 2025: about 870,000 residents, 1727 slots, 4.5 slots per 1000
 * const dazu = childcareGap({ population: 870_000, existingSlots: 1727, targetPer1000: 4.5 });
 * dazu.requiredSlots; // → 3915
 * dazu.gap; // → 2188
 * childcareGap({ population: 870_000, existingSlots: 1727, standard: "dazuChildcare2025" }).gap; // → 2188
 * // a share where a per-1000 figure was meant is refused, with a hint
 * childcareGap({ population: 870_000, existingSlots: 1727, targetPer1000: 0.0045 }); // → throws OUT_OF_RANGE
 * ```
 */
export function childcareGap(input: ChildcareGapInput): ChildcareGap {
  const parsed = checkInput(input, CHILDCARE_GAP_INPUT, { en: "childcare gap input", zh: "托位缺口输入" });
  const { target, source, id } = childcareTarget(parsed);
  const { count: population, year, steps } = readPopulation(parsed.population);
  const existingSlots = parsed.existingSlots;
  const requiredSlots = requiredPer1000(population, scaled(target, "targetPer1000"));
  const current = ratioOf(existingSlots, population, 1000);
  const {
    gap,
    surplus,
    steps: gapTrace,
  } = gapSteps({ required: "requiredSlots", existing: "existingSlots" }, requiredSlots, existingSlots);
  return {
    requiredSlots,
    existingSlots,
    gap,
    surplus,
    slotsPer1000: current,
    targetPer1000: target,
    population,
    year,
    trace: [
      ...steps,
      traceStep(
        "targetPer1000",
        "每千人口托位数目标",
        "target slots per 1000 residents",
        id === null ? "given" : `standards.${id}`,
        { standard: id },
        target,
        source,
      ),
      traceStep(
        "requiredSlots",
        "需要托位数",
        "slots required",
        "ceil(population × targetPer1000 ÷ 1000)",
        { population, targetPer1000: target },
        requiredSlots,
        source,
      ),
      traceStep(
        "slotsPer1000",
        "现有每千人口托位数",
        "current slots per 1000 residents",
        "existingSlots × 1000 ÷ population",
        { existingSlots, population },
        current.value,
      ),
      ...gapTrace,
    ],
  };
}

/**
 * Zod schema of the input of {@link elderBedGap}.
 *
 * @example
 * ```ts
 * import { ElderBedGapInputSchema } from "@carekit/capacity";
 *
 * // 大足区: 188,900 residents aged 60+, 7432 beds, against 35 beds per 1000
 * const dazu = { elderPopulation: 188_900, existingBeds: 7432, targetPer1000: 35 };
 * ElderBedGapInputSchema.safeParse(dazu).success; // → true
 * // the target is required
 * ElderBedGapInputSchema.safeParse({ elderPopulation: 188_900, existingBeds: 7432 }).success; // → false
 * ```
 */
export const ElderBedGapInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    elderPopulation: PopulationOrProjectionSchema,
    existingBeds: CountSchema,
    targetPer1000: TargetPer1000Schema,
    elderAge: ElderAgeSchema.optional(),
  }))();

/** {@link ElderBedGapInputSchema} as a zod-free reader, held to it by `test/read.test.ts`. */
export const ELDER_BED_GAP_INPUT = /* @__PURE__ */ (() =>
  strictObject({
    elderPopulation: POPULATION,
    existingBeds: COUNT,
    targetPer1000: TARGET_PER_1000,
    elderAge: optional(ELDER_AGE),
  }))();

/** Input of {@link elderBedGap}. */
export type ElderBedGapInput = z.input<typeof ElderBedGapInputSchema>;

/** Result of {@link elderBedGap}. `requiredBeds = existingBeds + gap − surplus` always holds. */
export interface ElderBedGap {
  /** 需要养老床位数: `ceil(elderPopulation × targetPer1000 ÷ 1000)`. */
  requiredBeds: number;
  /** 现有养老床位数. */
  existingBeds: number;
  /** 缺口: `max(0, requiredBeds − existingBeds)`. */
  gap: number;
  /** 富余: `max(0, existingBeds − requiredBeds)`. */
  surplus: number;
  /** Current beds per 1000 elders: `value` unrounded, `rounded` to 2 decimals. */
  bedsPer1000Elders: Ratio;
  /** The target applied. */
  targetPer1000: number;
  /** The elder population used. */
  elderPopulation: number;
  /** Age that defines elders in the denominator: 60 (default) or 65. */
  elderAge: 60 | 65;
  /** The year of the population when it came from a projection, else `null`. */
  year: number | null;
  /** How it was computed. */
  trace: TraceStep[];
}

/**
 * 养老床位缺口 — elder-care bed gap against a target per 1000 elders:
 * `requiredBeds = ceil(elderPopulation × targetPer1000 ÷ 1000)` exactly, `gap = max(0, required − existing)`.
 * The 十四五 plan sets no national per-1000 bed target (it uses total beds and the nursing-bed share), so the target
 * is always the caller's — e.g. the earlier 35–40 per 1000 elders.
 *
 * @param input - `{ elderPopulation, existingBeds, targetPer1000, elderAge? }` (elders 60+ unless `elderAge: 65`)
 * @returns required beds, gap, surplus, the current ratio and the trace
 * @throws {CarekitError} OUT_OF_RANGE for a zero elder population or a target outside (0, 100];
 *   INVALID_INPUT for fractional beds, `NaN`, missing fields
 * @see 民政部等《关于加强养老服务设施规划建设工作的通知》— the earlier target of 35–40 beds per 1000 elders;
 *   《中华人民共和国老年人权益保障法》第二条 — elders are 60 and over
 * @example
 * ```ts
 * import { elderBedGap } from "@carekit/capacity";
 *
 * // 188,900 residents aged 60+ and 7432 beds, against the former 35 per 1000
 * const beds = elderBedGap({ elderPopulation: 188_900, existingBeds: 7432, targetPer1000: 35 });
 * beds.requiredBeds; // → 6612
 * beds.surplus; // → 820
 * elderBedGap({ elderPopulation: 188_900, existingBeds: 7432, targetPer1000: 40 }).gap; // → 124
 * ```
 */
export function elderBedGap(input: ElderBedGapInput): ElderBedGap {
  const parsed = checkInput(input, ELDER_BED_GAP_INPUT, { en: "elder-bed gap input", zh: "养老床位缺口输入" });
  const { count: elderPopulation, year, steps } = readPopulation(parsed.elderPopulation);
  const { existingBeds, targetPer1000, elderAge = 60 } = parsed;
  const requiredBeds = requiredPer1000(elderPopulation, scaled(targetPer1000, "targetPer1000"));
  const current = ratioOf(existingBeds, elderPopulation, 1000);
  const {
    gap,
    surplus,
    steps: gapTrace,
  } = gapSteps({ required: "requiredBeds", existing: "existingBeds" }, requiredBeds, existingBeds);
  return {
    requiredBeds,
    existingBeds,
    gap,
    surplus,
    bedsPer1000Elders: current,
    targetPer1000,
    elderPopulation,
    elderAge,
    year,
    trace: [
      ...steps,
      traceStep(
        "requiredBeds",
        `需要养老床位数（${elderAge}岁及以上老年人）`,
        `elder-care beds required (elders ${elderAge}+)`,
        "ceil(elderPopulation × targetPer1000 ÷ 1000)",
        { elderPopulation, targetPer1000, elderAge },
        requiredBeds,
      ),
      traceStep(
        "bedsPer1000Elders",
        "现有每千名老年人养老床位数",
        "current beds per 1000 elders",
        "existingBeds × 1000 ÷ elderPopulation",
        { existingBeds, elderPopulation },
        current.value,
      ),
      ...gapTrace,
    ],
  };
}

/**
 * Zod schema of the input of {@link nursingBedGap}. `standard` is a built-in id (`"nursingBeds2025"`) or a
 * {@link NursingBedStandard} object.
 *
 * @example
 * ```ts
 * import { NursingBedGapInputSchema } from "@carekit/capacity";
 *
 * // 大足区: 7432 beds, 2400 of them nursing beds, against the district's 60 % target (or a share given directly)
 * const beds = { existingBeds: 7432, nursingBeds: 2400 };
 * NursingBedGapInputSchema.safeParse({ ...beds, standard: "dazu2025" }).success; // → true
 * NursingBedGapInputSchema.safeParse({ ...beds, targetShare: 0.6 }).success; // → true
 * // a share is a fraction from 0 to 1: 120 % is refused
 * NursingBedGapInputSchema.safeParse({ ...beds, targetShare: 1.2 }).success; // → false
 * ```
 */
export const NursingBedGapInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    existingBeds: PopulationSchema,
    nursingBeds: CountSchema,
    targetShare: ShareSchema.optional(),
    standard: z.unknown().optional(),
  }))();

/** {@link NursingBedGapInputSchema} as a zod-free reader, held to it by `test/read.test.ts`. */
export const NURSING_BED_GAP_INPUT = /* @__PURE__ */ (() =>
  strictObject({
    existingBeds: POSITIVE_COUNT,
    nursingBeds: COUNT,
    targetShare: optional(SHARE),
    standard: anything,
  }))();

/** Input of {@link nursingBedGap}: give `targetShare` (a fraction, `0.55`) or a `standard`. */
export type NursingBedGapInput = Omit<z.input<typeof NursingBedGapInputSchema>, "standard"> & {
  standard?: StandardRef<"nursingBedShare">;
};

/** Result of {@link nursingBedGap}. `requiredNursingBeds = nursingBeds + gap − surplus` always holds. */
export interface NursingBedGap {
  /** 需要护理型床位数: `ceil(existingBeds × targetShare)`. */
  requiredNursingBeds: number;
  /** 现有护理型床位数. */
  nursingBeds: number;
  /** 缺口: nursing beds still needed to reach the share. */
  gap: number;
  /** 富余: nursing beds above the share. */
  surplus: number;
  /** Current nursing-bed share in percent: `value` unrounded, `rounded` to 2 decimals. */
  nursingBedShare: Ratio;
  /** The target share applied, as a fraction. */
  targetShare: number;
  /** All existing beds of the institutions (现有床位总数). */
  existingBeds: number;
  /** How it was computed. */
  trace: TraceStep[];
}

/**
 * 护理型床位缺口 — nursing beds needed to reach a share of all elder-care institution beds:
 * `requiredNursingBeds = ceil(existingBeds × targetShare)` exactly, `gap = max(0, required − nursingBeds)`. Beds
 * are converted, not added: the total `existingBeds` stays as given.
 *
 * @param input - `{ existingBeds, nursingBeds, targetShare }` or `{ existingBeds, nursingBeds, standard }`
 * @returns required nursing beds, gap, surplus, the current share and the trace
 * @throws {CarekitError} OUT_OF_RANGE for zero beds, nursing beds above existing beds, a share outside (0, 1];
 *   INVALID_INPUT for fractional counts or both/neither of share and standard; UNKNOWN_STANDARD for an unknown id
 * @see 国务院《"十四五"国家老龄事业发展和养老服务体系规划》(published 2022-02) — 55 % by 2025;
 *   重庆市大足区人民政府办公室《重庆市大足区"一老一小"整体解决方案》（大足府办发〔2023〕37号，2023-03-31） — 60 % by 2025
 * @example
 * ```ts
 * import { nursingBedGap } from "@carekit/capacity";
 *
 * // 7432 beds, 2400 of them nursing beds, against 大足区's 60 % target
 * const nursing = nursingBedGap({ existingBeds: 7432, nursingBeds: 2400, standard: "dazu2025" });
 * nursing.requiredNursingBeds; // → 4460
 * nursing.gap; // → 2060
 * nursingBedGap({ existingBeds: 7432, nursingBeds: 2400, targetShare: 0.73 }).requiredNursingBeds; // → 5426
 * ```
 */
export function nursingBedGap(input: NursingBedGapInput): NursingBedGap {
  const parsed = checkInput(input, NURSING_BED_GAP_INPUT, { en: "nursing-bed gap input", zh: "护理型床位缺口输入" });
  exactlyOne(parsed.targetShare, parsed.standard, "targetShare");
  const standard =
    parsed.targetShare === undefined ? resolveStandard(parsed.standard, "nursingBedShare", nursingBedStandards) : null;
  const targetShare = standard === null ? Number(parsed.targetShare) : standard.targetShare;
  const source = standard === null ? null : traceSource(standard);
  const { existingBeds, nursingBeds } = parsed;
  assertNotAbove(nursingBeds, existingBeds, "nursingBeds", "existingBeds", "护理型床位数", "床位总数");
  const requiredNursingBeds = requiredShare(existingBeds, scaled(targetShare, "targetShare"));
  const current = ratioOf(nursingBeds, existingBeds, 100);
  const { gap, surplus, steps } = gapSteps(
    { required: "requiredNursingBeds", existing: "nursingBeds" },
    requiredNursingBeds,
    nursingBeds,
  );
  return {
    requiredNursingBeds,
    nursingBeds,
    gap,
    surplus,
    nursingBedShare: current,
    targetShare,
    existingBeds,
    trace: [
      traceStep(
        "requiredNursingBeds",
        "需要护理型床位数",
        "nursing beds required",
        "ceil(existingBeds × targetShare)",
        { existingBeds, targetShare, standard: standard === null ? null : standard.id },
        requiredNursingBeds,
        source,
      ),
      traceStep(
        "nursingBedShare",
        "现有护理型床位占比（%）",
        "current nursing-bed share (%)",
        "nursingBeds × 100 ÷ existingBeds",
        { nursingBeds, existingBeds },
        current.value,
      ),
      ...steps,
    ],
  };
}
