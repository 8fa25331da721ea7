import { definePlan, type IndicatorDefinition, type Plan } from "../src/index.js";

/** A percentage indicator for tests, with the polarity asked for. */
export function percentIndicator(id: string, polarity: IndicatorDefinition["polarity"]): IndicatorDefinition {
  return {
    id,
    name: { zh: `测试指标 ${id}`, en: `test indicator ${id}` },
    scoring: "proportion",
    numerator: { definition: { zh: "分子", en: "numerator" } },
    denominator: { definition: { zh: "分母", en: "denominator" } },
    factor: 100,
    unit: "%",
    decimals: 2,
    polarity,
    periodicity: "annual",
    domain: "health",
    sources: [{ title: "test fixture", confidence: "UNCONFIRMED" }],
  };
}

/** A plan over test indicators, one entry each. */
export function testPlan(entries: Plan["entries"], indicators: IndicatorDefinition[]): Plan {
  return definePlan({
    id: "testPlan",
    version: "1",
    name: { zh: "测试规划", en: "test plan" },
    effectiveFrom: "2020-01-01",
    region: "500111",
    source: { title: "test fixture", confidence: "UNCONFIRMED" },
    indicators,
    entries,
  });
}
