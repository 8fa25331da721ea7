import { CarekitError, isCarekitError, parseInput } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import { assertSafeJson } from "../json.js";
import {
  type Condition,
  type FactSpec,
  type FactSpecs,
  type Leaf,
  LIMITS,
  type Outcome,
  type Rule,
  type RuleSet,
} from "../model.js";
import { asCompileError, checkCondition, validateRuleSet } from "../validate.js";
import { cellCondition, type Literal1, literalCell } from "./cell.js";
import { type DecisionTable, DecisionTableSchema, type TableRow } from "./model.js";
import { type Dialect, parseUnary, UnaryError } from "./unary.js";

/** Most table rows one rule may expand to in {@link ruleSetToTable} (its condition in disjunctive normal form). */
export const TABLE_ROWS_PER_RULE = 64;

/** Where a cell is, for messages: a path and the words naming the cell (`row 3, column C (收缩压)`). */
export interface CellPlace {
  readonly path: string;
  readonly en: string;
  readonly zh: string;
}

/** How a table's rows and columns are named in errors: by the table's own indices, or a grid's or a JDM file's. */
export type Locate = (row: number | null, column: number | null) => CellPlace;

/** Rows and columns by the table's indices: `rows[2].cells[0]`, "row 3 (rule r3), column 1 (sbp)". */
export function tableLocate(table: DecisionTable): Locate {
  return (row, column) => {
    const fact = column === null ? undefined : table.inputs[column];
    const id = row === null ? undefined : table.rows[row]?.id;
    const path =
      row === null
        ? column === null
          ? ""
          : `inputs[${column}]`
        : `rows[${row}]${column === null ? "" : `.cells[${column}]`}`;
    const rowEn = row === null ? "" : `row ${row + 1}${id === undefined ? "" : ` (rule ${id})`}`;
    const rowZh = row === null ? "" : `第 ${row + 1} 行${id === undefined ? "" : `（规则 ${id}）`}`;
    const colEn = column === null ? "" : `column ${column + 1} (${fact ?? "?"})`;
    const colZh = column === null ? "" : `第 ${column + 1} 列（${fact ?? "?"}）`;
    return { path, en: [rowEn, colEn].filter(Boolean).join(", "), zh: rowZh + colZh };
  };
}

