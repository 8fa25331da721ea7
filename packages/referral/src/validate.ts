import { CarekitError, isCarekitError, parseInput } from "@carekit/core";
import { fieldError, formatPath } from "@carekit/core/internal";
import { isoDay } from "./days.js";
import { assertSafeJson } from "./json.js";
import {
  type Condition,
  type FactSpec,
  type FactSpecs,
  type Leaf,
  LIMITS,
  OPS_BY_TYPE,
  type RuleSet,
  RuleSetSchema,
} from "./model.js";

const CODE = "RULE_COMPILE";

type Path = PropertyKey[];

function fail(path: Path, en: string, zh: string): never {
  throw fieldError(CODE, formatPath(path), en, zh);
}

const isNumber = (v: unknown): v is number => typeof v === "number";
const isString = (v: unknown): v is string => typeof v === "string";
const isDate = (v: unknown): boolean => !Number.isNaN(isoDay(v));

function checkList(value: unknown, path: Path, item: (v: unknown) => boolean, en: string, zh: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every(item)) fail(path, en, zh);
  return value;
}

function checkEnum(spec: FactSpec, values: readonly unknown[], path: Path): void {
  const allowed = spec.enum;
  if (allowed === undefined) return;
  for (const [index, v] of values.entries()) {
    if (!allowed.includes(v as string)) {
      fail(
        values.length === 1 ? path : [...path, index],
        `${JSON.stringify(v)} is not one of the fact's enum values ${allowed.join(", ")}`,
        `${JSON.stringify(v)} 不在该事实允许的取值 ${allowed.join("、")} 之中`,
      );
    }
  }
}

function checkLeaf(leaf: Leaf, spec: FactSpec | undefined, path: Path): void {
  if (spec === undefined) fail([...path, "fact"], `unknown fact "${leaf.fact}"`, `未声明的事实 "${leaf.fact}"`);
  const { op, value } = leaf as { op: Leaf["op"]; value: unknown };
  if (!OPS_BY_TYPE[spec.type].includes(op)) {
    fail(
      [...path, "op"],
      `operator ${op} does not apply to a ${spec.type} fact`,
      `运算符 ${op} 不适用于 ${spec.type} 类型的事实`,
    );
  }
  const at = [...path, "value"];
  if (op === "exists") {
    if (typeof value !== "boolean") fail(at, "exists takes true or false", "exists 的取值必须是 true 或 false");
    return;
  }
  switch (spec.type) {
    case "number":
    case "integer":
      if (op === "between") {
        const [lo, hi] = checkList(
          value,
          at,
          isNumber,
          "between takes [low, high] numbers",
          "between 需要 [下限, 上限] 两个数值",
        );
        if ((value as unknown[]).length !== 2 || (lo as number) > (hi as number)) {
          fail(at, "between takes [low, high] with low ≤ high", "between 需要 [下限, 上限] 且下限不大于上限");
        }
      } else if (op === "in" || op === "notIn") {
        checkList(value, at, isNumber, `${op} takes a non-empty list of numbers`, `${op} 需要非空的数值列表`);
      } else if (!isNumber(value)) {
        fail(at, `a ${spec.type} fact is compared with a number`, `${spec.type} 类型的事实只能与数值比较`);
      }
      return;
    case "boolean":
      if (typeof value !== "boolean")
        fail(at, "a boolean fact is compared with true or false", "布尔事实只能与 true 或 false 比较");
      return;
    case "string":
      if (op === "in" || op === "notIn") {
        checkEnum(
          spec,
          checkList(value, at, isString, `${op} takes a non-empty list of strings`, `${op} 需要非空的字符串列表`),
          at,
        );
      } else if (isString(value)) {
        checkEnum(spec, [value], at);
      } else {
        fail(at, "a string fact is compared with a string", "字符串事实只能与字符串比较");
      }
      return;
    case "string[]":
      if (op === "includesAny") {
        checkEnum(
          spec,
          checkList(
            value,
            at,
            isString,
            "includesAny takes a non-empty list of strings",
            "includesAny 需要非空的字符串列表",
          ),
          at,
        );
      } else if (isString(value)) {
        checkEnum(spec, [value], at);
      } else {
        fail(at, "includes takes one string", "includes 需要一个字符串");
      }
      return;
    case "date":
      if (op === "withinDays" || op === "olderThanDays") {
        if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > 36_600) {
          fail(at, `${op} takes a whole number of days from 0 to 36600`, `${op} 需要 0–36600 之间的整数天数`);
        }
      } else if (op === "between") {
        const [lo, hi] = checkList(
          value,
          at,
          isDate,
          "between takes [from, to] ISO dates",
          "between 需要 [起, 止] 两个 ISO 日期",
        );
        if ((value as unknown[]).length !== 2 || isoDay(lo) > isoDay(hi)) {
          fail(at, "between takes [from, to] with from ≤ to", "between 需要 [起, 止] 且起始不晚于截止");
        }
      } else if (!isDate(value)) {
        fail(at, "a date fact is compared with a YYYY-MM-DD date", "日期事实只能与 YYYY-MM-DD 日期比较");
      }
      return;
  }
}

/**
 * Check one condition against the fact declarations (unknown facts, operators and values that do not fit).
 *
 * @internal
 */
