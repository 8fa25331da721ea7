import type { TraceStep } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import { childcareStandards, resolveStandard, type StandardRef } from "./builtin.js";
import { fewestCarers } from "./carers.js";
import type { ClassRules } from "./standard.js";
import { traceSource, traceStep } from "./trace.js";
import { parse } from "./validate.js";

const ChildrenCountSchema = /* @__PURE__ */ (() => z.number().int().nonnegative().max(1_000_000))();

/**
 * Zod schema of the input of {@link planChildcareClasses}.
 *
 * @example
 * ```ts
 * import { PlanChildcareClassesInputSchema } from "@carekit/capacity";
 *
 * // 20 infants, 45 toddlers and 60 older toddlers, mixed classes allowed
 * const children = { infant: 20, toddler: 45, olderToddler: 60 };
 * PlanChildcareClassesInputSchema.safeParse({ children, allowMixed: true }).success; // → true
 * // every age group is given, as a whole number
 * PlanChildcareClassesInputSchema.safeParse({ children: { infant: 20, toddler: 45 } }).success; // → false
 * PlanChildcareClassesInputSchema.safeParse({ children: { ...children, olderToddler: 60.5 } }).success; // → false
 * ```
 */
export const PlanChildcareClassesInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    children: z.strictObject({
      infant: ChildrenCountSchema,
      toddler: ChildrenCountSchema,
      olderToddler: ChildrenCountSchema,
    }),
    standard: z.unknown().optional(),
    allowMixed: z.boolean().optional(),
    mixedCarerRatio: z.number().int().min(1).max(100).optional(),
  }))();

/**
 * Input of {@link planChildcareClasses}: children by age group (乳儿 6–12 months, 托小 12–24, 托大 24–36), the
 * standard whose class rules apply (default `national2025`), whether mixed classes may be formed, and the carer
 * ratio of mixed classes when the standard sets none.
 */
export type PlanChildcareClassesInput = Omit<z.input<typeof PlanChildcareClassesInputSchema>, "standard"> & {
  standard?: StandardRef<"childcare">;
};

/** One class type in a class plan: how many classes, children and carers. */
export interface ClassGroup {
  /** Number of classes (班数). */
  classes: number;
  /** Children placed in them. */
  children: number;
  /** Fewest carers the ratio allows for these classes. */
  carers: number;
}

/** Mixed classes in a class plan, with how many children of each age group they hold. */
export interface MixedClassGroup extends ClassGroup {
  /** Toddlers (托小, who must be 18 months or older) placed in mixed classes. */
  toddlers: number;
  /** Older toddlers (托大) placed in mixed classes. */
  olderToddlers: number;
}

/** Result of {@link planChildcareClasses}. */
export interface ChildcareClassPlan {
  /** Classes by type: 乳儿班, 托小班, 托大班, 混合班. */
  classes: { infant: number; toddler: number; olderToddler: number; mixed: number };
  /** All classes. */
  totalClasses: number;
  /** All carers (保育人员), at least one per `carerRatio` children in every class. */
  carers: number;
  /** Children and carers of each class type. */
  classPlan: { infant: ClassGroup; toddler: ClassGroup; olderToddler: ClassGroup; mixed: MixedClassGroup };
  /** How it was computed. */
  trace: TraceStep[];
}

interface Candidate {
  mixed: number;
  toddlerClasses: number;
  olderClasses: number;
  toddlersMixed: number;
  olderMixed: number;
  total: number;
  toddlerCarers: number;
  olderCarers: number;
  mixedCarers: number;
  carers: number;
}

/** Class rules of a childcare standard, or `MISSING_RULE` when it has none. */
export function classRulesOf(standard: { id: string; classRules: ClassRules | null }, path: string): ClassRules {
  if (standard.classRules === null) {
    throw fieldError(
      "MISSING_RULE",
      path,
      `standard ${standard.id} has no class rules; pass "national2025" or a standard with classRules`,
      `标准 ${standard.id} 没有班级规模和师幼比规定；请使用 "national2025" 或带 classRules 的标准`,
    );
  }
  return standard.classRules;
}

/**
 * 编班与保育人员配备 — the fewest classes that respect every class-size limit, and the carers they need:
 * 乳儿班 `ceil(infant ÷ 10)`; toddlers and older toddlers in 托小班 (≤15) and 托大班 (≤20) or, with `allowMixed`,
 * also in mixed classes (≤18, for children of 18 months and older; each mixed class holds at least one child of each
 * group). Every number of mixed classes is tried; for each, the fewest 托小班 that leave the mixed classes room, then
 * the fewest 托大班; the plan with the fewest classes wins (then the fewest carers, then the fewest mixed classes).
 * Carers: in each class at least one per `carerRatio` children (1:3, 1:5, 1:7); mixed classes use
 * `mixedCarerRatio`, else the standard's mixed ratio, else the strictest ratio of the two groups (1:5) — the
 * national standard sets none.
 *
 * @param input - `{ children: { infant, toddler, olderToddler }, standard?, allowMixed?, mixedCarerRatio? }`
 * @returns classes by type, total classes, carers, the per-type plan and the trace
 * @throws {CarekitError} INVALID_INPUT for fractional or negative counts, unknown keys; UNKNOWN_STANDARD for an
 *   unknown standard id; MISSING_RULE for a standard without class rules
 * @see 托育机构设置标准（试行）(国卫人口发〔2019〕58号) 第十九条 (班级规模), 第二十条 (师幼比)
 * @example
 * ```ts
 * import { planChildcareClasses } from "@carekit/capacity";
 *
 * // 20 infants, 45 toddlers and 60 older toddlers under 托育机构设置标准（试行）
 * const plan = planChildcareClasses({ children: { infant: 20, toddler: 45, olderToddler: 60 } });
 * plan.totalClasses; // → 8
 * plan.carers; // → 26
 * ```
 */
