import { describe, expect, it } from "vitest";
import { calmPatient as patient } from "./fixtures.js";
import {
  compileRuleSet,
  defineRuleSet,
  type EvaluateInput,
  hypertension,
  isCarekitErrorLike,
  type DecisionTraceStep as TraceStep,
} from "./helpers.js";

const followUp = defineRuleSet({
  id: "follow-up-demo",
  version: "1",
  effectiveFrom: "2024-01-01",
  source: { title: "国家基本公共卫生服务规范（第三版）" },
  facts: {
    sbp: { type: "number", unit: "mmHg" },
    lastVisit: { type: "date", required: false },
    drugs: { type: "string[]" },
    sex: { type: "string", enum: ["female", "male"] },
    pregnant: { type: "boolean" },
  },
  rules: [
    {
      id: "overdue",
      when: {
        all: [{ fact: "lastVisit", op: "olderThanDays", value: 90 }, { not: { fact: "sbp", op: "lt", value: 140 } }],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        reason: { zh: "超过 90 天未随访且血压未控制", en: "No visit for 90 days and BP uncontrolled" },
      },
    },
    {
      id: "recent-ok",
      when: {
        all: [
          { fact: "lastVisit", op: "withinDays", value: 30 },
          { fact: "sbp", op: "between", value: [90, 139] },
        ],
      },
      then: {
        action: "manage_locally",
        followUpDays: 90,
        reason: { zh: "近期已随访且血压达标", en: "Seen recently, BP controlled" },
      },
    },
    {
      id: "pregnant-ace",
      when: {
        all: [
          { fact: "sex", op: "eq", value: "female" },
          { fact: "pregnant", op: "eq", value: true },
          { fact: "drugs", op: "includesAny", value: ["enalapril", "losartan"] },
        ],
      },
      then: {
        action: "refer_up",
        targetLevel: "county_hospital",
        urgency: "urgent",
        reason: { zh: "妊娠期使用 ACEI/ARB", en: "ACEI/ARB in pregnancy" },
      },
    },
    {
      id: "no-visit-record",
      when: { fact: "lastVisit", op: "exists", value: false },
      then: { action: "manage_locally", followUpDays: 14, reason: { zh: "无随访记录", en: "No visit on record" } },
    },
  ],
});

