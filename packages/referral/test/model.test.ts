import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  ACTIONS,
  ConditionSchema,
  FACILITY_LEVELS,
  FactNameSchema,
  FactSpecSchema,
  LabelSchema,
  LEVEL_RANK,
  OPS_BY_TYPE,
  OutcomeSchema,
  RuleSchema,
  RuleSetSchema,
  SourceSchema,
} from "../src/index.js";

describe("rule model", () => {
  it("orders levels and actions", () => {
    //#region levels
    expect(FACILITY_LEVELS[0]).toBe("village_clinic"); // 村卫生室
    expect(LEVEL_RANK.township_health_center).toBe(LEVEL_RANK.community_health_center); // both 基层
    expect(LEVEL_RANK.county_hospital).toBeGreaterThan(LEVEL_RANK.township_health_center);
    expect(ACTIONS).toEqual(["emergency_transfer", "refer_up", "refer_down", "manage_locally"]); // priority order
    expect(OPS_BY_TYPE.date).toContain("withinDays");
    expect(OPS_BY_TYPE.boolean).not.toContain("gte");
    //#endregion levels
  });

  it("validates the exchange format's shape", () => {
    //#region schema
    const leaf = { fact: "sbp", op: "gte", value: 180 };
    expect(ConditionSchema.safeParse({ any: [leaf, { fact: "dbp", op: "gte", value: 110 }] }).success).toBe(true);
    expect(ConditionSchema.safeParse({ ...leaf, all: [] }).success).toBe(false); // exactly one form per node
    expect(FactSpecSchema.safeParse({ type: "number", unit: "mmHg" }).success).toBe(true);
    expect(FactNameSchema.safeParse("__proto__").success).toBe(false);
    expect(LabelSchema.safeParse({ zh: "上转", en: "refer up" }).success).toBe(true);
    expect(
      SourceSchema.safeParse({ title: "县域高血压分级诊疗技术方案", number: "国卫办医函〔2022〕34号" }).success,
    ).toBe(true);
    const then = {
      action: "refer_up",
      targetLevel: "county_hospital",
      urgency: "urgent",
      followUpDays: 14,
      reason: { zh: "血压显著升高", en: "BP ≥180/110" },
    };
    expect(OutcomeSchema.safeParse(then).success).toBe(true);
    expect(RuleSchema.safeParse({ id: "bp-severe", levels: ["village_clinic"], when: leaf, then }).success).toBe(true);
    const ruleSet = {
      id: "x",
      version: "1",
      effectiveFrom: "2022-01-26",
      source: { title: "t" },
      facts: { sbp: { type: "number" } },
      rules: [{ id: "r", when: leaf, then }],
    };
    expect(RuleSetSchema.safeParse(ruleSet).success).toBe(true);
    expect(RuleSetSchema.safeParse({ ...ruleSet, priority: 1 }).success).toBe(false); // strict: unknown keys rejected
    //#endregion schema
  });

  it("stays representable as JSON Schema (apps build forms from it): the schemas are typed without a transform", () => {
    for (const schema of [RuleSetSchema, ConditionSchema, RuleSchema]) {
      const json = z.toJSONSchema(schema) as { type?: string; $defs?: unknown };
      expect(json.type ?? json.$defs).toBeDefined();
    }
  });
});
