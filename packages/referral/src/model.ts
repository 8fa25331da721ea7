import {
  LabelSchema as CoreLabelSchema,
  SourceSchema as CoreSourceSchema,
  IsoDateSchema,
  type Label,
} from "@carekit/core";
import * as z from "zod";

/**
 * Facility levels (医疗机构层级) in the order care escalates: 村卫生室, 乡镇卫生院, 社区卫生服务中心, 县级医院, 三级医院.
 * 乡镇卫生院 and 社区卫生服务中心 are both primary-care (基层) levels, one rural, one urban.
 *
 * @see 《县域高血压分级诊疗技术方案》等 (国卫办医函〔2022〕34号): 村卫生室 → 乡镇卫生院 → 县级医院
 * @example
 * ```ts
 * import { FACILITY_LEVELS } from "@carekit/referral";
 *
 * FACILITY_LEVELS[0]; // → "village_clinic"
 * FACILITY_LEVELS.length; // → 5
 * ```
 */
export const FACILITY_LEVELS = [
  "village_clinic",
  "township_health_center",
  "community_health_center",
  "county_hospital",
  "tertiary_hospital",
] as const;

/** One of {@link FACILITY_LEVELS} (医疗机构层级). */
export type FacilityLevel = (typeof FACILITY_LEVELS)[number];

/**
 * Rank of each level for referral direction (上转 goes to a higher rank, 下转 to a lower one); 乡镇卫生院 and
 * 社区卫生服务中心 share rank 1.
 *
 * @example
 * ```ts
 * import { LEVEL_RANK } from "@carekit/referral";
 *
 * LEVEL_RANK.township_health_center === LEVEL_RANK.community_health_center; // → true
 * LEVEL_RANK.county_hospital; // → 2
 * ```
 */
export const LEVEL_RANK: Readonly<Record<FacilityLevel, number>> = {
  village_clinic: 0,
  township_health_center: 1,
  community_health_center: 1,
  county_hospital: 2,
  tertiary_hospital: 3,
};

/**
 * Referral actions (转诊处置) in priority order: 急诊转诊 > 上转 > 下转 > 基层管理. The first action of this list among
 * the fired rules wins a {@link Decision}.
 *
 * @example
 * ```ts
 * import { ACTIONS } from "@carekit/referral";
 *
 * ACTIONS; // → ["emergency_transfer", "refer_up", "refer_down", "manage_locally"]
 * ```
 */
export const ACTIONS = ["emergency_transfer", "refer_up", "refer_down", "manage_locally"] as const;

/** One of {@link ACTIONS}: 急诊转诊 / 上转 / 下转 / 基层管理. */
export type Action = (typeof ACTIONS)[number];

/** Urgency of a referral (紧急程度): 常规, 紧急 (e.g. 2 周内), 急诊. */
export const URGENCIES = ["routine", "urgent", "emergency"] as const;

/** One of {@link URGENCIES}. */
export type Urgency = (typeof URGENCIES)[number];

/** Fact types a rule set can declare (事实类型). `date` is an ISO `YYYY-MM-DD` string. */
export const FACT_TYPES = ["number", "integer", "boolean", "string", "string[]", "date"] as const;

/** One of {@link FACT_TYPES}. */
export type FactType = (typeof FACT_TYPES)[number];

/** Every operator of a leaf condition (条件运算符). Which ones a fact accepts depends on its type ({@link OPS_BY_TYPE}). */
export const OPERATORS = [
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "between",
  "in",
  "notIn",
  "includes",
  "includesAny",
  "exists",
  "withinDays",
  "olderThanDays",
] as const;

/** One of {@link OPERATORS}. */
export type Operator = (typeof OPERATORS)[number];

/**
 * The operators each fact type accepts. `withinDays` / `olderThanDays` compare a date with the evaluation date `at`.
 *
 * @example
 * ```ts
 * import { OPS_BY_TYPE } from "@carekit/referral";
 *
 * OPS_BY_TYPE.date.includes("withinDays"); // → true
 * OPS_BY_TYPE.boolean; // → ["eq", "ne", "exists"]
 * ```
 */
