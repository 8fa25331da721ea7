import { describe, expect, it } from "vitest";
import {
  acuteCoronary,
  compileRuleSet,
  copd,
  type Decision,
  RuleSetSchema,
  ruleSets,
  validateRuleSet,
} from "../src/index.js";

/** Every fired rule reports evidence: leaves that held, with the patient's own values. */
function expectEvidence(decision: Decision, facts: Record<string, unknown>): void {
  for (const fired of decision.fired) {
    expect(fired.evidence.length).toBeGreaterThan(0);
    for (const item of fired.evidence) {
      expect(item.result).toBe(true);
      expect(item.actual).toEqual(facts[item.fact] ?? null);
    }
  }
}

describe("built-in rule sets", () => {
  it("are valid data modules with id, version, dates, region and a cited source", () => {
    //#region example
    expect(Object.keys(ruleSets)).toEqual(["hypertension", "diabetes", "acuteCoronary", "copd"]);
    for (const ruleSet of Object.values(ruleSets)) {
      expect(RuleSetSchema.safeParse(ruleSet).success).toBe(true);
      expect(() => validateRuleSet(ruleSet)).not.toThrow();
      expect(ruleSet.region).toBe("CN");
      expect(ruleSet.source.confidence).toBeDefined();
    }
    //#endregion example
  });

  it("cover the three diseases 库伦旗's county teams manage (seed 004: 高血压、糖尿病、慢阻肺)", () => {
    const ids = Object.values(ruleSets).map((ruleSet) => ruleSet.id);
    expect(ids).toEqual(expect.arrayContaining(["hypertension", "diabetes-type2", "copd-county"]));
  });

  it("transfer suspected ACS from a township centre to a PCI-capable facility (seed 000: 城口 坪坝中心卫生院)", () => {
    //#region acs
    // 王爷爷 felt sudden chest pain in the field; the 卫生院 ECG suggested acute myocardial infarction.
    const decision = compileRuleSet(acuteCoronary).evaluate({
      facts: { suspectedAcs: true, chestPainMinutes: 40, sweating: true, stElevationLeads: 2 },
      at: "2024-06-15",
      level: "township_health_center",
    });
    expect(decision.action).toBe("emergency_transfer");
    expect(decision.targetLevel).toBeNull(); // the nearest PCI-capable facility, whatever its level
    expect(decision.fired.map((f) => f.ruleId)).toEqual(["acs-suspected", "acs-chest-pain-st-elevation"]);
    expect(decision.fired[0]?.reason.zh).toContain("PCI");
    //#endregion acs
  });

  it("ACS rules: each fires, and not just below", () => {
    const engine = compileRuleSet(acuteCoronary);
    const run = (facts: Parameters<typeof engine.evaluate>[0]["facts"]) => {
      const decision = engine.evaluate({ facts, at: "2024-06-15", level: "village_clinic" });
      expectEvidence(decision, facts);
      return decision.fired.map((f) => f.ruleId);
    };
    expect(run({ suspectedAcs: true })).toEqual(["acs-suspected"]);
    expect(run({ suspectedAcs: false, chestPainMinutes: 10, sweating: true, stElevationLeads: 2 })).toEqual([
      "acs-chest-pain-st-elevation",
    ]);
    expect(run({ suspectedAcs: false, chestPainMinutes: 9, sweating: true, stElevationLeads: 2 })).toEqual([]);
    expect(run({ suspectedAcs: false, chestPainMinutes: 10, sweating: true, stElevationLeads: 1 })).toEqual([]);
    expect(run({ suspectedAcs: false, chestPainMinutes: 30 })).toEqual([]); // absent facts never satisfy a leaf
  });

  it("COPD rules follow what each level can handle", () => {
    //#region copd
    const engine = compileRuleSet(copd);
    const patient = {
      suspectedCopd: false,
      exacerbation: "moderate",
      criticallyIll: false,
      diagnosisConfirmed: true,
      stablePhase: false,
    } as const;
    // a moderate exacerbation is beyond a village clinic, but within a township centre's remit
    expect(engine.evaluate({ facts: patient, at: "2024-12-01", level: "village_clinic" }).targetLevel).toBe(
      "township_health_center",
    );
    expect(engine.evaluate({ facts: patient, at: "2024-12-01", level: "township_health_center" }).action).toBe(
      "manage_locally",
    );
    //#endregion copd
    const at = "2024-12-01";
    const fired = (
      facts: typeof patient | Record<string, unknown>,
      level: "village_clinic" | "township_health_center" | "county_hospital",
    ) => {
      const all = { ...patient, ...facts };
      const decision = engine.evaluate({ facts: all, at, level });
      expectEvidence(decision, all);
      return decision.fired.map((f) => f.ruleId);
    };
    expect(fired({ criticallyIll: true }, "village_clinic")).toContain("copd-critical");
    expect(fired({ exacerbation: "mild" }, "village_clinic")).toEqual([]);
    expect(fired({ exacerbation: "severe" }, "township_health_center")).toEqual(["copd-township-exacerbation"]);
    expect(fired({ exacerbation: "moderate" }, "township_health_center")).toEqual([]);
    expect(fired({ suspectedCopd: true, diagnosisConfirmed: false, exacerbation: "none" }, "village_clinic")).toEqual([
      "copd-suspected-village",
    ]);
    expect(
      fired({ suspectedCopd: true, diagnosisConfirmed: false, exacerbation: "none" }, "township_health_center"),
    ).toEqual(["copd-suspected-township"]);
    expect(
      fired({ suspectedCopd: true, diagnosisConfirmed: true, exacerbation: "none" }, "township_health_center"),
    ).toEqual([]);
    expect(fired({ stablePhase: true, exacerbation: "none" }, "county_hospital")).toEqual(["copd-down-stable"]);
    expect(fired({ stablePhase: true, exacerbation: "mild" }, "county_hospital")).toEqual([]);
  });
});
