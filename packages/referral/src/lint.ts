import { parseIsoDate } from "@carekit/core";
import { isoDay } from "./days.js";
import { compileRuleSet, type EvaluateInput } from "./engine.js";
import type { FactsOf, FactValue } from "./facts.js";
import {
  type Condition,
  FACILITY_LEVELS,
  type FacilityLevel,
  type FactSpec,
  type FactSpecs,
  type Leaf,
  type Rule,
  type RuleSet,
} from "./model.js";

/** Kinds of lint finding (规则集静态检查结果类型). */
export type LintKind = "never_fires" | "shadowed" | "conflict" | "unused_fact";

/** One lint finding: what, which rules (or facts), a witness input when one exists, and why. */
export interface LintFinding<F extends FactSpecs = FactSpecs> {
  /** What was found. */
  readonly kind: LintKind;
  /** The rules concerned (for `unused_fact`: empty). */
  readonly ruleIds: readonly string[];
  /** For `unused_fact`: the fact. */
  readonly fact?: string;
  /** For `conflict`: an input on which both rules fire — pass it to `engine.evaluate` to see. */
  readonly witness?: EvaluateInput<F>;
  /** English explanation. */
  readonly message: string;
  /** Chinese explanation (中文说明). */
  readonly messageZh: string;
}

/** Result of {@link lintRuleSet}. */
export interface LintResult<F extends FactSpecs = FactSpecs> {
  /** The findings, in rule order, then unused facts. */
  readonly findings: LintFinding<F>[];
  /** Rules too large to analyse exhaustively (more than {@link LINT_MAX_TERMS} terms); never reported as findings. */
  readonly skipped: string[];
}

/** Options of {@link lintRuleSet}. */
export interface LintOptions {
  /** Reference date for `withinDays` / `olderThanDays` (default: the rule set's `effectiveFrom`). */
  readonly at?: string;
  /**
   * Which overlaps are conflicts: `"opposite"` (default) — an upward action (急诊转诊, 上转) and 下转 firing together;
   * `"any"` — any two different actions (also an emergency overlapping a routine referral, resolved by priority).
   */
  readonly conflicts?: "opposite" | "any";
}

const DIRECTION = { emergency_transfer: 1, refer_up: 1, manage_locally: 0, refer_down: -1 } as const;

/** Largest disjunctive normal form the linter expands per question (conjunctions). */
export const LINT_MAX_TERMS = 4096;

type Atom =
  | { readonly kind: "absent"; readonly fact: string }
  | { readonly kind: "present"; readonly fact: string }
  | {
      readonly kind: "range";
      readonly fact: string;
      readonly lo: number;
      readonly loOpen: boolean;
      readonly hi: number;
      readonly hiOpen: boolean;
    }
  | { readonly kind: "oneOf" | "noneOf"; readonly fact: string; readonly values: readonly unknown[] }
  | { readonly kind: "has" | "hasAny" | "hasNone"; readonly fact: string; readonly values: readonly string[] };

type Term = readonly Atom[];
type Dnf = readonly Term[];

class TooLarge extends Error {}

const INF = Number.POSITIVE_INFINITY;

function range(fact: string, lo: number, loOpen: boolean, hi: number, hiOpen: boolean): Atom {
  return { kind: "range", fact, lo, loOpen, hi, hiOpen };
}

function product(a: Dnf, b: Dnf): Dnf {
  if (a.length * b.length > LINT_MAX_TERMS) throw new TooLarge();
  const out: Term[] = [];
  for (const x of a) for (const y of b) out.push([...x, ...y]);
  return out;
}

function union(a: Dnf, b: Dnf): Dnf {
  if (a.length + b.length > LINT_MAX_TERMS) throw new TooLarge();
  return [...a, ...b];
}