describe("compileRuleSet / evaluate", () => {
  it("compiles and evaluates", () => {
    //#region example
    const engine = compileRuleSet(followUp);
    const decision = engine.evaluate({
      facts: { sbp: 152, lastVisit: "2024-01-15", drugs: ["amlodipine"], sex: "male", pregnant: false },
      at: "2024-05-01",
      level: "village_clinic",
    });
    expect(decision.action).toBe("refer_up");
    expect(decision.fired.map((fired) => fired.ruleId)).toEqual(["overdue"]);
    expect(decision.trace.map((step) => step.step)).toEqual(["rule", "decision"]);
    //#endregion example
  });

  it("reports evidence under all, any and not, and for dates", () => {
    //#region evidence
    const engine = compileRuleSet(followUp);
    const decision = engine.evaluate({
      facts: { sbp: 150, lastVisit: "2024-01-31", drugs: [], sex: "female", pregnant: false },
      at: "2024-05-01", // 91 days after the last visit
      level: "township_health_center",
    });
    expect(decision.fired[0]?.evidence).toEqual([
      { fact: "lastVisit", op: "olderThanDays", expected: 90, actual: "2024-01-31", result: true },
      { fact: "sbp", op: "lt", expected: 140, actual: 150, result: false }, // under `not`: it did not hold
    ]);
    //#endregion evidence
  });

  it("counts calendar days exactly at the window edges", () => {
    const engine = compileRuleSet(followUp);
    const run = (lastVisit: string, at: string) =>
      engine
        .evaluate({
          facts: { sbp: 150, lastVisit, drugs: [], sex: "male", pregnant: false },
          at,
          level: "village_clinic",
        })
        .fired.map((f) => f.ruleId);
    expect(run("2024-02-01", "2024-05-01")).toEqual([]); // 90 days: not older than 90
    expect(run("2024-01-31", "2024-05-01")).toEqual(["overdue"]);
    const ok = (lastVisit: string) =>
      engine
        .evaluate({
          facts: { sbp: 120, lastVisit, drugs: [], sex: "male", pregnant: false },
          at: "2024-03-01",
          level: "village_clinic",
        })
        .fired.map((f) => f.ruleId);
    expect(ok("2024-01-31")).toEqual(["recent-ok"]); // 30 days, across 29 February
    expect(ok("2024-01-30")).toEqual([]);
    expect(ok("2024-03-02")).toEqual([]); // a visit after the evaluation date is not "within" the window
  });

  it("treats an absent optional fact as failing every leaf except exists", () => {
    const decision = compileRuleSet(followUp).evaluate({
      facts: { sbp: 150, drugs: [], sex: "male", pregnant: false },
      at: "2024-05-01",
      level: "village_clinic",
    });
    expect(decision.fired.map((f) => f.ruleId)).toEqual(["no-visit-record"]);
    expect(decision.fired[0]?.evidence).toEqual([
      { fact: "lastVisit", op: "exists", expected: false, actual: null, result: true },
    ]);
    expect([decision.action, decision.followUpDays]).toEqual(["manage_locally", 14]);
  });

  it("decides manage_locally with a readable trace when nothing fires", () => {
    const decision = compileRuleSet(followUp).evaluate({
      facts: { sbp: 150, lastVisit: "2024-04-01", drugs: [], sex: "male", pregnant: false },
      at: "2024-05-01",
      level: "village_clinic",
    });
    expect(decision).toEqual({
      action: "manage_locally",
      targetLevel: null,
      urgency: "routine",
      followUpDays: null,
      fired: [],
      trace: [
        {
          step: "decision",
          label: { zh: "决定：基层管理（没有规则触发）", en: "decision: manage locally (no rule fired)" },
          rule: "priority: emergency_transfer > refer_up > refer_down > manage_locally",
          inputs: {},
          result: "manage_locally",
          source: {
            title: "国家基本公共卫生服务规范（第三版）",
            number: null,
            id: followUp.id,
            version: followUp.version,
          },
          ruleId: null,
        },
      ],
    });
    expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
  });

  it("returns a frozen trace, whatever the number of fired rules", () => {
    const engine = compileRuleSet(hypertension);
    const base = { ...patient, visit: "follow_up", sbp: 185, dbp: 95, atTarget: false } as const;
    const counts = new Set<number>();
    for (const facts of [patient, { ...patient, sbp: 185 }, base, { ...base, consciousnessImpaired: true }]) {
      const { fired, trace } = engine.evaluate({ facts, at: "2024-05-01", level: "village_clinic" });
      counts.add(fired.length);
      expect(Object.isFrozen(trace)).toBe(true);
      expect(trace).toHaveLength(fired.length + 1);
      expect(() => (trace as TraceStep[]).push(trace[0] as TraceStep)).toThrow(TypeError);
    }
    expect([...counts].sort()).toEqual([0, 1, 2, 3]);
  });

  it("validates facts with the path of the bad one", () => {
    const engine = compileRuleSet(followUp);
    const bad = {
      facts: { sbp: "150", drugs: [], sex: "male", pregnant: false },
      at: "2024-05-01",
      level: "village_clinic",
    };
    expect(() => engine.evaluate(bad as unknown as EvaluateInput<typeof followUp.facts>)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", issues: [expect.objectContaining({ path: "facts.sbp" })] }),
    );
  });

  it("evaluates batches in order without dropping records, sync and async", async () => {
    //#region batch
    const engine = compileRuleSet(followUp);
    const good = {
      facts: { sbp: 150, drugs: [], sex: "male", pregnant: false },
      at: "2024-05-01",
      level: "village_clinic",
    } as const;
    const inputs = [good, { ...good, at: "2024-02-30" }, good];
    const { results, errors } = engine.evaluateMany(inputs);
    expect(results.map((r) => r.index)).toEqual([0, 2]);
    expect(errors).toEqual([
      expect.objectContaining({ index: 1, code: "INVALID_INPUT", issues: [expect.objectContaining({ path: "at" })] }),
    ]);
    //#endregion batch
    async function* stream() {
      yield* inputs;
    }
    const fromStream = await engine.evaluateManyAsync(stream());
    expect(fromStream.results.length + fromStream.errors.length).toBe(3);
    expect(fromStream.results.map((r) => r.decision)).toEqual(results.map((r) => r.decision));
    expect(isCarekitErrorLike(() => engine.evaluateMany(null as unknown as []))).toBe("inputs");
  });

  it("freezes the compiled rule set", () => {
    const engine = compileRuleSet(followUp);
    expect(Object.isFrozen(engine.ruleSet.rules[0]?.then.reason)).toBe(true);
  });
});
