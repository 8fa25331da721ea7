import { describe, expect, it } from "vitest";
import { validateRuleSet } from "../src/index.js";

describe("validateRuleSet", () => {
  it("checks facts, operators and values against the declarations", () => {
    //#region example
    const json = JSON.parse(`{
      "id": "hypertension-primary", "version": "2022.1", "effectiveFrom": "2022-01-26",
      "source": { "title": "县域高血压分级诊疗技术方案", "number": "国卫办医函〔2022〕34号" },
      "facts": { "sbp": { "type": "number", "unit": "mmHg" }, "dbp": { "type": "number", "unit": "mmHg" },
                 "pregnant": { "type": "boolean" }, "symptoms": { "type": "string[]" },
                 "lastVisit": { "type": "date", "required": false } },
      "rules": [
        { "id": "bp-severe", "levels": ["village_clinic", "township_health_center"],
          "when": { "any": [ { "fact": "sbp", "op": "gte", "value": 180 }, { "fact": "dbp", "op": "gte", "value": 110 } ] },
          "then": { "action": "refer_up", "targetLevel": "county_hospital", "urgency": "urgent", "followUpDays": 14,
                    "reason": { "zh": "血压显著升高 ≥180/110 mmHg", "en": "Markedly raised blood pressure ≥180/110 mmHg" } } }
      ]
    }`);
    expect(validateRuleSet(json).rules).toHaveLength(1);
    json.rules[0].when.any[1].value = "110";
    expect(() => validateRuleSet(json)).toThrow(
      expect.objectContaining({
        code: "RULE_COMPILE",
        issues: [expect.objectContaining({ path: "rules[0].when.any[1].value" })],
      }),
    );
    //#endregion example
  });
});
