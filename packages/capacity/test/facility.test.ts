import { expectCarekitError } from "@carekit/test-utils";
import { describe, expect, it } from "vitest";
import { defineStandard, PlanChildcareFacilityInputSchema, planChildcareFacility, standards } from "../src/index.js";

describe("planChildcareFacility", () => {
  it("sizes a Taiyuan community facility (seed 004)", () => {
    // a new community planned for 12,000 residents under Taiyuan's 2025 standard
    const plan = planChildcareFacility({ plannedPopulation: 12_000, standard: "taiyuan2025", areaType: "new" });
    expect(plan.required).toBe(true); // ≥ 3000 planned residents
    expect(plan.requiredSlots).toBe(120); // 12,000 × 10 ÷ 1000
    expect(plan.classes).toBe(6); // classes of 20
    expect(plan.independentBuilding).toBe(true); // 4 classes or more
    expect(plan.landAreaM2).toBe(1200); // 10 m² per slot
    expect(plan.floorAreaM2).toBe(1440); // 12 m² per slot
    expect(plan.carers).toBe(18); // 托大班 1:7 → 3 per class of 20
    expect(plan.fullTimeHealthWorker).toBe(false); // under 150 children
    expect(PlanChildcareFacilityInputSchema.safeParse({ plannedPopulation: 12_000, standard: "x" }).success).toBe(
      false,
    );
  });

  it("applies Taiyuan's thresholds at their edges", () => {
    const small = planChildcareFacility({ plannedPopulation: 2999, standard: "taiyuan2025", areaType: "new" });
    expect(small).toMatchObject({ required: false, requiredSlots: 30, classes: 2, independentBuilding: false });
    const three = planChildcareFacility({ plannedPopulation: 6000, standard: "taiyuan2025", areaType: "new" });
    expect(three).toMatchObject({ required: true, requiredSlots: 60, classes: 3, independentBuilding: false });
    const four = planChildcareFacility({ plannedPopulation: 6001, standard: "taiyuan2025", areaType: "new" });
    expect(four).toMatchObject({ requiredSlots: 61, classes: 4, independentBuilding: true, floorAreaM2: 732 });
  });

  it("uses the national class rules and a lower-bound class size when a standard sets none", () => {
    const sichuan = planChildcareFacility({ plannedPopulation: 30_000, standard: "sichuan", areaType: "existing" });
    expect(sichuan.requiredSlots).toBe(240);
    expect(sichuan.classes).toBe(12);
    expect(sichuan.classPlan).toEqual({
      classSize: 20,
      carerRatio: 7,
      classType: "older_toddler",
      classSizeFrom: "largest_class",
    });
    expect(sichuan.landAreaM2).toBeNull();
    expect(sichuan.required).toBeNull();
    expect(sichuan.fullTimeHealthWorker).toBe(true); // 240 ≥ 150
    const source = sichuan.trace.find((step) => step.step === "carers")?.source;
    expect(source?.number).toBe("国卫人口发〔2019〕58号");
  });

  it("accepts a caller's own standard", () => {
    const facility = standards.taiyuan2025.facility;
    if (facility === null) throw new Error("taiyuan2025 has facility rules");
    const own = defineStandard({
      ...standards.taiyuan2025,
      id: "myDistrict",
      facility: { ...facility, planningClassSize: 15, landM2PerSlot: 8.5 },
    });
    const plan = planChildcareFacility({ plannedPopulation: 3000, standard: own, areaType: "new" });
    expect(plan.classPlan).toMatchObject({ classSize: 15, carerRatio: 7, classType: "older_toddler" });
    expect(plan.classes).toBe(2);
    expect(plan.landAreaM2).toBe(255);
  });

  it("refuses an own standard that defineStandard has not validated, and a defined one of another kind", () => {
    const facility = standards.taiyuan2025.facility;
    if (facility === null) throw new Error("taiyuan2025 has facility rules");
    const unchecked = { ...standards.taiyuan2025, facility: { ...facility, landM2PerSlot: -8.5 } };
    expectCarekitError(
      () => planChildcareFacility({ plannedPopulation: 3000, standard: unchecked as never, areaType: "new" }),
      "INVALID_INPUT",
      "standard",
    );
    expectCarekitError(
      () => planChildcareFacility({ plannedPopulation: 3000, standard: standards.dazu2025 as never, areaType: "new" }),
      "INVALID_INPUT",
      "standard",
    );
    const beds = defineStandard({ ...standards.dazu2025, id: "myBeds" });
    expectCarekitError(
      () => planChildcareFacility({ plannedPopulation: 3000, standard: beds as never, areaType: "new" }),
      "UNKNOWN_STANDARD",
      "standard",
    );
    expect(Object.isFrozen(beds)).toBe(true);
  });
});
