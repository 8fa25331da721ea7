import { acuteCoronary } from "./data/acute-coronary.js";
import { copd } from "./data/copd.js";
import { diabetes } from "./data/diabetes.js";
import { hypertension } from "./data/hypertension.js";

/**
 * The built-in national rule sets (内置规则集), each a data module citing its source, with every rule's confidence:
 * `hypertension` (高血压), `diabetes` (2型糖尿病), `acuteCoronary` (急性冠脉综合征急诊转诊), `copd` (慢阻肺).
 * Pass your own rule set to {@link compileRuleSet} to override any of them.
 *
 * @see 国卫办医函〔2022〕34号; 糖尿病分级诊疗服务技术方案 (2015)
 * @example
 * ```ts
 * import { ruleSets } from "@carekit/referral";
 *
 * Object.keys(ruleSets); // → ["hypertension", "diabetes", "acuteCoronary", "copd"]
 * ruleSets.hypertension.source.number; // → "国卫办医函〔2022〕34号"
 * ```
 */
export const ruleSets = { hypertension, diabetes, acuteCoronary, copd } as const;
