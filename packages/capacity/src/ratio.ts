import type { TraceStep } from "@carekit/core";
import * as z from "zod";
import { RATIO_DECIMALS, type Ratio, ratioOf } from "./exact.js";
import { COUNT, checkInput, ELDER_AGE, optional, POSITIVE_COUNT, strictObject } from "./internal/read.js";
import { traceStep } from "./trace.js";
import { assertNotAbove, CountSchema, ElderAgeSchema, PopulationSchema } from "./validate.js";

/**
 * The result of a ratio (比率): `value` unrounded, `rounded` half-up (四舍五入) to `decimals` (2) places computed
 * exactly in integers, and the numerator and denominator it came from.
 */
export interface RatioResult extends Ratio {
  /** `per1000` (每千) or `percent` (百分比). */
  readonly unit: "per1000" | "percent";
  /** The numerator (slots, beds, nursing beds, enrolled children). */
  readonly numerator: number;
  /** The denominator (population, elders, beds, slots). */
  readonly denominator: number;
  /** How the value was computed. */
  readonly trace: TraceStep[];
}

/** One ratio as a {@link RatioResult} with its two trace steps; `per` is 1000 (per1000) or 100 (percent). */
function ratioResult(
  step: { id: string; zh: string; en: string; rule: string },
  numerator: number,
  denominator: number,
  per: 1000 | 100,
  inputs: Record<string, number>,
): RatioResult {
  const ratio = ratioOf(numerator, denominator, per);
  return {
    ...ratio,
    unit: per === 1000 ? "per1000" : "percent",
    numerator,
    denominator,
    trace: [
      traceStep(step.id, step.zh, step.en, step.rule, inputs, ratio.value),
      traceStep(
        "rounded",
        `保留 ${RATIO_DECIMALS} 位小数（四舍五入）`,
        `rounded to ${RATIO_DECIMALS} decimals (half-up)`,
        `round_half_up(${step.id}, ${RATIO_DECIMALS})`,
        { [step.id]: ratio.value },
        ratio.rounded,
      ),
    ],
  };
}

/**
 * Zod schema of the input of {@link slotsPer1000}.
 *
 * @example
 * ```ts
 * import { SlotsPer1000InputSchema } from "@carekit/capacity";
 *
 * // 大足区: 1727 slots, about 870,000 residents
 * SlotsPer1000InputSchema.safeParse({ existingSlots: 1727, population: 870_000 }).success; // → true
 * // slots are whole, and a population is at least 1
 * SlotsPer1000InputSchema.safeParse({ existingSlots: 1.5, population: 870_000 }).success; // → false
 * SlotsPer1000InputSchema.safeParse({ existingSlots: 1727, population: 0 }).success; // → false
 * ```
 */
export const SlotsPer1000InputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    existingSlots: CountSchema,
    population: PopulationSchema,
  }))();

/** Input of {@link slotsPer1000}: existing childcare slots (现有托位数) and resident population (常住人口). */
export type SlotsPer1000Input = z.input<typeof SlotsPer1000InputSchema>;

/**
 * 每千人口拥有3岁以下婴幼儿托位数 — childcare slots per 1000 residents: `existingSlots × 1000 ÷ population`;
 * `value` unrounded, `rounded` half-up to 2 decimals. The denominator is the resident population (常住人口), as the
 * 托育机构设置标准 ties planning to it.
 *
 * @param input - `{ existingSlots, population }`: slots a non-negative integer, population a positive integer
 * @returns the ratio (`value`, `rounded`, `decimals`) with its numerator, denominator and trace
 * @throws {CarekitError} OUT_OF_RANGE for zero or negative population or a count beyond 2×10^9;
 *   INVALID_INPUT for fractional or missing counts, `NaN` or unknown keys
 * @see 国家卫生健康委《托育机构设置标准（试行）》（国卫人口发〔2019〕58号，2019-10-08）第五条 — planning by resident
 *   population
 * @example
 * ```ts
 * import { slotsPer1000 } from "@carekit/capacity";
 *
 * // 大足区: 1727 slots for 834,600 residents (2020)
 * slotsPer1000({ existingSlots: 1727, population: 834_600 }).rounded; // → 2.07
 * // the 2025 target: 3915 slots for about 870,000 residents
 * slotsPer1000({ existingSlots: 3915, population: 870_000 }).rounded; // → 4.5
 * ```
 */
export function slotsPer1000(input: SlotsPer1000Input): RatioResult {
  const { existingSlots, population } = checkInput(input, SLOTS_INPUT, LABEL_SLOTS);
  const step = {
    id: "slotsPer1000",
    zh: "每千人口托位数",
    en: "childcare slots per 1000 residents",
    rule: "existingSlots × 1000 ÷ population",
  };
  return ratioResult(step, existingSlots, population, 1000, { existingSlots, population });
}

