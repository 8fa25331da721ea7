import { describe, expect, it } from "vitest";
import { PlanResidentialLandInputSchema, planResidentialLand } from "../src/index.js";

describe("planResidentialLand", () => {
  it("lays out kindergartens and elder-care facilities per 300 亩 (seed 002)", () => {
    const plan = planResidentialLand({ residentialLandMu: 900 });
    expect(plan).toMatchObject({
      kindergartens: 3,
      kindergartenClassesEach: 9,
      kindergartenClasses: 27,
      elderFacilities: 3,
      elderFloorAreaM2Each: 750,
      elderFloorAreaM2: 2250,
    });
    // a part-block counts by the rounding chosen: up (default), half-up, down
    expect(planResidentialLand({ residentialLandMu: 450 }).kindergartens).toBe(2);
    expect(planResidentialLand({ residentialLandMu: 450, rounding: "half-up" }).kindergartens).toBe(2);
    expect(planResidentialLand({ residentialLandMu: 449.9, rounding: "half-up" }).kindergartens).toBe(1);
    expect(planResidentialLand({ residentialLandMu: 450, rounding: "down" }).kindergartens).toBe(1);
    expect(PlanResidentialLandInputSchema.safeParse({ residentialLandMu: 450, rounding: "nearest" }).success).toBe(
      false,
    );
  });

  it("cites the 大足 plan", () => {
    const plan = planResidentialLand({ residentialLandMu: 300 });
    expect(plan.trace.every((step) => step.source?.number === "大足府办发〔2023〕37号")).toBe(true);
    expect(planResidentialLand({ residentialLandMu: 0.0001, rounding: "down" }).blocks).toBe(0);
  });
});