/** Atoms of a leaf that holds (`negated` false) or fails (`negated` true) with the fact present. */
function leafAtoms(leaf: Leaf, spec: FactSpec, negated: boolean, at: number): Dnf {
  const f = leaf.fact;
  const { op, value } = leaf as { op: Leaf["op"]; value: unknown };
  if (op === "exists") return [[{ kind: value !== negated ? "present" : "absent", fact: f }]];
  const num = (v: unknown): number => (spec.type === "date" ? isoDay(v) : (v as number));
  const list = (v: unknown): unknown[] => (v as unknown[]).map((x) => (spec.type === "date" ? isoDay(x) : x));
  switch (op) {
    case "eq":
    case "ne": {
      const x = spec.type === "boolean" || spec.type === "string" ? value : num(value);
      return [[{ kind: (op === "eq") !== negated ? "oneOf" : "noneOf", fact: f, values: [x] }]];
    }
    case "in":
    case "notIn":
      return [[{ kind: (op === "in") !== negated ? "oneOf" : "noneOf", fact: f, values: list(value) }]];
    case "lt":
      return [[negated ? range(f, num(value), false, INF, true) : range(f, -INF, true, num(value), true)]];
    case "lte":
      return [[negated ? range(f, num(value), true, INF, true) : range(f, -INF, true, num(value), false)]];
    case "gt":
      return [[negated ? range(f, -INF, true, num(value), false) : range(f, num(value), true, INF, true)]];
    case "gte":
      return [[negated ? range(f, -INF, true, num(value), true) : range(f, num(value), false, INF, true)]];
    case "between":
    case "withinDays": {
      const [lo, hi] = op === "between" ? list(value) : [at - (value as number), at];
      return negated
        ? [[range(f, -INF, true, lo as number, true)], [range(f, hi as number, true, INF, true)]]
        : [[range(f, lo as number, false, hi as number, false)]];
    }
    case "olderThanDays": {
      const edge = at - (value as number);
      return [[negated ? range(f, edge, false, INF, true) : range(f, -INF, true, edge, true)]];
    }
    case "includes":
      return [[{ kind: negated ? "hasNone" : "has", fact: f, values: [value as string] }]];
    default:
      // includesAny
      return [[{ kind: negated ? "hasNone" : "hasAny", fact: f, values: value as string[] }]];
  }
}

function toDnf(node: Condition, facts: FactSpecs, negated: boolean, at: number): Dnf {
  if ("all" in node || "any" in node) {
    const children = "all" in node ? node.all : node.any;
    const conjunctive = "all" in node !== negated;
    let out: Dnf = conjunctive ? [[]] : [];
    for (const child of children) {
      const dnf = toDnf(child, facts, negated, at);
      out = conjunctive ? product(out, dnf) : union(out, dnf);
    }
    return out;
  }
  if ("not" in node) return toDnf(node.not, facts, !negated, at);
  const spec = facts[node.fact] as FactSpec;
  const atoms = leafAtoms(node, spec, negated, at);
  // a leaf on an absent optional fact is false, so its negation also holds when the fact is absent
  const first = atoms[0]?.[0];
  if (negated && spec.required === false && first?.kind !== "absent" && first?.kind !== "present") {
    return union([[{ kind: "absent", fact: node.fact }]], atoms);
  }
  return atoms;
}

function pickNumber(
  lo: number,
  loOpen: boolean,
  hi: number,
  hiOpen: boolean,
  integer: boolean,
  excluded: ReadonlySet<unknown>,
): number | undefined {
  const fits = (v: number) =>
    (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi) && !excluded.has(v) && (!integer || Number.isInteger(v));
  const n = excluded.size + 2;
  const candidates: number[] = [];
  if (Number.isFinite(lo)) candidates.push(lo);
  if (Number.isFinite(hi)) candidates.push(hi);
  if (integer) {
    const start = Number.isFinite(lo) ? Math.floor(lo) : Number.isFinite(hi) ? Math.ceil(hi) - n : 0;
    for (let k = 0; k <= n; k++) candidates.push(start + k);
    if (Number.isFinite(hi)) for (let k = 0; k <= n; k++) candidates.push(Math.ceil(hi) - k);
  } else if (Number.isFinite(lo) && Number.isFinite(hi)) {
    for (let k = 1; k <= n; k++) candidates.push(lo + ((hi - lo) * k) / (n + 1));
  } else {
    const anchor = Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi - n - 1 : 0;
    for (let k = 0; k <= n; k++) candidates.push(anchor + k + 1, anchor + k);
  }
  return candidates.find(fits);
}

