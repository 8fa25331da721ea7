import { compileRuleSet, hypertension } from "@carekit/referral";
import { describe, expect, it } from "vitest";
import { factColumns } from "../src/commands/refer-facts.js";

describe("refer: fact columns by label, list cells by vocabulary label", () => {
  const columns = factColumns(hypertension.facts);
  const engine = compileRuleSet(hypertension);

  it("accepts each fact's Chinese label as a header and each value's Chinese label as a cell", () => {
    const facts = columns.read({
      就诊类型: "初诊",
      收缩压: "185",
      舒张压: "112",
      症状: "剧烈头痛；呕吐、不能平卧|dyspnea; leg_edema",
    });
    expect(facts).toMatchObject({
      visit: "first",
      sbp: 185,
      dbp: 112,
      symptoms: ["severe_headache", "vomiting", "orthopnea", "dyspnea", "leg_edema"],
    });
    expect(columns.factOf("就诊类型（初诊/随访）")).toBe("visit");
    expect(columns.factOf("systolic blood pressure")).toBe("sbp");
  });

  it("an item outside the vocabulary stays as written, so the engine rejects it naming the allowed values", () => {
    const facts = columns.read({ symptoms: "剧烈头痛;头晕" });
    expect(facts.symptoms).toEqual(["severe_headache", "头晕"]);
    expect(() =>
      engine.evaluate({
        facts: { ...(facts as object), visit: "first", sbp: 185, dbp: 112 } as never,
        at: "2024-06-01",
        level: "village_clinic",
      }),
    ).toThrow(/"头晕" is not in the fact's vocabulary/);
  });

  it("an empty list cell is an empty list", () => {
    expect(columns.read({ 症状: "" }).symptoms).toEqual([]);
  });
});
