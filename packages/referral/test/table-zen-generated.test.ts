/**
 * Generated JDM decision tables against @gorules/zen-engine: random cells from every unary test of the subset
 * (comparisons, ranges with each bracket, lists, `!=`, `not in`, `null`, `!= null`, `1_000` separators) on number,
 * boolean and string inputs, hit policy first or collect, and random inputs with absent fields — ZEN and carekit must
 * hit the same rows.
 */
import { ZenEngine } from "@gorules/zen-engine";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { compileRuleSet, tableFromJdm, tableToRuleSet } from "../src/index.js";

const zen = new ZenEngine();
afterAll(() => zen.dispose());

const K = ["-1", "0", "1.5", "2", "3", "1_000"] as const;
const value = (k: string) => Number(k.replaceAll("_", ""));
const numberCell = fc.oneof(
  fc.constant(""),
  fc.tuple(fc.constantFrom("<", "<=", ">", ">="), fc.constantFrom(...K)).map(([op, k]) => `${op} ${k}`),
  fc
    .tuple(fc.constantFrom("[", "("), fc.constantFrom(...K), fc.constantFrom(...K), fc.constantFrom("]", ")"))
    .map(([open, a, b, close]) => {
      const [low, high] = value(a) <= value(b) ? [a, b] : [b, a];
      return `${open}${low}..${high}${close}`;
    }),
  fc.constantFrom(...K),
  fc.tuple(fc.constantFrom(...K), fc.constantFrom(...K)).map(([a, b]) => `${a}, ${b}`),
  fc.constantFrom(...K).map((k) => `!= ${k}`),
  fc.tuple(fc.constantFrom(...K), fc.constantFrom(...K)).map(([a, b]) => `not in [${a}, ${b}]`),
  fc.constantFrom("null", "!= null"),
  fc.constantFrom(...K).map((k) => `null, > ${k}`),
);
const booleanCell = fc.constantFrom("", "true", "false", "null", "!= null", "!= true", "true, false");
const stringCell = fc.constantFrom("", '"a"', '"a", "b"', '!= "a"', 'not in ["a", "b"]', "null", "!= null");
const ACTIONS = ["emergency_transfer", "refer_up", "refer_down", "manage_locally"] as const;
const FIELDS = [
  ["n1", numberCell],
  ["n2", numberCell],
  ["flag", booleanCell],
  ["kind", stringCell],
] as const;

/** The inputs' declarations (a column of empty cells says nothing of its type), all optional as ZEN's inputs are. */
const FACTS = {
  n1: { type: "number", required: false },
  n2: { type: "number", required: false },
  flag: { type: "boolean", required: false },
  kind: { type: "string", required: false },
} as const;

const tableArbitrary = fc.record({
  hitPolicy: fc.constantFrom("first", "collect"),
  rows: fc.array(
    fc.record({ cells: fc.tuple(...FIELDS.map(([, cell]) => cell)), action: fc.constantFrom(...ACTIONS) }),
    { minLength: 1, maxLength: 6 },
  ),
});

const inputArbitrary = fc.record(
  {
    n1: fc.constantFrom(-1, 0, 1, 1.5, 2, 2.5, 3, 999, 1000, 1001),
    n2: fc.constantFrom(-1, 0, 1.5, 2, 3, 1000),
    flag: fc.boolean(),
    kind: fc.constantFrom("a", "b", "c"),
  },
  { requiredKeys: [] },
);

type GeneratedTable = typeof tableArbitrary extends fc.Arbitrary<infer T> ? T : never;

function jdmOf(table: GeneratedTable) {
  return {
    contentType: "application/vnd.gorules.decision",
    nodes: [
      { id: "in", type: "inputNode", name: "Request" },
      {
        id: "t",
        type: "decisionTableNode",
        name: "generated",
        content: {
          hitPolicy: table.hitPolicy,
          inputs: FIELDS.map(([field]) => ({ id: `i-${field}`, name: field, field })),
          outputs: [
            { id: "o-id", name: "id", field: "id" },
            { id: "o-action", name: "action", field: "action" },
            { id: "o-zh", name: "理由", field: "reason.zh" },
            { id: "o-en", name: "reason", field: "reason.en" },
          ],
          rules: table.rows.map((row, r) => ({
            _id: `row-${r}`,
            ...Object.fromEntries(FIELDS.map(([field], c) => [`i-${field}`, row.cells[c]])),
            "o-id": `"r${r}"`,
            "o-action": `"${row.action}"`,
            "o-zh": `"行 ${r}"`,
            "o-en": `"row ${r}"`,
          })),
        },
      },
      { id: "out", type: "outputNode", name: "Response" },
    ],
    edges: [
      { id: "e1", sourceId: "in", targetId: "t", type: "edge" },
      { id: "e2", sourceId: "t", targetId: "out", type: "edge" },
    ],
  };
}

describe("generated JDM tables: carekit hits the rows ZEN hits", () => {
  it("400 tables × 10 inputs (every unary test of the subset, absent inputs, first and collect)", async () => {
    let compared = 0;
    let hits = 0;
    await fc.assert(
      fc.asyncProperty(
        tableArbitrary,
        fc.array(inputArbitrary, { minLength: 10, maxLength: 10 }),
        async (table, inputs) => {
          const jdm = jdmOf(table);
          const engine = compileRuleSet(
            tableToRuleSet(tableFromJdm({ jdm, facts: FACTS, meta: { effectiveFrom: "2024-01-01" } })),
          );
          const decision = zen.createDecision(jdm as never);
          for (const facts of inputs) {
            const ours = engine.evaluate({ facts: facts as never, at: "2024-06-01", level: "village_clinic" });
            const theirs = (await decision.evaluate(facts)).result as { id?: string } | { id: string }[];
            if (table.hitPolicy === "collect") {
              expect(
                ours.fired.map((f) => f.ruleId),
                JSON.stringify({ facts, table }),
              ).toEqual((theirs as { id: string }[]).map((row) => row.id));
            } else {
              const winner = ours.fired.length === 0 ? undefined : ours.trace.at(-1)?.ruleId;
              expect(winner, JSON.stringify({ facts, table })).toBe((theirs as { id?: string }).id);
            }
            compared += 1;
            if (ours.fired.length > 0) hits += 1;
          }
        },
      ),
      { numRuns: 400, seed: 20261206 },
    );
    expect(compared).toBe(4000);
    expect(hits).toBeGreaterThan(1000);
  }, 120_000);
});
