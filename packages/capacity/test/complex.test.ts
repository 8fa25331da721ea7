import { describe, expect, it } from "vitest";
import { CheckEmbeddedComplexInputSchema, checkEmbeddedComplex } from "../src/index.js";

describe("checkEmbeddedComplex", () => {
  it("checks 老幼共托 sites against the 2023 guideline (seed 000)", () => {
    // 重庆高新区 虎溪街道学智社区 溪畔会客厅: about 2000 m², early-years childcare, an elder activity room, party
    // services, youth start-ups, counselling and a study centre
    const xipan = checkEmbeddedComplex({
      floorAreaM2: 2000,
      functions: ["childcare", "elderCare", "partyServices", "youthStartups", "counselling", "studyCentre"],
    });
    expect(xipan.compliant).toBe(true);
    expect(xipan.meetsPreferredArea).toBe(true);
    expect(xipan.coreFunctions).toEqual(["childcare", "elderCare"]);
    // a 500 m² room with only elder care and a canteen misses two requirements
    const small = checkEmbeddedComplex({ floorAreaM2: 500, functions: ["elderCare", "communityMeals"] });
    expect(small.compliant).toBe(false);
    expect(small.unmet.map((item) => item.requirement)).toEqual(["floorArea", "functions"]);
    expect(CheckEmbeddedComplexInputSchema.safeParse({ floorAreaM2: 600, functions: [""] }).success).toBe(false);
  });

  it("tells minimum from preferred area", () => {
    const three = ["elderCare", "childcare", "afterSchool"];
    expect(checkEmbeddedComplex({ floorAreaM2: 600, functions: three })).toMatchObject({
      compliant: true,
      meetsPreferredArea: false,
    });
    expect(checkEmbeddedComplex({ floorAreaM2: 599.9, functions: three }).unmet[0]).toMatchObject({
      requirement: "floorArea",
      required: 600,
      actual: 599.9,
    });
    const oneCore = checkEmbeddedComplex({ floorAreaM2: 800, functions: ["elderCare", "library", "gym"] });
    expect(oneCore.unmet.map((item) => item.requirement)).toEqual(["coreFunctions"]);
  });
});
