import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogues, computeIndicator, defineIndicator, type IndicatorDefinition } from "../src/index.js";

const slotsPer1000 = catalogues.yilaoYixiao.indicators.find((d) => d.id === "slotsPer1000") as IndicatorDefinition;
const healthManagement = catalogues.yilaoYixiao.indicators.find(
  (d) => d.id === "elderHealthManagementRate",
) as IndicatorDefinition;

describe("computeIndicator", () => {
  it("computes 大足区 figures exactly", () => {
    // 大足区: 1727 托位 over 83.46万 常住人口 (2020) → 2.07 per 1000
    const now = computeIndicator({ definition: slotsPer1000, inputs: { slots: 1727, residentPopulation: 834_600 } });
    expect(now.rounded).toBe(2.07);
    expect(now.trace.map((step) => step.step)).toEqual(["numerator", "denominator", "formula", "round"]);
    // the plan's 2025 need: 3915 托位 for about 87万 residents is exactly the 4.5 target
    expect(
      computeIndicator({ definition: slotsPer1000, inputs: { slots: 3915, residentPopulation: 870_000 } }).rounded,
    ).toBe(4.5);
    expect(now.numerator).toBe(1727);
    expect(now.denominator).toBe(834_600);
    expect(now.factor).toBe(1000);
    expect(now.value).toBeCloseTo(2.0693, 4);
  });

  it("sums inputs through an expression (幼儿园托班 891 + 社会托育机构 836 = 1727 托位)", () => {
    const utilisation = defineIndicator({
      id: "childcareUtilisation",
      name: { zh: "托位利用率", en: "Childcare slot utilisation" },
      scoring: "proportion",
      numerator: {
        definition: { zh: "实际招收人数", en: "children enrolled" },
        expression: "kindergartenEnrolled + providerEnrolled",
      },
      denominator: { definition: { zh: "托位数", en: "slots" }, expression: "kindergartenSlots + providerSlots" },
      factor: 100,
      unit: "%",
      decimals: 2,
      polarity: "increase",
      periodicity: "annual",
      domain: "childcare",
      sources: [{ title: "大足府办发〔2023〕37号", confidence: "CONFIRMED" }],
    });
    const result = computeIndicator({
      definition: utilisation,
      inputs: { kindergartenEnrolled: 873, providerEnrolled: 361, kindergartenSlots: 891, providerSlots: 836 },
    });
    expect(result.numerator).toBe(1234);
    expect(result.denominator).toBe(1727);
    expect(result.rounded).toBe(71.45); // the plan prints 利用率71.45%
  });

  it("uses 65+ residents for 老年人健康管理率 (policy-facts §C3.2)", () => {
    expect(healthManagement.denominator?.population?.ageMin).toBe(65);
    expect(healthManagement.denominator?.population?.basis).toBe("resident");
    // 大足区 65+ residents 14.90万; the 2020 rate 65.78% means about 98 012 people managed
    expect(
      computeIndicator({
        definition: healthManagement,
        inputs: { eldersHealthManaged: 98_012, residents65Plus: 149_000 },
      }).rounded,
    ).toBe(65.78);
  });

  it("equals a BigInt reference for every rounding mode", () => {
    const modes = ["half-up", "half-even", "down", "up"] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.constantFrom(...modes),
        fc.integer({ min: 0, max: 4 }),
        (denominator, raw, rounding, decimals) => {
          const numerator = raw % (denominator + 1);
          const definition = { ...healthManagement, rounding, decimals };
          const result = computeIndicator({
            definition,
            inputs: { eldersHealthManaged: numerator, residents65Plus: denominator },
          });
          const scaled = BigInt(numerator) * 100n * 10n ** BigInt(decimals);
          const q = scaled / BigInt(denominator);
          const r = scaled % BigInt(denominator);
          const twice = 2n * r;
          const d = BigInt(denominator);
          const up =
            r === 0n
              ? false
              : rounding === "up"
                ? true
                : rounding === "down"
                  ? false
                  : rounding === "half-up"
                    ? twice >= d
                    : twice > d || (twice === d && q % 2n === 1n);
          const expected = Number(up ? q + 1n : q) / 10 ** decimals;
          expect(result.rounded).toBe(expected);
          expect(result.rounded).toBeGreaterThanOrEqual(0);
          expect(result.rounded).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
