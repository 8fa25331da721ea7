import type { TraceStep } from "@carekit/core";
import { divideRounded } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import { childcareStandards, resolveStandard, type StandardRef, slotsTargetOf } from "./builtin.js";
import { fewestCarers } from "./carers.js";
import { classRulesOf } from "./classes.js";
import { national2025 } from "./data/childcare.js";
import { requiredPer1000, scaled } from "./exact.js";
import type { ClassType } from "./finance.js";
import { traceSource, traceStep } from "./trace.js";
import { PopulationSchema, parse, safeProduct } from "./validate.js";

/**
 * Zod schema of the input of {@link planChildcareFacility}.
 *
 * @example
 * ```ts
 * import { PlanChildcareFacilityInputSchema } from "@carekit/capacity";
 *
 * // a new community planned for 12,000 residents under 太原's 2025 standard
 * const input = { plannedPopulation: 12_000, standard: "taiyuan2025", areaType: "new" };
 * PlanChildcareFacilityInputSchema.safeParse(input).success; // → true
 * // a planned population is a whole number of people
 * PlanChildcareFacilityInputSchema.safeParse({ ...input, plannedPopulation: 12_000.5 }).success; // → false
 * ```
 */
export const PlanChildcareFacilityInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    plannedPopulation: PopulationSchema,
    standard: z.unknown(),
    areaType: z.enum(["new", "existing"]),
  }))();

/**
 * Input of {@link planChildcareFacility}: the planned resident population of the area, the standard (built-in id
 * such as `"taiyuan2025"` or a {@link ChildcareStandard}) and whether the area is new or existing.
 */
export type PlanChildcareFacilityInput = Omit<z.input<typeof PlanChildcareFacilityInputSchema>, "standard"> & {
  standard: StandardRef<"childcare">;
};

/** Result of {@link planChildcareFacility}. `null` = the standard sets no rule for that item. */
export interface ChildcareFacilityPlan {
  /** Whether the area must provide a facility (须配建): planned population ≥ the standard's threshold. */
  required: boolean | null;
  /** Slots to provide (所需托位数): `ceil(plannedPopulation × slotsPer1000 ÷ 1000)`. */
  requiredSlots: number;
  /** Classes: `ceil(requiredSlots ÷ classPlan.classSize)`. */
  classes: number;
  /** Fewest carers for those classes at `classPlan.carerRatio`. */
  carers: number;
  /** Land area (用地面积) in m²: `ceil(slots × landM2PerSlot)`. */
  landAreaM2: number | null;
  /** Floor area (建筑面积) in m²: `ceil(slots × floorM2PerSlot)`. */
  floorAreaM2: number | null;
  /** Whether the facility needs a building of its own (独立设置): classes ≥ the standard's threshold. */
  independentBuilding: boolean | null;
  /** Whether a full-time health worker is required (专职卫生保健人员): slots ≥ 150 under the class rules. */
  fullTimeHealthWorker: boolean | null;
  /** The class size and carer ratio the plan assumes, and where they come from. */
  classPlan: {
    /** Children per class used for planning. */
    classSize: number;
    /** Children per carer for that class type. */
    carerRatio: number;
    /** The class type whose ratio applies: 乳儿班 `infant`, 托小班 `toddler`, 托大班 `older_toddler`. */
    classType: ClassType;
    /** `standard` when the standard sets a planning class size, `largest_class` when the largest single-age class is assumed. */
    classSizeFrom: "standard" | "largest_class";
  };
  /** How it was computed. */
  trace: TraceStep[];
}

const CLASS_TYPES = ["infant", "toddler", "olderToddler"] as const;

/** The class rules' keys (field names) as the class-type values every capacity result uses (snake_case). */
const CLASS_TYPE_OF: Record<(typeof CLASS_TYPES)[number], ClassType> = {
  infant: "infant",
  toddler: "toddler",
  olderToddler: "older_toddler",
};

function areaFor(slots: number, perSlot: number | null, path: string): number | null {
  return perSlot === null ? null : divideRounded(safeProduct(slots, scaled(perSlot, path), path), 10_000, "up");
}

/**
 * 托育设施配建测算 — childcare facility sizing for a planned area: slots `ceil(plannedPopulation × slotsPer1000 ÷
 * 1000)` for the area type, classes `ceil(slots ÷ classSize)`, carers at the ratio of the class type that size
 * belongs to, land and floor area per slot, whether a building of its own and a full-time health worker are needed,
 * and whether the community must provide a facility at all. When the standard sets no planning class size, the
 * largest single-age class (托大班, 20) is assumed and `classes` is a lower bound; when it sets no class rules, the
 * national rules (国卫人口发〔2019〕58号) apply. Carers are the fewest allowed with each class at the ratio of its type.
 *
 * @param input - `{ plannedPopulation, standard, areaType }`
 * @returns the facility plan and its trace
 * @throws {CarekitError} OUT_OF_RANGE for a zero or negative population; INVALID_INPUT for missing fields or an
 *   area type other than `new` / `existing`; UNKNOWN_STANDARD for an unknown standard or one without a figure for
 *   the area type
 * @see 太原市卫生健康委等《支持托育服务高质量发展的若干措施》; 国家卫生健康委《托育机构设置标准（试行）》（国卫人口发〔2019〕58号）
 * @example
 * ```ts
 * import { planChildcareFacility } from "@carekit/capacity";
 *
 * // a community planned for 12,000 residents under 太原's standard
 * const facility = planChildcareFacility({ plannedPopulation: 12_000, standard: "taiyuan2025", areaType: "new" });
 * facility.requiredSlots; // → 120
 * facility.classes; // → 6
 * facility.floorAreaM2; // → 1440
 * facility.independentBuilding; // → true
 * ```
 */