export const OPS_BY_TYPE: Readonly<Record<FactType, readonly Operator[]>> = {
  number: ["eq", "ne", "lt", "lte", "gt", "gte", "between", "in", "notIn", "exists"],
  integer: ["eq", "ne", "lt", "lte", "gt", "gte", "between", "in", "notIn", "exists"],
  boolean: ["eq", "ne", "exists"],
  string: ["eq", "ne", "in", "notIn", "exists"],
  "string[]": ["includes", "includesAny", "exists"],
  date: ["eq", "ne", "lt", "lte", "gt", "gte", "between", "withinDays", "olderThanDays", "exists"],
};

/** Size limits a rule set must respect (规则集规模上限); JSON beyond them is rejected as absurd. */
export const LIMITS = {
  /** Rules per rule set. */
  rules: 1000,
  /** Declared facts per rule set. */
  facts: 200,
  /** Nesting of `all` / `any` / `not` inside one `when`. */
  conditionDepth: 32,
  /** Condition nodes in the whole rule set. */
  conditionNodes: 20_000,
  /** Items in one list value (`in`, `includesAny`) or one `all` / `any`. */
  listItems: 1000,
  /** Nesting of the JSON document as a whole. */
  jsonDepth: 80,
  /** Characters of one string. */
  stringLength: 2000,
} as const;

/**
 * Declaration of one fact (事实声明): its type, unit, whether it is required (default yes), and for `string` and
 * `string[]` facts its vocabulary (取值范围) — the allowed values, each optionally labelled in Chinese and English so
 * that a form or the CLI can accept `剧烈头痛` for `severe_headache`.
 */
export interface FactSpec {
  /** The fact's type (事实类型). */
  readonly type: FactType;
  /** Unit, e.g. `mmHg` (单位). */
  readonly unit?: string | undefined;
  /** Whether the fact must be present (default `true`). */
  readonly required?: boolean | undefined;
  /**
   * The vocabulary of a `string` fact, or of each item of a `string[]` fact (取值范围): a value outside it is
   * `INVALID_INPUT` naming the value and the allowed values.
   */
  readonly enum?: readonly string[] | undefined;
  /** Labels of the vocabulary's values (取值说明), by value: `{ severe_headache: { zh: "剧烈头痛", en: "severe headache" } }`. */
  readonly valueLabels?: { readonly [value: string]: Label } | undefined;
  /** What the fact means, in Chinese and English. */
  readonly label?: Label | undefined;
}

/** The facts a rule set declares, by name. */
export type FactSpecs = { readonly [name: string]: FactSpec };

/** Comparison operators of numbers and dates. */
export type Cmp = "eq" | "ne" | "lt" | "lte" | "gt" | "gte";
/** The allowed strings of a `string` fact declaration `S` (`string` without an `enum`). */
export type EnumOf<S> = S extends { readonly enum: readonly (infer E extends string)[] } ? E : string;
/** The `exists` leaf on fact `K`. */
export type ExistsLeaf<K extends string> = {
  /** The fact. */
  readonly fact: K;
  /** `exists`. */
  readonly op: "exists";
  /** `true`: the fact must be present; `false`: absent. */
  readonly value: boolean;
};
/** The leaves allowed on fact `K` of type `T` with declaration `S`: operators and values that fit the type. */
export type LeafByType<K extends string, T extends FactType, S> = T extends "number" | "integer"
  ?
      | { readonly fact: K; readonly op: Cmp; readonly value: number }
      | { readonly fact: K; readonly op: "between"; readonly value: readonly [number, number] }
      | { readonly fact: K; readonly op: "in" | "notIn"; readonly value: readonly number[] }
      | ExistsLeaf<K>
  : T extends "boolean"
    ? { readonly fact: K; readonly op: "eq" | "ne"; readonly value: boolean } | ExistsLeaf<K>
    : T extends "string"
      ?
          | { readonly fact: K; readonly op: "eq" | "ne"; readonly value: EnumOf<S> }
          | { readonly fact: K; readonly op: "in" | "notIn"; readonly value: readonly EnumOf<S>[] }
          | ExistsLeaf<K>
      : T extends "string[]"
        ?
            | { readonly fact: K; readonly op: "includes"; readonly value: EnumOf<S> }
            | { readonly fact: K; readonly op: "includesAny"; readonly value: readonly EnumOf<S>[] }
            | ExistsLeaf<K>
        : T extends "date"
          ?
              | { readonly fact: K; readonly op: Cmp; readonly value: string }
              | { readonly fact: K; readonly op: "between"; readonly value: readonly [string, string] }
              | { readonly fact: K; readonly op: "withinDays" | "olderThanDays"; readonly value: number }
              | ExistsLeaf<K>
          : never;