export function planChildcareClasses(input: PlanChildcareClassesInput): ChildcareClassPlan {
  const parsed = parse(PlanChildcareClassesInputSchema, input, { en: "class plan input", zh: "编班输入" });
  const standard = resolveStandard(parsed.standard ?? "national2025", "childcare", childcareStandards);
  const rules = classRulesOf(standard, "standard");
  const { infant, toddler, olderToddler } = parsed.children;
  const size = rules.classSize;
  const ratio = rules.carerRatio;
  const mixedRatio = parsed.mixedCarerRatio ?? ratio.mixed ?? Math.min(ratio.toddler, ratio.olderToddler);
  const infantClasses = Math.ceil(infant / size.infant);
  const infantCarers = fewestCarers(infant, infantClasses, size.infant, ratio.infant);

  const evaluate = (mixed: number): Candidate => {
    const toddlerRoom = mixed === 0 ? 0 : (size.mixed - 1) * mixed;
    const toddlerClasses = Math.ceil(Math.max(0, toddler - toddlerRoom) / size.toddler);
    const toddlersMixed = Math.max(mixed, toddler - size.toddler * toddlerClasses);
    const olderRoom = size.mixed * mixed - toddlersMixed;
    const olderClasses = Math.ceil(Math.max(0, olderToddler - olderRoom) / size.olderToddler);
    const olderMixed = Math.max(mixed, olderToddler - size.olderToddler * olderClasses);
    const toddlerCarers = fewestCarers(toddler - toddlersMixed, toddlerClasses, size.toddler, ratio.toddler);
    const olderCarers = fewestCarers(olderToddler - olderMixed, olderClasses, size.olderToddler, ratio.olderToddler);
    const mixedCarers = fewestCarers(toddlersMixed + olderMixed, mixed, size.mixed, mixedRatio);
    return {
      mixed,
      toddlerClasses,
      olderClasses,
      toddlersMixed,
      olderMixed,
      total: mixed + toddlerClasses + olderClasses,
      toddlerCarers,
      olderCarers,
      mixedCarers,
      carers: toddlerCarers + olderCarers + mixedCarers,
    };
  };

  const maxMixed = parsed.allowMixed === true ? Math.min(toddler, olderToddler) : 0;
  let best = evaluate(0);
  for (let mixed = 1; mixed <= maxMixed; mixed++) {
    const candidate = evaluate(mixed);
    if (candidate.total < best.total || (candidate.total === best.total && candidate.carers < best.carers)) {
      best = candidate;
    }
  }

  const classPlan = {
    infant: { classes: infantClasses, children: infant, carers: infantCarers },
    toddler: {
      classes: best.toddlerClasses,
      children: toddler - best.toddlersMixed,
      carers: best.toddlerCarers,
    },
    olderToddler: {
      classes: best.olderClasses,
      children: olderToddler - best.olderMixed,
      carers: best.olderCarers,
    },
    mixed: {
      classes: best.mixed,
      children: best.toddlersMixed + best.olderMixed,
      toddlers: best.toddlersMixed,
      olderToddlers: best.olderMixed,
      carers: best.mixedCarers,
    },
  };
  const totalClasses = infantClasses + best.total;
  const carers = infantCarers + best.carers;
  const source = traceSource({ id: standard.id, version: standard.version, source: rules.source });
  return {
    classes: {
      infant: infantClasses,
      toddler: best.toddlerClasses,
      olderToddler: best.olderClasses,
      mixed: best.mixed,
    },
    totalClasses,
    carers,
    classPlan,
    trace: [
      traceStep(
        "infantClasses",
        "乳儿班班数",
        "infant classes",
        "ceil(infant ÷ classSize.infant)",
        { infant, classSize: size.infant },
        infantClasses,
        source,
      ),
      traceStep(
        "toddlerClasses",
        "托小班、托大班与混合班班数",
        "toddler, older-toddler and mixed classes",
        "min over mixed of mixed + ceil((toddler − toddlersMixed) ÷ toddlerSize) + ceil((olderToddler − olderMixed) ÷ olderToddlerSize)",
        {
          toddler,
          olderToddler,
          allowMixed: parsed.allowMixed === true,
          toddlerSize: size.toddler,
          olderToddlerSize: size.olderToddler,
          mixedSize: size.mixed,
          mixed: best.mixed,
        },
        best.total,
        source,
      ),
      traceStep(
        "carers",
        "保育人员数",
        "carers",
        "Σ per class ceil(children ÷ carerRatio)",
        {
          infantRatio: ratio.infant,
          toddlerRatio: ratio.toddler,
          olderToddlerRatio: ratio.olderToddler,
          mixedRatio,
          mixedRatioFrom:
            parsed.mixedCarerRatio !== undefined
              ? "input"
              : ratio.mixed !== null
                ? "standard"
                : "strictest group ratio",
        },
        carers,
        source,
      ),
      traceStep("totalClasses", "总班数", "total classes", "infant + toddler + olderToddler + mixed", {}, totalClasses),
    ],
  };
}
