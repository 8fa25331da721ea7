import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Condition,
  compileRuleSet,
  type Decision,
  type DecisionTable,
  type RuleSet,
  ruleSets,
  ruleSetToTable,
  tableFromCsv,
  tableToCsv,
  tableToRuleSet,
} from "../src/index.js";
import { ruleSetArbitrary } from "./reference/arbitraries.js";
import { patientArbitrary } from "./table-arbitraries.js";

/** What a decision says, without the evidence's wording: action, target, urgency, follow-up, winner, fired rules. */
function summary(decision: Decision) {
  return {
    action: decision.action,
    targetLevel: decision.targetLevel,
    urgency: decision.urgency,
    followUpDays: decision.followUpDays,
    winner: decision.trace.at(-1)?.ruleId ?? null,
    fired: decision.fired.map((f) => [f.ruleId, f.reason.zh, f.reason.en]),
  };
}

function outcome(run: () => Decision) {
  try {
    return summary(run());
  } catch (error) {
    return { code: (error as { code?: unknown }).code };
  }
}

/** The same decisions from two rule sets on `runs` random patients of the first one (fixed seed). */
function expectSameDecisions(a: RuleSet, b: RuleSet, runs: number, seed: number): Set<string> {
  const left = compileRuleSet(a);
  const right = compileRuleSet(b);
  const fired = new Set<string>();
  fc.assert(
    fc.property(patientArbitrary(a), (input) => {
      const expected = outcome(() => left.evaluate(input as never));
      expect(outcome(() => right.evaluate(input as never))).toEqual(expected);
      for (const [id] of "fired" in expected ? expected.fired : []) fired.add(id as string);
    }),
    { numRuns: runs, seed },
  );
  return fired;
}

describe("rule set → decision table → rule set: the same decisions", () => {
  for (const [name, ruleSet] of Object.entries(ruleSets) as unknown as [string, RuleSet][]) {
    it(`${name}: 10,000 random patients`, () => {
      const table = ruleSetToTable(ruleSet);
      const back = tableToRuleSet(table);
      expect(back.rules.map((r) => r.id)).toEqual(ruleSet.rules.map((r) => r.id));
      const fired = expectSameDecisions(ruleSet, back, 10_000, 20261201);
      // the patients reach (nearly) every rule, so agreeing means something
      expect(fired.size).toBeGreaterThanOrEqual(Math.ceil(ruleSet.rules.length * 0.9));
    });

    it(`${name}: through CSV with Chinese headers, BOM and CRLF, 2,000 random patients`, () => {
      const csv = tableToCsv(ruleSetToTable(ruleSet), { headers: "zh" });
      expect(csv.startsWith("\uFEFF")).toBe(true);
      expect(csv).toContain("\r\n");
      const table = tableFromCsv({
        csv: `${csv},,,\r\n\r\n`,
        facts: ruleSet.facts,
        meta: { ...ruleSet, id: ruleSet.id },
      });
      expectSameDecisions(ruleSet, tableToRuleSet(table), 2_000, 20261202);
    });
  }

  it("generated rule sets (every operator, not/any/all, optional facts, levels, overriddenBy): 300 sets × 30 patients", () => {
    let tables = 0;
    fc.assert(
      fc.property(ruleSetArbitrary, fc.integer(), (ruleSet, seed) => {
        let table: DecisionTable;
        try {
          table = ruleSetToTable(ruleSet);
        } catch (error) {
          // only a condition that expands beyond the row budget may be refused
          expect((error as { code?: string }).code).toBe("TABLE_UNSUPPORTED");
          return;
        }
        tables += 1;
        expectSameDecisions(ruleSet, tableToRuleSet(table), 30, seed);
      }),
      { numRuns: 300, seed: 20261203 },
    );
    expect(tables).toBeGreaterThan(250);
  }, 120_000);
});

/** A condition with each `all`'s children in a canonical order (a table orders a row's tests by column). */
function canonical(node: Condition): unknown {
  if ("all" in node)
    return { all: node.all.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
  if ("any" in node) return { any: node.any.map(canonical) };
  if ("not" in node) return { not: canonical(node.not) };
  return node;
}

describe("a built-in rule set through a table is the same rule set", () => {
  for (const [name, ruleSet] of Object.entries(ruleSets) as unknown as [string, RuleSet][]) {
    it(`${name}: the same rules, outcomes and conditions (up to the order of a row's tests)`, () => {
      const back = tableToRuleSet(ruleSetToTable(ruleSet));
      expect(back.rules.map((r) => ({ ...r, when: canonical(r.when) }))).toEqual(
        ruleSet.rules.map((r) => ({ ...r, when: canonical(r.when) })),
      );
      expect(back.facts).toEqual(ruleSet.facts);
    });
  }
});

describe("hit policies", () => {
  const table = (hitPolicy: "first" | "collect"): DecisionTable => ({
    id: "bp",
    version: "1",
    effectiveFrom: "2024-01-01",
    source: { title: "test" },
    facts: { sbp: { type: "number" } },
    hitPolicy,
    inputs: ["sbp"],
    rows: [
      {
        id: "high",
        cells: [">= 140"],
        then: { action: "manage_locally", followUpDays: 14, reason: { zh: "未控制", en: "uncontrolled" } },
      },
      { id: "very-high", cells: [">= 180"], then: { action: "refer_up", reason: { zh: "很高", en: "very high" } } },
    ],
  });
  const at = "2024-06-01";
  const level = "village_clinic" as const;

  it("first: the first matching row decides, later rows yield to it (all matching rows still fire)", () => {
    const d = compileRuleSet(tableToRuleSet(table("first"))).evaluate({ facts: { sbp: 190 }, at, level });
    expect(d.action).toBe("manage_locally");
    expect(d.followUpDays).toBe(14);
    expect(d.fired.map((f) => f.ruleId)).toEqual(["high", "very-high"]);
    expect(tableToRuleSet(table("first")).rules[1]?.overriddenBy).toEqual(["high"]);
  });

  it("collect: every matching row fires and the rule model's priority decides", () => {
    const d = compileRuleSet(tableToRuleSet(table("collect"))).evaluate({ facts: { sbp: 190 }, at, level });
    expect(d.action).toBe("refer_up");
    expect(d.fired.map((f) => f.ruleId)).toEqual(["high", "very-high"]);
  });

  it("an all-any row always fires", () => {
    const t = table("first");
    const always = {
      ...t,
      rows: [
        ...t.rows,
        {
          id: "else",
          cells: [""],
          then: { action: "manage_locally" as const, reason: { zh: "其他", en: "otherwise" } },
        },
      ],
    };
    const d = compileRuleSet(tableToRuleSet(always)).evaluate({ facts: { sbp: 100 }, at, level });
    expect(d.fired.map((f) => f.ruleId)).toEqual(["else"]);
  });
});
