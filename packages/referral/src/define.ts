import type { FactSpecs, RuleSet } from "./model.js";
import { validateRuleSet } from "./validate.js";

/**
 * Author a rule set in TypeScript (编写规则集) with full type checking: the fact names and types are inferred from
 * `facts`, so a misspelt fact, an operator that does not fit the fact's type, or a string compared with a number is a
 * compile error. At run time it performs the same checks as {@link compileRuleSet} (via {@link validateRuleSet}) and
 * returns the rule set, frozen-ready and typed.
 *
 * @param ruleSet - the rule set literal
 * @returns the validated rule set, with its fact types preserved
 * @throws {CarekitError} `RULE_COMPILE` with the JSON path of the first problem
 * @example
 * ```ts
 * import { compileRuleSet, defineRuleSet } from "@carekit/referral";
 *
 * const ruleSet = defineRuleSet({
 *   id: "dm-young", version: "1", effectiveFrom: "2024-01-01",
 *   source: { title: "糖尿病分级诊疗服务技术方案" },
 *   facts: { age: { type: "integer" } },
 *   rules: [{ id: "under-25", when: { fact: "age", op: "lt", value: 25 },
 *     then: { action: "refer_up", reason: { zh: "年龄 <25 岁", en: "under 25" } } }],
 * });
 * compileRuleSet(ruleSet).evaluate({ facts: { age: 24 }, at: "2024-06-01", level: "village_clinic" }).action;
 * // → "refer_up"
 * ```
 */
export function defineRuleSet<const F extends FactSpecs>(ruleSet: RuleSet<F>): RuleSet<F> {
  return validateRuleSet(ruleSet) as unknown as RuleSet<F>;
}
