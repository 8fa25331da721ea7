import { expectCarekitError } from "@carekit/test-utils";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type Condition,
  compileRuleSet,
  defineRuleSet,
  type FactsOf,
  factsGuard,
  factsSchema,
  hypertension,
  type RuleSet,
  ruleSets,
} from "../src/index.js";
import { calmPatient } from "./fixtures.js";

const engine = compileRuleSet(hypertension);
const at = "2024-06-01";
const level = "village_clinic";
const severe = { ...calmPatient, sbp: 185, dbp: 112 };

describe("vocabularies of list facts", () => {
  it("every built-in list fact declares its vocabulary, and every value a rule uses is in it", () => {
    for (const ruleSet of Object.values(ruleSets) as unknown as RuleSet[]) {
      for (const [name, spec] of Object.entries(ruleSet.facts)) {
        if (spec.type !== "string[]") continue;
        expect(spec.enum, `${ruleSet.id}.${name}`).toBeDefined();
        for (const value of spec.enum ?? []) expect(spec.valueLabels?.[value]?.zh, value).toBeTruthy();
      }
    }
  });

  it("185/112 mmHg with severe headache is an emergency transfer", () => {
    expect(engine.evaluate({ facts: { ...severe, symptoms: ["severe_headache"] }, at, level }).action).toBe(
      "emergency_transfer",
    );
  });

  it("an unknown symptom — the Chinese label itself, or another spelling — is INVALID_INPUT naming the value and the allowed values", () => {
    for (const symptom of ["剧烈头痛", "Vomiting", "cough"]) {
      const error = expectCarekitError(
        () => engine.evaluate({ facts: { ...severe, symptoms: [symptom] } as never, at, level }),
        "INVALID_INPUT",
        "facts.symptoms[0]",
      );
      expect(error.message).toContain(JSON.stringify(symptom));
      expect(error.message).toContain('"severe_headache" (severe headache)');
      expect(error.messageZh).toContain('"severe_headache"（剧烈头痛）');
    }
  });

  it("factsSchema and factsGuard reject an out-of-vocabulary item; they agree", () => {
    const schema = factsSchema(hypertension.facts);
    const guard = factsGuard(hypertension.facts);
    for (const symptoms of [["vomiting"], ["vomiting", "剧烈头痛"], [], ["VOMITING"]]) {
      const facts = { ...calmPatient, symptoms };
      expect(guard(facts)).toBe(schema.safeParse(facts).success);
    }
    expect(guard({ ...calmPatient, symptoms: ["vomiting", "x"] })).toBe(false);
  });

  it("a rule comparing a list fact with a value outside its vocabulary does not compile", () => {
    const ruleSet = {
      id: "v",
      version: "1",
      effectiveFrom: "2024-01-01",
      source: { title: "test" },
      facts: { symptoms: { type: "string[]", enum: ["a", "b"] } },
      rules: [
        {
          id: "r",
          when: { fact: "symptoms", op: "includesAny", value: ["a", "c"] },
          then: { action: "refer_up", reason: { zh: "测", en: "t" } },
        },
      ],
    };
    expectCarekitError(() => compileRuleSet(ruleSet as never), "RULE_COMPILE", "rules[0].when.value[1]");
    const labelled = {
      ...ruleSet,
      facts: { symptoms: { type: "string[]", enum: ["a"], valueLabels: { z: { zh: "z", en: "z" } } } },
    };
    expectCarekitError(() => compileRuleSet(labelled as never), "RULE_COMPILE", "facts.symptoms.valueLabels");
  });

  it("defineRuleSet infers the vocabulary's union type: an out-of-vocabulary literal does not compile", () => {
    type Facts = FactsOf<(typeof hypertension)["facts"]>;
    expectTypeOf<Facts["symptoms"]>().toEqualTypeOf<
      readonly (
        | "severe_headache"
        | "vomiting"
        | "speech_disorder"
        | "limb_paralysis"
        | "chest_back_pain"
        | "leg_edema"
        | "dyspnea"
        | "orthopnea"
      )[]
    >();
    // @ts-expect-error — "剧烈头痛" is the label, not a value of the vocabulary
    const facts: Facts = { ...calmPatient, symptoms: ["剧烈头痛"] };
    expect(facts.symptoms).toEqual(["剧烈头痛"]);
    const typed = () =>
      defineRuleSet({
        id: "t",
        version: "1",
        effectiveFrom: "2024-01-01",
        source: { title: "test" },
        facts: { symptoms: { type: "string[]", enum: ["severe_headache", "vomiting"] } },
        rules: [
          {
            id: "r",
            // @ts-expect-error — not in the vocabulary of `symptoms`
            when: { fact: "symptoms", op: "includes", value: "剧烈头痛" },
            then: { action: "refer_up", reason: { zh: "测", en: "t" } },
          },
        ],
      });
    expectCarekitError(typed, "RULE_COMPILE", "rules[0].when.value");
    const ok: Condition<{ symptoms: { type: "string[]"; enum: ["a", "b"] } }> = {
      fact: "symptoms",
      op: "includesAny",
      value: ["a", "b"],
    };
    expect(ok).toBeDefined();
  });
});