const DAY = 86_400_000;
const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** A value satisfying every atom on one fact; `undefined` = absent; `null` = unsatisfiable. */
function solveFact(spec: FactSpec, atoms: readonly Atom[]): FactValue | undefined | null {
  const absent = atoms.some((a) => a.kind === "absent");
  const constraining = atoms.filter((a) => a.kind !== "absent");
  if (absent) return constraining.length === 0 && spec.required === false ? undefined : null;
  let lo = -INF;
  let loOpen = true;
  let hi = INF;
  let hiOpen = true;
  let oneOf: unknown[] | undefined;
  const excluded = new Set<unknown>();
  const has = new Set<string>();
  const hasAny: (readonly string[])[] = [];
  for (const atom of constraining) {
    if (atom.kind === "range") {
      if (atom.lo > lo || (atom.lo === lo && atom.loOpen)) [lo, loOpen] = [atom.lo, atom.loOpen];
      if (atom.hi < hi || (atom.hi === hi && atom.hiOpen)) [hi, hiOpen] = [atom.hi, atom.hiOpen];
    } else if (atom.kind === "oneOf") {
      oneOf = oneOf === undefined ? [...atom.values] : oneOf.filter((v) => atom.values.includes(v));
    } else if (atom.kind === "noneOf" || atom.kind === "hasNone") {
      for (const v of atom.values) excluded.add(v);
    } else if (atom.kind === "has") {
      has.add(atom.values[0] as string);
    } else if (atom.kind === "hasAny") {
      hasAny.push(atom.values);
    }
  }
  switch (spec.type) {
    case "boolean":
      return ((oneOf ?? [false, true]) as boolean[]).find((v) => !excluded.has(v)) ?? null;
    case "string": {
      const pool = oneOf ?? spec.enum ?? ["", ...[...excluded].map((v) => `${String(v)}_`)];
      return (pool.find((v) => !excluded.has(v) && (spec.enum === undefined || spec.enum.includes(v as string))) ??
        null) as string | null;
    }
    case "string[]": {
      const items = [...has];
      if (items.some((item) => excluded.has(item))) return null;
      for (const options of hasAny) {
        if (options.some((o) => items.includes(o))) continue;
        const pick = options.find((o) => !excluded.has(o));
        if (pick === undefined) return null;
        items.push(pick);
      }
      return items;
    }
    default: {
      const integer = spec.type !== "number";
      if (oneOf !== undefined) {
        const fits = oneOf.find(
          (v) =>
            typeof v === "number" &&
            (loOpen ? v > lo : v >= lo) &&
            (hiOpen ? v < hi : v <= hi) &&
            !excluded.has(v) &&
            (!integer || Number.isInteger(v)),
        ) as number | undefined;
        return fits === undefined ? null : spec.type === "date" ? dateOf(fits) : fits;
      }
      const v = pickNumber(lo, loOpen, hi, hiOpen, integer, excluded);
      return v === undefined ? null : spec.type === "date" ? dateOf(v) : v;
    }
  }
}

