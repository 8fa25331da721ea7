import { createHash } from "node:crypto";
import { expectCarekitError } from "@carekit/test-utils";
import { ExpressionJs, ExpressionMode } from "@dhis2/expression-parser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  catalogues,
  DHIS2_UID,
  Dhis2DataElementMapSchema,
  type Dhis2IndicatorFields,
  type Dhis2Metadata,
  dhis2Uid,
  fromDhis2DataValueSet,
  fromDhis2Indicator,
  fromDhis2Metadata,
  type IndicatorDefinition,
  isDhis2Operand,
  toDhis2DataValueSet,
  toDhis2Metadata,
} from "../src/index.js";
import { sha256 } from "../src/internal/sha256.js";

const all = [...catalogues.yilaoYixiao.indicators, ...catalogues.countyMedicalCommunity.indicators];

/** The fields DHIS2 carries, picked from a definition. */
function carried(definition: IndicatorDefinition): Omit<Dhis2IndicatorFields, "dhis2"> {
  const { id, name, numerator, denominator, factor, decimals } = definition;
  const term = (t: NonNullable<typeof denominator>, role: string) => ({
    definition: t.definition,
    expression: t.expression ?? `${id}_${role}`,
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

/** Every expression through DHIS2's own parser; returns the data-element UIDs it references. */
function dhis2Parse(expression: string): { de: string; coc: string[]; aoc: string[] }[] {
  const parsed = new ExpressionJs(expression, ExpressionMode.INDICATOR_EXPRESSION);
  return parsed.collectDataItems().map((item) => {
    expect(item.type.name).toBe("DATA_ELEMENT");
    return { de: item.uid0.value, coc: item.uid1.map((id) => id.value), aoc: item.uid2.map((id) => id.value) };
  });
}

/** Check a payload the way a DHIS2 metadata import would: every reference resolves within it. */
function checkPayload(metadata: Dhis2Metadata): void {
  const ids = [...metadata.dataElements, ...metadata.indicatorTypes, ...metadata.indicators].map((o) => o.id);
  for (const id of ids) expect(id).toMatch(DHIS2_UID);
  expect(new Set(ids).size).toBe(ids.length);
  const types = new Set(metadata.indicatorTypes.map((t) => t.id));
  const factors = metadata.indicatorTypes.map((t) => `${t.factor}/${t.number}`);
  expect(new Set(factors).size).toBe(factors.length); // shared by factor
  const elements = new Set(metadata.dataElements.map((d) => d.id));
  for (const collection of [metadata.dataElements, metadata.indicators]) {
    for (const key of ["name", "shortName", "code"] as const) {
      const values = collection.map((o) => o[key]);
      expect(new Set(values).size).toBe(values.length);
    }
    for (const o of collection) {
      expect([...o.shortName].length).toBeLessThanOrEqual(50);
      expect([...o.name].length).toBeLessThanOrEqual(230);
      expect(o.code.length).toBeLessThanOrEqual(50);
    }
  }
  for (const indicator of metadata.indicators) {
    expect(Object.keys(indicator.indicatorType)).toEqual(["id"]);
    expect(types.has(indicator.indicatorType.id)).toBe(true);
    for (const expression of [indicator.numerator, indicator.denominator]) {
      for (const item of dhis2Parse(expression)) expect(elements.has(item.de)).toBe(true);
    }
  }
}

describe("DHIS2 UIDs", () => {
  it("derives UIDs by the documented algorithm (SHA-256, base 52 then base 62), stable across runs", () => {
    expect(dhis2Uid("indicator:slotsPer1000")).toBe("uPX8JijbRdy");
    const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const alphanumeric = `0123456789${letters}`;
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "grapheme" }), (key) => {
        const digest = createHash("sha256").update(`carekit:${key}`, "utf8").digest();
        let n = BigInt(`0x${digest.subarray(0, 16).toString("hex")}`);
        let expected = letters.charAt(Number(n % 52n));
        n /= 52n;
        for (let i = 0; i < 10; i++) {
          expected += alphanumeric.charAt(Number(n % 62n));
          n /= 62n;
        }
        expect(dhis2Uid(key)).toBe(expected);
        expect(expected).toMatch(DHIS2_UID);
      }),
      { numRuns: 500 },
    );
  });

  it("hashes exactly as node:crypto's SHA-256 (reference)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "grapheme" }), (text) => {
        expect(Buffer.from(sha256(text)).toString("hex")).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
      }),
      { numRuns: 500 },
    );
  });

  it("checks operand maps as DHIS2 writes operands", () => {
    for (const good of [
      "Uvn6LCg7dVU",
      "Uvn6LCg7dVU.Prlt0C1RF0s",
      "Uvn6LCg7dVU.Prlt0C1RF0s.j8vBiBqGf6O",
      "Uvn6LCg7dVU.*.j8vBiBqGf6O",
      "P3jJH5Tu5VC.S34ULMcHMca.*",
    ]) {
      expect(isDhis2Operand(good)).toBe(true);
      expect(Dhis2DataElementMapSchema.safeParse({ nursingBeds: good }).success).toBe(true);
    }
    for (const bad of [
      "not_a_uid",
      "1vn6LCg7dVU",
      "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
      "Uvn6LCg7dVU.*",
      "Uvn6LCg7dVU.*.*",
      "Uvn6LCg7dVU.a.b.c",
      "",
      "Uvn6LCg7dV",
    ]) {
      expect(isDhis2Operand(bad)).toBe(false);
      expect(Dhis2DataElementMapSchema.safeParse({ nursingBeds: bad }).success).toBe(false);
    }
    expectCarekitError(
      () =>
        toDhis2Metadata({
          catalogue: catalogues.yilaoYixiao,
          dataElements: { nursingBeds: "3f2504e0-4f89-11d3-9a0c-0305e82c3301" },
        }),
      "INVALID_INPUT",
      "dataElements.nursingBeds",
    );
    expectCarekitError(
      () =>
        toDhis2Metadata({ catalogue: catalogues.yilaoYixiao, uidFor: () => "3f2504e0-4f89-11d3-9a0c-0305e82c3301" }),
      "INVALID_INPUT",
      "uidFor",
    );
  });
});

