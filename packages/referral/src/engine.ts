import {
  type BatchResult,
  CarekitError,
  IsoDateSchema,
  isCarekitError,
  type Label,
  parseInput,
  runBatch,
  runBatchAsync,
  type TraceSource,
  type TraceStep,
  type TraceValue,
} from "@carekit/core";
import { deepFreeze, fieldError, toBatchError } from "@carekit/core/internal";
import * as z from "zod";
import type { Evidence } from "./condition.js";
import { isoDay } from "./days.js";
import { type FactsOf, factsSchema } from "./facts.js";
import { evidenceOf, type FactRecord, type Roots, runs } from "./internal/interpreter.js";
import { type CompiledRoot, compileProgram } from "./internal/program.js";
import { factsReader } from "./internal/reader.js";
import {
  ACTIONS,
  type Action,
  FACILITY_LEVELS,
  type FacilityLevel,
  type FactSpecs,
  type RuleSet,
  type RuleSource,
  type Urgency,
} from "./model.js";
import { validateRuleSet } from "./validate.js";

/** One fired rule with its evidence (触发的规则及证据). */
export interface FiredRule {
  /** The rule's id. */
  readonly ruleId: string;
  /** The rule's action. */
  readonly action: Action;
  /** The rule's target level, or `null`. */
  readonly targetLevel: FacilityLevel | null;
  /** The rule's urgency. */
  readonly urgency: Urgency;
  /** The criterion in Chinese and English (转诊理由). */
  readonly reason: Label;
  /** The leaf conditions that made the rule fire, with the patient's values. */
  readonly evidence: readonly Evidence[];
}

/**
 * One step of a decision's trace (决策轨迹): core's one trace shape (`TraceStep` of `@carekit/core`) with the rule's id. A `rule`
 * step per fired rule (`rule` = the rule id, `result` = its action), then the `decision` step (`rule` = the priority
 * applied, `result` = the winning action, `ruleId` = the winning rule or `null` when nothing fired). `source` cites the
 * rule's document, or the rule set's. Render it with core's `formatTrace`.
 */
export type DecisionTraceStep = TraceStep<{ readonly ruleId: string | null }>;

/**
 * A referral decision (转诊决策): the winning action and where to, with every fired rule and its evidence.
 * The winner is the first of emergency_transfer > refer_up > refer_down > manage_locally among the fired rules, ties
 * by rule order; when nothing fires, `manage_locally` (基层管理).
 */
export interface Decision {
  /** The winning action (处置). */
  readonly action: Action;
  /** Where to (目标层级); `null` when staying, or for the nearest capable facility (e.g. PCI). */
  readonly targetLevel: FacilityLevel | null;
  /** Urgency of the winning rule (`routine` when nothing fired). */
  readonly urgency: Urgency;
  /** Days within which primary care follows up (随访天数), or `null`. */
  readonly followUpDays: number | null;
  /** Every fired rule, in rule order, with its evidence. */
  readonly fired: readonly FiredRule[];
  /**
   * The readable trace: one step per fired rule, then the decision. Frozen, like its steps, which decisions share
   * (so does the whole trace when at most one rule fired).
   */
  readonly trace: readonly DecisionTraceStep[];
}

/** Input of {@link Engine.evaluate}: the patient's facts, the evaluation date and the level where the patient is. */
export interface EvaluateInput<F extends FactSpecs = FactSpecs> {
  /** The patient's facts (患者事实), validated against the rule set's declarations. */
  readonly facts: FactsOf<F>;
  /** Evaluation date `YYYY-MM-DD` (for `withinDays` / `olderThanDays`). */
  readonly at: string;
  /** The facility level evaluating the patient (rules with `levels` apply only there). */
  readonly level: FacilityLevel;
}

/** One decided record of a batch (批量评估的一条结果): its position in the input and its decision. */
export interface IndexedDecision {
  /** 0-based position of the record in the input. */
  readonly index: number;
  /** The record's decision. */
  readonly decision: Decision;
}

