import { parseIsoDate } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import { isoDay } from "./days.js";
import { compileRuleSet, type EvaluateInput } from "./engine.js";
import type { FactsOf, FactValue } from "./facts.js";
import {
  ACTIONS,
  type Condition,
  FACILITY_LEVELS,
  type FactSpec,
  type FactSpecs,
  type Leaf,
  type Rule,
  type RuleSet,
} from "./model.js";
import { asCompileError } from "./validate.js";

/**
 * Kinds of lint finding (规则集静态检查结果类型): `never_fires`, `shadowed`, `precedence` (an overlap the documented
 * priority or a rule's `overriddenBy` settles — information), `conflict` (an overlap nothing settles) and
 * `unused_fact`.
 */
export type LintKind = "never_fires" | "shadowed" | "precedence" | "conflict" | "unused_fact";

/** How much a finding matters: `error` (conflict, never_fires), `warning` (shadowed, unused_fact), `info` (precedence). */
export type LintSeverity = "error" | "warning" | "info";

/** One lint finding: what, which rules (or facts), a witness input when one exists, who wins, and why. */
export interface LintFinding<F extends FactSpecs = FactSpecs> {
  /** What was found. */
  readonly kind: LintKind;
  /** How much it matters. */
  readonly severity: LintSeverity;
  /** The rules concerned (for `unused_fact`: empty). */
  readonly ruleIds: readonly string[];
  /** For `unused_fact`: the fact. */
  readonly fact?: string;
  /** For `precedence` and `conflict`: an input on which both rules fire — pass it to `engine.evaluate` to see. */
  readonly witness?: EvaluateInput<F>;
  /** For `precedence` and `conflict`: the rule whose outcome the engine takes when both fire. */
  readonly winner?: string;
  /** English explanation. */
  readonly message: string;
  /** Chinese explanation (中文说明). */
  readonly messageZh: string;
}

/** Result of {@link lintRuleSet}. */
export interface LintResult<F extends FactSpecs = FactSpecs> {
  /** The findings: per rule in rule order (never_fires, shadowed, then overlaps with earlier rules), then unused facts. */
  readonly findings: LintFinding<F>[];
  /** Rules too large to analyse exhaustively (more than {@link LINT_MAX_TERMS} terms); never reported as findings. */
  readonly skipped: string[];
  /**
   * Rule pairs not analysed for overlaps: pairs whose expansions are too large to compare term by term, and every pair
   * left when the work budget ({@link LintOptions.budget}) ran out. `0` when the analysis is complete.
   */
  readonly skippedPairs: number;
}

/** Options of {@link lintRuleSet}. */
export interface LintOptions {
  /** Reference date for `withinDays` / `olderThanDays` (default: the rule set's `effectiveFrom`). */
  readonly at?: string;
  /**
   * Work budget of the overlap analysis, in constraints compared (default {@link LINT_BUDGET}): when it runs out, the
   * remaining pairs are counted in `skippedPairs` instead of analysed, so the lint's time stays bounded.
   */
  readonly budget?: number;
}

/** Largest disjunctive normal form the linter expands per rule (conjunctions). */
export const LINT_MAX_TERMS = 4096;

/** Most term pairs compared for one pair of rules before the pair is counted as skipped. */
const PAIR_TERMS = 256;

/**
 * Default work budget of the overlap analysis (constraints compared): about a second or two on a laptop. The
 * 1,000-rule test set needs far less.
 */
export const LINT_BUDGET = 50_000_000;

type Constraint =
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

type Term = readonly Constraint[];
type Dnf = readonly Term[];

class TooLarge extends Error {}

const INF = Number.POSITIVE_INFINITY;

