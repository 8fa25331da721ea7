import { describe, expect, it } from "vitest";
import {
  acuteCoronary,
  compileRuleSet,
  DecisionSchema,
  FacilitySchema,
  hypertension,
  isSlipValid,
  issueReferralSlip,
  ReferralSlipSchema,
} from "../src/index.js";
import { calmPatient } from "./fixtures.js";

const engine = compileRuleSet(hypertension);
const decision = engine.evaluate({ facts: { ...calmPatient, sbp: 184 }, at: "2024-11-30", level: "village_clinic" });
const from = { level: "village_clinic", name: "城口县明通镇白台村卫生室" } as const;
const to = { level: "county_hospital", name: "城口县医共体总医院人民医院院区" } as const;

describe("referral slips", () => {
  it("issues a slip from a decision", () => {
    //#region example
    const slip = issueReferralSlip({
      from,
      to,
      patientId: "CK-2024-0001",
      decision,
      issuedOn: "2024-11-30",
      validDays: 10,
    });
    expect(slip.action).toBe("refer_up");
    expect(slip.ruleIds).toEqual(["bp-severe"]);
    expect(slip.validUntil).toBe("2024-12-09"); // 10 days counting the day of issue
    expect(slip.followUpBy).toBe("2024-12-14"); // 2 周内主动随访转诊情况
    expect(FacilitySchema.safeParse(to).success).toBe(true);
    expect(DecisionSchema.safeParse(JSON.parse(JSON.stringify(decision))).success).toBe(true);
    //#endregion example
  });

  it("is valid from the day of issue through validUntil", () => {
    //#region valid
    const slip = issueReferralSlip({
      from,
      to,
      patientId: "CK-2024-0001",
      decision,
      issuedOn: "2024-02-20",
      validDays: 10,
    });
    expect(ReferralSlipSchema.safeParse(slip).success).toBe(true);
    expect(isSlipValid(slip, "2024-02-19")).toBe(false);
    expect(isSlipValid(slip, "2024-02-20")).toBe(true);
    expect(isSlipValid(slip, "2024-02-29")).toBe(true); // leap day, the 10th day
    expect(isSlipValid(slip, "2024-03-01")).toBe(false);
    //#endregion valid
  });

  it("keeps only the reasons of the slip's action and checks direction", () => {
    const emergency = compileRuleSet(acuteCoronary).evaluate({
      facts: { suspectedAcs: true },
      at: "2024-06-15",
      level: "township_health_center",
    });
    const slip = issueReferralSlip({
      from: { level: "township_health_center", name: "城口县坪坝中心卫生院" },
      to: { level: "county_hospital", name: "城口县医共体总医院人民医院院区" },
      patientId: "wang",
      decision: emergency,
      issuedOn: "2024-06-15",
      validDays: 1,
    });
    expect([slip.action, slip.validUntil, slip.urgency]).toEqual(["emergency_transfer", "2024-06-15", "emergency"]);
    const down = engine.evaluate({
      facts: { ...calmPatient, diagnosisConfirmed: true, planSuitsPrimaryCare: true, stable: true },
      at: "2024-11-30",
      level: "county_hospital",
    });
    expect(() =>
      issueReferralSlip({ from: to, to: from, patientId: "p", decision: down, issuedOn: "2024-11-30", validDays: 30 }),
    ).not.toThrow();
    expect(() =>
      issueReferralSlip({ from: to, to: to, patientId: "p", decision: down, issuedOn: "2024-11-30", validDays: 30 }),
    ).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: "to.level" })] }));
  });

  it("rejects a tampered slip", () => {
    const slip = issueReferralSlip({ from, to, patientId: "p", decision, issuedOn: "2024-11-30", validDays: 10 });
    expect(() => isSlipValid({ ...slip, validUntil: "2025-11-30" }, "2024-12-01")).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: "slip.validUntil" })] }),
    );
  });
});