export function checkCondition(
  node: Condition,
  facts: FactSpecs,
  path: Path,
  depth: number,
  count: { nodes: number },
): void {
  count.nodes += 1;
  if (count.nodes > LIMITS.conditionNodes) {
    fail(
      path,
      `more than ${LIMITS.conditionNodes} conditions in the rule set`,
      `规则集的条件总数超过 ${LIMITS.conditionNodes}`,
    );
  }
  if (depth > LIMITS.conditionDepth) {
    fail(path, `conditions nested deeper than ${LIMITS.conditionDepth}`, `条件嵌套超过 ${LIMITS.conditionDepth} 层`);
  }
  if ("all" in node || "any" in node) {
    const key = "all" in node ? "all" : "any";
    const children = "all" in node ? node.all : node.any;
    for (const [index, child] of children.entries())
      checkCondition(child, facts, [...path, key, index], depth + 1, count);
  } else if ("not" in node) {
    checkCondition(node.not, facts, [...path, "not"], depth + 1, count);
  } else {
    checkLeaf(node, Object.hasOwn(facts, node.fact) ? facts[node.fact] : undefined, path);
  }
}

/** `overriddenBy` names other rules of the set, each once, without a cycle (a rule yielding to itself, even indirectly). */
function checkOverrides(rules: RuleSet["rules"]): void {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  for (const [i, rule] of rules.entries()) {
    for (const [k, id] of (rule.overriddenBy ?? []).entries()) {
      const path = ["rules", i, "overriddenBy", k];
      if (!index.has(id)) fail(path, `unknown rule "${id}"`, `未知的规则 "${id}"`);
      if (id === rule.id) fail(path, "a rule cannot yield to itself", "规则不能让位于自身");
      if (rule.overriddenBy?.indexOf(id) !== k) fail(path, `rule "${id}" is listed twice`, `规则 "${id}" 重复列出`);
    }
  }
  // depth-first search for a cycle: 1 = on the current path, 2 = done
  const state = new Uint8Array(rules.length);
  const visit = (i: number): void => {
    state[i] = 1;
    for (const [k, id] of (rules[i]?.overriddenBy ?? []).entries()) {
      const j = index.get(id) as number;
      if (state[j] === 1) {
        fail(
          ["rules", i, "overriddenBy", k],
          `overriddenBy makes a cycle through rule "${id}"`,
          `overriddenBy 通过规则 "${id}" 形成循环`,
        );
      }
      if (state[j] === 0) visit(j);
    }
    state[i] = 2;
  };
  for (let i = 0; i < rules.length; i++) if (state[i] === 0) visit(i);
}

/**
 * Validate an untrusted rule set (规则集校验) — the JSON exchange format or a TypeScript literal — and return it
 * parsed: safe JSON (no prototype keys, cycles or absurd depth), the {@link RuleSetSchema} shape, then every check
 * that needs the fact declarations: unknown facts, operators that do not fit the fact's type, values of the wrong
 * type or outside the fact's `enum`, `between` bounds out of order, duplicate rule ids, `effectiveTo` before
 * `effectiveFrom`, and the size limits of {@link LIMITS}.
 *
 * @param ruleSet - the candidate rule set
 * @returns the parsed rule set
 * @throws {CarekitError} `RULE_COMPILE` with the JSON path of the first problem
 * @example
 * ```ts
 * import { validateRuleSet } from "@carekit/referral";
 *
 * validateRuleSet({ id: "x", version: "1", effectiveFrom: "2024-01-01", source: { title: "t" },
 *   facts: { sbp: { type: "number" } },
 *   rules: [{ id: "r", when: { fact: "sbp", op: "gte", value: "180" },
 *     then: { action: "refer_up", reason: { zh: "甲", en: "a" } } }] });
 * // → throws RULE_COMPILE
 * ```
 */
export function validateRuleSet(ruleSet: unknown): RuleSet {
  try {
    return validateReadable(ruleSet);
  } catch (error) {
    throw asCompileError(error);
  }
}

/**
 * A CarekitError as it is; anything else (a getter or proxy that throws while the rule set is read) as a
 * `RULE_COMPILE` error, so that no raw exception leaves a public function.
 *
 * @internal
 */
export function asCompileError(error: unknown): CarekitError {
  if (isCarekitError(error)) return error;
  const what = error instanceof Error ? error.name : typeof error;
  return new CarekitError({
    code: CODE,
    message: `the rule set could not be read (${what} while reading it)`,
    messageZh: `无法读取规则集（读取时发生 ${what}）`,
    issues: [{ path: "", message: `could not be read (${what})`, messageZh: `无法读取（${what}）` }],
  });
}

function validateReadable(ruleSet: unknown): RuleSet {
  assertSafeJson(ruleSet, { depth: LIMITS.jsonDepth, nodes: 500_000 }, CODE);
  const parsed = parseInput(RuleSetSchema, ruleSet, { code: CODE, label: { en: "rule set", zh: "规则集" } });
  if (Object.keys(parsed.facts).length > LIMITS.facts) {
    fail(["facts"], `more than ${LIMITS.facts} facts`, `事实声明超过 ${LIMITS.facts} 个`);
  }
  if (parsed.effectiveTo !== undefined && isoDay(parsed.effectiveTo) < isoDay(parsed.effectiveFrom)) {
    fail(["effectiveTo"], "effectiveTo is before effectiveFrom", "失效日期早于生效日期");
  }
  const ids = new Set<string>();
  const count = { nodes: 0 };
  for (const [index, rule] of parsed.rules.entries()) {
    if (ids.has(rule.id)) fail(["rules", index, "id"], `duplicate rule id "${rule.id}"`, `规则编号 "${rule.id}" 重复`);
    ids.add(rule.id);
    if (rule.levels !== undefined && new Set(rule.levels).size !== rule.levels.length) {
      fail(["rules", index, "levels"], "a level is listed twice", "适用层级重复");
    }
    checkCondition(rule.when, parsed.facts, ["rules", index, "when"], 1, count);
  }
  checkOverrides(parsed.rules);
  return parsed;
}
