import { expectCarekitError } from "@carekit/test-utils";
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
      ["precedence", "severe", "stable-down", ""],
      ["precedence", "very-severe", "stable-down", ""],
      ["precedence", "severe", "recent", ""],
      ["precedence", "very-severe", "recent", ""],
      ["precedence", "stable-down", "recent", ""],
      ["unused_fact", "spare"],
    ]);
    // the witness is a real input on which both rules fire, and the upward rule wins by priority
    const overlap = findings[2];
    expect(overlap?.witness?.facts).toMatchObject({ sbp: 180, stable: true, visit: "follow_up" });
    expect(overlap?.winner).toBe("severe");
    expect(overlap?.severity).toBe("info");
    const decision = compileRuleSet(ruleSet).evaluate(overlap?.witness as never);
    expect(decision.fired.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["severe", "stable-down"]));
    expect(decision.action).toBe("refer_up");
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
    const overlap = findings.find((f) => f.kind === "precedence");
    expect(overlap?.ruleIds).toEqual(["mid", "absent-ok"]);
    expect(findings.filter((f) => f.kind === "conflict")).toEqual([]);
  });

  it("the four built-in sets lint with zero conflicts, zero never-fires, nothing shadowed or skipped", () => {
    for (const [id, ruleSet] of Object.entries(ruleSets)) {
      const { findings, skipped, skippedPairs } = lintRuleSet(ruleSet as unknown as RuleSet);
      expect(skipped, id).toEqual([]);
      expect(skippedPairs, id).toBe(0);
      expect(
        findings.filter((f) => f.kind !== "precedence").map((f) => [f.kind, ...f.ruleIds]),
        id,
      ).toEqual([]);
      // every overlap is settled, with a witness on which the engine takes the winner's outcome
      const engine = compileRuleSet(ruleSet as unknown as RuleSet);
      for (const finding of findings) {
        const decision = engine.evaluate(finding.witness as never);
        const fired = decision.fired.map((f) => f.ruleId);
        expect(fired).toEqual(expect.arrayContaining([...finding.ruleIds]));
        const winner = decision.fired.find((f) => f.ruleId === finding.winner);
        const loser = finding.ruleIds.find((r) => r !== finding.winner);
        expect(winner, `${id}: ${finding.ruleIds.join(" / ")}`).toBeDefined();
        // the loser never decides when the winner fires (another rule of the set may still outrank both)
        expect(decision.trace.at(-1)?.ruleId).not.toBe(loser);
      }
    }
  });

  it("the downward rules never fire for uncontrolled blood pressure (the source's 达标 criterion)", () => {
    const { findings } = lintRuleSet(ruleSets.hypertension);
    const withBp = findings.filter(
      (f) => f.ruleIds.includes("down-township-to-village") && f.ruleIds.some((r) => r.startsWith("bp-")),
    );
    expect(withBp).toEqual([]);
  });

  it("a planted conflict (same action, different urgency) is an error until one rule declares it yields", () => {
    const rules = [
      { id: "urgent", when: { fact: "sbp", op: "gte", value: 180 }, then: { ...up, urgency: "urgent" } },
      { id: "routine", when: { fact: "age", op: "lt", value: 30 }, then: up },
    ] as const;
    const conflict = lintRuleSet(defineRuleSet({ ...base, rules })).findings.filter((f) => f.kind === "conflict");
    expect(conflict.map((f) => [f.severity, ...f.ruleIds, f.winner])).toEqual([
      ["error", "urgent", "routine", "urgent"],
    ]);
    const declared = defineRuleSet({
      ...base,
      rules: [{ ...rules[0], overriddenBy: ["routine"] }, rules[1]],
    });
    const findings = lintRuleSet(declared).findings.filter((f) => f.ruleIds.includes("routine"));
    expect(findings.map((f) => [f.kind, f.winner])).toEqual([["precedence", "routine"]]);
    // and the engine honours the declaration
    const witness = findings[0]?.witness as never;
    expect(compileRuleSet(declared).evaluate(witness).urgency).toBe("routine");
    expect(compileRuleSet(defineRuleSet({ ...base, rules })).evaluate(witness).urgency).toBe("urgent");
  });

  it("overriddenBy must name other rules of the set, without a cycle", () => {
    const r = (id: string, overriddenBy?: string[]) => ({
      id,
      when: { fact: "sbp", op: "gte", value: 1 },
      then: up,
      ...(overriddenBy ? { overriddenBy } : {}),
    });
    const bad: [string, object[], string][] = [
      ["unknown", [r("a", ["zz"])], "rules[0].overriddenBy[0]"],
      ["self", [r("a", ["a"])], "rules[0].overriddenBy[0]"],
      ["cycle", [r("a", ["b"]), r("b", ["c"]), r("c", ["a"])], "rules[2].overriddenBy[0]"],
    ];
    for (const [name, rules, path] of bad) {
      expectCarekitError(() => compileRuleSet({ ...base, rules } as never), "RULE_COMPILE", path);
      expect(name).toBeTruthy();
    }
  });

  it("lints 1,000 rules over 64 facts (20,000 condition nodes, the compile limit) in under 5 s of CPU time", () => {
    const big = largeRuleSet();
    // CPU time of this process, not wall time: the machine running the tests may be shared
    const started = process.cpuUsage();
    const { findings, skipped, skippedPairs } = lintRuleSet(big);
    const used = process.cpuUsage(started);
    const seconds = (used.user + used.system) / 1e6;
    expect(skipped).toEqual([]);
    expect(skippedPairs).toBe(0);
    expect(findings.length).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(5);
  }, 120_000);

  it("stops at a stated budget and counts the pairs it did not analyse", () => {
    const { skippedPairs } = lintRuleSet(largeRuleSet(), { budget: 1000 });
    expect(skippedPairs).toBeGreaterThan(400_000);
    expect(skippedPairs).toBeLessThanOrEqual((1000 * 999) / 2);
  }, 60_000);

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
        expect(has("precedence", "wide", "down")).toBe(true);
        expect(has("precedence", "narrow", "down")).toBe(gap < 1);
        // the noise rules (refer_up with another follow-up) overlapping wide or narrow are real conflicts
        for (const f of findings.filter((x) => x.kind === "conflict")) expect(f.ruleIds[0]).toMatch(/^noise-/);
      }),
      { numRuns: 60, seed: 4 },
    );
  });
});

