import { describe, expect, it } from "vitest";
import {
  BedsPer1000EldersInputSchema,
  bedsPer1000Elders,
  NursingBedShareInputSchema,
  nursingBedShare,
  SlotsPer1000InputSchema,
  slotsPer1000,
  UtilizationInputSchema,
  utilization,
} from "../src/index.js";

describe("ratios (大足区, seed 002)", () => {
  it("slots per 1000 residents", () => {
    // 大足区: 1727 slots, 834,600 residents (2020 census) and about 870,000 in 2025
    expect(slotsPer1000({ existingSlots: 1727, population: 834_600 }).rounded).toBe(2.07);
    expect(slotsPer1000({ existingSlots: 1727, population: 870_000 }).rounded).toBe(1.99);
    // the 2025 target, 3915 slots for 870,000 residents, is 4.5 per 1000
    expect(slotsPer1000({ existingSlots: 3915, population: 870_000 }).rounded).toBe(4.5);
    const result = slotsPer1000({ existingSlots: 1727, population: 870_000 });
    expect(result).toMatchObject({ unit: "per1000", numerator: 1727, denominator: 870_000 });
    expect(result.trace[0]?.label.zh).toBe("每千人口托位数");
  });

  it("elder-care beds per 1000 elders, 60+ by default or 65+", () => {
    // 7432 beds; 188,900 residents aged 60+ and 149,000 aged 65+
    expect(bedsPer1000Elders({ existingBeds: 7432, elderPopulation: 188_900 }).rounded).toBe(39.34);
    const over65 = bedsPer1000Elders({ existingBeds: 7432, elderPopulation: 149_000, elderAge: 65 });
    expect(over65.rounded).toBe(49.88);
    expect(over65.value).toBeCloseTo(49.8792, 4); // value is unrounded: 7432 × 1000 ÷ 149,000
    expect(over65.trace[0]?.inputs.elderAge).toBe(65);
    // the plan's own "每千名老人养老床位35.1张" matches neither denominator (see README, Limits)
    expect(bedsPer1000Elders({ existingBeds: 7432, elderPopulation: 188_900 }).rounded).not.toBe(35.1);
  });

  it("nursing-bed share in percent", () => {
    expect(nursingBedShare({ nursingBeds: 323, existingBeds: 1000 }).rounded).toBe(32.3); // 大足区 2020: 32.30 %
    expect(nursingBedShare({ nursingBeds: 2, existingBeds: 3 }).rounded).toBe(66.67);
  });

  it("utilisation in percent", () => {
    // 大足区: 1727 slots, 1234 enrolled → 71.45 %
    expect(utilization({ enrolled: 1234, existingSlots: 1727 }).rounded).toBe(71.45);
    // kindergarten classes 873 of 891; social providers 361 of 836
    expect(utilization({ enrolled: 873, existingSlots: 891 }).rounded).toBe(97.98);
    expect(utilization({ enrolled: 361, existingSlots: 836 }).rounded).toBe(43.18);
    expect(utilization({ enrolled: 12, existingSlots: 10 }).rounded).toBe(120);
  });

  it("rounds half-up exactly at the second decimal", () => {
    expect(utilization({ enrolled: 1, existingSlots: 8 }).rounded).toBe(12.5);
    expect(utilization({ enrolled: 1, existingSlots: 16 }).rounded).toBe(6.25);
    expect(utilization({ enrolled: 1, existingSlots: 32 }).rounded).toBe(3.13); // 3.125 → 3.13
    expect(slotsPer1000({ existingSlots: 1, population: 8_000_000 }).rounded).toBe(0); // 0.000125
  });

  it("exports strict schemas", () => {
    expect(SlotsPer1000InputSchema.safeParse({ existingSlots: 1727, population: 870_000 }).success).toBe(true);
    expect(SlotsPer1000InputSchema.safeParse({ existingSlots: 1.5, population: 870_000 }).success).toBe(false);
    expect(BedsPer1000EldersInputSchema.safeParse({ existingBeds: 1, elderPopulation: 1, elderAge: 70 }).success).toBe(
      false,
    );
    expect(NursingBedShareInputSchema.safeParse({ nursingBeds: 1, existingBeds: 2, extra: 1 }).success).toBe(false);
    expect(UtilizationInputSchema.safeParse({ enrolled: 1234, existingSlots: 1727 }).success).toBe(true);
  });
});
