import { addDays, IsoDateSchema, isOnOrBefore, type Label, parseInput, parseIsoDate } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import type { Decision } from "./engine.js";
import {
  ACTIONS,
  FACILITY_LEVELS,
  type FacilityLevel,
  LabelSchema,
  LEVEL_RANK,
  OPERATORS,
  URGENCIES,
} from "./model.js";

/** A facility on a referral slip (转出/转入机构). */
export interface Facility {
  /** Level of the facility (机构层级). */
  readonly level: FacilityLevel;
  /** Name, e.g. `城口县坪坝中心卫生院`. */
  readonly name: string;
}

/** A referral slip (转诊单): who refers whom where, why, and until when it is valid. */
export interface ReferralSlip {
  /** The patient's id in the referring system. */
  readonly patientId: string;
  /** Referring facility (转出机构). */
  readonly from: Facility;
  /** Receiving facility (转入机构). */
  readonly to: Facility;
  /** 急诊转诊, 上转 or 下转. */
  readonly action: "emergency_transfer" | "refer_up" | "refer_down";
  /** Urgency from the decision. */
  readonly urgency: (typeof URGENCIES)[number];
  /** The reasons of every fired rule with the slip's action. */
  readonly reasons: readonly Label[];
  /** The ids of those rules. */
  readonly ruleIds: readonly string[];
  /** Day of issue, `YYYY-MM-DD` (开具日期). */
  readonly issuedOn: string;
  /** Validity in calendar days, counting the day of issue (有效天数). */
  readonly validDays: number;
  /** Last day the slip is valid: `issuedOn + validDays − 1`. */
  readonly validUntil: string;
  /** Day by which primary care follows the referral up (`issuedOn + followUpDays`), or `null`. */
  readonly followUpBy: string | null;
}

const TextSchema = /* @__PURE__ */ z.string().min(1).max(200);

/**
 * Zod schema of a {@link Facility}.
 *
 * @example
 * ```ts
 * import { FacilitySchema } from "@carekit/referral";
 *
 * FacilitySchema.safeParse({ level: "county_hospital", name: "城口县人民医院" }).success; // → true
 * FacilitySchema.safeParse({ level: "hospital", name: "x" }).success; // → false
 * ```
 */
export const FacilitySchema = /* @__PURE__ */ z.strictObject({ level: z.enum(FACILITY_LEVELS), name: TextSchema });

/**
 * Zod schema of a {@link Decision} as produced by `engine.evaluate` — to accept decisions that travelled as JSON.
 *
 * @example
 * ```ts
 * import { acuteCoronary, compileRuleSet, DecisionSchema } from "@carekit/referral";
 *
 * const decision = compileRuleSet(acuteCoronary).evaluate({ facts: { suspectedAcs: true }, at: "2024-11-30",
 *   level: "village_clinic" });
 * DecisionSchema.safeParse(JSON.parse(JSON.stringify(decision))).success; // → true
 * ```
 */
export const DecisionSchema = /* @__PURE__ */ z.strictObject({
  action: z.enum(ACTIONS),
  targetLevel: z.enum(FACILITY_LEVELS).nullable(),
  urgency: z.enum(URGENCIES),
  followUpDays: z.number().int().min(0).max(3660).nullable(),
  fired: z.array(
    z.strictObject({
      ruleId: TextSchema,
      action: z.enum(ACTIONS),
      targetLevel: z.enum(FACILITY_LEVELS).nullable(),
      urgency: z.enum(URGENCIES),
      reason: LabelSchema,
      evidence: z.array(
        z.strictObject({
          fact: TextSchema,
          op: z.enum(OPERATORS),
          expected: z.unknown(),
          actual: z.unknown(),
          result: z.boolean(),
        }),
      ),
    }),
  ),
  trace: z.array(
    z.strictObject({
      step: z.enum(["rule", "decision"]),
      label: LabelSchema,
      rule: z.string(),
      inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
      result: z.union([z.number(), z.string(), z.boolean(), z.null()]),
      source: z
        .strictObject({
          title: z.string(),
          number: z.string().nullable(),
          url: z.string().optional(),
          id: z.string().optional(),
          version: z.string().optional(),
        })
        .nullable(),
      ruleId: TextSchema.nullable(),
    }),
  ),
});

const ValidDaysSchema = /* @__PURE__ */ z.number().int().min(1).max(3660);

const IssueSchema = /* @__PURE__ */ z.strictObject({
  from: FacilitySchema,
  to: FacilitySchema,
  patientId: TextSchema,
  decision: DecisionSchema,
  issuedOn: IsoDateSchema,
  validDays: ValidDaysSchema,
});

/**
 * Zod schema of a {@link ReferralSlip}.
 *
 * @example
 * ```ts
 * import { acuteCoronary, compileRuleSet, issueReferralSlip, ReferralSlipSchema } from "@carekit/referral";
 *
 * const decision = compileRuleSet(acuteCoronary).evaluate({ facts: { suspectedAcs: true }, at: "2024-11-30",
 *   level: "village_clinic" });
 * const slip = issueReferralSlip({ from: { level: "village_clinic", name: "明通镇白台村卫生室" },
 *   to: { level: "county_hospital", name: "城口县人民医院" }, patientId: "CK-2024-0001", decision,
 *   issuedOn: "2024-11-30", validDays: 10 });
 * ReferralSlipSchema.safeParse(slip).success; // → true
 * ```
 */
export const ReferralSlipSchema = /* @__PURE__ */ z.strictObject({
  patientId: TextSchema,
  from: FacilitySchema,
  to: FacilitySchema,
  action: z.enum(["emergency_transfer", "refer_up", "refer_down"]),
  urgency: z.enum(URGENCIES),
  reasons: z.array(LabelSchema),
  ruleIds: z.array(TextSchema),
  issuedOn: IsoDateSchema,
  validDays: ValidDaysSchema,
  validUntil: IsoDateSchema,
  followUpBy: IsoDateSchema.nullable(),
});