/**
 * A leaf condition `{ fact, op, value }` (条件). With a typed fact declaration `F`, only declared fact names and
 * operators and values of the fact's type are accepted by the compiler.
 */
export type Leaf<F extends FactSpecs = FactSpecs> = string extends keyof F
  ? LeafByType<string, FactType, FactSpec>
  : { [K in keyof F & string]: LeafByType<K, F[K]["type"], F[K]> }[keyof F & string];

/** A condition tree (条件树): `all` (并且), `any` (或者), `not` (非) or a {@link Leaf}. */
export type Condition<F extends FactSpecs = FactSpecs> =
  | Leaf<F>
  | { readonly all: readonly Condition<F>[] }
  | { readonly any: readonly Condition<F>[] }
  | { readonly not: Condition<F> };

/** What a rule decides when it fires (处置). */
export interface Outcome {
  /** The action (处置). */
  readonly action: Action;
  /** Where to (目标层级); absent for "the nearest capable facility". */
  readonly targetLevel?: FacilityLevel | undefined;
  /** Urgency (default `routine`). */
  readonly urgency?: Urgency | undefined;
  /** Days within which primary care follows the patient up (随访天数). */
  readonly followUpDays?: number | undefined;
  /** The criterion in Chinese and English (转诊理由). */
  readonly reason: Label;
}

/** One rule (规则): where it applies, when it fires, what it decides, and the criterion it encodes. */
export interface Rule<F extends FactSpecs = FactSpecs> {
  /** Unique id within the rule set. */
  readonly id: string;
  /** Levels where the rule applies; absent = everywhere. */
  readonly levels?: readonly FacilityLevel[] | undefined;
  /** The condition (条件). */
  readonly when: Condition<F>;
  /** The outcome when the condition holds (处置). */
  readonly then: Outcome;
  /**
   * Rules this rule yields to (让位于): when one of them fires too, its outcome wins over this rule's whatever their
   * actions, and the lint reports the overlap as settled `precedence` instead of a `conflict`. Ids of other rules of
   * the set; no cycles.
   */
  readonly overriddenBy?: readonly string[] | undefined;
  /** The criterion's own source and confidence, when it differs from the rule set's. */
  readonly source?: RuleSource | undefined;
}

/** A rule set (规则集): data module with declared facts and ordered rules. */
export interface RuleSet<F extends FactSpecs = FactSpecs> {
  /** Unique id of the rule set. */
  readonly id: string;
  /** Version of the rule set (e.g. `2022.1`). */
  readonly version: string;
  /** First day in force, `YYYY-MM-DD` (生效日期). */
  readonly effectiveFrom: string;
  /** Last day in force, when known (失效日期). */
  readonly effectiveTo?: string | undefined;
  /** Where it applies: `"CN"` for a national scheme, else a GB/T 2260 code. */
  readonly region?: string | undefined;
  /** The policy document it encodes (出处). */
  readonly source: RuleSource;
  /** Declared facts (事实声明). */
  readonly facts: F;
  /** Rules, in order: ties between fired rules with the same action go to the earlier one. */
  readonly rules: readonly Rule<F>[];
}

function pattern(re: RegExp, en: string, zh: string) {
  return z.string().refine((text) => re.test(text), { error: en, params: { zh } });
}

const IdSchema = /* @__PURE__ */ pattern(
  /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/,
  "must be 1–100 letters, digits, '_', '.', ':' or '-'",
  "必须由 1–100 个字母、数字或 _ . : - 组成",
);

const TextSchema = /* @__PURE__ */ z.string().min(1).max(LIMITS.stringLength);

/**
 * Zod schema of a bilingual label `{ zh, en }`: core's `LabelSchema`.
 *
 * @example
 * ```ts
 * import { LabelSchema } from "@carekit/referral";
 *
 * LabelSchema.safeParse({ zh: "上转", en: "refer up" }).success; // → true
 * LabelSchema.safeParse({ zh: "上转" }).success; // → false
 * ```
 */
