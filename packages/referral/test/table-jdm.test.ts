import { readFileSync } from "node:fs";
import { expectCarekitError } from "@carekit/test-utils";
import { ZenEngine } from "@gorules/zen-engine";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { compileRuleSet, ruleSets, tableFromJdm, tableToRuleSet } from "../src/index.js";
import { patientArbitrary } from "./table-arbitraries.js";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./tables/${name}`, import.meta.url), "utf8")) as Record<string, unknown>;
const meta = { effectiveFrom: "2024-01-01" };
const zen = new ZenEngine();
afterAll(() => zen.dispose());

/** One decision of the ZEN graph: the rows' outputs (`first`: one object, `{}` when none; `collect`: a list). */
async function zenResult(jdm: unknown, facts: Record<string, unknown>): Promise<unknown> {
  const decision = zen.createDecision(jdm as never);
  return (await decision.evaluate(facts)).result;
}

describe("GoRules JDM import agrees with @gorules/zen-engine", () => {
  it("hypertension-referral (hit policy first): the same chosen row and outcome on 5,000 random patients", async () => {
    const jdm = fixture("hypertension-referral.jdm.json");
    const table = tableFromJdm({ jdm, meta });
    expect(table.hitPolicy).toBe("first");
    expect(table.facts.sbp).toEqual({ type: "number", required: false });
    expect(table.facts.visit).toEqual({ type: "string", required: false });
    const ruleSet = tableToRuleSet(table);
    const engine = compileRuleSet(ruleSet);
    const decision = zen.createDecision(jdm as never);
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(patientArbitrary(ruleSet), async ({ facts }) => {
        const ours = engine.evaluate({ facts: facts as never, at: "2024-06-01", level: "village_clinic" });
        const theirs = (await decision.evaluate(facts)).result as Record<string, unknown>;
        const winner = ours.fired.length === 0 ? undefined : ours.trace.at(-1)?.ruleId;
        seen.add(String(winner));
        expect(winner).toBe(theirs.id);
        if (winner !== undefined) {
          expect(ours.action).toBe(theirs.action);
          expect(ours.urgency).toBe(theirs.urgency ?? "routine");
          expect(ours.targetLevel).toBe(theirs.targetLevel ?? null);
          expect(ours.followUpDays).toBe(theirs.followUpDays ?? null);
        }
      }),
      { numRuns: 5000, seed: 20261204 },
    );
    // every row was chosen by some patient
    expect([...seen].sort()).toEqual([...new Set(ruleSet.rules.map((r) => r.id))].sort());
  }, 60_000);

  it("diabetes-collect (hit policy collect): the same hit rows on 2,000 random patients", async () => {
    const jdm = fixture("diabetes-collect.jdm.json");
    const table = tableFromJdm({ jdm, meta });
    expect(table.hitPolicy).toBe("collect");
    const ruleSet = tableToRuleSet(table);
    const engine = compileRuleSet(ruleSet);
    const decision = zen.createDecision(jdm as never);
    const hits = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(patientArbitrary(ruleSet), async ({ facts }) => {
        const ours = engine.evaluate({ facts: facts as never, at: "2024-06-01", level: "village_clinic" });
        const theirs = (await decision.evaluate(facts)).result as { id: string }[];
        expect(ours.fired.map((f) => f.ruleId)).toEqual(theirs.map((row) => row.id));
        for (const f of ours.fired) hits.set(f.ruleId, (hits.get(f.ruleId) ?? 0) + 1);
      }),
      { numRuns: 2000, seed: 20261205 },
    );
    expect([...hits.keys()].sort()).toEqual(ruleSet.rules.map((r) => r.id).sort());
  }, 60_000);

  it("the example of the JDM format ZEN publishes (a table on a field, ranges with _ separators) reads the same", async () => {
    const jdm = {
      contentType: "application/vnd.gorules.decision",
      nodes: [
        { id: "in", type: "inputNode", name: "Request" },
        {
          id: "t",
          type: "decisionTableNode",
          name: "fees",
          content: {
            hitPolicy: "first",
            inputs: [
              { id: "a", name: "Total", field: "total" },
              { id: "b", name: "Country", field: "country" },
            ],
            outputs: [
              { id: "o", name: "id", field: "id" },
              { id: "p", name: "action", field: "action" },
              { id: "z", name: "zh", field: "reason.zh" },
              { id: "e", name: "en", field: "reason.en" },
            ],
            rules: [
              { _id: "r1", a: ">= 1_000", b: '"GB", "IE"', o: '"high-uk"', p: '"refer_up"', z: '"甲"', e: '"a"' },
              { _id: "r2", a: "[500..1_000)", b: "", o: '"mid"', p: '"refer_down"', z: '"乙"', e: '"b"' },
              { _id: "r3", a: "", b: "", o: '"rest"', p: '"manage_locally"', z: '"丙"', e: '"c"' },
            ],
          },
        },
        { id: "out", type: "outputNode", name: "Response" },
      ],
      edges: [
        { id: "e1", sourceId: "in", targetId: "t", type: "edge" },
        { id: "e2", sourceId: "t", targetId: "out", type: "edge" },
      ],
    };
    const engine = compileRuleSet(tableToRuleSet(tableFromJdm({ jdm, meta })));
    for (const facts of [
      { total: 1000, country: "GB" },
      { total: 999.5, country: "IE" },
      { total: 500 },
      { total: 1, country: "US" },
      {},
    ]) {
      const theirs = (await zenResult(jdm, facts)) as { id?: string };
      const ours = engine.evaluate({ facts: facts as never, at: "2024-06-01", level: "village_clinic" });
      expect(ours.trace.at(-1)?.ruleId).toBe(theirs.id);
    }
  });
});

describe("JDM outside the subset is refused, with the node, row and column named", () => {
  it("a contains($, …) cell: TABLE_UNSUPPORTED naming rule 2 (_id unsupported-cell-03) and the column 症状", () => {
    const error = expectCarekitError(
      () => tableFromJdm({ jdm: fixture("unsupported-cell.jdm.json"), meta }),
      "TABLE_UNSUPPORTED",
      'nodes[1].content.rules[2]["in-symptoms"]',
    );
    expect(error.message).toContain('rule 2 (_id unsupported-cell-03), input column "症状"');
    expect(error.message).toContain("contains");
    expect(error.messageZh).toContain("第 2 条规则（_id unsupported-cell-03）");
  });

  const base = fixture("hypertension-referral.jdm.json") as { nodes: Record<string, unknown>[] };
  const content = base.nodes[1]?.content as { inputs: Record<string, unknown>[]; rules: Record<string, unknown>[] };
  const variant = (edit: (c: typeof content) => void, nodes?: Record<string, unknown>[]) => {
    const copy = structuredClone(content);
    edit(copy);
    return { ...base, nodes: [...(nodes ?? []), base.nodes[0], { ...base.nodes[1], content: copy }, base.nodes[2]] };
  };

  it.each([
    [
      "some(…)",
      (c: typeof content) => {
        (c.rules[1] as Record<string, unknown>)["in-sbp"] = "some($, # > 3)";
      },
      "TABLE_UNSUPPORTED",
      "rules[1]",
    ],
    [
      "an expression field",
      (c: typeof content) => {
        (c.inputs[1] as Record<string, unknown>).field = "sum(map(readings, #.sbp))";
      },
      "TABLE_UNSUPPORTED",
      "inputs[1].field",
    ],
    [
      "a nested field",
      (c: typeof content) => {
        (c.inputs[1] as Record<string, unknown>).field = "patient.sbp";
      },
      "TABLE_UNSUPPORTED",
      "inputs[1].field",
    ],
    [
      "an expression output",
      (c: typeof content) => {
        (c.rules[0] as Record<string, unknown>)["out-followUpDays"] = "7 * 2";
      },
      "TABLE_UNSUPPORTED",
      "rules[0]",
    ],
    [
      "an unknown output",
      (c: typeof content) => {
        (c as unknown as { outputs: Record<string, unknown>[] }).outputs[0] = {
          id: "out-id",
          name: "Price",
          field: "price",
        };
      },
      "TABLE_UNSUPPORTED",
      "outputs[0].field",
    ],
    [
      "a bad cell",
      (c: typeof content) => {
        (c.rules[1] as Record<string, unknown>)["in-sbp"] = "<< 3";
      },
      "RULE_COMPILE",
      "rules[1]",
    ],
    [
      "a ]a..b[ range",
      (c: typeof content) => {
        (c.rules[1] as Record<string, unknown>)["in-sbp"] = "]1..3[";
      },
      "TABLE_UNSUPPORTED",
      "rules[1]",
    ],
    [
      "not(…)",
      (c: typeof content) => {
        (c.rules[1] as Record<string, unknown>)["in-sbp"] = "not(< 3)";
      },
      "TABLE_UNSUPPORTED",
      "rules[1]",
    ],
    [
      "an unquoted name",
      (c: typeof content) => {
        (c.rules[3] as Record<string, unknown>)["in-visit"] = "first";
      },
      "TABLE_UNSUPPORTED",
      "rules[3]",
    ],
    [
      "a hit policy unique",
      (c: typeof content) => {
        (c as unknown as Record<string, unknown>).hitPolicy = "unique";
      },
      "TABLE_UNSUPPORTED",
      "hitPolicy",
    ],
  ])("%s", (_label, edit, code, path) => {
    const error = expectCarekitError(() => tableFromJdm({ jdm: variant(edit), meta }), code);
    expect(error.issues[0]?.path).toContain(`content.${path}`);
  });

  it.each(["expressionNode", "functionNode", "switchNode"])("a %s: TABLE_UNSUPPORTED naming the node", (type) => {
    const jdm = variant(() => undefined, [{ id: "n1", type, name: "compute", content: {} }]);
    expect(() => tableFromJdm({ jdm, meta })).toThrow(`node "compute" is a ${type}`);
  });

  it("a list (string[]) fact tested in a JDM cell: TABLE_UNSUPPORTED (ZEN compares a list with =)", () => {
    const jdm = variant((c) => {
      c.inputs[1] = { id: "in-sbp", name: "症状", field: "symptoms" };
      (c.rules[1] as Record<string, unknown>)["in-sbp"] = '"vomiting"';
    });
    const error = expectCarekitError(
      () => tableFromJdm({ jdm, meta, facts: ruleSets.hypertension.facts }),
      "TABLE_UNSUPPORTED",
    );
    expect(error.issues[0]?.path).toContain("content.rules[1]");
    expect(error.message).toContain("contains($, …)");
  });

  it("a JDM file whose facts are given: unknown fields are refused, Chinese labels are not needed", () => {
    const jdm = fixture("hypertension-referral.jdm.json");
    expectCarekitError(
      () => tableFromJdm({ jdm, meta, facts: ruleSets.diabetes.facts }),
      "RULE_COMPILE",
      "nodes[1].content.inputs[0].field",
    );
    const table = tableFromJdm({ jdm, meta, facts: ruleSets.hypertension.facts });
    expect(table.facts).toEqual(ruleSets.hypertension.facts);
  });
});
