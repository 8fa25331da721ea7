import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRuleSet, defineRuleSet, lintRuleSet, type Rule, type RuleSet, ruleSets } from "../src/index.js";

const facts = {
  sbp: { type: "number", unit: "mmHg" },
  age: { type: "integer" },
  stable: { type: "boolean" },
  visit: { type: "string", enum: ["first", "follow_up"] },
  lastVisit: { type: "date", required: false },
  spare: { type: "boolean", required: false },
} as const;
type F = typeof facts;
const up = { action: "refer_up", targetLevel: "county_hospital", reason: { zh: "上转", en: "up" } } as const;
const down = {
  action: "refer_down",
  targetLevel: "township_health_center",
  reason: { zh: "下转", en: "down" },
} as const;
const base = { id: "lint-demo", version: "1", effectiveFrom: "2024-01-01", source: { title: "demo" }, facts } as const;

describe("lintRuleSet", () => {
  it("finds a contradiction, a shadowed rule, a conflict and an unused fact", () => {
    //#region example
    const ruleSet = defineRuleSet({
      ...base,
      rules: [
        { id: "severe", when: { fact: "sbp", op: "gte", value: 180 }, then: up },
        {
          id: "impossible",
          when: {
            all: [
              { fact: "sbp", op: "gte", value: 180 },
              { fact: "sbp", op: "lt", value: 160 },
            ],
          },
          then: up,
        },
        {
          id: "very-severe",
          when: {
            all: [
              { fact: "sbp", op: "gte", value: 200 },
              { fact: "age", op: "gte", value: 18 },
            ],
          },
          then: up,
        },
        {
          id: "stable-down",
          when: {
            all: [
              { fact: "stable", op: "eq", value: true },
              { fact: "visit", op: "eq", value: "follow_up" },
            ],
          },
          then: down,
        },
        {
          id: "recent",
          when: { fact: "lastVisit", op: "withinDays", value: 30 },
          then: { ...up, action: "manage_locally" },
        },
      ],
    });
    const { findings } = lintRuleSet(ruleSet);
    expect(findings.map((f) => [f.kind, ...f.ruleIds, f.fact ?? ""])).toEqual([
      ["never_fires", "impossible", ""],
      ["shadowed", "severe", "very-severe", ""],
      ["conflict", "severe", "stable-down", ""],
      ["conflict", "very-severe", "stable-down", ""],
      ["unused_fact", "spare"],
    ]);
    // the witness is a real input on which both rules fire
    const witness = findings[2]?.witness;
    expect(witness?.facts).toMatchObject({ sbp: 180, stable: true, visit: "follow_up" });
    const fired = compileRuleSet(ruleSet)
      .evaluate(witness as never)
      .fired.map((f) => f.ruleId);
    expect(fired).toEqual(expect.arrayContaining(["severe", "stable-down"]));
    //#endregion example
  });

  it("does not call a rule shadowed when a different outcome or a wider level set makes it matter", () => {
    const { findings } = lintRuleSet(
      defineRuleSet({
        ...base,
        rules: [
          { id: "a", levels: ["village_clinic"], when: { fact: "sbp", op: "gte", value: 180 }, then: up },
          { id: "b", when: { fact: "sbp", op: "gte", value: 190 }, then: up },
          { id: "c", when: { fact: "sbp", op: "gte", value: 200 }, then: { ...up, urgency: "urgent" } },
          {
            id: "d",
            when: {
              any: [
                { fact: "sbp", op: "gte", value: 195 },
                { fact: "age", op: "lt", value: 30 },
              ],
            },
            then: up,
          },
        ],
      }),
    );
    expect(findings.filter((f) => f.kind === "shadowed")).toEqual([]);
  });

  it("understands not, between, in, dates and optional facts", () => {
    const { findings } = lintRuleSet(
      defineRuleSet({
        ...base,
        rules: [
          { id: "mid", when: { fact: "sbp", op: "between", value: [140, 179] }, then: up },
          {
            id: "not-mid",
            when: {
              all: [
                { not: { fact: "sbp", op: "between", value: [130, 190] } },
                { fact: "sbp", op: "between", value: [150, 160] },
              ],
            },
            then: up,
          },
          {
            id: "dates",
            when: {
              all: [
                { fact: "lastVisit", op: "withinDays", value: 10 },
                { fact: "lastVisit", op: "olderThanDays", value: 20 },
              ],
            },
            then: up,
          },
          { id: "absent-ok", when: { not: { fact: "lastVisit", op: "withinDays", value: 10 } }, then: down },
          {
            id: "enum",
            when: {
              all: [
                { fact: "visit", op: "in", value: ["first"] },
                { fact: "visit", op: "ne", value: "first" },
              ],
            },
            then: up,
          },
          {
            id: "int-gap",
            when: {
              all: [
                { fact: "age", op: "gt", value: 17 },
                { fact: "age", op: "lt", value: 18 },
              ],
            },
            then: up,
          },
        ],
      }),
    );
    const never = findings.filter((f) => f.kind === "never_fires").map((f) => f.ruleIds[0]);
    expect(never).toEqual(["not-mid", "dates", "enum", "int-gap"]);
    const conflict = findings.find((f) => f.kind === "conflict");
    expect(conflict?.ruleIds).toEqual(["mid", "absent-ok"]);
  });

  it("finds the up/down overlaps of the built-in hypertension set and nothing never-firing or shadowed", () => {
    const { findings, skipped } = lintRuleSet(ruleSets.hypertension);
    expect(skipped).toEqual([]);
    expect(findings.filter((f) => f.kind !== "conflict")).toEqual([]);
    for (const finding of findings) expect(finding.ruleIds[1]).toBe("down-township-to-village");
    expect(lintRuleSet(ruleSets.diabetes).findings).toEqual([]);
    expect(lintRuleSet(ruleSets.acuteCoronary).findings).toEqual([]);
    expect(lintRuleSet(ruleSets.copd).findings).toEqual([]);
  });

  it("with conflicts: 'any' also reports overlaps resolved by priority", () => {
    const { findings } = lintRuleSet(ruleSets.acuteCoronary, { conflicts: "any" });
    expect(findings).toEqual([]); // both ACS rules share the same action
    const more = lintRuleSet(ruleSets.diabetes, { conflicts: "any" }).findings;
    expect(more.length).toBe(8); // the emergency rule overlaps each of the eight upward criteria
  });

  it("finds planted contradictions, shadowing and conflicts in random rule sets (property)", () => {
    const threshold = fc.integer({ min: 60, max: 250 });
    fc.assert(
      fc.property(threshold, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 3 }), (t, gap, noise) => {
        const filler: Rule<F>[] = Array.from({ length: noise }, (_, k) => ({
          id: `noise-${k}`,
          when: { fact: "age", op: "eq", value: 200 + k },
          then: { ...up, followUpDays: k },
        }));
        const ruleSet: RuleSet<F> = {
          ...base,
          rules: [
            ...filler,
            { id: "wide", when: { fact: "sbp", op: "gte", value: t }, then: up },
            { id: "narrow", when: { fact: "sbp", op: "gte", value: t + gap }, then: up },
            {
              id: "contradiction",
              when: {
                all: [
                  { fact: "sbp", op: "gt", value: t },
                  { fact: "sbp", op: "lte", value: t - gap },
                ],
              },
              then: up,
            },
            { id: "down", when: { fact: "sbp", op: "lt", value: t + 1 }, then: down },
          ],
        };
        const { findings } = lintRuleSet(ruleSet);
        const has = (kind: string, ...ids: string[]) =>
          findings.some((f) => f.kind === kind && ids.every((id) => f.ruleIds.includes(id)));
        expect(has("never_fires", "contradiction")).toBe(true);
        expect(has("shadowed", "wide", "narrow")).toBe(true);
        expect(has("conflict", "wide", "down")).toBe(true);
        expect(has("conflict", "narrow", "down")).toBe(gap < 1);
      }),
      { numRuns: 60, seed: 4 },
    );
  });
});
