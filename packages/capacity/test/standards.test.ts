import { SourceSchema } from "@carekit/core";
import { describe, expect, it } from "vitest";
import {
  ChildcareStandardSchema,
  ClassRulesSchema,
  CORE_FUNCTIONS,
  childcareGap,
  EmbeddedComplexStandardSchema,
  FacilityRulesSchema,
  NursingBedStandardSchema,
  ResidentialLandStandardSchema,
  StandardSchema,
  standards,
} from "../src/index.js";

describe("standards as data modules", () => {
  it("every built-in standard passes its schema, with its id as key", () => {
    for (const [key, standard] of Object.entries(standards)) {
      expect(StandardSchema.parse(standard)).toEqual(standard);
      expect(standard.id).toBe(key);
    }
    expect(Object.keys(standards)).toEqual(
      expect.arrayContaining([
        "national2025",
        "sichuan",
        "taiyuan2025",
        "nursingBeds2025",
        "nursingBeds2030",
        "dazu2025",
        "newUrbanLand",
        "embeddedComplex",
      ]),
    );
  });

  it("ships only CONFIRMED / CONFIRMED-2 figures, or SECONDARY ones that say so in source.note", () => {
    for (const standard of Object.values(standards)) {
      const sources = [standard.source];
      if (standard.kind === "childcare") {
        if (standard.classRules) sources.push(standard.classRules.source);
        if (standard.facility) sources.push(standard.facility.source);
      }
      for (const source of sources) {
        expect(["CONFIRMED", "CONFIRMED-2", "SECONDARY"]).toContain(source.confidence);
        if (source.confidence === "SECONDARY")
          expect(source.note).toMatch(/overridable default|one secondary|one source/i);
      }
    }
  });

  it("cites sources with a confidence label", () => {
    const source = SourceSchema.parse(standards.national2025.classRules?.source);
    expect(source.number).toBe("国卫人口发〔2019〕58号");
    expect(source.confidence).toBe("CONFIRMED-2");
    expect(SourceSchema.safeParse({ title: "x", number: null, confidence: "MAYBE" }).success).toBe(false);
  });

  it("national 2025: 4.5 per 1000 and the 58号文 class rules", () => {
    const national = standards.national2025;
    expect(national.slotsPer1000).toEqual({ new: 4.5, existing: 4.5 });
    expect(national.baseline).toEqual({ year: 2020, value: 1.8 });
    expect(national.classRules?.classSize).toEqual({ infant: 10, toddler: 15, olderToddler: 20, mixed: 18 });
    expect(national.classRules?.carerRatio).toEqual({ infant: 3, toddler: 5, olderToddler: 7, mixed: null });
    expect(national.classRules?.mixedFromMonths).toBe(18);
    expect(national.classRules?.fullTimeHealthWorkerFrom).toBe(150);
  });

  it("Sichuan: 10 in new areas, 8 in existing areas (SECONDARY)", () => {
    expect(standards.sichuan.slotsPer1000).toEqual({ new: 10, existing: 8 });
    expect(standards.sichuan.region).toBe("510000");
    expect(standards.sichuan.source.confidence).toBe("SECONDARY");
  });

  it("Taiyuan 2025 (seed 004)", () => {
    const taiyuan = standards.taiyuan2025;
    expect(taiyuan.slotsPer1000.new).toBe(10);
    expect(taiyuan.slotsPer1000.existing).toBeNull();
    expect(taiyuan.facility).toMatchObject({
      planningClassSize: 20,
      independentBuildingFromClasses: 4,
      landM2PerSlot: 10,
      floorM2PerSlot: 12,
      requiredFromPopulation: 3000,
    });
  });

  it("大足区 2025 (seed 002)", () => {
    expect(standards.dazuChildcare2025.slotsPer1000.new).toBe(4.5);
    expect(standards.dazuChildcare2025.baseline).toEqual({ year: 2020, value: 1.03 });
    expect(standards.dazuChildcare2025.source.number).toBe("大足府办发〔2023〕37号");
  });

  it("nursing-bed shares: 55 % (2025), 73 % (2030), 大足区 60 %", () => {
    expect(standards.nursingBeds2025.targetShare).toBe(0.55);
    expect(standards.nursingBeds2025.source.confidence).toBe("CONFIRMED");
    expect(standards.nursingBeds2030.targetShare).toBe(0.73);
    expect(standards.dazu2025).toMatchObject({ targetShare: 0.6, baseline: { year: 2020, value: 0.323 } });
  });

  it("land and embedded complex rules", () => {
    expect(standards.newUrbanLand).toMatchObject({
      landMuPerSet: 300,
      kindergartenMinClasses: 9,
      elderFacilityMinFloorAreaM2: 750,
    });
    expect(standards.embeddedComplex).toMatchObject({
      minFloorAreaM2: 600,
      preferredFloorAreaM2: 800,
      minFunctions: 3,
      minCoreFunctions: 2,
    });
    expect(CORE_FUNCTIONS).toEqual(["elderCare", "childcare", "afterSchool", "communityMeals"]);
  });

  it("types a standard reference by kind", () => {
    expect(childcareGap({ population: 1000, existingSlots: 0, standard: "national2025" }).requiredSlots).toBe(5);
    // @ts-expect-error a nursing-bed standard is not a childcare standard
    expect(() => childcareGap({ population: 1000, existingSlots: 0, standard: "dazu2025" })).toThrow(
      /unknown childcare/,
    );
  });

  it("schemas reject bad standards", () => {
    const own = { ...standards.sichuan, id: "myCity", slotsPer1000: { new: 12, existing: null } };
    expect(ChildcareStandardSchema.safeParse(own).success).toBe(true);
    expect(ChildcareStandardSchema.safeParse({ ...own, slotsPer1000: { new: 0, existing: null } }).success).toBe(false);
    expect(ChildcareStandardSchema.safeParse({ ...own, extra: 1 }).success).toBe(false);
    expect(ClassRulesSchema.safeParse(standards.national2025.classRules).success).toBe(true);
    expect(FacilityRulesSchema.safeParse(standards.taiyuan2025.facility).success).toBe(true);
    expect(NursingBedStandardSchema.safeParse({ ...standards.dazu2025, targetShare: 1.5 }).success).toBe(false);
    expect(ResidentialLandStandardSchema.safeParse(standards.newUrbanLand).success).toBe(true);
    expect(
      EmbeddedComplexStandardSchema.safeParse({ ...standards.embeddedComplex, coreFunctions: ["gym"] }).success,
    ).toBe(false);
  });
});
