import { SourceSchema } from "@carekit/core";
import { describe, expect, it } from "vitest";
import { catalogues, defineIndicator, IndicatorCatalogueSchema, IndicatorDefinitionSchema } from "../src/index.js";

describe("catalogues", () => {
  it("holds the 21 indicators of 大足区 表2-1 and the 医共体 set", () => {
    const { yilaoYixiao, countyMedicalCommunity } = catalogues;
    expect(yilaoYixiao.indicators).toHaveLength(21);
    expect(countyMedicalCommunity.indicators.map((d) => d.name.zh)).toEqual([
      "基层医疗卫生机构诊疗量占比",
      "县域内就诊率",
      "医检互认率",
      "慢性病规范管理率",
      "家庭医生签约服务率",
    ]);
    const slots = yilaoYixiao.indicators.find((d) => d.id === "slotsPer1000");
    expect(slots).toMatchObject({ factor: 1000, unit: "个/千人", scoring: "ratio" });
  });

  it("validates every catalogue as a data module", () => {
    for (const catalogue of Object.values(catalogues)) {
      expect(IndicatorCatalogueSchema.safeParse(catalogue).success).toBe(true);
      expect(Object.isFrozen(catalogue.indicators[0])).toBe(true);
    }
  });

  it("has unique ids, valid definitions and a source on each", () => {
    for (const catalogue of Object.values(catalogues)) {
      const ids = catalogue.indicators.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const definition of catalogue.indicators) {
        expect(IndicatorDefinitionSchema.safeParse(definition).success).toBe(true);
        expect(defineIndicator(definition)).toEqual(definition);
        expect(definition.sources.length).toBeGreaterThan(0);
      }
    }
  });

  it("validates citations", () => {
    const source = SourceSchema.parse({
      title: "“十四五”国家老龄事业发展和养老服务体系规划",
      url: "https://www.gov.cn/xinwen/2022-02/25/content_5675683.htm",
      confidence: "CONFIRMED",
    });
    expect(source.confidence).toBe("CONFIRMED");
    expect(SourceSchema.safeParse({ title: "x", confidence: "PROBABLY" }).success).toBe(false);
  });
});
