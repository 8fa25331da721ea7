import { describe, expect, it } from "vitest";
import { calmPatient } from "./fixtures.js";
import {
  type CarekitError,
  compileRuleSet,
  type EvaluateInput,
  hypertension,
  isCarekitError,
  isSlipValid,
  issueReferralSlip,
  lintRuleSet,
  type RuleSet,
} from "./helpers.js";

/** A valid rule set as plain JSON — every bad case below changes one thing. */
function json(): Record<string, unknown> & { rules: Record<string, unknown>[]; facts: Record<string, unknown> } {
  return {
    id: "bad-input",
    version: "1",
    effectiveFrom: "2022-01-26",
    source: { title: "县域高血压分级诊疗技术方案", number: "国卫办医函〔2022〕34号" },
    facts: {
      sbp: { type: "number", unit: "mmHg" },
      pregnant: { type: "boolean" },
      visit: { type: "string", enum: ["first", "follow_up"] },
      lastVisit: { type: "date", required: false },
    },
    rules: [
      {
        id: "bp-severe",
        when: { fact: "sbp", op: "gte", value: 180 },
        then: { action: "refer_up", reason: { zh: "血压显著升高", en: "Markedly raised BP" } },
      },
    ],
  };
}

function withRule(patch: (rule: Record<string, unknown>) => void): unknown {
  const ruleSet = json();
  patch(ruleSet.rules[0] as Record<string, unknown>);
  return ruleSet;
}

function withWhen(when: unknown): unknown {
  return withRule((rule) => {
    rule.when = when;
  });
}

function deep(depth: number): unknown {
  let node: unknown = { fact: "sbp", op: "gte", value: 180 };
  for (let i = 0; i < depth; i++) node = { not: node };
  return node;
}

/** The same rule set as JSON text, its condition nested `depth` times (built as text: JSON.stringify would overflow). */
function deepText(depth: number): string {
  const text = JSON.stringify(withWhen("HOLE"));
  const when = `${'{"not":'.repeat(depth)}{"fact":"sbp","op":"gte","value":180}${"}".repeat(depth)}`;
  return text.replace('"HOLE"', when);
}

const compile = (ruleSet: unknown) => () => compileRuleSet(ruleSet as RuleSet);
const engine = compileRuleSet(hypertension);
const evaluate = (input: unknown) => () => engine.evaluate(input as EvaluateInput<typeof hypertension.facts>);
const good = { facts: calmPatient, at: "2024-11-30", level: "village_clinic" };
const dated = compileRuleSet(json() as unknown as RuleSet);

const cyclic = json();
const cycleWhen: Record<string, unknown> = { all: [] };
(cycleWhen.all as unknown[]).push(cycleWhen);
(cyclic.rules[0] as Record<string, unknown>).when = cycleWhen;

type Case = [label: string, call: () => unknown, code: string, path: string];

