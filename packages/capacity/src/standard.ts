import { IsoDateSchema, SourceSchema } from "@carekit/core";
import { deepFreeze } from "@carekit/core/internal";
import * as z from "zod";
import { markDefined } from "./internal/defined.js";
import { PopulationSchema, parse, ShareSchema, TargetPer1000Schema, YearSchema } from "./validate.js";

const IdSchema = /* @__PURE__ */ (() =>
  z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: "an id is camelCase letters and digits" }))();
const SizeSchema = /* @__PURE__ */ (() => z.number().int().min(1).max(100))();
const AreaSchema = /* @__PURE__ */ (() => z.number().positive().max(1_000_000))();

function base<K extends string>(kind: K) {
  return {
    kind: z.literal(kind),
    id: IdSchema,
    version: z.string().min(1),
    effectiveFrom: IsoDateSchema.nullable(),
    effectiveTo: IsoDateSchema.nullable(),
    region: z.string().regex(/^(CN|\d{6})$/, { error: 'region is "CN" (national) or a six-digit GB/T 2260 code' }),
    regionName: z.string().min(1),
    source: SourceSchema,
  };
}

/**
 * Zod schema of the class rules of a childcare standard (班级规模与师幼比): class-size limits, carer ratios
 * (children per carer), the age from which classes may be mixed and the enrolment from which a full-time health
 * worker is required.
 *
 * @example
 * ```ts
 * import { ClassRulesSchema, standards } from "@carekit/capacity";
 *
 * // the national class sizes and carer ratios (国卫人口发〔2019〕58号)
 * const rules = standards.national2025.classRules;
 * ClassRulesSchema.safeParse(rules).success; // → true
 * // mixed classes start at a month from 0 to 36
 * ClassRulesSchema.safeParse({ ...rules, mixedFromMonths: 48 }).success; // → false
 * ```
 */
export const ClassRulesSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    classSize: z.strictObject({ infant: SizeSchema, toddler: SizeSchema, olderToddler: SizeSchema, mixed: SizeSchema }),
    carerRatio: z.strictObject({
      infant: SizeSchema,
      toddler: SizeSchema,
      olderToddler: SizeSchema,
      mixed: SizeSchema.nullable(),
    }),
    mixedFromMonths: z.number().int().min(0).max(36),
    fullTimeHealthWorkerFrom: PopulationSchema.nullable(),
    source: SourceSchema,
  }))();

/** Class rules of a childcare standard; see {@link ClassRulesSchema}. */
export type ClassRules = z.output<typeof ClassRulesSchema>;

/**
 * Zod schema of the facility rules of a childcare standard (托育设施配建): class size used for planning, classes
 * from which a building of its own is required, land and floor area per slot, and the planned population from which
 * a residential community must provide a facility. `null` = the standard does not say.
 *
 * @example
 * ```ts
 * import { FacilityRulesSchema, standards } from "@carekit/capacity";
 *
 * // 太原's facility rules: classes of 20, 10 m² of land and 12 m² of floor per slot
 * const facility = standards.taiyuan2025.facility;
 * FacilityRulesSchema.safeParse(facility).success; // → true
 * // an area per slot is positive
 * FacilityRulesSchema.safeParse({ ...facility, landM2PerSlot: -10 }).success; // → false
 * ```
 */
export const FacilityRulesSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    planningClassSize: SizeSchema.nullable(),
    independentBuildingFromClasses: SizeSchema.nullable(),
    landM2PerSlot: AreaSchema.nullable(),
    floorM2PerSlot: AreaSchema.nullable(),
    requiredFromPopulation: PopulationSchema.nullable(),
    source: SourceSchema,
  }))();

/** Facility rules of a childcare standard; see {@link FacilityRulesSchema}. */
export type FacilityRules = z.output<typeof FacilityRulesSchema>;

const BaselineSchema = /* @__PURE__ */ (() => z.strictObject({ year: YearSchema, value: z.number().nonnegative() }))();

/**
 * Zod schema of a childcare planning standard (托育规划标准): slots per 1000 residents for new and existing
 * residential areas, and optionally class rules and facility rules.
 *
 * @example
 * ```ts
 * import { ChildcareStandardSchema, standards } from "@carekit/capacity";
 *
 * // a city's own standard: 12 slots per 1000 residents in new areas
 * const own = { ...standards.sichuan, id: "myCity", slotsPer1000: { new: 12, existing: null } };
 * ChildcareStandardSchema.safeParse(own).success; // → true
 * // a target of 0 and unknown fields are refused
 * ChildcareStandardSchema.safeParse({ ...own, slotsPer1000: { new: 0, existing: null } }).success; // → false
 * ChildcareStandardSchema.safeParse({ ...own, extra: 1 }).success; // → false
 * ```
 */
export const ChildcareStandardSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    ...base("childcare"),
    targetYear: YearSchema.nullable(),
    slotsPer1000: z.strictObject({ new: TargetPer1000Schema.nullable(), existing: TargetPer1000Schema.nullable() }),
    baseline: BaselineSchema.nullable(),
    classRules: ClassRulesSchema.nullable(),
    facility: FacilityRulesSchema.nullable(),
  }))();