/** A compiled rule set (已编译规则集): immutable, synchronous, safe to share between callers. */
export interface Engine<F extends FactSpecs = FactSpecs> {
  /** The validated, frozen rule set. */
  readonly ruleSet: RuleSet<F>;
  /**
   * Evaluate one patient (评估).
   *
   * @throws {CarekitError} `INVALID_INPUT` when the facts, `at` or `level` are invalid (path e.g. `facts.sbp`)
   */
  evaluate(input: EvaluateInput<F>): Decision;
  /**
   * Evaluate a batch (批量评估) given as an array or iterable, on core's `runBatch`: decisions in input order, each
   * with its index; a record that is invalid, or throws while being read, becomes that record's error; nothing is
   * dropped (`results.length + errors.length` = the number of inputs).
   *
   * @throws {CarekitError} `INVALID_INPUT` (path `inputs`) when `inputs` is not iterable
   */
  evaluateMany(inputs: Iterable<EvaluateInput<F>>): BatchResult<IndexedDecision>;
  /**
   * {@link Engine.evaluateMany} over an iterable or an async iterable (e.g. a stream of records), one record at a
   * time.
   *
   * @throws {CarekitError} `INVALID_INPUT` (path `inputs`) when `inputs` is not (async) iterable — as a rejection
   */
  evaluateManyAsync(
    inputs: Iterable<EvaluateInput<F>> | AsyncIterable<EvaluateInput<F>>,
  ): Promise<BatchResult<IndexedDecision>>;
}

/** Each action's name in Chinese and English. @internal */
export const ACTION_LABEL: Readonly<Record<Action, Label>> = {
  emergency_transfer: { zh: "急诊转诊", en: "emergency transfer" },
  refer_up: { zh: "上转", en: "refer up" },
  refer_down: { zh: "下转", en: "refer down" },
  manage_locally: { zh: "基层管理", en: "manage locally" },
};

interface CompiledRule {
  readonly id: string;
  readonly root: number;
  readonly plan: Int32Array | null;
  readonly entry: number;
  readonly need: number;
  readonly anyOf: number;
  readonly levelMask: number;
  readonly priority: number;
  /** Position in the rule set. */
  readonly index: number;
  /** Positions of the rules this one yields to (`overriddenBy`), or `null`. */
  readonly yieldsTo: readonly number[] | null;
  readonly action: Action;
  readonly targetLevel: FacilityLevel | null;
  readonly urgency: Urgency;
  readonly followUpDays: number | null;
  readonly reason: Label;
  readonly step: DecisionTraceStep;
  readonly decisionStep: DecisionTraceStep;
  /** The trace when this rule is the only one that fires. */
  readonly alone: readonly DecisionTraceStep[];
}

/** The rules that apply at one level, in rule order, as {@link Roots} to run. */
interface Applicable extends Roots {
  readonly rules: readonly CompiledRule[];
}

function cite(source: RuleSource, ruleSet: { readonly id: string; readonly version: string }): TraceSource {
  return {
    title: source.title,
    number: source.number ?? null,
    ...(source.url === undefined ? {} : { url: source.url }),
    id: ruleSet.id,
    version: ruleSet.version,
  };
}

const NO_INPUTS: Readonly<Record<string, TraceValue>> = Object.freeze({});
const PRIORITY = "priority: emergency_transfer > refer_up > refer_down > manage_locally";

const LEVEL_BIT = new Map<unknown, number>(FACILITY_LEVELS.map((level, index) => [level, 1 << index]));

