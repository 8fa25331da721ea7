import { readFileSync } from "node:fs";
import { expectCarekitError } from "@carekit/test-utils";
import { evalFhirPath, expectValidFhir, loadFhirValidators } from "@carekit/test-utils/fhir";
import { beforeAll, describe, expect, it } from "vitest";
import {
  catalogues,
  computeIndicator,
  type IndicatorDefinition,
  plans,
  toFhirMeasure,
  toFhirMeasureReport,
} from "../src/index.js";

beforeAll(loadFhirValidators, 120_000);

const all = [...catalogues.yilaoYixiao.indicators, ...catalogues.countyMedicalCommunity.indicators];
const byId = (id: string) => all.find((d) => d.id === id) as IndicatorDefinition;

/** The elements the HL7 shareable-measure profile makes required (1..1). */
const SHAREABLE = ["url", "version", "name", "status", "experimental", "publisher", "description"] as const;

describe("FHIR R4 Measure", () => {
  it("writes a shareable Measure with a canonical url, version and FHIRPath criteria", () => {
    const measure = toFhirMeasure({
      definition: byId("nursingBedShare"),
      base: "https://fhir.example.org",
      version: "2023",
    });
    expect(measure).toMatchObject({
      resourceType: "Measure",
      id: "nursingBedShare-2023",
      url: "https://fhir.example.org/Measure/nursingBedShare",
      version: "2023",
      status: "active",
      experimental: false,
      publisher: "carekit",
      scoring: { coding: [{ code: "proportion" }] },
      improvementNotation: { coding: [{ code: "increase" }] },
    });
    expect(
      measure.group[0].population.map((p) => [p.code.coding[0]?.code, p.criteria.language, p.criteria.expression]),
    ).toEqual([
      ["initial-population", "text/fhirpath", "%institutionBeds"],
      ["denominator", "text/fhirpath", "%institutionBeds"],
      ["numerator", "text/fhirpath", "%nursingBeds"],
    ]);
    for (const element of SHAREABLE) expect(measure[element]).toBeDefined();
    expect(measure._title.extension[0]?.extension[1]?.valueString).toBe("养老机构护理型床位占比");
    expect(toFhirMeasure({ definition: byId("nursingBedShare") }).url).toBe("urn:carekit:fhir:Measure:nursingBedShare");
  });

  it("every Measure passes the HL7 R4 JSON Schema, medplum's validateResource and the shareable elements", () => {
    for (const definition of all) {
      const measure = toFhirMeasure({ definition });
      expectValidFhir(measure);
      for (const element of SHAREABLE) expect(measure[element]).toBeDefined();
      expect(measure.meta.profile).toEqual(["http://hl7.org/fhir/StructureDefinition/shareablemeasure"]);
    }
  });

  it("never gives two different Measures one id, across every catalogue and plan", () => {
    const seen = new Map<string, string>();
    const sources = [
      ...Object.values(catalogues).map((c) => c.indicators),
      ...Object.values(plans).map((p) => p.indicators),
    ];
    let count = 0;
    for (const definitions of sources) {
      for (const definition of definitions) {
        const measure = toFhirMeasure({ definition });
        const json = JSON.stringify(measure);
        const before = seen.get(measure.id);
        if (before !== undefined) expect(json).toBe(before);
        seen.set(measure.id, json);
        count++;
      }
    }
    expect(count).toBeGreaterThan(seen.size); // some definitions are shared: they give the same Measure
    // a changed definition gets a new version, hence a new id, under the same canonical url
    const changed = toFhirMeasure({ definition: { ...byId("slotsPer1000"), decimals: 3 } });
    const original = toFhirMeasure({ definition: byId("slotsPer1000") });
    expect([changed.url === original.url, changed.id === original.id]).toEqual([true, false]);
  });

  it("criteria are real FHIRPath: medplum evaluates them to computeIndicator's counts", () => {
    const inputs = (names: string[]) => Object.fromEntries(names.map((n, i) => [n, 100_000 - 37 * i]));
    let evaluated = 0;
    for (const definition of all) {
      const measure = toFhirMeasure({ definition });
      const names = [
        ...new Set(
          measure.group[0].population.flatMap((p) =>
            [...p.criteria.expression.matchAll(/%(\w+)/g)].map((m) => m[1] as string),
          ),
        ),
      ];
      const counts = inputs(names);
      let value: ReturnType<typeof computeIndicator>;
      try {
        value = computeIndicator({ definition, inputs: counts });
      } catch {
        continue; // a proportion whose generated numerator exceeds its denominator
      }
      const variables = Object.fromEntries(
        Object.entries(counts).map(([k, v]) => [`%${k}`, { type: "integer", value: v }]),
      );
      for (const population of measure.group[0].population) {
        const code = population.code.coding[0]?.code;
        const expected =
          code === "numerator" || (code === "initial-population" && value.denominator === null)
            ? value.numerator
            : value.denominator;
        expect(evalFhirPath(population.criteria.expression, {}, variables)).toEqual([expected]);
        evaluated++;
      }
    }
    expect(evaluated).toBeGreaterThanOrEqual(all.length * 2);
  });

  it("the validators can fail", () => {
    const measure = toFhirMeasure({ definition: byId("slotsPer1000") });
    expect(() => expectValidFhir({ ...measure, status: "finished" })).toThrow();
    expect(() => expectValidFhir({ ...measure, group: [{ population: [{ code: "numerator" }] }] })).toThrow();
  });
});

