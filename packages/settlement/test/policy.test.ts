import { describe, expect, it } from "vitest";
import { AdjustmentSchema, FurtherFundSchema, PolicySchema } from "../src/index.js";
import { SICHUAN_POLICY } from "./fixtures.js";

describe("PolicySchema", () => {
  it("models the temporary-patient adjustment as a tagged union", () => {
    expect(AdjustmentSchema.parse({ kind: "ratio_minus_points", points: 20 })).toEqual({
      kind: "ratio_minus_points",
      points: 20,
    });
    expect(AdjustmentSchema.parse({ kind: "ratio_times", factor: 0.8 }).kind).toBe("ratio_times"); // 苏州: ×80 %
    expect(AdjustmentSchema.parse({ kind: "pre_self_pay", rate: 0.2 }).kind).toBe("pre_self_pay"); // 先自付 20 %
    expect(AdjustmentSchema.safeParse({ kind: "ratio_minus_points", points: 20.5 }).success).toBe(false);
  });

  it("validates a whole policy and fills the default rounding mode", () => {
    const policy = PolicySchema.parse(SICHUAN_POLICY);
    expect(policy.rounding).toBe("half-up"); // 四舍五入到分 unless the policy says otherwise
    expect(policy.schemes.employee?.inpatient.in_service.level3.first).toEqual({ deductibleFen: 80_000, rate: 0.85 });
    const fund = FurtherFundSchema.parse(SICHUAN_POLICY.schemes.employee.furtherFunds[0]);
    expect(fund.segments).toEqual([{ upToFen: null, rate: 0.9 }]);
    // the national ceiling: another temporary patient loses at most 20 points
    const tooDeep = {
      ...SICHUAN_POLICY,
      crossProvince: { ...SICHUAN_POLICY.crossProvince, other_temporary: { kind: "pre_self_pay", rate: 0.3 } },
    };
    expect(PolicySchema.safeParse(tooDeep).success).toBe(false); // 85 % × 30 % = 25.5 points
  });

  it("refuses a further fund named like a property of every object (valueOf, toString …)", () => {
    const employee = SICHUAN_POLICY.schemes.employee;
    for (const id of ["valueOf", "toString", "hasOwnProperty"]) {
      const policy = {
        ...SICHUAN_POLICY,
        schemes: { employee: { ...employee, furtherFunds: [{ ...employee.furtherFunds[0], id }] } },
      };
      const parsed = PolicySchema.safeParse(policy);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["schemes", "employee", "furtherFunds", 0, "id"]);
    }
  });

  it("checks ratio_times and preSelfPay against every rate of the policy", () => {
    const times = (factor: number) => ({
      ...SICHUAN_POLICY,
      crossProvince: { ...SICHUAN_POLICY.crossProvince, referred: { kind: "ratio_times", factor } },
    });
    // the highest rate is 98 % (retired, primary): ×0.9 lowers it by 9.8 points, ×0.89 by 10.78
    expect(PolicySchema.safeParse(times(0.9)).success).toBe(true);
    expect(PolicySchema.safeParse(times(0.89)).success).toBe(false);
  });
});