const cases: Case[] = [
  // rule sets (untrusted JSON) → RULE_COMPILE
  [
    "unknown operator",
    compile(withWhen({ fact: "sbp", op: "contains", value: 180 })),
    "RULE_COMPILE",
    "rules[0].when.op",
  ],
  [
    "string compared with a number",
    compile(withWhen({ fact: "sbp", op: "gte", value: "180" })),
    "RULE_COMPILE",
    "rules[0].when.value",
  ],
  ["unknown fact", compile(withWhen({ fact: "spb", op: "gte", value: 180 })), "RULE_COMPILE", "rules[0].when.fact"],
  [
    "operator unfit for a boolean",
    compile(withWhen({ fact: "pregnant", op: "gte", value: 1 })),
    "RULE_COMPILE",
    "rules[0].when.op",
  ],
  [
    "boolean compared with a string",
    compile(withWhen({ fact: "pregnant", op: "eq", value: "yes" })),
    "RULE_COMPILE",
    "rules[0].when.value",
  ],
  [
    "between reversed",
    compile(withWhen({ fact: "sbp", op: "between", value: [200, 100] })),
    "RULE_COMPILE",
    "rules[0].when.value",
  ],
  [
    "between with three bounds",
    compile(withWhen({ fact: "sbp", op: "between", value: [1, 2, 3] })),
    "RULE_COMPILE",
    "rules[0].when.value",
  ],
  [
    "value outside the enum",
    compile(withWhen({ fact: "visit", op: "eq", value: "second" })),
    "RULE_COMPILE",
    "rules[0].when.value",
  ],
  [
    "in with an empty list",
    compile(withWhen({ fact: "visit", op: "in", value: [] })),
    "RULE_COMPILE",
    "rules[0].when.value",
  ],
  [
    "negative withinDays",
    compile(withWhen({ fact: "lastVisit", op: "withinDays", value: -1 })),
    "RULE_COMPILE",
    "rules[0].when.value",
  ],
  [
    "date compared with a non-date",
    compile(withWhen({ fact: "lastVisit", op: "lt", value: "2024-02-30" })),
    "RULE_COMPILE",
    "rules[0].when.value",
  ],
  ["both all and fact", compile(withWhen({ all: [], fact: "sbp" })), "RULE_COMPILE", "rules[0].when"],
  ["leaf without value", compile(withWhen({ fact: "sbp", op: "gte" })), "RULE_COMPILE", "rules[0].when"],
  [
    "Infinity value",
    compile(withWhen({ fact: "sbp", op: "gte", value: Number.POSITIVE_INFINITY })),
    "RULE_COMPILE",
    "rules[0].when.value",
  ],
  [
    "function value",
    compile(withWhen({ fact: "sbp", op: "gte", value: () => 180 })),
    "RULE_COMPILE",
    "rules[0].when.value",
  ],
  ["cyclic condition", compile(cyclic), "RULE_COMPILE", "rules[0].when.all[0]"],
  ["10,000-deep nesting", compile(withWhen(deep(10_000))), "RULE_COMPILE", `rules[0].when${".not".repeat(77)}`],
  [
    "10,000-deep nesting from JSON text",
    compile(JSON.parse(deepText(10_000))),
    "RULE_COMPILE",
    `rules[0].when${".not".repeat(77)}`,
  ],
  ["33-deep conditions", compile(withWhen(deep(33))), "RULE_COMPILE", `rules[0].when${".not".repeat(32)}`],
  ["__proto__ key", compile(JSON.parse('{"id":"x","__proto__":{"polluted":true}}')), "RULE_COMPILE", "__proto__"],
  [
    "__proto__ fact name",
    compile(JSON.parse(JSON.stringify(json()).replace('"sbp":{', '"__proto__":{'))),
    "RULE_COMPILE",
    "facts.__proto__",
  ],
  [
    "constructor key in a rule",
    compile(
      withRule((rule) => {
        Object.assign(rule, JSON.parse('{"constructor":{"prototype":{}}}'));
      }),
    ),
    "RULE_COMPILE",
    "rules[0].constructor",
  ],
  [
    "prototype key in then",
    compile(
      withRule((rule) => {
        rule.then = { ...(rule.then as object), prototype: 1 };
      }),
    ),
    "RULE_COMPILE",
    "rules[0].then.prototype",
  ],
  [
    "duplicate rule id",
    compile({ ...json(), rules: [json().rules[0], json().rules[0]] }),
    "RULE_COMPILE",
    "rules[1].id",
  ],
  [
    "missing then",
    compile(
      withRule((rule) => {
        delete rule.then;
      }),
    ),
    "RULE_COMPILE",
    "rules[0].then",
  ],
  [
    "unknown action",
    compile(
      withRule((rule) => {
        rule.then = { action: "discharge", reason: { zh: "出院", en: "x" } };
      }),
    ),
    "RULE_COMPILE",
    "rules[0].then.action",
  ],
  [
    "unknown level",
    compile(
      withRule((rule) => {
        rule.levels = ["clinic"];
      }),
    ),
    "RULE_COMPILE",
    "rules[0].levels[0]",
  ],
  [
    "unknown key in a rule",
    compile(
      withRule((rule) => {
        rule.priority = 1;
      }),
    ),
    "RULE_COMPILE",
    "rules[0]",
  ],
  ["no rules", compile({ ...json(), rules: [] }), "RULE_COMPILE", "rules"],
  [
    "absurd number of rules",
    compile({ ...json(), rules: Array.from({ length: 1001 }, (_, i) => ({ ...json().rules[0], id: `r${i}` })) }),
    "RULE_COMPILE",
    "rules",
  ],
  ["invalid effectiveFrom", compile({ ...json(), effectiveFrom: "2022-02-30" }), "RULE_COMPILE", "effectiveFrom"],
  [
    "effectiveTo before effectiveFrom",
    compile({ ...json(), effectiveTo: "2021-12-31" }),
    "RULE_COMPILE",
    "effectiveTo",
  ],
  ["unknown fact type", compile({ ...json(), facts: { sbp: { type: "float" } } }), "RULE_COMPILE", "facts.sbp.type"],
  [
    "enum on a number fact",
    compile({ ...json(), facts: { ...json().facts, sbp: { type: "number", enum: ["1"] } } }),
    "RULE_COMPILE",
    "facts.sbp.enum",
  ],
  ["rule set is null", compile(null), "RULE_COMPILE", ""],
  // facts and evaluation input → INVALID_INPUT
  [
    "fact of the wrong type",
    evaluate({ ...good, facts: { ...calmPatient, sbp: "186" } }),
    "INVALID_INPUT",
    "facts.sbp",
  ],
  [
    "missing required fact",
    evaluate({ ...good, facts: { ...calmPatient, dbp: undefined } }),
    "INVALID_INPUT",
    "facts.dbp",
  ],
  ["NaN fact", evaluate({ ...good, facts: { ...calmPatient, sbp: Number.NaN } }), "INVALID_INPUT", "facts.sbp"],
  [
    "fractional integer fact",
    evaluate({ ...good, facts: { ...calmPatient, fullDoseDrugCount: 2.5 } }),
    "INVALID_INPUT",
    "facts.fullDoseDrugCount",
  ],
  [
    "value outside the fact's enum",
    evaluate({ ...good, facts: { ...calmPatient, visit: "second" } }),
    "INVALID_INPUT",
    "facts.visit",
  ],
  [
    "list fact not a list",
    evaluate({ ...good, facts: { ...calmPatient, symptoms: "vomiting" } }),
    "INVALID_INPUT",
    "facts.symptoms",
  ],
  [
    "list fact with a number",
    evaluate({ ...good, facts: { ...calmPatient, symptoms: [1] } }),
    "INVALID_INPUT",
    "facts.symptoms[0]",
  ],
  ["unknown fact key", evaluate({ ...good, facts: { ...calmPatient, spb: 186 } }), "INVALID_INPUT", "facts"],
  [
    "__proto__ key in facts",
    evaluate({ ...good, facts: JSON.parse(JSON.stringify(calmPatient).replace("{", '{"__proto__":{"x":1},')) }),
    "INVALID_INPUT",
    "facts",
  ],
  ["facts null", evaluate({ ...good, facts: null }), "INVALID_INPUT", "facts"],
  [
    "invalid date fact",
    () =>
      dated.evaluate({
        facts: { sbp: 1, pregnant: false, visit: "first", lastVisit: "2024-02-30" },
        at: "2024-03-01",
        level: "village_clinic",
      }),
    "INVALID_INPUT",
    "facts.lastVisit",
  ],
  ["invalid evaluation date", evaluate({ ...good, at: "30/11/2024" }), "INVALID_INPUT", "at"],
  ["unknown level", evaluate({ ...good, level: "clinic" }), "INVALID_INPUT", "level"],
  ["extra key in the input", evaluate({ ...good, now: "2024-11-30" }), "INVALID_INPUT", ""],
  ["input undefined", evaluate(undefined), "INVALID_INPUT", ""],
  // slips and lint
  [
    "slip for manage_locally",
    () =>
      issueReferralSlip({
        from: { level: "village_clinic", name: "村卫生室" },
        to: { level: "county_hospital", name: "县医院" },
        patientId: "p",
        decision: engine.evaluate(good as EvaluateInput<typeof hypertension.facts>),
        issuedOn: "2024-11-30",
        validDays: 10,
      }),
    "INVALID_INPUT",
    "decision.action",
  ],
  [
    "slip valid for 0 days",
    () =>
      issueReferralSlip({
        from: { level: "village_clinic", name: "村卫生室" },
        to: { level: "county_hospital", name: "县医院" },
        patientId: "p",
        decision: engine.evaluate({ ...good, facts: { ...calmPatient, sbp: 190 } } as EvaluateInput<
          typeof hypertension.facts
        >),
        issuedOn: "2024-11-30",
        validDays: 0,
      }),
    "INVALID_INPUT",
    "validDays",
  ],
  ["slip checked on a bad date", () => isSlipValid({} as never, "2024-13-01"), "INVALID_DATE", "on"],
  ["slip not a slip", () => isSlipValid({ patientId: "p" } as never, "2024-12-01"), "INVALID_INPUT", "slip.from"],
  ["lint with a bad reference date", () => lintRuleSet(hypertension, { at: "soon" }), "INVALID_DATE", "at"],
];

describe("bad input gives CarekitError with code, path and a Chinese message", () => {
  it("has at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)("%s", (_label, call, code, path) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).not.toBeInstanceOf(TypeError);
    expect(isCarekitError(thrown)).toBe(true);
    const error = thrown as CarekitError;
    expect(error.code).toBe(code);
    expect(error.issues[0]?.path).toBe(path);
    expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
});