describe("FHIR R4 MeasureReport", () => {
  it("reports 大足区 2020 (1727 托位 over 83.46万 常住人口 = 2.07 per 1000) against the Measure's canonical url", () => {
    const report = toFhirMeasureReport({
      definition: byId("slotsPer1000"),
      observation: { inputs: { slots: 1727, residentPopulation: 834_600 } },
      period: { start: "2020-01-01", end: "2020-12-31" },
      subject: { region: "500111", name: "大足区" },
      date: "2026-12-01T09:30:00+08:00",
    });
    expect(report.group[0].measureScore).toEqual({ value: 2.07, unit: "个/千人" });
    expect(report.group[0].population.map((p) => [p.code.coding[0]?.code, p.count])).toEqual([
      ["initial-population", 834_600],
      ["denominator", 834_600],
      ["numerator", 1727],
    ]);
    const measure = toFhirMeasure({ definition: byId("slotsPer1000") });
    expect(report.measure).toBe(`${measure.url}|${measure.version}`);
    expect(report).toMatchObject({ resourceType: "MeasureReport", status: "complete", type: "summary" });
    expectValidFhir(report);
    const count = toFhirMeasureReport({
      definition: byId("elderCareWorkerTraining"),
      observation: { inputs: { elderCareWorkersTrained: 1200 } },
      period: { start: "2024-01-01", end: "2024-12-31" },
      subject: { region: "500111" },
    });
    expect(count.group[0]).toEqual({
      population: [
        {
          code: {
            coding: [
              {
                system: "http://terminology.hl7.org/CodeSystem/measure-population",
                code: "initial-population",
                display: "Initial Population",
              },
            ],
          },
          count: 1200,
        },
      ],
    });
    expectValidFhir(count);
  });

  it("refuses counts beyond FHIR's 32-bit integer and bad dates", () => {
    expectCarekitError(
      () =>
        toFhirMeasureReport({
          definition: byId("slotsPer1000"),
          observation: { inputs: { slots: 3_000_000_000, residentPopulation: 4_000_000_000 } },
          period: { start: "2020-01-01", end: "2020-12-31" },
          subject: { region: "500111" },
        }),
      "OUT_OF_RANGE",
      "numerator",
    );
    expectCarekitError(
      () =>
        toFhirMeasureReport({
          definition: byId("slotsPer1000"),
          observation: { inputs: { slots: 1, residentPopulation: 2 } },
          period: { start: "2020-01-01", end: "2020-12-31" },
          subject: { region: "500111" },
          date: "2026-12-01 09:30",
        }),
      "INVALID_INPUT",
      "date",
    );
  });
});

describe("docs/indicators.md", () => {
  it("its FHIR section's complete Measure and MeasureReport are what the code writes, and valid", () => {
    const doc = readFileSync(new URL("../../../docs/indicators.md", import.meta.url), "utf8");
    const section = doc.slice(doc.indexOf("## FHIR"));
    const payloads = [...section.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1] ?? "null"));
    expect(payloads).toHaveLength(2);
    const slots = byId("slotsPer1000");
    const measure = toFhirMeasure({ definition: slots, base: "https://fhir.example.org", version: "2023" });
    const report = toFhirMeasureReport({
      definition: slots,
      base: "https://fhir.example.org",
      version: "2023",
      observation: { inputs: { slots: 1727, residentPopulation: 834600 } },
      period: { start: "2020-01-01", end: "2020-12-31" },
      subject: { region: "500111", name: "大足区" },
    });
    expect(payloads[0]).toStrictEqual(JSON.parse(JSON.stringify(measure)));
    expect(payloads[1]).toStrictEqual(JSON.parse(JSON.stringify(report)));
    for (const payload of payloads) expectValidFhir(payload);
  });
});
