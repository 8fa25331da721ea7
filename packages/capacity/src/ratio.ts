import * as z from "zod";
import { ratio2 } from "./exact.js";
import { type TraceStep, traceStep } from "./trace.js";
import { assertNotAbove, CountSchema, PopulationSchema, parse } from "./validate.js";

/**
 * The result of a ratio: the value rounded half-up (四舍五入) to 2 decimals, computed exactly in integers from the
 * numerator and denominator that are returned with it.
 */
export interface RatioResult {
  /** The ratio, rounded half-up to 2 decimals: per 1000 for `per1000`, in percent for `percent`. */
  value: number;
  /** `per1000` (每千) or `percent` (百分比). */
  unit: "per1000" | "percent";
  /** The numerator (slots, beds, nursing beds, enrolled children). */
  numerator: number;
  /** The denominator (population, elders, beds, capacity). */
  denominator: number;
  /** How the value was computed. */
  trace: TraceStep[];
}

/** One ratio as a {@link RatioResult} with its single trace step; `per` is 1000 (per1000) or 100 (percent). */
function ratioResult(
  step: { id: string; zh: string; en: string; formula: string },
  numerator: number,
  denominator: number,
  per: 1000 | 100,
  inputs: Record<string, number>,
): RatioResult {
  const value = ratio2(numerator, denominator, per);
  return {
    value,
    unit: per === 1000 ? "per1000" : "percent",
    numerator,
    denominator,
    trace: [traceStep(step.id, step.zh, step.en, step.formula, inputs, value)],
  };
}

/**
 * Zod schema of the input of {@link slotsPer1000}.
 *
 * @example
 * {@includeCode ../test/ratio.test.ts#schemas}
 */
export const SlotsPer1000InputSchema = /* @__PURE__ */ z.strictObject({
  slots: CountSchema,
  population: PopulationSchema,
});

/** Input of {@link slotsPer1000}: childcare slots (托位数) and resident population (常住人口). */
export type SlotsPer1000Input = z.input<typeof SlotsPer1000InputSchema>;

/**
 * 每千人口拥有3岁以下婴幼儿托位数 — childcare slots per 1000 residents:
 * `slots × 1000 ÷ population`, rounded half-up to 2 decimals. The denominator is the resident population (常住人口),
 * as the 托育机构设置标准 ties planning to it.
 *
 * @param input - `{ slots, population }`: slots a non-negative integer, population a positive integer
 * @returns the ratio with its numerator, denominator and trace
 * @throws {CarekitError} OUT_OF_RANGE for zero or negative population or a count beyond 2×10^9;
 *   INVALID_INPUT for fractional or missing counts, `NaN` or unknown keys
 * @see 托育机构设置标准（试行）(国卫人口发〔2019〕58号) 第五条 — planning by resident population (policy-facts C1.9, C3.1)
 * @example
 * {@includeCode ../test/ratio.test.ts#slotsPer1000}
 */
export function slotsPer1000(input: SlotsPer1000Input): RatioResult {
  const { slots, population } = parse(SlotsPer1000InputSchema, input, LABEL_SLOTS);
  const step = {
    id: "slotsPer1000",
    zh: "每千人口托位数",
    en: "childcare slots per 1000 residents",
    formula: "round2(slots × 1000 ÷ population)",
  };
  return ratioResult(step, slots, population, 1000, { slots, population });
}

const LABEL_SLOTS = { en: "slots-per-1000 input", zh: "每千人口托位数输入" };

/**
 * Zod schema of the input of {@link bedsPer1000Elders}.
 *
 * @example
 * {@includeCode ../test/ratio.test.ts#schemas}
 */
export const BedsPer1000EldersInputSchema = /* @__PURE__ */ z.strictObject({
  beds: CountSchema,
  elderPopulation: PopulationSchema,
  elderAge: z.union([z.literal(60), z.literal(65)]).optional(),
});

/** Input of {@link bedsPer1000Elders}: elder-care beds, elder population and the age that defines it (60 or 65). */
export type BedsPer1000EldersInput = z.input<typeof BedsPer1000EldersInputSchema>;

/**
 * 每千名老年人养老床位数 — elder-care beds per 1000 elders: `beds × 1000 ÷ elderPopulation`, rounded half-up to
 * 2 decimals. Elders are residents aged 60 and over (老年人权益保障法 第2条) unless `elderAge: 65` says the
 * denominator counts 65+; the age is recorded in the trace.
 *
 * @param input - `{ beds, elderPopulation, elderAge? }` (`elderAge` 60 by default, or 65)
 * @returns the ratio with its numerator, denominator and trace
 * @throws {CarekitError} OUT_OF_RANGE for a zero elder population; INVALID_INPUT for fractional beds, an
 *   `elderAge` other than 60 or 65, unknown keys
 * @see 《中华人民共和国老年人权益保障法》第二条 (60 周岁以上) — policy-facts C3.4; C2.3 for past targets (30, 35–40)
 * @example
 * {@includeCode ../test/ratio.test.ts#bedsPer1000Elders}
 */
