import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ChildcareGapInputSchema,
  childcareGap,
  ElderBedGapInputSchema,
  elderBedGap,
  NursingBedGapInputSchema,
  nursingBedGap,
  projectPopulation,
  standards,
} from "../src/index.js";

describe("childcareGap", () => {
  it("reproduces the 大足区 2025 need and gap (seed 002)", () => {
    const dazu = childcareGap({ population: 870_000, existingSlots: 1727, targetPer1000: 4.5 });
    expect(dazu.requiredSlots).toBe(3915); // 预测到2025年需要提供托位3915个
    expect(dazu.gap).toBe(2188); // 目前托位数缺口为2188个
    expect(dazu.surplus).toBe(0);
    // the same with the district's standard, whose source is cited in the trace
    const cited = childcareGap({ population: 870_000, existingSlots: 1727, standard: "dazuChildcare2025" });
    expect(cited.gap).toBe(2188);
    expect(cited.trace.find((step) => step.step === "requiredSlots")?.source?.number).toBe("大足府办发〔2023〕37号");
  });

  it("has no float error: 4.1 × 10000 ÷ 1000 is exactly 41", () => {
    expect(childcareGap({ population: 10_000, existingSlots: 0, targetPer1000: 4.1 }).requiredSlots).toBe(41);
    expect(childcareGap({ population: 10_000, existingSlots: 0, targetPer1000: 0.3 }).requiredSlots).toBe(3);
    expect(childcareGap({ population: 1000, existingSlots: 0, targetPer1000: 4.0001 }).requiredSlots).toBe(5);
    expect(childcareGap({ population: 2_000_000_000, existingSlots: 0, targetPer1000: 100 }).requiredSlots).toBe(
      200_000_000,
    );
  });

  it("uses a standard's figure for the area type", () => {
    const sichuanNew = childcareGap({ population: 30_000, existingSlots: 100, standard: "sichuan" });
    expect(sichuanNew.requiredSlots).toBe(300);
    const sichuanOld = childcareGap({
      population: 30_000,
      existingSlots: 100,
      standard: "sichuan",
      areaType: "existing",
    });
    expect(sichuanOld.requiredSlots).toBe(240);
    expect(childcareGap({ population: 30_000, existingSlots: 300, standard: standards.taiyuan2025 }).surplus).toBe(0);
  });

  it("accepts a projected population and keeps its trace", () => {
    const population = projectPopulation({ base: 834_600, baseYear: 2020, targetYear: 2025, annualGrowthRate: 0.0084 });
    const gap = childcareGap({ population, existingSlots: 1727, targetPer1000: 4.5 });
    expect(gap.population).toBe(870_247);
    expect(gap.year).toBe(2025);
    expect(gap.requiredSlots).toBe(3917);
    expect(gap.trace[0]?.step).toBe("projectPopulation");
  });

  it("never has a negative gap or surplus, and required = existing + gap − surplus", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 1000, max: 1_000_000 }),
        (population, existingSlots, targetScaled) => {
          const targetPer1000 = targetScaled / 10_000;
          const result = childcareGap({ population, existingSlots, targetPer1000 });
          expect(result.gap).toBeGreaterThanOrEqual(0);
          expect(result.surplus).toBeGreaterThanOrEqual(0);
          expect(result.requiredSlots).toBe(existingSlots + result.gap - result.surplus);
          // exact: the ceiling of the rational population × target / 10^7, checked with bigint
          const product = BigInt(population) * BigInt(targetScaled);
          const expected = (product + 9_999_999n) / 10_000_000n;
          expect(BigInt(result.requiredSlots)).toBe(expected);
        },
      ),
    );
  });

  it("is monotone in population and in target", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1000, max: 500_000 }),
        fc.integer({ min: 0, max: 500_000 }),
        (population, morePeople, targetScaled, moreTarget) => {
          const required = (p: number, t: number) =>
            childcareGap({ population: p, existingSlots: 0, targetPer1000: t / 10_000 }).requiredSlots;
          const base = required(population, targetScaled);
          expect(required(population + morePeople, targetScaled)).toBeGreaterThanOrEqual(base);
          expect(required(population, targetScaled + moreTarget)).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });

  it("exports strict schemas", () => {
    expect(
      ChildcareGapInputSchema.safeParse({ population: 870_000, existingSlots: 1727, targetPer1000: 4.5 }).success,
    ).toBe(true);
    expect(ElderBedGapInputSchema.safeParse({ elderPopulation: 188_900, existingBeds: 7432 }).success).toBe(false);
    expect(
      NursingBedGapInputSchema.safeParse({ existingBeds: 7432, nursingBeds: 2400, targetShare: 1.2 }).success,
    ).toBe(false);
  });
});

describe("elderBedGap", () => {
  it("computes beds needed per 1000 elders", () => {
    // 大足区: 188,900 residents aged 60+, 7432 beds; against the former 35-per-1000 target
    const result = elderBedGap({ elderPopulation: 188_900, existingBeds: 7432, targetPer1000: 35 });
    expect(result.requiredBeds).toBe(6612); // 188,900 × 35 ÷ 1000 = 6611.5 → 6612
    expect(result.surplus).toBe(820);
    expect(result.gap).toBe(0);
    expect(result.bedsPer1000Elders.rounded).toBe(39.34);
    // against 40 per 1000 there is a gap
    expect(elderBedGap({ elderPopulation: 188_900, existingBeds: 7432, targetPer1000: 40 }).gap).toBe(124);
  });

  it("keeps the gap identity", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 1000, max: 1_000_000 }),
        (elderPopulation, existingBeds, targetScaled) => {
          const result = elderBedGap({ elderPopulation, existingBeds, targetPer1000: targetScaled / 10_000 });
          expect(Math.min(result.gap, result.surplus)).toBeGreaterThanOrEqual(0);
          expect(result.requiredBeds).toBe(existingBeds + result.gap - result.surplus);
        },
      ),
    );
  });
});

describe("nursingBedGap", () => {
  it("computes nursing beds needed to reach a share", () => {
    // 7432 beds, 2400 of them nursing beds: 大足区's 60 % target needs 4460
    const dazu = nursingBedGap({ existingBeds: 7432, nursingBeds: 2400, standard: "dazu2025" });
    expect(dazu.requiredNursingBeds).toBe(4460); // 7432 × 0.6 = 4459.2 → 4460
    expect(dazu.gap).toBe(2060);
    expect(dazu.nursingBedShare.rounded).toBe(32.29);
    // the national 55 % (2025) and 73 % (2030)
    expect(
      nursingBedGap({ existingBeds: 7432, nursingBeds: 2400, standard: "nursingBeds2025" }).requiredNursingBeds,
    ).toBe(4088);
    expect(nursingBedGap({ existingBeds: 7432, nursingBeds: 2400, targetShare: 0.73 }).requiredNursingBeds).toBe(5426);
  });

  it("keeps the gap identity and never needs more nursing beds than beds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        (beds, fraction, shareScaled) => {
          const nursingBeds = Math.floor(beds * fraction);
          const result = nursingBedGap({ existingBeds: beds, nursingBeds, targetShare: shareScaled / 10_000 });
          expect(Math.min(result.gap, result.surplus)).toBeGreaterThanOrEqual(0);
          expect(result.requiredNursingBeds).toBe(nursingBeds + result.gap - result.surplus);
          expect(result.requiredNursingBeds).toBeLessThanOrEqual(beds);
        },
      ),
    );
  });
});