/**
 * A rule set at the compile limits: 1,000 rules, each an `all` of 19 leaves (1 + 19 nodes: 20,000 nodes in all) on
 * 64 facts — ranges on numbers, booleans and an enum — with random actions, from a fixed-seed generator.
 */
function largeRuleSet(): RuleSet {
  let seed = 20261201;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const facts: Record<string, { type: "number" | "boolean" | "string"; enum?: string[] }> = {};
  for (let k = 0; k < 64; k++) {
    facts[`f${k}`] =
      k % 8 === 7 ? { type: "string", enum: ["a", "b", "c"] } : k % 4 === 3 ? { type: "boolean" } : { type: "number" };
  }
  const actions = ["emergency_transfer", "refer_up", "refer_down", "manage_locally"] as const;
  const rules = Array.from({ length: 1000 }, (_, r) => {
    const names = Object.keys(facts)
      .sort(() => next() - 0.5)
      .slice(0, 19);
    const all = names.map((name) => {
      const spec = facts[name] as { type: string; enum?: string[] };
      if (spec.type === "boolean") return { fact: name, op: "eq", value: next() < 0.5 };
      if (spec.type === "string") return { fact: name, op: "in", value: [pick(spec.enum ?? [])] };
      const lo = Math.floor(next() * 100);
      return { fact: name, op: "between", value: [lo, lo + Math.floor(next() * 60)] };
    });
    const action = pick(actions);
    return {
      id: `r${r}`,
      when: { all },
      then: { action, urgency: pick(["routine", "urgent"] as const), reason: { zh: "测", en: "t" } },
    };
  });
  return { id: "large", version: "1", effectiveFrom: "2024-01-01", source: { title: "t" }, facts, rules } as RuleSet;
}
