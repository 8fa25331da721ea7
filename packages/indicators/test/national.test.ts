import { describe, expect, it } from "vitest";
import { assessProgress, plans } from "../src/index.js";

describe("national anchors", () => {
  it("tracks the national 托位 target and the 十五五 护理型床位 target", () => {
    const national = plans.national14th;
    // end-2021: 2.03 per 1000 (policy-facts §C1.1) — below the line from 1.8 (2020) to 4.5 (2025), which is at 2.34
    const y2021 = assessProgress({
      plan: national,
      indicatorId: "slotsPer1000",
      observed: { year: 2021, value: 2.03 },
    });
    expect(y2021).toMatchObject({ status: "off_track", expected: 2.34 });
    // 2025: 4.73 reported at the 2025-12-26 press conference (SECONDARY, §C1.2)
    expect(
      assessProgress({ plan: national, indicatorId: "slotsPer1000", observed: { year: 2025, value: 4.73 } }).status,
    ).toBe("achieved");
    // 十五五: 73% by 2030, no confirmed baseline
    expect(
      assessProgress({ plan: plans.national15th, indicatorId: "nursingBedShare", observed: { year: 2026, value: 68 } })
        .status,
    ).toBe("no_baseline");
  });

  it("carries each row's own citation and confidence", () => {
    const rows = plans.national14th.entries.map((entry) => [entry.indicatorId, entry.source?.confidence]);
    expect(rows).toEqual([
      ["slotsPer1000", "CONFIRMED-2"],
      ["nursingBedShare", "CONFIRMED"],
      ["basicMedicalInsuranceRate", "SECONDARY"],
    ]);
    const insurance = plans.national14th.entries.find((e) => e.indicatorId === "basicMedicalInsuranceRate");
    expect(insurance?.source?.note).toMatch(/overridable default/);
  });
});