describe("toDhis2Metadata", () => {
  it("exports the whole 一老一小 catalogue as one payload DHIS2's parser and references accept", () => {
    const metadata = toDhis2Metadata({ catalogue: catalogues.yilaoYixiao });
    expect(metadata.indicators).toHaveLength(21);
    const slots = metadata.indicators.find((indicator) => indicator.code === "slotsPer1000");
    expect(slots).toMatchObject({
      id: "uPX8JijbRdy",
      numerator: `#{${dhis2Uid("dataElement:slots")}}`,
      denominator: `#{${dhis2Uid("dataElement:residentPopulation")}}`,
      indicatorType: { id: dhis2Uid("indicatorType:1000") },
      decimals: 2,
    });
    expect(metadata.indicatorTypes).toContainEqual({
      id: dhis2Uid("indicatorType:1000"),
      name: "Per thousand",
      factor: 1000,
      number: false,
    });
    expect(slots?.translations).toContainEqual({
      locale: "zh",
      property: "NAME",
      value: "每千人口拥有3岁以下婴幼儿托位数",
    });
    checkPayload(metadata);
    expect(toDhis2Metadata({ catalogue: catalogues.yilaoYixiao })).toEqual(metadata); // stable across runs
    checkPayload(toDhis2Metadata({ catalogue: catalogues.countyMedicalCommunity }));
    checkPayload(toDhis2Metadata({ definitions: all, locale: "zh" }));
    expect(JSON.parse(JSON.stringify(metadata))).toEqual(metadata);
  });

  it("references the caller's data elements (UID.COC, UID.*.AOC) and leaves them out of the payload", () => {
    const metadata = toDhis2Metadata({
      catalogue: catalogues.yilaoYixiao,
      dataElements: { nursingBeds: "Uvn6LCg7dVU.Prlt0C1RF0s", institutionBeds: "OdiHJayrsKo.*.j8vBiBqGf6O" },
    });
    const share = metadata.indicators.find((indicator) => indicator.code === "nursingBedShare");
    expect([share?.numerator, share?.denominator]).toEqual([
      "#{Uvn6LCg7dVU.Prlt0C1RF0s}",
      "#{OdiHJayrsKo.*.j8vBiBqGf6O}",
    ]);
    expect(dhis2Parse(share?.denominator ?? "")).toEqual([{ de: "OdiHJayrsKo", coc: ["*"], aoc: ["j8vBiBqGf6O"] }]);
    expect(metadata.dataElements.map((d) => d.code)).not.toContain("nursingBeds");
  });

  it("refuses bad input with the path", () => {
    expectCarekitError(() => toDhis2Metadata({} as never), "INVALID_INPUT", "catalogue");
    expectCarekitError(
      () => toDhis2Metadata({ definitions: [all[0], all[0]] as IndicatorDefinition[] }),
      "INVALID_INPUT",
      "definitions[1].id",
    );
  });
});