/** Facts satisfying every atom of a term, or `null` when the term is contradictory. */
function solve(term: Term, facts: FactSpecs): FactsOf | null {
  const byFact = new Map<string, Atom[]>();
  for (const atom of term) byFact.set(atom.fact, [...(byFact.get(atom.fact) ?? []), atom]);
  const out: Record<string, FactValue> = {};
  for (const [name, spec] of Object.entries(facts)) {
    const atoms = byFact.get(name);
    if (atoms === undefined) {
      // an unconstrained required fact: any valid value will do (a lone `present` atom is always satisfiable)
      if (spec.required !== false) out[name] = solveFact(spec, [{ kind: "present", fact: name }]) as FactValue;
      continue;
    }
    const value = solveFact(spec, atoms);
    if (value === null) return null;
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function levelsOf(rule: Rule): readonly FacilityLevel[] {
  return rule.levels ?? FACILITY_LEVELS;
}

function usedFacts(node: Condition, out: Set<string>): void {
  if ("all" in node) for (const child of node.all) usedFacts(child, out);
  else if ("any" in node) for (const child of node.any) usedFacts(child, out);
  else if ("not" in node) usedFacts(node.not, out);
  else out.add(node.fact);
}

function sameOutcome(a: Rule, b: Rule): boolean {
  const x = a.then;
  const y = b.then;
  return (
    x.action === y.action &&
    x.targetLevel === y.targetLevel &&
    (x.urgency ?? "routine") === (y.urgency ?? "routine") &&
    x.followUpDays === y.followUpDays
  );
}

/**
 * Static analysis of a rule set (规则集静态检查) — what lets a medical committee trust it before it reaches patients:
 *
 * - `never_fires` — a rule whose condition is contradictory (e.g. `sbp ≥ 180` and `sbp < 160` in one `all`);
 * - `shadowed` — a rule that fires only when an earlier rule with the same outcome fires too, at the same levels, so
 *   it never changes a decision;
 * - `conflict` — two rules with opposite actions (上转/急诊转诊 against 下转; with `conflicts: "any"`, any two
 *   different actions) that fire together at a shared level, with a `witness` input (checked by evaluating it) on
 *   which both fire; the message says which one wins by priority;
 * - `unused_fact` — a declared fact no rule reads.
 *
 * Conditions are expanded to disjunctive normal form and each conjunction is solved exactly over intervals, sets and
 * lists. Date windows (`withinDays`, `olderThanDays`) are read relative to `at` (default: the rule set's
 * `effectiveFrom`). Rules whose expansion exceeds {@link LINT_MAX_TERMS} are listed in `skipped`, never guessed.
 *
 * @param ruleSet - the rule set (validated as by {@link compileRuleSet})
 * @param options - {@link LintOptions}: reference date and which overlaps count as conflicts
 * @returns the findings, in rule order
 * @throws {CarekitError} `RULE_COMPILE` when the rule set is invalid; `INVALID_DATE` for a bad `at`
 * @see 国卫办医函〔2022〕34号 — criteria the built-in rule sets encode
 * @example
 * {@includeCode ../test/lint.test.ts#example}
 */
export function lintRuleSet<const F extends FactSpecs>(ruleSet: RuleSet<F>, options: LintOptions = {}): LintResult<F> {
  const engine = compileRuleSet(ruleSet);
  const valid = engine.ruleSet as unknown as RuleSet;
  const atText = options.at ?? valid.effectiveFrom;
  parseIsoDate(atText, "at");
  const at = isoDay(atText);
  const { facts, rules } = valid;
  const findings: LintFinding<F>[] = [];
  const skipped: string[] = [];
  const dnf: (Dnf | null)[] = rules.map((rule) => {
    try {
      return toDnf(rule.when, facts, false, at);
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      skipped.push(rule.id);
      return null;
    }
  });
  const live = rules.map((rule, i) => {
    const terms = dnf[i];
    if (terms === undefined || terms === null) return true;
    const fires = terms.some((term) => solve(term, facts) !== null);
    if (!fires) {
      findings.push({
        kind: "never_fires",
        ruleIds: [rule.id],
        message: `rule ${rule.id} can never fire: its conditions contradict each other`,
        messageZh: `规则 ${rule.id} 永远不会触发：其条件相互矛盾`,
      });
    }
    return fires;
  });

  const negations = new Map<number, Dnf | null>();
  const negation = (i: number): Dnf | null => {
    if (!negations.has(i)) {
      const rule = rules[i] as Rule;
      try {
        negations.set(i, toDnf(rule.when, facts, true, at));
      } catch (error) {
        if (!(error instanceof TooLarge)) throw error;
        negations.set(i, null);
      }
    }
    return negations.get(i) ?? null;
  };

  for (let j = 0; j < rules.length; j++) {
    const b = rules[j] as Rule;
    const bTerms = dnf[j];
    if (!live[j] || bTerms === null || bTerms === undefined) continue;
    // shadowed: an earlier rule A with the same outcome at a superset of levels, and B ∧ ¬A unsatisfiable
    for (let i = 0; i < j; i++) {
      const a = rules[i] as Rule;
      const notA = negation(i);
      if (notA === null || !sameOutcome(a, b) || !levelsOf(b).every((l) => levelsOf(a).includes(l))) continue;
      let implied = true;
      try {
        implied = product(bTerms, notA).every((term) => solve(term, facts) === null);
      } catch (error) {
        if (!(error instanceof TooLarge)) throw error;
        implied = false;
      }
      if (implied) {
        findings.push({
          kind: "shadowed",
          ruleIds: [a.id, b.id],
          message: `rule ${b.id} fires only when the earlier rule ${a.id} fires with the same outcome; it never changes a decision`,
          messageZh: `规则 ${b.id} 触发时前面的规则 ${a.id} 必然以相同处置触发，它不会改变任何决策`,
        });
        break;
      }
    }
    // conflict: an earlier rule with another action that fires together with B at a shared level
    for (let i = 0; i < j; i++) {
      const a = rules[i] as Rule;
      const aTerms = dnf[i];
      if (!live[i] || aTerms === null || aTerms === undefined || a.then.action === b.then.action) continue;
      if (options.conflicts !== "any" && DIRECTION[a.then.action] * DIRECTION[b.then.action] !== -1) continue;
      const level = levelsOf(b).find((l) => levelsOf(a).includes(l));
      if (level === undefined) continue;
      const witness = findWitness(aTerms, bTerms, facts, (candidate) => {
        const input = { facts: candidate, at: atText, level } as EvaluateInput<F>;
        const ids = engine.evaluate(input).fired.map((f) => f.ruleId);
        return ids.includes(a.id) && ids.includes(b.id);
      });
      if (witness === undefined) continue;
      const winner = engine.evaluate({ facts: witness, at: atText, level } as EvaluateInput<F>).action;
      findings.push({
        kind: "conflict",
        ruleIds: [a.id, b.id],
        witness: { facts: witness, at: atText, level } as EvaluateInput<F>,
        message: `rules ${a.id} (${a.then.action}) and ${b.id} (${b.then.action}) both fire for the witness at ${level}; ${winner} wins by priority`,
        messageZh: `规则 ${a.id}（${a.then.action}）与 ${b.id}（${b.then.action}）在 ${level} 对示例事实同时触发；按优先级采用 ${winner}`,
      });
    }
  }

  const used = new Set<string>();
  for (const rule of rules) usedFacts(rule.when, used);
  for (const name of Object.keys(facts)) {
    if (!used.has(name)) {
      findings.push({
        kind: "unused_fact",
        ruleIds: [],
        fact: name,
        message: `fact ${name} is declared but no rule reads it`,
        messageZh: `事实 ${name} 已声明但没有规则使用`,
      });
    }
  }
  return { findings, skipped };
}

function findWitness(
  aTerms: Dnf,
  bTerms: Dnf,
  facts: FactSpecs,
  check: (facts: FactsOf) => boolean,
): FactsOf | undefined {
  let tries = 0;
  for (const x of aTerms) {
    for (const y of bTerms) {
      if (++tries > LINT_MAX_TERMS) return undefined;
      const candidate = solve([...x, ...y], facts);
      if (candidate !== null && check(candidate)) return candidate;
    }
  }
  return undefined;
}