/** {@link SlotsPer1000InputSchema} as a zod-free reader (`internal/read.ts`), held to it by `test/read.test.ts`. */
export const SLOTS_INPUT = /* @__PURE__ */ (() => strictObject({ existingSlots: COUNT, population: POSITIVE_COUNT }))();

const LABEL_SLOTS = { en: "slots-per-1000 input", zh: "每千人口托位数输入" };

/**
 * Zod schema of the input of {@link bedsPer1000Elders}.
 *
 * @example
 * ```ts
 * import { BedsPer1000EldersInputSchema } from "@carekit/capacity";
 *
 * // 大足区: 7432 beds; 188,900 residents aged 60+, or 149,000 aged 65+
 * BedsPer1000EldersInputSchema.safeParse({ existingBeds: 7432, elderPopulation: 188_900 }).success; // → true
 * const over65 = { existingBeds: 7432, elderPopulation: 149_000, elderAge: 65 };
 * BedsPer1000EldersInputSchema.safeParse(over65).success; // → true
 * // elders are counted from 60 or from 65 only
 * BedsPer1000EldersInputSchema.safeParse({ ...over65, elderAge: 70 }).success; // → false
 * ```
 */
export const BedsPer1000EldersInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    existingBeds: CountSchema,
    elderPopulation: PopulationSchema,
    elderAge: ElderAgeSchema.optional(),
  }))();

/** Input of {@link bedsPer1000Elders}: existing elder-care beds, elder population and the age that defines it. */
export type BedsPer1000EldersInput = z.input<typeof BedsPer1000EldersInputSchema>;

/**
 * 每千名老年人养老床位数 — elder-care beds per 1000 elders: `existingBeds × 1000 ÷ elderPopulation`; `value`
 * unrounded, `rounded` half-up to 2 decimals. Elders are residents aged 60 and over unless `elderAge: 65` says the
 * denominator counts 65+; the age is recorded in the trace.
 *
 * @param input - `{ existingBeds, elderPopulation, elderAge? }` (`elderAge` 60 by default, or 65)
 * @returns the ratio (`value`, `rounded`, `decimals`) with its numerator, denominator and trace
 * @throws {CarekitError} OUT_OF_RANGE for a zero elder population; INVALID_INPUT for fractional beds, an
 *   `elderAge` other than 60 or 65, unknown keys
 * @see 《中华人民共和国老年人权益保障法》第二条 — 老年人 are citizens aged 60 and over
 * @example
 * ```ts
 * import { bedsPer1000Elders } from "@carekit/capacity";
 *
 * // 7432 beds; 188,900 residents aged 60+, 149,000 aged 65+
 * bedsPer1000Elders({ existingBeds: 7432, elderPopulation: 188_900 }).rounded; // → 39.34
 * bedsPer1000Elders({ existingBeds: 7432, elderPopulation: 149_000, elderAge: 65 }).rounded; // → 49.88
 * ```
 */
export function bedsPer1000Elders(input: BedsPer1000EldersInput): RatioResult {
  const { existingBeds, elderPopulation, elderAge = 60 } = checkInput(input, BEDS_INPUT, LABEL_BEDS);
  const step = {
    id: "bedsPer1000Elders",
    zh: `每千名老年人（${elderAge}岁及以上）养老床位数`,
    en: `elder-care beds per 1000 residents aged ${elderAge}+`,
    rule: "existingBeds × 1000 ÷ elderPopulation",
  };
  return ratioResult(step, existingBeds, elderPopulation, 1000, { existingBeds, elderPopulation, elderAge });
}

/** As a reader: {@link BedsPer1000EldersInputSchema}. */
export const BEDS_INPUT = /* @__PURE__ */ (() =>
  strictObject({
    existingBeds: COUNT,
    elderPopulation: POSITIVE_COUNT,
    elderAge: optional(ELDER_AGE),
  }))();

const LABEL_BEDS = { en: "beds-per-1000-elders input", zh: "每千名老年人养老床位数输入" };

/**
 * Zod schema of the input of {@link nursingBedShare}.
 *
 * @example
 * ```ts
 * import { NursingBedShareInputSchema } from "@carekit/capacity";
 *
 * // 大足区 2020: 323 nursing beds in every 1000 beds
 * NursingBedShareInputSchema.safeParse({ nursingBeds: 323, existingBeds: 1000 }).success; // → true
 * // unknown fields are refused
 * NursingBedShareInputSchema.safeParse({ nursingBeds: 323, existingBeds: 1000, extra: 1 }).success; // → false
 * ```
 */
export const NursingBedShareInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    nursingBeds: CountSchema,
    existingBeds: PopulationSchema,
  }))();

/** Input of {@link nursingBedShare}: nursing-care beds and all existing beds of the elder-care institutions. */
export type NursingBedShareInput = z.input<typeof NursingBedShareInputSchema>;