/** A childcare planning standard; see {@link ChildcareStandardSchema}. */
export type ChildcareStandard = z.output<typeof ChildcareStandardSchema>;

/**
 * Zod schema of a nursing-bed share target (护理型床位占比目标): the share as a decimal fraction, its target year and
 * an optional baseline.
 *
 * @example
 * ```ts
 * import { NursingBedStandardSchema, standards } from "@carekit/capacity";
 *
 * // 大足区: 60 % nursing beds by 2025
 * NursingBedStandardSchema.safeParse(standards.dazu2025).success; // → true
 * // a share is a fraction from 0 to 1
 * NursingBedStandardSchema.safeParse({ ...standards.dazu2025, targetShare: 60 }).success; // → false
 * ```
 */
export const NursingBedStandardSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    ...base("nursingBedShare"),
    targetYear: YearSchema,
    targetShare: ShareSchema,
    baseline: BaselineSchema.nullable(),
  }))();

/** A nursing-bed share target; see {@link NursingBedStandardSchema}. */
export type NursingBedStandard = z.output<typeof NursingBedStandardSchema>;

/**
 * Zod schema of a residential-land provision rule (居住用地配建): per `landMuPerSet` 亩 of residential land, so many
 * kindergartens of at least so many classes and so many elder-care facilities of at least so much floor area.
 *
 * @example
 * ```ts
 * import { ResidentialLandStandardSchema, standards } from "@carekit/capacity";
 *
 * // per 300 亩 of new residential land: a kindergarten of 9 classes and an elder facility of 750 m²
 * ResidentialLandStandardSchema.safeParse(standards.newUrbanLand).success; // → true
 * // a block of land is positive
 * ResidentialLandStandardSchema.safeParse({ ...standards.newUrbanLand, landMuPerSet: 0 }).success; // → false
 * ```
 */
export const ResidentialLandStandardSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    ...base("residentialLand"),
    landMuPerSet: AreaSchema,
    kindergartensPerSet: SizeSchema,
    kindergartenMinClasses: SizeSchema,
    elderFacilitiesPerSet: SizeSchema,
    elderFacilityMinFloorAreaM2: AreaSchema,
  }))();

/** A residential-land provision rule; see {@link ResidentialLandStandardSchema}. */
export type ResidentialLandStandard = z.output<typeof ResidentialLandStandardSchema>;

/**
 * The four services the embedded-complex guideline counts as core (核心功能): 养老服务 `elderCare`, 婴幼儿托育
 * `childcare`, 儿童托管 `afterSchool`, 社区助餐 `communityMeals`.
 *
 * @example
 * ```ts
 * import { CORE_FUNCTIONS, checkEmbeddedComplex } from "@carekit/capacity";
 *
 * // 养老服务, 婴幼儿托育, 儿童托管, 社区助餐
 * CORE_FUNCTIONS; // → ["elderCare", "childcare", "afterSchool", "communityMeals"]
 * // 重庆高新区 溪畔会客厅: two of its six functions are core functions
 * const functions = ["childcare", "elderCare", "partyServices", "youthStartups", "counselling", "studyCentre"];
 * checkEmbeddedComplex({ floorAreaM2: 2000, functions }).coreFunctions; // → ["childcare", "elderCare"]
 * ```
 */
export const CORE_FUNCTIONS = ["elderCare", "childcare", "afterSchool", "communityMeals"] as const;

/** One of the {@link CORE_FUNCTIONS}. */
export type CoreFunction = (typeof CORE_FUNCTIONS)[number];

/**
 * Zod schema of a community embedded service complex rule (社区嵌入式服务综合体): minimum and preferred floor area,
 * minimum number of functions and how many of them must be core functions.
 *
 * @example
 * ```ts
 * import { EmbeddedComplexStandardSchema, standards } from "@carekit/capacity";
 *
 * // at least 600 m² (800 preferred), 3 functions, 2 of them core functions
 * EmbeddedComplexStandardSchema.safeParse(standards.embeddedComplex).success; // → true
 * // core functions are values of CORE_FUNCTIONS
 * const complex = standards.embeddedComplex;
 * EmbeddedComplexStandardSchema.safeParse({ ...complex, coreFunctions: ["gym"] }).success; // → false
 * ```
 */
export const EmbeddedComplexStandardSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    ...base("embeddedComplex"),
    minFloorAreaM2: AreaSchema,
    preferredFloorAreaM2: AreaSchema,
    minFunctions: SizeSchema,
    minCoreFunctions: SizeSchema,
    coreFunctions: z.array(z.enum(CORE_FUNCTIONS)).min(1),
  }))();

/** A community embedded service complex rule; see {@link EmbeddedComplexStandardSchema}. */
export type EmbeddedComplexStandard = z.output<typeof EmbeddedComplexStandardSchema>;