export function planChildcareFacility(input: PlanChildcareFacilityInput): ChildcareFacilityPlan {
  const { plannedPopulation, areaType, ...rest } = parse(PlanChildcareFacilityInputSchema, input, {
    en: "facility plan input",
    zh: "托育设施测算输入",
  });
  const standard = resolveStandard(rest.standard, "childcare", childcareStandards);
  const target = slotsTargetOf(standard, areaType);
  const facility = standard.facility;
  const rules = classRulesOf(standard.classRules === null ? national2025 : standard, "standard");
  const slots = requiredPer1000(plannedPopulation, scaled(target, "standard.slotsPer1000"));
  const largest = Math.max(rules.classSize.infant, rules.classSize.toddler, rules.classSize.olderToddler);
  const classSize = facility?.planningClassSize ?? largest;
  const fitting = CLASS_TYPES.filter((type) => rules.classSize[type] >= classSize);
  const [first, ...others] = fitting;
  if (first === undefined) {
    throw fieldError(
      "OUT_OF_RANGE",
      "standard.facility.planningClassSize",
      `a planning class of ${classSize} exceeds every class-size limit of the class rules`,
      `规划班额 ${classSize} 人超过所有班级规模上限`,
    );
  }
  const classType = others.reduce((a, b) => (rules.carerRatio[b] > rules.carerRatio[a] ? b : a), first);
  const carerRatio = rules.carerRatio[classType];
  const classes = Math.ceil(slots / classSize);
  const carers = fewestCarers(slots, classes, classSize, carerRatio);
  const required =
    facility === null || facility.requiredFromPopulation === null
      ? null
      : plannedPopulation >= facility.requiredFromPopulation;
  const independentBuilding =
    facility === null || facility.independentBuildingFromClasses === null
      ? null
      : classes >= facility.independentBuildingFromClasses;
  const landAreaM2 = areaFor(slots, facility?.landM2PerSlot ?? null, "standard.facility.landM2PerSlot");
  const floorAreaM2 = areaFor(slots, facility?.floorM2PerSlot ?? null, "standard.facility.floorM2PerSlot");
  const fullTimeHealthWorker = rules.fullTimeHealthWorkerFrom === null ? null : slots >= rules.fullTimeHealthWorkerFrom;
  const rulesStandard = standard.classRules === null ? national2025 : standard;
  const facilitySource = facility === null ? null : traceSource({ ...standard, source: facility.source });
  const rulesSource = traceSource({ ...rulesStandard, source: rules.source });
  const standardSource = traceSource(standard);
  return {
    required,
    requiredSlots: slots,
    classes,
    carers,
    landAreaM2,
    floorAreaM2,
    independentBuilding,
    fullTimeHealthWorker,
    classPlan: {
      classSize,
      carerRatio,
      classType: CLASS_TYPE_OF[classType],
      classSizeFrom: facility?.planningClassSize == null ? "largest_class" : "standard",
    },
    trace: [
      traceStep(
        "required",
        "是否须配建",
        "facility required",
        "plannedPopulation ≥ requiredFromPopulation",
        { plannedPopulation, requiredFromPopulation: facility?.requiredFromPopulation ?? null },
        required,
        facilitySource,
      ),
      traceStep(
        "requiredSlots",
        "配建托位数",
        "slots to provide",
        "ceil(plannedPopulation × slotsPer1000 ÷ 1000)",
        { plannedPopulation, slotsPer1000: target, areaType },
        slots,
        standardSource,
      ),
      traceStep(
        "classes",
        "班数",
        "classes",
        "ceil(requiredSlots ÷ classSize)",
        { requiredSlots: slots, classSize },
        classes,
        facility?.planningClassSize == null ? rulesSource : facilitySource,
      ),
      traceStep(
        "carers",
        "保育人员数（下限）",
        "carers (fewest allowed)",
        "Σ per class ceil(children ÷ carerRatio)",
        { requiredSlots: slots, classes, carerRatio, classType: CLASS_TYPE_OF[classType] },
        carers,
        rulesSource,
      ),
      traceStep(
        "landAreaM2",
        "用地面积（㎡）",
        "land area (m²)",
        "ceil(requiredSlots × landM2PerSlot)",
        { requiredSlots: slots, landM2PerSlot: facility?.landM2PerSlot ?? null },
        landAreaM2,
        facilitySource,
      ),
      traceStep(
        "floorAreaM2",
        "建筑面积（㎡）",
        "floor area (m²)",
        "ceil(requiredSlots × floorM2PerSlot)",
        { requiredSlots: slots, floorM2PerSlot: facility?.floorM2PerSlot ?? null },
        floorAreaM2,
        facilitySource,
      ),
      traceStep(
        "independentBuilding",
        "是否独立设置",
        "building of its own",
        "classes ≥ independentBuildingFromClasses",
        { classes, independentBuildingFromClasses: facility?.independentBuildingFromClasses ?? null },
        independentBuilding,
        facilitySource,
      ),
      traceStep(
        "fullTimeHealthWorker",
        "是否须配备专职卫生保健人员",
        "full-time health worker required",
        "requiredSlots ≥ fullTimeHealthWorkerFrom",
        { requiredSlots: slots, fullTimeHealthWorkerFrom: rules.fullTimeHealthWorkerFrom },
        fullTimeHealthWorker,
        rulesSource,
      ),
    ],
  };
}
