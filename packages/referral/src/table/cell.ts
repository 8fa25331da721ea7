/**
 * One decision-table cell ↔ a condition on one fact (单元格与条件互转): a parsed unary test becomes leaves of the rule
 * model (`< 90` → `{ fact, op: "lt", value: 90 }`, `"a", "b"` → `in`, on a `string[]` fact `includesAny`, `!= x` →
 * `not` of `eq`, true also when the fact is absent, as ZEN reads it), and a literal of a condition in disjunctive
 * normal form becomes a cell again.
 */
import type { Condition, FactSpec, Leaf } from "../model.js";
import { type Literal, type UnaryCell, UnaryError, type UnaryTest } from "./unary.js";

type AnyLeaf = Leaf & { readonly value: unknown };

/** A leaf or a negated leaf: one literal of a condition in disjunctive normal form. */
export interface Literal1 {
  readonly leaf: AnyLeaf;
  readonly negated: boolean;
}

function wrong(en: string, zh: string): never {
  throw new UnaryError(en, zh);
}

/** A vocabulary value written as itself or as one of its labels (carekit dialect), else the text as it is. */
function term(spec: FactSpec, text: string, labels: boolean): string {
  if (!labels || spec.enum === undefined || spec.enum.includes(text)) return text;
  const wanted = text.trim().toLowerCase();
  for (const value of spec.enum) {
    const label = spec.valueLabels?.[value];
    if (label !== undefined && (label.zh === text.trim() || label.en.toLowerCase() === wanted)) return value;
  }
  return text;
}

function valueFor(spec: FactSpec, literal: Literal, quoted: boolean, labels: boolean): number | string | boolean {
  switch (spec.type) {
    case "number":
    case "integer":
      if (typeof literal !== "number")
        wrong(
          `a ${spec.type} fact is tested with a number, not ${JSON.stringify(literal)}`,
          `${spec.type} 类型的事实只能与数值比较，不能是 ${JSON.stringify(literal)}`,
        );
      return literal;
    case "boolean":
      if (typeof literal !== "boolean")
        wrong(
          `a boolean fact is tested with true or false, not ${JSON.stringify(literal)}`,
          `布尔事实只能写 true 或 false，不能是 ${JSON.stringify(literal)}`,
        );
      return literal;
    case "date":
      if (typeof literal !== "string")
        wrong(
          `a date fact is tested with a "YYYY-MM-DD" date, not ${String(literal)}`,
          `日期事实只能与 "YYYY-MM-DD" 日期比较，不能是 ${String(literal)}`,
        );
      return literal;
    default:
      if (typeof literal !== "string") {
        if (!quoted && typeof literal === "number" && labels) return String(literal);
        wrong(
          `a ${spec.type} fact is tested with text in quotes, not ${String(literal)}`,
          `${spec.type} 类型的事实只能与带引号的文字比较，不能是 ${String(literal)}`,
        );
      }
      return term(spec, literal, labels);
  }
}

function leaf(fact: string, op: Leaf["op"], value: unknown): Condition {
  return { fact, op, value } as Condition;
}

/** The condition of one test on `fact`. */
function testCondition(fact: string, spec: FactSpec, test: UnaryTest, labels: boolean): Condition {
  const list = spec.type === "string[]";
  switch (test.kind) {
    case "compare":
    case "range": {
      if (spec.type !== "number" && spec.type !== "integer" && spec.type !== "date") {
        wrong(
          `a ${spec.type} fact cannot be compared with < > or a range`,
          `${spec.type} 类型的事实不能用 < > 或区间比较`,
        );
      }
      if (test.kind === "compare") return leaf(fact, test.op, valueFor(spec, test.value, true, false));
      const low = valueFor(spec, test.low, true, false);
      const high = valueFor(spec, test.high, true, false);
      if (!test.lowOpen && !test.highOpen) return leaf(fact, "between", [low, high]);
      return {
        all: [leaf(fact, test.lowOpen ? "gt" : "gte", low), leaf(fact, test.highOpen ? "lt" : "lte", high)],
      } as Condition;
    }
    case "eq":
      return leaf(fact, list ? "includes" : "eq", valueFor(spec, test.value, test.quoted, labels));
    case "ne":
      return {
        not: leaf(fact, list ? "includes" : "eq", valueFor(spec, test.value, test.quoted, labels)),
      } as Condition;
    case "notIn":
      if (spec.type === "boolean")
        wrong("not in [...] does not apply to a boolean fact", "not in [...] 不适用于布尔事实");
      return {
        not: leaf(
          fact,
          list ? "includesAny" : "in",
          test.values.map((v) => valueFor(spec, v, true, labels)),
        ),
      } as Condition;
    case "null":
      return leaf(fact, "exists", false);
    case "notNull":
      return leaf(fact, "exists", true);
    case "within":
    case "olderThan":
      if (spec.type !== "date")
        wrong(`"within … days" applies to a date fact only`, `"within … days" 只适用于日期事实`);
      return leaf(fact, test.kind === "within" ? "withinDays" : "olderThanDays", test.days);
  }
}