/** An amount of money in integer fen (分), a safe integer ≥ 0 up to 10^12 fen (100 亿元). */
const FenAmountSchema = /* @__PURE__ */ (() => z.number().int().nonnegative().max(1_000_000_000_000))();

/** Fees or subsidies by childcare class type (班型): 乳儿班 `infant`, 托小班 `toddler`, 托大班 `older_toddler`. */
const ByClassTypeSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    infant: FenAmountSchema,
    toddler: FenAmountSchema,
    older_toddler: FenAmountSchema,
  }))();

/**
 * Zod schema of a childcare finance standard (托育收费与补助标准): the monthly childcare fee (保育费) per child by
 * ownership (公建公营 `publicly_built_publicly_run`, 公建民营 `publicly_built_privately_run`) and class type, the
 * operating subsidy (运营补助) per enrolled child per month by provider kind (独立托育机构 `independent`, 幼儿园办托班
 * `kindergarten_class`) with the most months a year it is paid for, and the one-off awards for model providers
 * (示范托育机构: `municipal_model` paid by the city, `county_model` by the county). All money in integer fen.
 *
 * @example
 * ```ts
 * import { ChildcareFinanceStandardSchema, standards } from "@carekit/capacity";
 *
 * // 太原 2026: fees, subsidies and awards in fen
 * ChildcareFinanceStandardSchema.safeParse(standards.taiyuan2026).success; // → true
 * // money is whole fen: a 50,000.5-fen award is refused
 * const awardFen = { municipal_model: 50_000.5, county_model: 0 };
 * ChildcareFinanceStandardSchema.safeParse({ ...standards.taiyuan2026, awardFen }).success; // → false
 * ```
 */
export const ChildcareFinanceStandardSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    ...base("childcareFinance"),
    monthlyFeeFen: z.strictObject({
      publicly_built_publicly_run: ByClassTypeSchema,
      publicly_built_privately_run: ByClassTypeSchema,
    }),
    subsidy: z.strictObject({
      effectiveFrom: IsoDateSchema,
      monthlyFenPerChild: z.strictObject({ independent: FenAmountSchema, kindergarten_class: FenAmountSchema }),
      maxMonthsPerYear: z.number().int().min(1).max(12),
    }),
    awardFen: z.strictObject({ municipal_model: FenAmountSchema, county_model: FenAmountSchema }),
  }))();

/** A childcare finance standard; see {@link ChildcareFinanceStandardSchema}. */
export type ChildcareFinanceStandard = z.output<typeof ChildcareFinanceStandardSchema>;

/**
 * Zod schema of any planning standard (规划标准), told apart by `kind`. Every module in `standards` passes it.
 *
 * @example
 * ```ts
 * import { StandardSchema, standards } from "@carekit/capacity";
 *
 * // any kind of standard, told apart by `kind`
 * StandardSchema.safeParse(standards.sichuan).success; // → true
 * StandardSchema.safeParse(standards.nursingBeds2030).success; // → true
 * StandardSchema.safeParse({ ...standards.sichuan, kind: "hospital" }).success; // → false
 * ```
 */
export const StandardSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    ChildcareStandardSchema,
    NursingBedStandardSchema,
    ResidentialLandStandardSchema,
    EmbeddedComplexStandardSchema,
    ChildcareFinanceStandardSchema,
  ]))();

/** Any planning standard; see {@link StandardSchema}. */
export type Standard = z.output<typeof StandardSchema>;

/**
 * 自定义规划标准 — validate your own planning standard once and make it usable by every function that takes a
 * `standard`: checked by {@link StandardSchema} (told apart by `kind`), then frozen, so that what was checked is what
 * is used. Functions accept a built-in id (`"national2025"`), a built-in module (`standards.sichuan`) or a standard
 * made here; any other object is refused, because nothing has validated it.
 *
 * @param standard - a complete standard of any kind; spread a built-in one to change a few figures
 * @returns the validated, frozen standard
 * @throws {CarekitError} INVALID_INPUT or OUT_OF_RANGE with every problem and its path (`slotsPer1000.new`)
 * @see {@link StandardSchema} for every field, and `standards` for the built-in ones with their documents
 * @example
 * ```ts
 * import { childcareGap, defineStandard, standards } from "@carekit/capacity";
 *
 * // a district that plans 6 slots per 1000 in new areas
 * const district = defineStandard({ ...standards.sichuan, id: "myDistrict", slotsPer1000: { new: 6, existing: 5 } });
 * childcareGap({ population: 100_000, existingSlots: 300, standard: district }).gap; // → 300
 * defineStandard({ ...standards.sichuan, slotsPer1000: { new: 120, existing: null } }); // → throws OUT_OF_RANGE
 * ```
 */
export function defineStandard<const T extends z.input<typeof StandardSchema>>(
  standard: T,
): Extract<Standard, { kind: T["kind"] }> {
  const parsed = parse(StandardSchema, standard, { en: "planning standard", zh: "规划标准" });
  return markDefined(deepFreeze(parsed)) as Extract<Standard, { kind: T["kind"] }>;
}