/** A CarekitError about a place in the table. */
export function placeError(code: string, place: CellPlace, en: string, zh: string): CarekitError {
  const error = fieldError(code, place.path, en, zh);
  return new CarekitError({
    code,
    message: `${place.en}: ${en}`,
    messageZh: `${place.zh}：${zh}`,
    issues: error.issues,
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The rule set of a checked table, its errors named by `locate`; `dialect` is the cell syntax.
 *
 * @internal
 */
export function convertTable(table: DecisionTable, locate: Locate, dialect: Dialect): RuleSet {
  // zod's output spells optional keys `?: T | undefined`; the parsed data are the rule model's
  const declared = table.facts as FactSpecs;
  const specs: FactSpec[] = table.inputs.map((fact, column) => {
    const spec = Object.hasOwn(declared, fact) ? declared[fact] : undefined;
    if (spec === undefined) {
      throw placeError("RULE_COMPILE", locate(null, column), `unknown fact "${fact}"`, `未声明的事实 "${fact}"`);
    }
    return spec;
  });
  const rowConditions = table.rows.map((row, r) =>
    row.cells.map((text, c): Condition | null => {
      const fact = table.inputs[c] as string;
      const spec = specs[c] as FactSpec;
      try {
        const cell = parseUnary(text, dialect);
        // ZEN compares a list input with `=`: `"a"` never matches ["a"]; membership needs contains(), outside the subset
        if (
          dialect === "zen" &&
          spec.type === "string[]" &&
          !cell.any &&
          cell.tests.some((t) => t.kind !== "null" && t.kind !== "notNull")
        ) {
          throw new UnaryError(
            `${fact} is a list (string[]) fact: ZEN tests a list with = and membership needs contains($, …), outside the supported unary tests`,
            `${fact} 是列表（string[]）事实：ZEN 用 = 比较列表，判断包含需用 contains($, …)，不在支持的单元格条件范围内`,
            true,
          );
        }
        const condition = cellCondition(cell, fact, spec, dialect === "carekit");
        if (condition !== null) checkCondition(condition, { [fact]: spec }, [], 1, { nodes: 0 });
        return condition;
      } catch (error) {
        const place = locate(r, c);
        if (error instanceof UnaryError) {
          throw placeError(
            error.unsupported ? "TABLE_UNSUPPORTED" : "RULE_COMPILE",
            place,
            `${JSON.stringify(text)}: ${error.message}`,
            `${JSON.stringify(text)}：${error.messageZh}`,
          );
        }
        if (isCarekitError(error)) {
          const issue = error.issues[0];
          throw placeError(
            "RULE_COMPILE",
            place,
            `${JSON.stringify(text)}: ${issue?.message ?? error.message}`,
            `${JSON.stringify(text)}：${issue?.messageZh ?? error.messageZh}`,
          );
        }
        throw error;
      }
    }),
  );

  // consecutive rows with one id are one rule
  const groups: { id: string; first: number; rows: number[] }[] = [];
  const seen = new Map<string, number>();
  for (const [r, row] of table.rows.entries()) {
    const id = row.id ?? `row-${r + 1}`;
    const last = groups.at(-1);
    if (last !== undefined && last.id === id) {
      const head = table.rows[last.first] as TableRow;
      for (const key of ["then", "levels", "overriddenBy", "source"] as const) {
        if (!sameJson(row[key], head[key])) {
          throw placeError(
            "RULE_COMPILE",
            locate(r, null),
            `the row continues rule ${id} but its ${key} differs from row ${last.first + 1}`,
            `该行与第 ${last.first + 1} 行同属规则 ${id}，但 ${key} 不同`,
          );
        }
      }
      last.rows.push(r);
      continue;
    }
    if (seen.has(id)) {
      throw placeError(
        "RULE_COMPILE",
        locate(r, null),
        `rule id ${id} is used again (first at row ${(seen.get(id) ?? 0) + 1}); rows of one rule must be consecutive`,
        `规则编号 ${id} 重复（首次出现在第 ${(seen.get(id) ?? 0) + 1} 行）；同一规则的各行必须相邻`,
      );
    }
    seen.set(id, r);
    groups.push({ id, first: r, rows: [r] });
  }

  const rules = groups.map((group, g): Rule => {
    const head = table.rows[group.first] as TableRow;
    const when = ruleCondition(
      group.rows.map((r) => table.rows[r]?.cells ?? []),
      group.rows.map((r) => rowConditions[r] ?? []),
    );
    const yields = new Set(head.overriddenBy ?? []);
    if (table.hitPolicy === "first") for (const earlier of groups.slice(0, g)) yields.add(earlier.id);
    return {
      id: group.id,
      ...(head.levels === undefined ? {} : { levels: head.levels }),
      when,
      then: head.then as Outcome,
      ...(yields.size === 0 ? {} : { overriddenBy: [...yields] }),
      ...(head.source === undefined ? {} : { source: head.source }),
    };
  });
  const ruleSet = {
    id: table.id,
    version: table.version,
    effectiveFrom: table.effectiveFrom,
    ...(table.effectiveTo === undefined ? {} : { effectiveTo: table.effectiveTo }),
    ...(table.region === undefined ? {} : { region: table.region }),
    source: table.source,
    facts: declared,
    rules,
  };
  try {
    return validateRuleSet(ruleSet);
  } catch (error) {
    const carekit = asCompileError(error);
    const match = /^rules\[(\d+)\]/.exec(carekit.issues[0]?.path ?? "");
    const group = match === null ? undefined : groups[Number(match[1])];
    if (group === undefined) throw carekit;
    const issue = carekit.issues[0];
    throw placeError(
      carekit.code,
      locate(group.first, null),
      issue?.message ?? carekit.message,
      issue?.messageZh ?? carekit.messageZh,
    );
  }
}

/**
 * The condition of one rule from its rows: cells joined with `all`, rows with `any`. Cells that every row of the rule
 * shares are tested once, outside the `any`, which stands where the rows' first differing column is — so the rows
 * `[>= 180, "", "a"]`, `["", >= 110, "a"]` give `all: [any: [sbp ≥ 180, dbp ≥ 110], symptoms includes "a"]`, the
 * condition the table was written from, and the engine tests the shared cell once.
 */
function ruleCondition(
  cells: readonly (readonly string[])[],
  conditions: readonly (readonly (Condition | null)[])[],
): Condition {
  const join = (parts: Condition[]): Condition => (parts.length === 1 ? (parts[0] as Condition) : { all: parts });
  if (cells.length === 1) return join((conditions[0] ?? []).filter((c): c is Condition => c !== null));
  const width = cells[0]?.length ?? 0;
  const shared = (c: number) => cells.every((row) => row[c] === cells[0]?.[c] && (row[c] ?? "").trim() !== "");
  const rest = conditions.map((row) => join(row.filter((cond, c): cond is Condition => cond !== null && !shared(c))));
  // a row with no cell of its own always holds: the rule is its shared cells alone
  const always = conditions.some((row) => row.every((cond, c) => cond === null || shared(c)));
  const parts: Condition[] = [];
  let placed = always;
  for (let c = 0; c < width; c++) {
    if (shared(c)) parts.push(conditions[0]?.[c] as Condition);
    else if (!placed && cells.some((row) => (row[c] ?? "").trim() !== "")) {
      parts.push({ any: rest });
      placed = true;
    }
  }
  if (!placed) parts.push({ any: rest });
  return join(parts);
}

/** A checked decision table, `RULE_COMPILE` with the path of the first problem. */
export function checkTable(table: unknown): DecisionTable {
  try {
    assertSafeJson(table, { depth: LIMITS.jsonDepth, nodes: 500_000 }, "RULE_COMPILE");
    return parseInput(DecisionTableSchema, table, {
      code: "RULE_COMPILE",
      label: { en: "decision table", zh: "决策表" },
    });
  } catch (error) {
    throw asCompileError(error);
  }
}

/**
 * Turn a decision table into a rule set (决策表转规则集): each row's cells joined with `all`, consecutive rows of one
 * rule id with `any`; with hit policy `first` each rule yields (`overriddenBy`) to every rule above it, so the first
 * matching row decides. The result compiles with {@link compileRuleSet} to the same program as a rule set written
 * by hand.
 *
 * @param table - the decision table
 * @returns the validated rule set
 * @throws {CarekitError} `RULE_COMPILE` naming the row and column of a bad cell (`<< 3`, `[1..`, an unknown fact);
 *   `TABLE_UNSUPPORTED` for a cell outside the unary tests carekit reads (a function such as `some(…)`)
 * @example
 * ```ts
 * import { compileRuleSet, tableToRuleSet } from "@carekit/referral";
 *
 * const ruleSet = tableToRuleSet({ id: "bp", version: "1", effectiveFrom: "2024-01-01", source: { title: "示例" },
 *   facts: { sbp: { type: "number" }, dbp: { type: "number" } }, hitPolicy: "first", inputs: ["sbp", "dbp"],
 *   rows: [
 *     { id: "very-high", cells: [">= 180", ""], then: { action: "refer_up", urgency: "urgent", reason: { zh: "收缩压≥180", en: "SBP ≥ 180" } } },
 *     { id: "very-high", cells: ["", ">= 110"], then: { action: "refer_up", urgency: "urgent", reason: { zh: "收缩压≥180", en: "SBP ≥ 180" } } },
 *     { id: "high", cells: ["[140..180)", ""], then: { action: "manage_locally", followUpDays: 14, reason: { zh: "血压未控制", en: "uncontrolled" } } },
 *   ] });
 * ruleSet.rules[0]?.when; // → { any: [{ fact: "sbp", op: "gte", value: 180 }, { fact: "dbp", op: "gte", value: 110 }] }
 * const engine = compileRuleSet(ruleSet);
 * engine.evaluate({ facts: { sbp: 150, dbp: 112 }, at: "2024-06-01", level: "village_clinic" }).urgency; // → "urgent"
 * tableToRuleSet({ id: "bad", version: "1", effectiveFrom: "2024-01-01", source: { title: "t" }, facts: { sbp: { type: "number" } },
 *   hitPolicy: "first", inputs: ["sbp"], rows: [{ cells: ["<< 3"], then: { action: "refer_up", reason: { zh: "甲", en: "a" } } }] });
 * // → throws RULE_COMPILE
 * ```
 */
export function tableToRuleSet(table: DecisionTable): RuleSet {
  try {
    const valid = checkTable(table);
    return convertTable(valid, tableLocate(valid), "carekit");
  } catch (error) {
    throw asCompileError(error);
  }
}

type AnyLeaf = Leaf & { readonly value: unknown };
type Conjunction = Literal1[];

function notExpressible(rule: Rule, en: string, zh: string): never {
  throw new CarekitError({
    code: "TABLE_UNSUPPORTED",
    message: `rule ${rule.id} cannot be written as a decision table: ${en}`,
    messageZh: `规则 ${rule.id} 无法写成决策表：${zh}`,
    issues: [{ path: "", message: en, messageZh: zh }],
  });
}

/** A condition in disjunctive normal form: a list of conjunctions of literals, within {@link TABLE_ROWS_PER_RULE}. */
function dnf(node: Condition, negated: boolean, facts: RuleSet["facts"], rule: Rule): Conjunction[] {
  const product = (parts: Conjunction[][]): Conjunction[] => {
    let out: Conjunction[] = [[]];
    for (const part of parts) {
      const next: Conjunction[] = [];
      for (const left of out) for (const right of part) next.push([...left, ...right]);
      if (next.length > TABLE_ROWS_PER_RULE) tooMany();
      out = next;
    }
    return out;
  };
  const union = (parts: Conjunction[][]): Conjunction[] => {
    const out = parts.flat();
    if (out.length > TABLE_ROWS_PER_RULE) tooMany();
    return out;
  };
  const tooMany = (): never =>
    notExpressible(
      rule,
      `its condition expands to more than ${TABLE_ROWS_PER_RULE} rows`,
      `其条件展开后超过 ${TABLE_ROWS_PER_RULE} 行`,
    );
  if ("all" in node) {
    const parts = node.all.map((c) => dnf(c, negated, facts, rule));
    return negated ? union(parts) : product(parts);
  }
  if ("any" in node) {
    const parts = node.any.map((c) => dnf(c, negated, facts, rule));
    return negated ? product(parts) : union(parts);
  }
  if ("not" in node) return dnf(node.not, !negated, facts, rule);
  const leaf = node as AnyLeaf;
  // ne / notIn are false on an absent fact: present ∧ ¬eq (¬in); negated: absent ∨ eq (in)
  if (leaf.op === "ne" || leaf.op === "notIn") {
    const positive = { ...leaf, op: leaf.op === "ne" ? "eq" : "in" } as AnyLeaf;
    const present = { fact: leaf.fact, op: "exists", value: true } as AnyLeaf;
    const optional = facts[leaf.fact]?.required === false;
    if (!negated)
      return [[...(optional ? [{ leaf: present, negated: false }] : []), { leaf: positive, negated: true }]];
    return [...(optional ? [[{ leaf: present, negated: true }]] : []), [{ leaf: positive, negated: false }]];
  }
  return [[{ leaf, negated }]];
}

/**
 * Write a rule set as a decision table (规则集转决策表), hit policy `collect` (the rule model's priority): each rule
 * becomes the rows of its condition in disjunctive normal form (a rule `sbp ≥ 180 or dbp ≥ 110` is two rows with one
 * id), one input column per fact and literal (a fact tested twice in one row gets two columns). `ruleSetToTable`
 * then {@link tableToRuleSet} gives a rule set with the same decisions.
 *
 * @param ruleSet - the rule set (validated first)
 * @returns the decision table
 * @throws {CarekitError} `RULE_COMPILE` for an invalid rule set; `TABLE_UNSUPPORTED` naming the rule whose condition
 *   expands to more than {@link TABLE_ROWS_PER_RULE} rows
 * @example
 * ```ts
 * import { ruleSets, ruleSetToTable } from "@carekit/referral";
 *
 * const table = ruleSetToTable(ruleSets.hypertension);
 * table.hitPolicy; // → "collect"
 * table.rows.filter((row) => row.id === "bp-severe").length; // → 2
 * table.rows.find((row) => row.id === "bp-severe")?.cells[table.inputs.indexOf("sbp")]; // → ">= 180"
 * ```
 */
export function ruleSetToTable<const F extends FactSpecs>(ruleSet: RuleSet<F>): DecisionTable {
  const valid = validateRuleSet(ruleSet);
  const expanded = valid.rules.map((rule) => {
    const rows = dnf(rule.when, false, valid.facts, rule);
    if (rows.length === 0) notExpressible(rule, "its condition can never hold", "其条件永远不成立");
    return rows;
  });
  // columns: each fact, as many times as one row tests it, in declaration order
  const names = Object.keys(valid.facts);
  const width = new Map<string, number>();
  for (const rows of expanded) {
    for (const row of rows) {
      const count = new Map<string, number>();
      for (const { leaf } of row) count.set(leaf.fact, (count.get(leaf.fact) ?? 0) + 1);
      for (const [fact, n] of count) width.set(fact, Math.max(width.get(fact) ?? 0, n));
    }
  }
  const inputs = names.flatMap((fact) => Array<string>(width.get(fact) ?? 0).fill(fact));
  const firstColumn = new Map<string, number>();
  inputs.forEach((fact, i) => {
    if (!firstColumn.has(fact)) firstColumn.set(fact, i);
  });
  const rows: TableRow[] = valid.rules.flatMap((rule, i) =>
    (expanded[i] as Conjunction[]).map((row): TableRow => {
      const cells = Array<string>(inputs.length).fill("");
      const used = new Map<string, number>();
      for (const literal of row) {
        const k = used.get(literal.leaf.fact) ?? 0;
        used.set(literal.leaf.fact, k + 1);
        const spec = valid.facts[literal.leaf.fact] as FactSpec;
        cells[(firstColumn.get(literal.leaf.fact) as number) + k] = literalCell(literal, spec);
      }
      return {
        id: rule.id,
        cells,
        ...(rule.levels === undefined ? {} : { levels: [...rule.levels] }),
        then: rule.then,
        ...(rule.overriddenBy === undefined ? {} : { overriddenBy: [...rule.overriddenBy] }),
        ...(rule.source === undefined ? {} : { source: rule.source }),
      } as TableRow;
    }),
  );
  const { rules: _rules, ...meta } = valid;
  return { ...meta, hitPolicy: "collect", inputs, rows } as DecisionTable;
}