export const LabelSchema = CoreLabelSchema;

/**
 * Zod schema of a {@link RuleSource}: core's `SourceSchema` with `confidence` optional, because exchanged rule sets carry
 * at least a title and a document number (rule-set JSON from other systems often has no confidence label).
 *
 * @example
 * ```ts
 * import { SourceSchema } from "@carekit/referral";
 *
 * SourceSchema.safeParse({ title: "县域高血压分级诊疗技术方案", number: "国卫办医函〔2022〕34号" }).success; // → true
 * ```
 */
export const SourceSchema = /* @__PURE__ */ CoreSourceSchema.partial({ confidence: true });

/**
 * Where a rule set (or one rule) comes from (出处): core's `Source` — document title, number (文号), URL, a note on
 * how it was read, the confidence of that reading — with `confidence` optional ({@link SourceSchema}).
 */
export type RuleSource = z.output<typeof SourceSchema>;

/**
 * Names a fact may have (事实名称): an identifier, never `__proto__`, `constructor` or `prototype`.
 *
 * @example
 * ```ts
 * import { FactNameSchema } from "@carekit/referral";
 *
 * FactNameSchema.safeParse("sbp").success; // → true
 * FactNameSchema.safeParse("__proto__").success; // → false
 * ```
 */
export const FactNameSchema = /* @__PURE__ */ pattern(
  /^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
  "must be an identifier of at most 64 characters",
  "必须是不超过 64 个字符的标识符",
).refine((name) => name !== "__proto__" && name !== "constructor" && name !== "prototype", {
  error: "reserved name",
  params: { zh: "保留名称，不可使用" },
});

/**
 * Zod schema of a {@link FactSpec}.
 *
 * @example
 * ```ts
 * import { FactSpecSchema } from "@carekit/referral";
 *
 * FactSpecSchema.safeParse({ type: "number", unit: "mmHg" }).success; // → true
 * FactSpecSchema.safeParse({ type: "number", enum: ["a"] }).success; // → false
 * ```
 */
export const FactSpecSchema = /* @__PURE__ */ z
  .strictObject({
    type: z.enum(FACT_TYPES),
    unit: TextSchema.optional(),
    required: z.boolean().optional(),
    enum: z.array(TextSchema).min(1).max(LIMITS.listItems).optional(),
    valueLabels: z.record(TextSchema, LabelSchema).optional(),
    label: LabelSchema.optional(),
  })
  .refine((spec) => spec.enum === undefined || spec.type === "string" || spec.type === "string[]", {
    error: "enum is allowed only on string and string[] facts",
    params: { zh: "只有 string 和 string[] 类型的事实可以声明 enum" },
    path: ["enum"],
  })
  .refine((spec) => spec.enum === undefined || new Set(spec.enum).size === spec.enum.length, {
    error: "a value is listed twice in enum",
    params: { zh: "enum 中有重复的取值" },
    path: ["enum"],
  })
  .refine(
    (spec) =>
      spec.valueLabels === undefined ||
      (spec.enum !== undefined && Object.keys(spec.valueLabels).every((value) => spec.enum?.includes(value))),
    {
      error: "valueLabels may label only values of the fact's enum",
      params: { zh: "valueLabels 只能说明 enum 中的取值" },
      path: ["valueLabels"],
    },
  );

const ValueSchema = /* @__PURE__ */ z.union([
  z.number(),
  z.boolean(),
  TextSchema,
  z.array(z.union([z.number(), TextSchema])).max(LIMITS.listItems),
]);

const KEYS = ["all", "any", "not", "fact"] as const;

/**
 * Zod schema of a {@link Condition}: exactly one of `all`, `any`, `not`, or a leaf `{ fact, op, value }`. It checks
 * the shape; whether the fact exists and the value fits its type is checked by {@link validateRuleSet}.
 *
 * @example
 * ```ts
 * import { ConditionSchema } from "@carekit/referral";
 *
 * const leaf = { fact: "sbp", op: "gte", value: 180 };
 * ConditionSchema.safeParse({ any: [leaf, { fact: "dbp", op: "gte", value: 110 }] }).success; // → true
 * ConditionSchema.safeParse({ ...leaf, all: [] }).success; // → false
 * ```
 */