describe("fromDhis2Metadata / fromDhis2Indicator", () => {
  it("round-trips carekit's own export exactly, in either locale", () => {
    for (const locale of ["en", "zh"] as const) {
      const metadata = toDhis2Metadata({ definitions: all, locale });
      const { results, errors } = fromDhis2Metadata({ metadata, locale });
      expect(errors).toEqual([]);
      expect(results.map(({ index: _, dhis2: __, ...fields }) => fields)).toEqual(all.map(carried));
      expect(results[0]?.dhis2).toEqual({ id: metadata.indicators[0]?.id, code: all[0]?.id });
    }
    const mapped = { nursingBeds: "Uvn6LCg7dVU.Prlt0C1RF0s" };
    const back = fromDhis2Metadata({
      metadata: toDhis2Metadata({ catalogue: catalogues.yilaoYixiao, dataElements: mapped }),
      dataElements: mapped,
    });
    expect(back.results.find((r) => r.id === "nursingBedShare")?.numerator.expression).toBe("nursingBeds");
  });

  // The payload of the DHIS2 Developer Manual's "Metadata import" section (data elements without ids, an indicator
  // type referenced by id), plus what a server returns for an indicator: id, timestamps, href, sharing, a code in
  // upper snake case, a description and a ratio written with `/` over denominator 1.
  const documented = {
    dataElements: [
      {
        name: "EPI - IPV 3 doses given",
        shortName: "EPI - IPV 3 doses given",
        aggregationType: "SUM",
        domainType: "AGGREGATE",
        valueType: "INTEGER_ZERO_OR_POSITIVE",
        id: "LTb8XeeqeqI",
      },
    ],
    indicatorTypes: [
      { id: "kHy61PbChXr", name: "Number", factor: 1, number: true },
      { id: "JkWynlWMjJR", name: "Per cent", factor: 100, number: false },
    ],
    indicators: [
      {
        name: "EPI - ADS stock used",
        shortName: "ADS stock used",
        numerator: "#{LTb8XeeqeqI}+#{Fs28ZQJET6V}-#{A3mHIZd2tPg}",
        numeratorDescription: "ADS 0.05 ml used",
        denominator: "1",
        denominatorDescription: "1",
        annualized: false,
        indicatorType: { id: "kHy61PbChXr" },
      },
      {
        id: "Uvn6LCg7dVU",
        href: "https://play.dhis2.org/api/indicators/Uvn6LCg7dVU",
        created: "2012-11-13T11:03:04.089",
        lastUpdated: "2024-05-02T09:14:51.110",
        code: "ANC_1_COVERAGE",
        name: "ANC 1 Coverage",
        shortName: "ANC 1 Coverage",
        description: "Antenatal care 1st visit coverage",
        numerator: "#{fbfJHSPpUQD.pq2XI5kz2BY} / #{h0xKKjijTdI}",
        numeratorDescription: "ANC 1st visit",
        denominator: "1",
        denominatorDescription: "1",
        decimals: 1,
        annualized: false,
        sharing: { public: "rw------", external: false },
        indicatorType: { id: "JkWynlWMjJR" },
        translations: [{ locale: "fr", property: "NAME", value: "Couverture CPN 1" }],
        attributeValues: [],
      },
    ],
  };

  it("reads documentation- and server-shaped payloads", () => {
    const { results, errors } = fromDhis2Metadata({ metadata: documented });
    expect(errors).toEqual([]);
    expect(results[0]).toMatchObject({
      id: "epiAdsStockUsed", // no code, no id: from the name
      numerator: { expression: "de_LTb8XeeqeqI+de_Fs28ZQJET6V-de_A3mHIZd2tPg" },
      factor: 1,
    });
    expect(results[0]?.denominator).toBeUndefined();
    expect(results[1]).toMatchObject({
      id: "anc1Coverage",
      dhis2: { id: "Uvn6LCg7dVU", code: "ANC_1_COVERAGE" },
      numerator: { expression: "de_fbfJHSPpUQD_pq2XI5kz2BY" },
      denominator: { expression: "de_h0xKKjijTdI" },
      factor: 100,
      decimals: 1,
    });
  });

  it("refuses what carekit cannot compute, with the expression and the position", () => {
    const read = (numerator: string, extra: Record<string, unknown> = {}) =>
      fromDhis2Indicator({
        indicator: {
          name: "x",
          numerator,
          denominator: "#{h0xKKjijTdI}",
          indicatorType: { id: "JkWynlWMjJR" },
          ...extra,
        },
        indicatorTypes: documented.indicatorTypes,
      });
    const cases: [string, string, string][] = [
      ["#{P3jJH5Tu5VC.S34ULMcHMca} + C{Gfd3ppDfq8E} + OUG{CXw2yu5fodb}", "position 30", "C{…} (constant)"],
      ["( 2 * #{P3jJH5Tu5VC.S34ULMcHMca} ) / ( #{FQ2o8UBlcrS.S34ULMcHMca} - 200 ) * 25", "position 36", "division"],
      ["if(#{P3jJH5Tu5VC} > 1, 1, 0)", "position 1", "the function if()"],
      ["#{3f2504e0-4f89-11d3-9a0c-0305e82c3301}", "position 3", "not a DHIS2 operand"],
      ["#{P3jJH5Tu5VC} * 0.5", "position 18", "decimal"],
    ];
    for (const [expression, position, reason] of cases) {
      const error = expectCarekitError(() => read(expression), "DHIS2_UNSUPPORTED", "indicator.numerator");
      expect(error.message).toContain(JSON.stringify(expression));
      expect(error.message).toContain(position);
      expect(error.message).toContain(reason);
    }
    // and DHIS2's parser agrees these are valid DHIS2 (carekit's limit, not a malformed input)
    for (const [expression] of cases.slice(0, 3))
      expect(() => new ExpressionJs(expression, ExpressionMode.INDICATOR_EXPRESSION)).not.toThrow();
    expectCarekitError(() => read("#{P3jJH5Tu5VC}", { decimals: 5 }), "DHIS2_UNSUPPORTED", "indicator.decimals");
    expectCarekitError(
      () => read("#{P3jJH5Tu5VC}", { indicatorType: { id: "aaaaaaaaaaa" } }),
      "INVALID_INPUT",
      "indicator.indicatorType.id",
    );
    const { results, errors } = fromDhis2Metadata({
      metadata: {
        ...documented,
        indicators: [documented.indicators[1], { ...documented.indicators[1], numerator: "C{Gfd3ppDfq8E}" }],
      },
    });
    expect([results.length, errors.map((e) => [e.index, e.code, e.issues[0]?.path])]).toEqual([
      1,
      [[1, "DHIS2_UNSUPPORTED", "metadata.indicators[1].numerator"]],
    ]);
  });
});