function range(fact: string, lo: number, loOpen: boolean, hi: number, hiOpen: boolean): Constraint {
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
function solveFact(spec: FactSpec, atoms: readonly Constraint[]): FactValue | undefined | null {
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
  const byFact = new Map<string, Constraint[]>();
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

function levelMask(rule: Rule): number {
  if (rule.levels === undefined) return (1 << FACILITY_LEVELS.length) - 1;
  let mask = 0;
  for (const level of rule.levels) mask |= 1 << FACILITY_LEVELS.indexOf(level);
  return mask;
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

/** A term with its constraints grouped by fact, and a value for each fact that satisfies it alone. */
interface Grouped {
  readonly byFact: ReadonlyMap<string, readonly Constraint[]>;
  readonly size: number;
}

function group(term: Term): Grouped {
  const byFact = new Map<string, Constraint[]>();
  for (const c of term) {
    const list = byFact.get(c.fact);
    if (list === undefined) byFact.set(c.fact, [c]);
    else list.push(c);
  }
  return { byFact, size: term.length };
}

/** Whether two grouped terms can hold together (exact), comparing only the facts both constrain. */
function compatible(x: Grouped, y: Grouped, facts: FactSpecs): boolean {
  const [small, large] = x.byFact.size <= y.byFact.size ? [x, y] : [y, x];
  for (const [fact, constraints] of small.byFact) {
    const other = large.byFact.get(fact);
    if (other !== undefined && solveFact(facts[fact] as FactSpec, [...constraints, ...other]) === null) return false;
  }
  return true;
}

/** Whether a leaf or tree holds on a witness (the rule model read directly: dates as day numbers). */
function holdsOn(node: Condition, facts: FactsOf, at: number, specs: FactSpecs): boolean {
  if ("all" in node) return node.all.every((child) => holdsOn(child, facts, at, specs));
  if ("any" in node) return node.any.some((child) => holdsOn(child, facts, at, specs));
  if ("not" in node) return !holdsOn(node.not, facts, at, specs);
  const leaf = node as { fact: string; op: string; value: unknown };
  const raw = (facts as Record<string, unknown>)[leaf.fact];
  if (leaf.op === "exists") return (raw !== undefined) === leaf.value;
  if (raw === undefined) return false;
  const dated = specs[leaf.fact]?.type === "date";
  const w = (v: unknown): unknown => (dated ? isoDay(v) : v);
  const v = w(raw) as number;
  switch (leaf.op) {
    case "eq":
      return v === w(leaf.value);
    case "ne":
      return v !== w(leaf.value);
    case "lt":
      return v < (w(leaf.value) as number);
    case "lte":
      return v <= (w(leaf.value) as number);
    case "gt":
      return v > (w(leaf.value) as number);
    case "gte":
      return v >= (w(leaf.value) as number);
    case "between": {
      const [lo, hi] = leaf.value as [unknown, unknown];
      return v >= (w(lo) as number) && v <= (w(hi) as number);
    }
    case "in":
      return (leaf.value as unknown[]).some((x) => w(x) === v);
    case "notIn":
      return !(leaf.value as unknown[]).some((x) => w(x) === v);
    case "withinDays":
      return at - v >= 0 && at - v <= (leaf.value as number);
    case "olderThanDays":
      return at - v > (leaf.value as number);
    case "includes":
      return (raw as string[]).includes(leaf.value as string);
    default:
      return (raw as string[]).some((item) => (leaf.value as string[]).includes(item));
  }
}

/**
 * Who wins when rules `a` (earlier) and `b` both fire: a rule that names the other in `overriddenBy` yields to it;
 * otherwise the documented priority 急诊转诊 > 上转 > 下转 > 基层管理; for the same action, the earlier rule.
 */
function winnerOf(a: Rule, b: Rule): { winner: Rule; settled: "declared" | "priority" | "order" } {
  if (a.overriddenBy?.includes(b.id) === true) return { winner: b, settled: "declared" };
  if (b.overriddenBy?.includes(a.id) === true) return { winner: a, settled: "declared" };
  const pa = ACTIONS.indexOf(a.then.action);
  const pb = ACTIONS.indexOf(b.then.action);
  if (pa !== pb) return { winner: pa < pb ? a : b, settled: "priority" };
  return { winner: a, settled: "order" };
}

/**
 * Static analysis of a rule set (规则集静态检查) — what lets a medical committee trust it before it reaches patients:
 *
 * - `never_fires` (error) — a rule whose condition is contradictory (e.g. `sbp ≥ 180` and `sbp < 160` in one `all`);
 * - `shadowed` (warning) — a rule that fires only when an earlier rule with the same outcome fires too, at the same
 *   levels, so it never changes a decision;
 * - `precedence` (info) — two rules with different outcomes that can fire together at a shared level, where the
 *   outcome is settled: by the documented priority 急诊转诊 > 上转 > 下转 > 基层管理, or because one rule names the
 *   other in `overriddenBy`; with a `witness` input on which both fire and the `winner`;
 * - `conflict` (error) — two rules with the same action but a different target level, urgency or follow-up that can
 *   fire together and that nothing but rule order settles: declare which yields with `overriddenBy`;
 * - `unused_fact` (warning) — a declared fact no rule reads.
 *
 * Conditions are expanded to disjunctive normal form and each conjunction is solved exactly over intervals, sets and
 * lists; each witness is checked by evaluating both conditions on it. Date windows (`withinDays`, `olderThanDays`)
 * are read relative to `at` (default: the rule set's `effectiveFrom`). The overlap analysis compares every pair of
 * rules at most once, each in time linear in their constraints; rules whose expansion exceeds
 * {@link LINT_MAX_TERMS} are listed in `skipped`, and pairs not analysed (too large, or beyond the work budget) are
 * counted in `skippedPairs` — never guessed.
 *
 * @param ruleSet - the rule set (validated as by {@link compileRuleSet})
 * @param options - {@link LintOptions}: reference date and work budget
 * @returns the findings, in rule order
 * @throws {CarekitError} `RULE_COMPILE` when the rule set is invalid; `INVALID_DATE` for a bad `at`
 * @example
 * ```ts
 * import { lintRuleSet, ruleSets } from "@carekit/referral";
 *
 * const { findings, skippedPairs } = lintRuleSet(ruleSets.hypertension);
 * findings.filter((f) => f.severity === "error").length; // → 0
 * findings.filter((f) => f.kind === "precedence").length > 0; // → true
 * skippedPairs; // → 0
 * ```
 */
export function lintRuleSet<const F extends FactSpecs>(ruleSet: RuleSet<F>, options: LintOptions = {}): LintResult<F> {
  const engine = compileRuleSet(ruleSet);
  const valid = engine.ruleSet as unknown as RuleSet;
  let atText: string;
  let budgetOption: unknown;
  try {
    atText = (options?.at ?? valid.effectiveFrom) as string;
    budgetOption = options?.budget;
  } catch (error) {
    throw asCompileError(error);
  }
  if (budgetOption !== undefined && (typeof budgetOption !== "number" || !(budgetOption >= 0))) {
    throw fieldError("INVALID_INPUT", "budget", "must be a number ≥ 0", "必须是不小于 0 的数");
  }
  parseIsoDate(atText, "at");
  const at = isoDay(atText);
  const { facts, rules } = valid;
  const skipped: string[] = [];
  let budget = (budgetOption as number | undefined) ?? LINT_BUDGET;
  let skippedPairs = 0;
  const dnf: (Dnf | null)[] = rules.map((rule) => {
    try {
      return toDnf(rule.when, facts, false, at);
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      skipped.push(rule.id);
      return null;
    }
  });
  // each rule's satisfiable terms, grouped by fact (a contradictory term can never make a rule fire)
  const live: (Grouped[] | null)[] = dnf.map((terms) =>
    terms === null ? null : terms.filter((term) => solve(term, facts) !== null).map(group),
  );
  const masks = rules.map(levelMask);
  const perRule: LintFinding<F>[][] = rules.map(() => []);

  rules.forEach((rule, i) => {
    if (live[i]?.length === 0) {
      perRule[i]?.push({
        kind: "never_fires",
        severity: "error",
        ruleIds: [rule.id],
        message: `rule ${rule.id} can never fire: its conditions contradict each other`,
        messageZh: `规则 ${rule.id} 永远不会触发：其条件相互矛盾`,
      });
    }
  });

  // the negation of each rule's condition, as satisfiable grouped terms (`null` when too large), built on demand
  const negations = new Map<number, Grouped[] | null>();
  const negation = (i: number): Grouped[] | null => {
    if (!negations.has(i)) {
      try {
        const terms = toDnf((rules[i] as Rule).when, facts, true, at);
        negations.set(i, terms.filter((term) => solve(term, facts) !== null).map(group));
      } catch (error) {
        if (!(error instanceof TooLarge)) throw error;
        negations.set(i, null);
      }
    }
    return negations.get(i) ?? null;
  };

  // a witness for terms x and y: facts satisfying both, checked by evaluating both conditions
  const witnessOf = (a: Rule, b: Rule, x: Grouped, y: Grouped): FactsOf | undefined => {
    const term: Constraint[] = [];
    for (const list of x.byFact.values()) term.push(...list);
    for (const list of y.byFact.values()) term.push(...list);
    const candidate = solve(term, facts);
    if (candidate === null) return undefined;
    return holdsOn(a.when, candidate, at, facts) && holdsOn(b.when, candidate, at, facts) ? candidate : undefined;
  };

  for (let j = 0; j < rules.length; j++) {
    const b = rules[j] as Rule;
    const bTerms = live[j];
    if (bTerms === null || bTerms === undefined || bTerms.length === 0) {
      skippedPairs += bTerms === null ? j : 0;
      continue;
    }
    // shadowed: an earlier rule A with the same outcome at a superset of levels, and B ∧ ¬A unsatisfiable
    for (let i = 0; i < j; i++) {
      const a = rules[i] as Rule;
      const mi = masks[i] as number;
      const mj = masks[j] as number;
      if ((mi & mj) !== mj || !sameOutcome(a, b) || live[i]?.length === 0) continue;
      const notA = negation(i);
      if (notA === null || bTerms.length * notA.length > LINT_MAX_TERMS) continue;
      // B implies A when no term of B is compatible with a term of ¬A (compared on the facts both constrain)
      budget -= bTerms.length * notA.length;
      const implied = notA.every((y) => bTerms.every((x) => !compatible(x, y, facts)));
      if (implied) {
        perRule[j]?.push({
          kind: "shadowed",
          severity: "warning",
          ruleIds: [a.id, b.id],
          message: `rule ${b.id} fires only when the earlier rule ${a.id} fires with the same outcome; it never changes a decision`,
          messageZh: `规则 ${b.id} 触发时前面的规则 ${a.id} 必然以相同处置触发，它不会改变任何决策`,
        });
        break;
      }
    }
    // overlaps: an earlier rule with another outcome that fires together with B at a shared level
    for (let i = 0; i < j; i++) {
      const a = rules[i] as Rule;
      const aTerms = live[i];
      const shared = (masks[i] as number) & (masks[j] as number);
      if (shared === 0 || sameOutcome(a, b)) continue;
      if (aTerms === null || aTerms === undefined) {
        skippedPairs++;
        continue;
      }
      if (aTerms.length === 0) continue;
      if (budget <= 0 || aTerms.length * bTerms.length > PAIR_TERMS) {
        skippedPairs++;
        continue;
      }
      let witness: FactsOf | undefined;
      for (const x of aTerms) {
        for (const y of bTerms) {
          budget -= Math.min(x.size, y.size) + 1;
          if (compatible(x, y, facts)) witness = witnessOf(a, b, x, y);
          if (witness !== undefined) break;
        }
        if (witness !== undefined) break;
      }
      if (witness === undefined) continue;
      const level = FACILITY_LEVELS[Math.log2(shared & -shared)] as (typeof FACILITY_LEVELS)[number];
      const { winner, settled } = winnerOf(a, b);
      const input = { facts: witness, at: atText, level } as EvaluateInput<F>;
      const both = `rules ${a.id} (${a.then.action}) and ${b.id} (${b.then.action}) both fire for the witness at ${level}`;
      const bothZh = `规则 ${a.id}（${a.then.action}）与 ${b.id}（${b.then.action}）在 ${level} 对示例事实同时触发`;
      if (settled === "order") {
        perRule[j]?.push({
          kind: "conflict",
          severity: "error",
          ruleIds: [a.id, b.id],
          witness: input,
          winner: winner.id,
          message: `${both} with different target level, urgency or follow-up; only rule order picks ${winner.id} — declare which yields with overriddenBy`,
          messageZh: `${bothZh}，目标层级、紧急程度或随访天数不同；仅凭规则顺序采用 ${winner.id}——请用 overriddenBy 声明谁让位`,
        });
      } else {
        const why =
          settled === "priority" ? "by the priority emergency > up > down > local" : "as declared in overriddenBy";
        const whyZh =
          settled === "priority" ? "按 急诊转诊 > 上转 > 下转 > 基层管理 的优先顺序" : "按 overriddenBy 的声明";
        perRule[j]?.push({
          kind: "precedence",
          severity: "info",
          ruleIds: [a.id, b.id],
          witness: input,
          winner: winner.id,
          message: `${both}; ${winner.id} wins ${why}`,
          messageZh: `${bothZh}；${whyZh}采用 ${winner.id}`,
        });
      }
    }
  }

  const findings = perRule.flat();
  const used = new Set<string>();
  for (const rule of rules) usedFacts(rule.when, used);
  for (const name of Object.keys(facts)) {
    if (!used.has(name)) {
      findings.push({
        kind: "unused_fact",
        severity: "warning",
        ruleIds: [],
        fact: name,
        message: `fact ${name} is declared but no rule reads it`,
        messageZh: `事实 ${name} 已声明但没有规则使用`,
      });
    }
  }
  return { findings, skipped, skippedPairs };
}
