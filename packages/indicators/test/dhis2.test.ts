import { isCarekitError } from "@carekit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  catalogues,
  type Dhis2IndicatorFields,
  Dhis2IndicatorSchema,
  fromDhis2Indicator,
  type IndicatorDefinition,
  toDhis2Indicator,
} from "../src/index.js";

const all = [...catalogues.yilaoYixiao.indicators, ...catalogues.countyMedicalCommunity.indicators];
const byId = (id: string) => all.find((d) => d.id === id) as IndicatorDefinition;

/** The fields DHIS2 carries, picked from a definition. */
function carried(definition: IndicatorDefinition): Dhis2IndicatorFields {
  const { id, name, numerator, denominator, factor, decimals } = definition;
  const term = (t: NonNullable<typeof denominator>, role: string) => ({
    definition: t.definition,
    expression: t.expression ?? role,
  });
  return {
    id,
    name,
    numerator: term(numerator, "numerator"),
    ...(denominator ? { denominator: term(denominator, "denominator") } : {}),
    factor,
    decimals,
  };
}

describe("DHIS2 export", () => {
  it("writes an indicator with expressions and an indicator type carrying the factor", () => {
    //#region example
    const indicator = toDhis2Indicator({ definition: byId("slotsPer1000") });
    expect(indicator).toMatchObject({
      code: "slotsPer1000",
      numerator: "#{slots}",
      denominator: "#{residentPopulation}",
      indicatorType: { name: "Per thousand", factor: 1000, number: false },
      decimals: 2,
      annualized: false,
    });
    expect(indicator.translations).toContainEqual({
      locale: "zh",
      property: "NAME",
      value: "每千人口拥有3岁以下婴幼儿托位数",
    });
    // map inputs to the UIDs of your DHIS2 data elements
    const mapped = toDhis2Indicator({
      definition: byId("nursingBedShare"),
      dataElements: { nursingBeds: "Uvn6LCg7dVU", institutionBeds: "OdiHJayrsKo.Prlt0C1RF0s" },
    });
    expect([mapped.numerator, mapped.denominator]).toEqual(["#{Uvn6LCg7dVU}", "#{OdiHJayrsKo.Prlt0C1RF0s}"]);
    //#endregion example
  });

  it("follows DHIS2's indicator and indicator-type field rules for every catalogue indicator", () => {
    for (const definition of all) {
      const indicator = toDhis2Indicator({ definition });
      expect(Dhis2IndicatorSchema.safeParse(indicator).success).toBe(true);
      expect(indicator.shortName.length).toBeLessThanOrEqual(50);
      expect(indicator.indicatorType.factor).toBe(definition.denominator ? definition.factor : 1);
      if (definition.scoring === "count")
        expect(indicator).toMatchObject({ denominator: "1", indicatorType: { number: true } });
    }
  });

  it("round-trips on the fields DHIS2 carries", () => {
    //#region roundTrip
    for (const definition of all) {
      expect(fromDhis2Indicator({ indicator: toDhis2Indicator({ definition }) })).toEqual(carried(definition));
    }
    const dataElements = { nursingBeds: "Uvn6LCg7dVU", institutionBeds: "OdiHJayrsKo" };
    const nursing = byId("nursingBedShare");
    expect(
      fromDhis2Indicator({ indicator: toDhis2Indicator({ definition: nursing, dataElements }), dataElements }),
    ).toEqual(carried(nursing));
    //#endregion roundTrip
  });

  it("round-trips generated definitions (property)", () => {
    const name = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,10}$/).filter((n) => !["constructor", "prototype"].includes(n));
    const expression = fc
      .array(fc.oneof(name, fc.nat({ max: 1000 }).map(String)), { minLength: 1, maxLength: 4 })
      .chain((parts) =>
        fc
          .array(fc.constantFrom(" + ", "-", " * "), { minLength: parts.length - 1, maxLength: parts.length - 1 })
          .map((ops) => parts.map((part, i) => (i === 0 ? part : `${ops[i - 1]}${part}`)).join("")),
      )
      .filter((text) => /[a-z]/.test(text));
    const text = fc.record({
      zh: fc.string({ minLength: 1, maxLength: 20 }),
      en: fc.string({ minLength: 1, maxLength: 60 }),
    });
    fc.assert(
      fc.property(
        name,
        text,
        expression,
        expression,
        fc.constantFrom(1, 100, 1000, 10000, 100000),
        fc.integer({ min: 0, max: 4 }),
        (id, label, top, bottom, factor, decimals) => {
          const definition: IndicatorDefinition = {
            id,
            name: label,
            scoring: "ratio",
            numerator: { definition: label, expression: top },
            denominator: { definition: label, expression: bottom },
            factor: factor as IndicatorDefinition["factor"],
            unit: "x",
            decimals,
            polarity: "increase",
            periodicity: "annual",
            domain: "health",
            sources: [{ title: "generated", confidence: "UNCONFIRMED" }],
          };
          expect(fromDhis2Indicator({ indicator: toDhis2Indicator({ definition }) })).toEqual(carried(definition));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses DHIS2 expressions it cannot represent", () => {
    const base = toDhis2Indicator({ definition: byId("nursingBedShare") });
    for (const numerator of [
      "#{a}*C{Gfd3ppDfq8E}",
      "D{prg.de}",
      "OUG{abc}",
      "#{a}/#{b}",
      "#{a}*[days]",
      "if(#{a}>0,1,0)",
    ]) {
      try {
        fromDhis2Indicator({ indicator: { ...base, numerator } });
        expect.unreachable(numerator);
      } catch (error) {
        if (!isCarekitError(error)) throw error;
        expect(error.issues[0]?.path).toBe("indicator.numerator");
        expect(error.code).toBe("DHIS2_UNSUPPORTED");
      }
    }
  });
});