/** The data value set shape of the DHIS2 Developer Manual ("Sending bulks of data values"). */
const DataValueSetShape = z.strictObject({
  dataValues: z.array(
    z.strictObject({
      dataElement: z.string().regex(DHIS2_UID),
      period: z.string().regex(/^\d{4}(\d{2}|Q[1-4])?$/),
      orgUnit: z.string().regex(DHIS2_UID),
      categoryOptionCombo: z.string().regex(DHIS2_UID).optional(),
      attributeOptionCombo: z.string().regex(DHIS2_UID).optional(),
      value: z.string().regex(/^\d+$/),
    }),
  ),
});

describe("DHIS2 data values", () => {
  const orgUnits = { "500111": "Dz5mCGd8Lmb" };
  it("exports the 大足区 2020 counts (1727 托位, 83.46万 常住人口) and reads them back", () => {
    const exported = toDhis2DataValueSet({
      catalogue: catalogues.yilaoYixiao,
      orgUnits,
      period: "2020",
      observations: [{ region: "500111", inputs: { slots: 1727, residentPopulation: 834_600 } }],
    });
    expect(exported.dataValueSet.dataValues).toEqual([
      { dataElement: dhis2Uid("dataElement:slots"), period: "2020", orgUnit: "Dz5mCGd8Lmb", value: "1727" },
      {
        dataElement: dhis2Uid("dataElement:residentPopulation"),
        period: "2020",
        orgUnit: "Dz5mCGd8Lmb",
        value: "834600",
      },
    ]);
    expect(DataValueSetShape.safeParse(exported.dataValueSet).success).toBe(true);
    const metadata = toDhis2Metadata({ catalogue: catalogues.yilaoYixiao });
    const elements = new Set(metadata.dataElements.map((d) => d.id));
    for (const value of exported.dataValueSet.dataValues) expect(elements.has(value.dataElement)).toBe(true);
    expect(
      fromDhis2DataValueSet({ catalogue: catalogues.yilaoYixiao, orgUnits, dataValueSet: exported.dataValueSet }),
    ).toEqual({
      observations: [
        { region: "500111", period: "2020", inputs: { slots: 1727, residentPopulation: 834_600 }, indices: [0, 1] },
      ],
      errors: [],
    });
  });

  it("writes periods in DHIS2 notation and keeps every record (bad ones as errors)", () => {
    for (const period of ["2025", "202503", "2025Q1"]) {
      const { dataValueSet } = toDhis2DataValueSet({
        catalogue: catalogues.yilaoYixiao,
        orgUnits,
        period,
        dataElements: { slots: "Uvn6LCg7dVU.Prlt0C1RF0s.j8vBiBqGf6O" },
        observations: [{ region: "500111", inputs: { slots: 1 } }],
      });
      expect(dataValueSet.dataValues).toEqual([
        {
          dataElement: "Uvn6LCg7dVU",
          categoryOptionCombo: "Prlt0C1RF0s",
          attributeOptionCombo: "j8vBiBqGf6O",
          period,
          orgUnit: "Dz5mCGd8Lmb",
          value: "1",
        },
      ]);
    }
    for (const period of ["2025-03", "2025Q5", "202513", "25"]) {
      expectCarekitError(
        () => toDhis2DataValueSet({ catalogue: catalogues.yilaoYixiao, orgUnits, period, observations: [] }),
        "INVALID_INPUT",
        "period",
      );
    }
    expectCarekitError(
      () =>
        toDhis2DataValueSet({
          catalogue: catalogues.yilaoYixiao,
          orgUnits: { "500111": "3f2504e0-4f89-11d3-9a0c-0305e82c3301" },
          period: "2025",
          observations: [],
        }),
      "INVALID_INPUT",
      "orgUnits.500111",
    );
    const { dataValueSet, errors } = toDhis2DataValueSet({
      catalogue: catalogues.yilaoYixiao,
      orgUnits,
      period: "2025",
      observations: [
        { region: "500111", inputs: { slots: 1 } },
        { region: "510104", inputs: { slots: 1 } },
        { region: "500111", inputs: { noSuchInput: 1 } },
        { region: "500111", inputs: { slots: -1 } },
      ],
    });
    expect(dataValueSet.dataValues).toHaveLength(1);
    expect(errors.map((e) => [e.index, e.code, e.issues[0]?.path])).toEqual([
      [1, "UNKNOWN_REGION", "observations[1].region"],
      [2, "INVALID_INPUT", "observations[2].inputs.noSuchInput"],
      [3, "INVALID_INPUT", "observations[3].inputs.slots"],
    ]);
  });

  it("reads a data value it does not know as an error, keeping the others", () => {
    const { observations, errors } = fromDhis2DataValueSet({
      catalogue: catalogues.yilaoYixiao,
      orgUnits,
      dataValueSet: {
        dataValues: [
          { dataElement: dhis2Uid("dataElement:slots"), period: "2024", orgUnit: "Dz5mCGd8Lmb", value: "2000" },
          { dataElement: "Uvn6LCg7dVU", period: "2024", orgUnit: "Dz5mCGd8Lmb", value: "1" },
          { dataElement: dhis2Uid("dataElement:slots"), period: "2024", orgUnit: "OdiHJayrsKo", value: "1" },
          { dataElement: dhis2Uid("dataElement:slots"), period: "2024", orgUnit: "Dz5mCGd8Lmb", value: "1.5" },
        ],
      },
    });
    expect(observations).toEqual([{ region: "500111", period: "2024", inputs: { slots: 2000 }, indices: [0] }]);
    expect(errors.map((e) => [e.index, e.code])).toEqual([
      [1, "INVALID_INPUT"],
      [2, "UNKNOWN_REGION"],
      [3, "INVALID_INPUT"],
    ]);
  });
});
