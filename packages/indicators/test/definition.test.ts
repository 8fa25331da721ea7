import { isCarekitError } from "@carekit/core";
import { describe, expect, it } from "vitest";
import {
  defineIndicator,
  FACTORS,
  type IndicatorDefinition,
  IndicatorIdSchema,
  PopulationSchema,
} from "../src/index.js";

describe("identifiers and factors", () => {
  it("accepts camelCase ids and the DHIS2 factors", () => {
    expect(IndicatorIdSchema.safeParse("slotsPer1000").success).toBe(true);
    expect(IndicatorIdSchema.safeParse("slots_per_1000").success).toBe(false);
    expect(IndicatorIdSchema.safeParse("constructor").success).toBe(false);
    expect(FACTORS).toEqual([1, 100, 1000, 10000, 100000]);
  });
});

describe("defineIndicator", () => {
  it("validates and freezes a definition", () => {
    const utilisation = defineIndicator({
      id: "childcareUtilisation",
      name: { zh: "托位利用率", en: "Childcare slot utilisation" },
      scoring: "proportion",
      numerator: { definition: { zh: "实际招收人数", en: "children enrolled" }, expression: "enrolled" },
      denominator: {
        definition: { zh: "托位数（幼儿园托班 + 社会托育机构）", en: "slots (kindergarten classes + providers)" },
        expression: "kindergartenSlots + providerSlots",
      },
      factor: 100,
      unit: "%",
      decimals: 2,
      polarity: "increase",
      periodicity: "annual",
      domain: "childcare",
      sources: [{ title: "大足区“一老一小”整体解决方案", number: "大足府办发〔2023〕37号", confidence: "CONFIRMED" }],
    });
    expect(Object.isFrozen(utilisation)).toBe(true);
    expect(Object.isFrozen(utilisation.denominator)).toBe(true);
  });

  it("describes populations with an age band", () => {
    const elders = PopulationSchema.parse({ basis: "resident", ageMin: 65, zh: "年内辖区内65岁及以上常住居民" });
    expect(elders.ageMin).toBe(65);
    expect(PopulationSchema.safeParse({ basis: "resident", ageMin: 65, ageBelow: 60, zh: "x" }).success).toBe(false);
  });

  it("rejects a count with a denominator, a ratio without one and a bad expression, with paths", () => {
    const base: IndicatorDefinition = {
      id: "trained",
      name: { zh: "培训人数", en: "people trained" },
      scoring: "count",
      numerator: { definition: { zh: "培训人数", en: "people trained" } },
      factor: 1,
      unit: "人",
      decimals: 0,
      polarity: "increase",
      periodicity: "annual",
      domain: "workforce",
      sources: [{ title: "test", confidence: "UNCONFIRMED" }],
    };
    expect(defineIndicator(base).id).toBe("trained");
    const cases: [IndicatorDefinition, string][] = [
      [{ ...base, denominator: base.numerator }, "denominator"],
      [{ ...base, factor: 100 }, "factor"],
      [{ ...base, scoring: "ratio" }, "denominator"],
      [{ ...base, numerator: { ...base.numerator, expression: "a / b" } }, "numerator.expression"],
      [{ ...base, numerator: { ...base.numerator, expression: "constructor" } }, "numerator.expression"],
      [{ ...base, numerator: { ...base.numerator, expression: "(a + b" } }, "numerator.expression"],
      [{ ...base, id: "Trained" }, "id"],
    ];
    for (const [definition, path] of cases) {
      try {
        defineIndicator(definition);
        expect.unreachable();
      } catch (error) {
        if (!isCarekitError(error)) throw error;
        expect(error.code).toBe("INVALID_INPUT");
        expect(error.issues[0]?.path).toBe(path);
        expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