/**
 * Compile a rule set (编译规则集): validate it (see {@link validateRuleSet}) and compile every condition into one flat
 * program, so that each evaluation only runs a generated fact guard and the compiled tests. No `eval`, no `new Function`.
 *
 * @param ruleSet - a rule set from {@link defineRuleSet}, a built-in one from {@link ruleSets}, or parsed JSON
 * @returns the {@link Engine}
 * @throws {CarekitError} `RULE_COMPILE` with the JSON path of the first problem in the rule set
 * @see 《关于印发县域慢性肾脏病等慢性疾病分级诊疗技术方案的通知》(国卫办医函〔2022〕34号, 国家卫生健康委办公厅、国家中医药管理局办公室,
 *   2022-01-26): 上转/下转 criteria between adjacent levels
 * @example
 * ```ts
 * import { compileRuleSet, ruleSets } from "@carekit/referral";
 *
 * const engine = compileRuleSet(ruleSets.hypertension);
 * const calm = { visit: "first", sbp: 128, dbp: 78, symptoms: [], consciousnessImpaired: false, suspectedAcs: false,
 *   otherLifeThreatening: false, pregnantOrLactating: false, suspectedNewComplication: false,
 *   proteinuriaOrHematuria: false, unexplainedHypokalemia: false, paroxysmalRiseWithSymptoms: false,
 *   needsWorkup: false, fullDoseDrugCount: 1, atTarget: true, hardToControlFluctuation: false,
 *   adverseDrugReaction: false, seriousConditionOnFollowUp: false, consecutiveUncontrolled: 0,
 *   complicationNewOrWorse: false, tcmNeedUnmet: false, diagnosisConfirmed: false, planSuitsPrimaryCare: false,
 *   stable: false, planUnchangedRecently: false } as const;
 * const decision = engine.evaluate({ facts: { ...calm, sbp: 185, dbp: 112, symptoms: ["vomiting"] },
 *   at: "2024-06-01", level: "village_clinic" });
 * decision.action; // → "emergency_transfer"
 * decision.targetLevel; // → "county_hospital"
 * decision.fired.map((f) => f.ruleId); // → ["emergency-severe-bp-neuro", "bp-severe"]
 * engine.evaluate({ facts: calm, at: "2024-06-01", level: "village_clinic" }).action; // → "manage_locally"
 * ```
 */
