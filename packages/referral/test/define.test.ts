import { describe, expect, it } from "vitest";
import { compileRuleSet, defineRuleSet } from "../src/index.js";

const base = {
  id: "demo",
  version: "1",
  effectiveFrom: "2022-01-26",
  source: { title: "demo" },
} as const;

describe("defineRuleSet", () => {
  it("infers fact names and types", () => {
    //#region example
    const ruleSet = defineRuleSet({
      id: "bp-demo",
      version: "1",
      effectiveFrom: "2022-01-26",
      source: { title: "县域高血压分级诊疗技术方案", number: "国卫办医函〔2022〕34号" },
      facts: { sbp: { type: "number", unit: "mmHg" }, visit: { type: "string", enum: ["first", "follow_up"] } },
      rules: [
        {
          id: "bp-severe",
          when: { fact: "sbp", op: "gte", value: 180 },
          then: {
            action: "refer_up",
            targetLevel: "county_hospital",
            reason: { zh: "血压显著升高", en: "Markedly raised BP" },
          },
        },
      ],
    });
    const engine = compileRuleSet(ruleSet);
    const decision = engine.evaluate({
      facts: { sbp: 182, visit: "first" },
      at: "2024-05-01",
      level: "village_clinic",
    });
    expect(decision.action).toBe("refer_up");
    //#endregion example
  });

  it("rejects misspelt facts and mismatched types at compile time", () => {
    const then = { action: "refer_up", reason: { zh: "甲", en: "a" } } as const;
    const bad = [
      () =>
        defineRuleSet({
          ...base,
          facts: { sbp: { type: "number" } },
          // @ts-expect-error — "spb" is not a declared fact
          rules: [{ id: "a", when: { fact: "spb", op: "gte", value: 1 }, then }],
        }),
      () =>
        defineRuleSet({
          ...base,
          facts: { sbp: { type: "number" } },
          // @ts-expect-error — a number fact compared with a string
          rules: [{ id: "a", when: { fact: "sbp", op: "gte", value: "180" }, then }],
        }),
      () =>
        defineRuleSet({
          ...base,
          facts: { visit: { type: "string", enum: ["first", "follow_up"] } },
          // @ts-expect-error — not one of the enum values
          rules: [{ id: "a", when: { fact: "visit", op: "eq", value: "second" }, then }],
        }),
      () =>
        defineRuleSet({
          ...base,
          facts: { tags: { type: "string[]" } },
          // @ts-expect-error — gte does not apply to a list
          rules: [{ id: "a", when: { fact: "tags", op: "gte", value: 1 }, then }],
        }),
    ];
    for (const call of bad) expect(call).toThrow(expect.objectContaining({ code: "RULE_COMPILE" }));
    const engine = compileRuleSet(
      defineRuleSet({
        ...base,
        facts: { sbp: { type: "number" }, note: { type: "string", required: false } },
        rules: [
          {
            id: "a",
            when: { fact: "sbp", op: "gte", value: 1 },
            then: { action: "refer_up", reason: { zh: "甲", en: "a" } },
          },
        ],
      }),
    );
    // @ts-expect-error — facts must have the declared types
    const wrongFacts = () => engine.evaluate({ facts: { sbp: "1" }, at: "2024-01-01", level: "village_clinic" });
    expect(wrongFacts).toThrow();
    // optional facts may be left out
    expect(engine.evaluate({ facts: { sbp: 1 }, at: "2024-01-01", level: "village_clinic" }).action).toBe("refer_up");
  });
});