export const ConditionSchema: z.ZodType<Condition> = /* @__PURE__ */ z
  .strictObject({
    get all() {
      return z.array(ConditionSchema).max(LIMITS.listItems).optional();
    },
    get any() {
      return z.array(ConditionSchema).max(LIMITS.listItems).optional();
    },
    get not() {
      return ConditionSchema.optional();
    },
    fact: FactNameSchema.optional(),
    op: z.enum(OPERATORS).optional(),
    value: ValueSchema.optional(),
  })
  .superRefine((node, ctx) => {
    const present = KEYS.filter((key) => node[key] !== undefined);
    if (present.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "a condition needs exactly one of all, any, not or fact",
        params: { zh: "条件必须且只能包含 all、any、not、fact 之一" },
      });
    } else if (present[0] === "fact" && (node.op === undefined || node.value === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "a leaf condition needs fact, op and value",
        params: { zh: "叶子条件必须包含 fact、op 和 value" },
      });
    } else if (present[0] !== "fact" && (node.op !== undefined || node.value !== undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "op and value belong to a leaf condition with a fact",
        params: { zh: "op 和 value 只能出现在含 fact 的叶子条件中" },
      });
    }
  })
  // the refinement above admits exactly the four forms of a Condition; this type predicate names that type for
  // TypeScript (it adds no check, and unlike a transform it keeps the schema representable as JSON Schema)
  .refine((node: unknown): node is Condition => true);

/**
 * Zod schema of an {@link Outcome}.
 *
 * @example
 * ```ts
 * import { OutcomeSchema } from "@carekit/referral";
 *
 * OutcomeSchema.safeParse({ action: "refer_up", targetLevel: "county_hospital", urgency: "urgent", followUpDays: 14,
 *   reason: { zh: "血压≥180/110", en: "BP ≥ 180/110" } }).success; // → true
 * ```
 */
export const OutcomeSchema = /* @__PURE__ */ z.strictObject({
  action: z.enum(ACTIONS),
  targetLevel: z.enum(FACILITY_LEVELS).optional(),
  urgency: z.enum(URGENCIES).optional(),
  followUpDays: z.number().int().min(0).max(3660).optional(),
  reason: LabelSchema,
});

/**
 * Zod schema of a {@link Rule}.
 *
 * @example
 * ```ts
 * import { RuleSchema } from "@carekit/referral";
 *
 * RuleSchema.safeParse({ id: "bp-severe", levels: ["village_clinic"], when: { fact: "sbp", op: "gte", value: 180 },
 *   then: { action: "refer_up", reason: { zh: "血压≥180", en: "SBP ≥ 180" } } }).success; // → true
 * ```
 */
export const RuleSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  levels: z.array(z.enum(FACILITY_LEVELS)).min(1).max(FACILITY_LEVELS.length).optional(),
  when: ConditionSchema,
  then: OutcomeSchema,
  overriddenBy: z.array(IdSchema).min(1).max(LIMITS.rules).optional(),
  source: SourceSchema.optional(),
});

/**
 * Zod schema of a {@link RuleSet} — the exchange format of referral rules. Shape only; {@link validateRuleSet} adds
 * the checks that need the fact declarations (unknown facts, type mismatches, duplicate ids).
 *
 * @example
 * ```ts
 * import { RuleSetSchema } from "@carekit/referral";
 *
 * const ruleSet = { id: "x", version: "1", effectiveFrom: "2022-01-26", source: { title: "t" },
 *   facts: { sbp: { type: "number" } },
 *   rules: [{ id: "r", when: { fact: "sbp", op: "gte", value: 180 }, then: { action: "refer_up", reason: { zh: "甲", en: "a" } } }] };
 * RuleSetSchema.safeParse(ruleSet).success; // → true
 * RuleSetSchema.safeParse({ ...ruleSet, priority: 1 }).success; // → false
 * ```
 */
export const RuleSetSchema: z.ZodType<RuleSet> = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  version: TextSchema.max(40),
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.optional(),
  region: pattern(/^(CN|\d{6})$/, "must be CN or a six-digit region code", "必须是 CN 或六位区划代码").optional(),
  source: SourceSchema,
  facts: z.record(FactNameSchema, FactSpecSchema),
  rules: z.array(RuleSchema).min(1).max(LIMITS.rules),
});