export function bedsPer1000Elders(input: BedsPer1000EldersInput): RatioResult {
  const { beds, elderPopulation, elderAge = 60 } = parse(BedsPer1000EldersInputSchema, input, LABEL_BEDS);
  const step = {
    id: "bedsPer1000Elders",
    zh: `每千名老年人（${elderAge}岁及以上）养老床位数`,
    en: `elder-care beds per 1000 residents aged ${elderAge}+`,
    formula: "round2(beds × 1000 ÷ elderPopulation)",
  };
  return ratioResult(step, beds, elderPopulation, 1000, { beds, elderPopulation, elderAge });
}

const LABEL_BEDS = { en: "beds-per-1000-elders input", zh: "每千名老年人养老床位数输入" };

/**
 * Zod schema of the input of {@link nursingBedShare}.
 *
 * @example
 * {@includeCode ../test/ratio.test.ts#schemas}
 */
export const NursingBedShareInputSchema = /* @__PURE__ */ z.strictObject({
  nursingBeds: CountSchema,
  beds: PopulationSchema,
});

/** Input of {@link nursingBedShare}: nursing-care beds and all beds of the elder-care institutions. */
export type NursingBedShareInput = z.input<typeof NursingBedShareInputSchema>;

/**
 * 养老机构护理型床位占比 — nursing-bed share of elder-care institutions: `nursingBeds × 100 ÷ beds`, in percent
 * rounded half-up to 2 decimals.
 *
 * @param input - `{ nursingBeds, beds }`, `beds` positive and not below `nursingBeds`
 * @returns the share in percent with its numerator, denominator and trace
 * @throws {CarekitError} OUT_OF_RANGE when `beds` is 0 or `nursingBeds` exceeds `beds`; INVALID_INPUT for
 *   fractional counts or unknown keys
 * @see 《"十四五"国家老龄事业发展和养老服务体系规划》 — 护理型床位占比 55 % by 2025 (policy-facts C2.1)
 * @example
 * {@includeCode ../test/ratio.test.ts#nursingBedShare}
 */
export function nursingBedShare(input: NursingBedShareInput): RatioResult {
  const { nursingBeds, beds } = parse(NursingBedShareInputSchema, input, LABEL_NURSING);
  assertNotAbove(nursingBeds, beds, "nursingBeds", "beds", "护理型床位数", "床位总数");
  const step = {
    id: "nursingBedShare",
    zh: "护理型床位占比（%）",
    en: "nursing-bed share (%)",
    formula: "round2(nursingBeds × 100 ÷ beds)",
  };
  return ratioResult(step, nursingBeds, beds, 100, { nursingBeds, beds });
}

const LABEL_NURSING = { en: "nursing-bed-share input", zh: "护理型床位占比输入" };

/**
 * Zod schema of the input of {@link utilization}.
 *
 * @example
 * {@includeCode ../test/ratio.test.ts#schemas}
 */
export const UtilizationInputSchema = /* @__PURE__ */ z.strictObject({
  enrolled: CountSchema,
  capacity: PopulationSchema,
});

/** Input of {@link utilization}: children enrolled (实际招收) and places offered (托位). */
export type UtilizationInput = z.input<typeof UtilizationInputSchema>;

/**
 * 利用率 — utilisation: `enrolled × 100 ÷ capacity`, in percent rounded half-up to 2 decimals. Enrolment above
 * capacity is reported as it is (above 100 %), not clipped.
 *
 * @param input - `{ enrolled, capacity }`, capacity positive
 * @returns the utilisation in percent with its numerator, denominator and trace
 * @throws {CarekitError} OUT_OF_RANGE for a capacity of 0; INVALID_INPUT for fractional counts or unknown keys
 * @see 大足府办发〔2023〕37号 — 托位 1727 个, 实际招收 1234 人, 利用率 71.45 % (seed 002)
 * @example
 * {@includeCode ../test/ratio.test.ts#utilization}
 */
export function utilization(input: UtilizationInput): RatioResult {
  const { enrolled, capacity } = parse(UtilizationInputSchema, input, LABEL_UTILIZATION);
  const step = {
    id: "utilization",
    zh: "利用率（%）",
    en: "utilisation (%)",
    formula: "round2(enrolled × 100 ÷ capacity)",
  };
  return ratioResult(step, enrolled, capacity, 100, { enrolled, capacity });
}

const LABEL_UTILIZATION = { en: "utilisation input", zh: "利用率输入" };
