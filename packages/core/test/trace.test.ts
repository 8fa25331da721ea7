import { describe, expect, it } from "vitest";
import { formatTrace, type TraceStep } from "../src/index.js";

describe("formatTrace", () => {
  const steps: TraceStep[] = [
    {
      step: "requiredSlots",
      label: { zh: "所需托位", en: "required slots" },
      rule: "ceil(population × 4.5 ÷ 1000)",
      inputs: { population: 870000 },
      result: 3915,
      source: { title: "大足区“十四五”托育服务体系建设规划", number: "大足府办发〔2023〕37号" },
    },
    {
      step: "fund",
      label: { zh: "基金支付", en: "fund payment" },
      rule: "inpatient.inService.level3",
      inputs: {},
      result: 190400,
      amountFen: 190400,
      basisPoints: 8550,
      source: null,
    },
  ];

  it("renders every step in Chinese", () => {
    expect(formatTrace(steps)).toBe(
      [
        "1. 所需托位: ceil(population × 4.5 ÷ 1000) [population = 870000] = 3915 ——大足区“十四五”托育服务体系建设规划（大足府办发〔2023〕37号）",
        "2. 基金支付: inpatient.inService.level3 = 190400 ¥1,904.00 (85.5%)",
      ].join("\n"),
    );
  });

  it("renders in English", () => {
    expect(formatTrace([steps[0] as TraceStep], { lang: "en" })).toContain("1. required slots: ceil(");
  });

  it("renders nothing for an empty trace", () => {
    expect(formatTrace([])).toBe("");
  });
});