/**
 * Issue a referral slip (开具转诊单) from a decision. The direction must fit the action: 上转 to a higher level,
 * 下转 to a lower one, 急诊转诊 to the same or a higher level (the nearest capable facility). The slip is valid from
 * `issuedOn` through `issuedOn + validDays − 1`; no national validity is confirmed (local examples: 10 days for
 * emergencies, ≤3 months for planned referrals in one 广东 city), so `validDays` is required. When the decision
 * carries `followUpDays` (基层 follows the referral up within 2 weeks), `followUpBy` is `issuedOn + followUpDays`.
 *
 * @param input - `from`, `to`, `patientId`, the `decision`, `issuedOn` and `validDays`
 * @returns the slip
 * @throws {CarekitError} `INVALID_INPUT` for a malformed input, a `manage_locally` decision (path `decision.action`)
 *   or a direction that does not fit the action (path `to.level`)
 * @see 国家基本公共卫生服务规范（第三版）: 2 周内主动随访转诊情况; 转诊单有效期 — national figure unconfirmed
 * @example
 * ```ts
 * import { acuteCoronary, compileRuleSet, issueReferralSlip } from "@carekit/referral";
 *
 * const decision = compileRuleSet(acuteCoronary).evaluate({ facts: { suspectedAcs: true }, at: "2024-11-30",
 *   level: "village_clinic" });
 * const slip = issueReferralSlip({ from: { level: "village_clinic", name: "明通镇白台村卫生室" },
 *   to: { level: "county_hospital", name: "城口县人民医院" }, patientId: "CK-2024-0001", decision,
 *   issuedOn: "2024-11-30", validDays: 10 });
 * slip.action; // → "emergency_transfer"
 * slip.ruleIds; // → ["acs-suspected"]
 * slip.validUntil; // → "2024-12-09"
 * ```
 */
export function issueReferralSlip(input: {
  readonly from: Facility;
  readonly to: Facility;
  readonly patientId: string;
  readonly decision: Decision;
  readonly issuedOn: string;
  readonly validDays: number;
}): ReferralSlip {
  const { from, to, patientId, decision, issuedOn, validDays } = parseInput(IssueSchema, input, {
    label: { en: "referral slip request", zh: "转诊单申请" },
  });
  const action = decision.action;
  if (action === "manage_locally") {
    throw fieldError(
      "INVALID_INPUT",
      "decision.action",
      "the decision is to manage locally: there is nobody to refer",
      "决策为基层管理，无需开具转诊单",
    );
  }
  const step = LEVEL_RANK[to.level] - LEVEL_RANK[from.level];
  const fits = action === "refer_down" ? step < 0 : action === "refer_up" ? step > 0 : step >= 0;
  if (!fits) {
    throw fieldError(
      "INVALID_INPUT",
      "to.level",
      `${action} from ${from.level} cannot go to ${to.level}`,
      `${action === "refer_down" ? "下转" : action === "refer_up" ? "上转" : "急诊转诊"}不能从 ${from.level} 转到 ${to.level}`,
    );
  }
  const fired = decision.fired.filter((rule) => rule.action === action);
  return {
    patientId,
    from,
    to,
    action,
    urgency: decision.urgency,
    reasons: fired.map((rule) => rule.reason),
    ruleIds: fired.map((rule) => rule.ruleId),
    issuedOn,
    validDays,
    validUntil: addDays(issuedOn, validDays - 1),
    followUpBy: decision.followUpDays === null ? null : addDays(issuedOn, decision.followUpDays),
  };
}

/**
 * Whether a referral slip is valid on a day (转诊单是否在有效期内): `issuedOn ≤ on ≤ validUntil`.
 *
 * @param slip - a slip from {@link issueReferralSlip} (checked against {@link ReferralSlipSchema}; a `validUntil`
 *   that does not match `issuedOn + validDays − 1` is rejected as tampered)
 * @param on - the day, `YYYY-MM-DD`
 * @returns `true` when the slip is valid on `on`
 * @throws {CarekitError} `INVALID_INPUT` for a malformed or inconsistent slip; `INVALID_DATE` for a bad `on`
 * @example
 * ```ts
 * import { acuteCoronary, compileRuleSet, isSlipValid, issueReferralSlip } from "@carekit/referral";
 *
 * const decision = compileRuleSet(acuteCoronary).evaluate({ facts: { suspectedAcs: true }, at: "2024-11-30",
 *   level: "village_clinic" });
 * const slip = issueReferralSlip({ from: { level: "village_clinic", name: "明通镇白台村卫生室" },
 *   to: { level: "county_hospital", name: "城口县人民医院" }, patientId: "CK-2024-0001", decision,
 *   issuedOn: "2024-11-30", validDays: 10 });
 * isSlipValid(slip, "2024-11-29"); // → false
 * isSlipValid(slip, "2024-12-09"); // → true
 * isSlipValid(slip, "2024-12-10"); // → false
 * ```
 */
export function isSlipValid(slip: ReferralSlip, on: string): boolean {
  parseIsoDate(on, "on");
  const valid = parseInput(ReferralSlipSchema, slip, { path: ["slip"], label: { en: "referral slip", zh: "转诊单" } });
  if (addDays(valid.issuedOn, valid.validDays - 1) !== valid.validUntil) {
    throw fieldError(
      "INVALID_INPUT",
      "slip.validUntil",
      "does not match issuedOn + validDays − 1",
      "与开具日期加有效天数不一致",
    );
  }
  return isOnOrBefore(valid.issuedOn, on) && isOnOrBefore(on, valid.validUntil);
}