/**
 * 养老机构护理型床位占比 — nursing-bed share of elder-care institutions: `nursingBeds × 100 ÷ existingBeds`, in
 * percent; `value` unrounded, `rounded` half-up to 2 decimals.
 *
 * @param input - `{ nursingBeds, existingBeds }`, `existingBeds` positive and not below `nursingBeds`
 * @returns the share in percent (`value`, `rounded`, `decimals`) with its numerator, denominator and trace
 * @throws {CarekitError} OUT_OF_RANGE when `existingBeds` is 0 or `nursingBeds` exceeds it; INVALID_INPUT for
 *   fractional counts or unknown keys
 * @see 国务院《"十四五"国家老龄事业发展和养老服务体系规划》（published 2022-02; 新华社 report at
 *   https://www.gov.cn/xinwen/2022-02/25/content_5675683.htm）— 养老机构护理型床位占比 2025 年达到 55%
 * @example
 * ```ts
 * import { nursingBedShare } from "@carekit/capacity";
 *
 * nursingBedShare({ nursingBeds: 323, existingBeds: 1000 }).rounded; // → 32.3
 * const twoThirds = nursingBedShare({ nursingBeds: 2, existingBeds: 3 });
 * twoThirds.rounded; // → 66.67
 * twoThirds.decimals; // → 2
 * ```
 */
export function nursingBedShare(input: NursingBedShareInput): RatioResult {
  const { nursingBeds, existingBeds } = checkInput(input, NURSING_INPUT, LABEL_NURSING);
  assertNotAbove(nursingBeds, existingBeds, "nursingBeds", "existingBeds", "护理型床位数", "床位总数");
  const step = {
    id: "nursingBedShare",
    zh: "护理型床位占比（%）",
    en: "nursing-bed share (%)",
    rule: "nursingBeds × 100 ÷ existingBeds",
  };
  return ratioResult(step, nursingBeds, existingBeds, 100, { nursingBeds, existingBeds });
}

/** As a reader: {@link NursingBedShareInputSchema}. */
export const NURSING_INPUT = /* @__PURE__ */ (() =>
  strictObject({ nursingBeds: COUNT, existingBeds: POSITIVE_COUNT }))();

const LABEL_NURSING = { en: "nursing-bed-share input", zh: "护理型床位占比输入" };

/**
 * Zod schema of the input of {@link utilization}.
 *
 * @example
 * ```ts
 * import { UtilizationInputSchema } from "@carekit/capacity";
 *
 * // 大足区: 1234 children enrolled in 1727 slots
 * UtilizationInputSchema.safeParse({ enrolled: 1234, existingSlots: 1727 }).success; // → true
 * // the slots are `existingSlots`, as everywhere in carekit
 * UtilizationInputSchema.safeParse({ enrolled: 1234, capacity: 1727 }).success; // → false
 * ```
 */
export const UtilizationInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    enrolled: CountSchema,
    existingSlots: PopulationSchema,
  }))();

/** Input of {@link utilization}: children enrolled (在托人数) and existing slots (现有托位数). */
export type UtilizationInput = z.input<typeof UtilizationInputSchema>;

/**
 * 托位利用率 — slot utilisation: `enrolled × 100 ÷ existingSlots`, in percent; `value` unrounded, `rounded`
 * half-up to 2 decimals. Enrolment above the slots is reported as it is (above 100 %), not clipped.
 *
 * @param input - `{ enrolled, existingSlots }`, `existingSlots` positive
 * @returns the utilisation in percent (`value`, `rounded`, `decimals`) with its numerator, denominator and trace
 * @throws {CarekitError} OUT_OF_RANGE for 0 slots; INVALID_INPUT for fractional counts or unknown keys
 * @see 重庆市大足区人民政府办公室《重庆市大足区"一老一小"整体解决方案》（大足府办发〔2023〕37号，2023-03-31）—
 *   托位 1727 个，实际招收 1234 人
 * @example
 * ```ts
 * import { utilization } from "@carekit/capacity";
 *
 * // 大足区: 1234 children enrolled in 1727 slots
 * utilization({ enrolled: 1234, existingSlots: 1727 }).rounded; // → 71.45
 * utilization({ enrolled: 12, existingSlots: 10 }).rounded; // → 120
 * ```
 */
export function utilization(input: UtilizationInput): RatioResult {
  const { enrolled, existingSlots } = checkInput(input, UTILIZATION_INPUT, LABEL_UTILIZATION);
  const step = {
    id: "utilization",
    zh: "托位利用率（%）",
    en: "slot utilisation (%)",
    rule: "enrolled × 100 ÷ existingSlots",
  };
  return ratioResult(step, enrolled, existingSlots, 100, { enrolled, existingSlots });
}

/** As a reader: {@link UtilizationInputSchema}. */
export const UTILIZATION_INPUT = /* @__PURE__ */ (() =>
  strictObject({ enrolled: COUNT, existingSlots: POSITIVE_COUNT }))();

const LABEL_UTILIZATION = { en: "utilisation input", zh: "利用率输入" };