export function compileRuleSet<const F extends FactSpecs>(ruleSet: RuleSet<F>): Engine<F> {
  const valid = deepFreeze(validateRuleSet(ruleSet)) as unknown as RuleSet<F>;
  const setSource = Object.freeze(cite(valid.source, valid));
  const all = (1 << FACILITY_LEVELS.length) - 1;
  const { program, roots, atoms } = compileProgram(
    valid.rules.map((rule) => rule.when),
    valid.facts,
  );
  const reader = factsReader(valid.facts, atoms);
  const rules: CompiledRule[] = valid.rules.map((rule, index): CompiledRule => {
    const { action, reason } = rule.then;
    const source = rule.source === undefined ? setSource : Object.freeze(cite(rule.source, valid));
    const label = ACTION_LABEL[action];
    const step: DecisionTraceStep = Object.freeze({
      step: "rule",
      label: Object.freeze({ zh: `规则 ${rule.id} 触发：${reason.zh}`, en: `rule ${rule.id} fired: ${reason.en}` }),
      rule: rule.id,
      inputs: NO_INPUTS,
      result: action,
      source,
      ruleId: rule.id,
    });
    const decisionStep: DecisionTraceStep = Object.freeze({
      step: "decision",
      label: Object.freeze({
        zh: `决定：${label.zh}（依据规则 ${rule.id}，按 急诊转诊 > 上转 > 下转 > 基层管理 的优先顺序）`,
        en: `decision: ${label.en} (rule ${rule.id}; priority emergency transfer > refer up > refer down > manage locally)`,
      }),
      rule: PRIORITY,
      inputs: NO_INPUTS,
      result: action,
      source,
      ruleId: rule.id,
    });
    return {
      id: rule.id,
      root: (roots[index] as CompiledRoot).node,
      plan: (roots[index] as CompiledRoot).plan,
      entry: (roots[index] as CompiledRoot).entry,
      need: (roots[index] as CompiledRoot).need,
      anyOf: (roots[index] as CompiledRoot).anyOf,
      levelMask: rule.levels === undefined ? all : rule.levels.reduce((mask, l) => mask | (LEVEL_BIT.get(l) ?? 0), 0),
      priority: ACTIONS.indexOf(action),
      index,
      yieldsTo:
        rule.overriddenBy === undefined
          ? null
          : rule.overriddenBy.map((id) => valid.rules.findIndex((r) => r.id === id)),
      action,
      targetLevel: rule.then.targetLevel ?? null,
      urgency: rule.then.urgency ?? "routine",
      followUpDays: rule.then.followUpDays ?? null,
      reason,
      step,
      decisionStep,
      alone: Object.freeze([step, decisionStep]),
    };
  });
  const noneStep: DecisionTraceStep = Object.freeze({
    step: "decision",
    label: Object.freeze({ zh: "决定：基层管理（没有规则触发）", en: "decision: manage locally (no rule fired)" }),
    rule: PRIORITY,
    inputs: NO_INPUTS,
    result: "manage_locally",
    source: setSource,
    ruleId: null,
  });

  // the rules that apply at each level, in rule order: a level's evaluation never looks at the others
  const byLevel: readonly Applicable[] = FACILITY_LEVELS.map((_, index) => {
    const list = rules.filter((rule) => (rule.levelMask & (1 << index)) !== 0);
    return {
      rules: list,
      entries: Int32Array.from(list, (rule) => rule.entry),
      need: Int32Array.from(list, (rule) => rule.need),
      anyOf: Int32Array.from(list, (rule) => rule.anyOf),
    };
  });
  // at most five string comparisons (usually of internalised strings, so pointer comparisons) beat hashing the name
  const applicableAt = (level: unknown): Applicable | undefined => {
    for (let index = 0; index < FACILITY_LEVELS.length; index++) {
      if (FACILITY_LEVELS[index] === level) return byLevel[index];
    }
    return undefined;
  };
  const held = new Int32Array(rules.length);
  // rules that yield to others (overriddenBy): the winner is then chosen among the fired rules that yield to none fired
  const anyYields = rules.some((rule) => rule.yieldsTo !== null);
  const firedMark = new Uint8Array(rules.length);

  // one slot array, reused: evaluation is synchronous and nothing returned refers to it
  const slots: unknown[] = new Array(reader.names.length);
  let inputSchema: z.ZodType<EvaluateInput> | undefined;
  let lastAt = "";
  let lastAtDay = Number.NaN;

  // what decides when nothing fires
  const none = {
    action: "manage_locally",
    targetLevel: null,
    urgency: "routine",
    followUpDays: null,
    priority: ACTIONS.length,
    decisionStep: noneStep,
    alone: Object.freeze([noneStep]),
  } as const;
  // the winner when some rule yields: the best by priority (ties by rule order) of the fired rules yielding to none fired
  const winnerAmong = (applicable: Applicable, count: number): Pick<CompiledRule, keyof typeof none> => {
    for (let k = 0; k < count; k++) firedMark[(applicable.rules[held[k] as number] as CompiledRule).index] = 1;
    let best: Pick<CompiledRule, keyof typeof none> = none;
    for (let k = 0; k < count; k++) {
      const rule = applicable.rules[held[k] as number] as CompiledRule;
      if (rule.yieldsTo?.some((j) => firedMark[j] === 1) === true) continue;
      if (rule.priority < best.priority) best = rule;
    }
    for (let k = 0; k < count; k++) firedMark[(applicable.rules[held[k] as number] as CompiledRule).index] = 0;
    return best;
  };
  const decide = (facts: FactRecord, at: number, applicable: Applicable, atoms: number): Decision => {
    const count = runs(program, applicable, slots, at, atoms, held);
    // sized up front: the number of fired rules is known before their evidence is collected
    const fired = new Array<FiredRule>(count);
    const trace = count > 1 ? new Array<DecisionTraceStep>(count + 1) : null;
    let best: Pick<CompiledRule, keyof typeof none> = none;
    for (let k = 0; k < count; k++) {
      const rule = applicable.rules[held[k] as number] as CompiledRule;
      const evidence = evidenceOf(program, rule.root, rule.plan, facts, slots, at);
      fired[k] = {
        ruleId: rule.id,
        action: rule.action,
        targetLevel: rule.targetLevel,
        urgency: rule.urgency,
        reason: rule.reason,
        evidence,
      };
      if (trace !== null) trace[k] = rule.step;
      if (rule.priority < best.priority) best = rule;
    }
    if (anyYields && count > 1) best = winnerAmong(applicable, count);
    // a frozen trace: shared between decisions when at most one rule fired
    if (trace !== null) trace[count] = best.decisionStep;
    return {
      action: best.action,
      targetLevel: best.targetLevel,
      urgency: best.urgency,
      followUpDays: best.followUpDays,
      fired,
      trace: trace === null ? best.alone : Object.freeze(trace),
    };
  };

  const evaluateChecked = (input: EvaluateInput<F>): Decision => {
    if (typeof input === "object" && input !== null) {
      const { facts, at, level } = input;
      const applicable = applicableAt(level);
      if (at !== lastAt && typeof at === "string") {
        lastAtDay = isoDay(at);
        lastAt = at;
      }
      let keys = 0;
      for (const _ in input) keys++;
      if (keys === 3 && applicable !== undefined && at === lastAt && !Number.isNaN(lastAtDay)) {
        const atoms = reader.read(facts, slots);
        if (atoms !== -1) return decide(facts, lastAtDay, applicable, atoms);
      }
    }
    inputSchema ??= z.strictObject({
      facts: factsSchema(valid.facts),
      at: IsoDateSchema,
      level: z.enum(FACILITY_LEVELS),
    });
    const parsed = parseInput(inputSchema, input, { label: { en: "evaluation input", zh: "评估输入" } });
    const atoms = reader.read(parsed.facts, slots);
    return decide(parsed.facts, isoDay(parsed.at), applicableAt(parsed.level) as Applicable, atoms);
  };

  // a record that throws while read (a throwing getter, a revoked proxy) is UNREADABLE_INPUT, never a raw error
  const evaluate = (input: EvaluateInput<F>): Decision => {
    try {
      return evaluateChecked(input);
    } catch (error) {
      if (isCarekitError(error)) throw error;
      const batchError = toBatchError(0, error);
      throw new CarekitError({
        code: batchError.code,
        message: batchError.message,
        messageZh: batchError.messageZh,
        issues: batchError.issues,
      });
    }
  };

  const notIterable = () =>
    fieldError("INVALID_INPUT", "inputs", "must be an array or an (async) iterable", "必须是数组或（异步）可迭代对象");
  const step = (input: EvaluateInput<F>, index: number): IndexedDecision => ({ index, decision: evaluate(input) });
  const isIterable = (inputs: unknown, key: symbol): boolean => {
    try {
      return (
        typeof inputs === "object" && inputs !== null && typeof (inputs as Record<symbol, unknown>)[key] === "function"
      );
    } catch {
      return false;
    }
  };
  const evaluateMany = (inputs: Iterable<EvaluateInput<F>>): BatchResult<IndexedDecision> => {
    if (!isIterable(inputs, Symbol.iterator)) throw notIterable();
    return runBatch(inputs, step);
  };
  const evaluateManyAsync = async (
    inputs: Iterable<EvaluateInput<F>> | AsyncIterable<EvaluateInput<F>>,
  ): Promise<BatchResult<IndexedDecision>> => {
    if (!isIterable(inputs, Symbol.iterator) && !isIterable(inputs, Symbol.asyncIterator)) throw notIterable();
    return runBatchAsync(inputs, step);
  };

  return Object.freeze({ ruleSet: valid, evaluate, evaluateMany, evaluateManyAsync });
}