/**
 * The condition of a parsed cell on `fact` (`null` for an any-cell): equality tests on a number or string fact
 * become one `in` leaf, on a `string[]` fact `includes` / `includesAny`; other tests are joined with `any`.
 *
 * @param labels - accept a vocabulary value's labels for the value (carekit dialect)
 */
export function cellCondition(cell: UnaryCell, fact: string, spec: FactSpec, labels: boolean): Condition | null {
  if (cell.any) return null;
  const equal = cell.tests.filter((t): t is UnaryTest & { kind: "eq" } => t.kind === "eq");
  const parts: Condition[] = [];
  if (equal.length > 1 && spec.type !== "boolean" && spec.type !== "date") {
    const values = equal.map((t) => valueFor(spec, t.value, t.quoted, labels));
    parts.push(leaf(fact, spec.type === "string[]" ? "includesAny" : "in", values));
    for (const test of cell.tests) if (test.kind !== "eq") parts.push(testCondition(fact, spec, test, labels));
  } else {
    for (const test of cell.tests) parts.push(testCondition(fact, spec, test, labels));
  }
  const condition = parts.length === 1 ? (parts[0] as Condition) : ({ any: parts } as Condition);
  return cell.negated ? ({ not: condition } as Condition) : condition;
}

function literalText(_spec: FactSpec, value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * The cell text of one literal (the inverse of {@link cellCondition} for a leaf or a negated leaf), written as
 * plainly as the fact allows: `>= 90` for a negated `< 90` on a required fact, `null, >= 90` on an optional one.
 */
export function literalCell(literal: Literal1, spec: FactSpec): string {
  const { leaf: node, negated } = literal;
  const v = node.value;
  const optional = spec.required === false;
  const cmp = { lt: "<", lte: "<=", gt: ">", gte: ">=" } as const;
  const flip = { lt: "gte", lte: "gt", gt: "lte", gte: "lt" } as const;
  const list = (values: unknown) => (values as unknown[]).map((x) => literalText(spec, x)).join(", ");
  const orNull = (text: string) => (optional ? `null, ${text}` : text);
  switch (node.op) {
    case "eq":
    case "includes":
      return negated ? `!= ${literalText(spec, v)}` : literalText(spec, v);
    case "in":
    case "includesAny":
      return negated ? `not in [${list(v)}]` : list(v);
    case "exists":
      return (v === true) !== negated ? "!= null" : "null";
    case "lt":
    case "lte":
    case "gt":
    case "gte":
      return negated
        ? orNull(`${cmp[flip[node.op]]} ${literalText(spec, v)}`)
        : `${cmp[node.op]} ${literalText(spec, v)}`;
    case "between": {
      const [low, high] = v as [unknown, unknown];
      return negated
        ? orNull(`< ${literalText(spec, low)}, > ${literalText(spec, high)}`)
        : `[${literalText(spec, low)}..${literalText(spec, high)}]`;
    }
    case "withinDays":
      return negated ? `not(within ${String(v)} days)` : `within ${String(v)} days`;
    case "olderThanDays":
      return negated ? `not(older than ${String(v)} days)` : `older than ${String(v)} days`;
    default:
      // ne and notIn are rewritten before they reach a cell (see the conversion)
      throw new UnaryError(`operator ${node.op} has no cell form`, `运算符 ${node.op} 无法写成单元格`, true);
  }
}
