import { type CarekitError, isCarekitError } from "@carekit/core";
import { describe, expect, it } from "vitest";
import {
  assessPlan,
  assessPlanAsync,
  assessProgress,
  catalogues,
  computeIndicator,
  defineIndicator,
  definePlan,
  fromDhis2Indicator,
  type IndicatorDefinition,
  type Plan,
  plans,
  toDhis2DataValueSet,
  toDhis2Metadata,
  toFhirMeasureReport,
} from "../src/index.js";

type Case = [label: string, call: () => unknown, code: string, path: string];

const dazu = plans.dazu2023;
const indicator = (id: string) =>
  [...catalogues.yilaoYixiao.indicators, ...catalogues.countyMedicalCommunity.indicators].find(
    (d) => d.id === id,
  ) as IndicatorDefinition;
const slots = indicator("slotsPer1000");
const nursing = indicator("nursingBedShare");
const training = indicator("elderCareWorkerTraining");
const row = (patch: Partial<Plan["entries"][number]>): Plan => ({
  ...dazu,
  entries: [{ ...(dazu.entries[4] as Plan["entries"][number]), ...patch }],
});
const exported = toDhis2Metadata({ definitions: [nursing] });
const dhis2 = () => exported.indicators[0] as (typeof exported.indicators)[number];
const fromOne = (indicator: unknown) =>
  fromDhis2Indicator({ indicator, indicatorTypes: exported.indicatorTypes, dataElementCodes: exported.dataElements });
const unsafe = (value: unknown) => value as never;

const cases: Case[] = [
  // computeIndicator
  [
    "zero denominator",
    () => computeIndicator({ definition: slots, inputs: { slots: 5, residentPopulation: 0 } }),
    "ZERO_DENOMINATOR",
    "inputs.residentPopulation",
  ],
  [
    "negative count",
    () => computeIndicator({ definition: slots, inputs: { slots: -1, residentPopulation: 10 } }),
    "OUT_OF_RANGE",
    "inputs.slots",
  ],
  [
    "fractional count",
    () => computeIndicator({ definition: slots, inputs: { slots: 1.5, residentPopulation: 10 } }),
    "OUT_OF_RANGE",
    "inputs.slots",
  ],
  [
    "numerator above denominator of a proportion",
    () => computeIndicator({ definition: nursing, inputs: { nursingBeds: 11, institutionBeds: 10 } }),
    "OUT_OF_RANGE",
    "numerator",
  ],
  [
    "missing input",
    () => computeIndicator({ definition: slots, inputs: { slots: 5 } }),
    "INVALID_INPUT",
    "inputs.residentPopulation",
  ],
  [
    "misspelt input",
    () => computeIndicator({ definition: slots, inputs: { slots: 5, residentPopulation: 9, residentPopulaton: 9 } }),
    "INVALID_INPUT",
    "inputs.residentPopulaton",
  ],
  [
    "NaN input",
    () => computeIndicator({ definition: slots, inputs: { slots: Number.NaN, residentPopulation: 9 } }),
    "INVALID_INPUT",
    "inputs.slots",
  ],
  [
    "expression going negative",
    () =>
      computeIndicator({
        definition: { ...training, numerator: { ...training.numerator, expression: "a - b" } },
        inputs: { a: 1, b: 2 },
      }),
    "OUT_OF_RANGE",
    "numerator",
  ],
  [
    "unknown key in definition",
    () => computeIndicator({ definition: unsafe({ ...slots, target: 4.5 }), inputs: {} }),
    "INVALID_INPUT",
    "definition",
  ],
  // defineIndicator
  ["factor 10", () => defineIndicator(unsafe({ ...slots, factor: 10 })), "INVALID_INPUT", "factor"],
  ["decimals 9", () => defineIndicator({ ...slots, decimals: 9 }), "INVALID_INPUT", "decimals"],
  ["unknown polarity", () => defineIndicator(unsafe({ ...slots, polarity: "up" })), "INVALID_INPUT", "polarity"],
  [
    "division in an expression",
    () => defineIndicator({ ...slots, numerator: { ...slots.numerator, expression: "slots / 2" } }),
    "INVALID_INPUT",
    "numerator.expression",
  ],
  [
    "__proto__ as an input",
    () => defineIndicator({ ...slots, numerator: { ...slots.numerator, expression: "__proto__" } }),
    "INVALID_INPUT",
    "numerator.expression",
  ],
  ["no sources", () => defineIndicator({ ...slots, sources: [] }), "INVALID_INPUT", "sources"],
  [
    "bad confidence label",
    () => defineIndicator(unsafe({ ...slots, sources: [{ title: "x", confidence: "PROBABLY" }] })),
    "INVALID_INPUT",
    "sources[0].confidence",
  ],
  // definePlan
  [
    "plan row for an undefined indicator",
    () => definePlan(row({ indicatorId: "bedsPer1000Elders" })),
    "UNKNOWN_INDICATOR",
    "entries[0].indicatorId",
  ],
  [
    "target year before the baseline year",
    () =>
      definePlan(row({ baseline: { year: 2020, value: 32.3 }, target: { year: 2019, value: 60, comparator: ">=" } })),
    "OUT_OF_RANGE",
    "entries[0].target.year",
  ],
  [
    "percent above 100 for a proportion",
    () => definePlan(row({ target: { year: 2025, value: 101, comparator: ">=" } })),
    "OUT_OF_RANGE",
    "entries[0].target.value",
  ],
  [
    "baseline with five decimals",
    () => definePlan(row({ baseline: { year: 2020, value: 32.30001 } })),
    "OUT_OF_RANGE",
    "entries[0].baseline.value",
  ],
  [
    "comparator against polarity",
    () => definePlan(row({ target: { year: 2025, value: 60, comparator: "<=" } })),
    "INVALID_INPUT",
    "entries[0].target.comparator",
  ],
  [
    "the same indicator twice",
    () => definePlan({ ...dazu, entries: [dazu.entries[0], dazu.entries[0]] as Plan["entries"] }),
    "INVALID_INPUT",
    "entries[1].indicatorId",
  ],
  [
    "attribute in Chinese",
    () => definePlan(row(unsafe({ attribute: "约束性" }))),
    "INVALID_INPUT",
    "entries[0].attribute",
  ],
  ["plan region not a code", () => definePlan({ ...dazu, region: "大足区" }), "INVALID_INPUT", "region"],
  [
    "plan effectiveFrom not a date",
    () => definePlan({ ...dazu, effectiveFrom: "2023-02-30" }),
    "INVALID_INPUT",
    "effectiveFrom",
  ],
  // assessProgress
  [
    "unknown indicator id",
    () => assessProgress({ plan: dazu, indicatorId: "bedsPer1000Elders", observed: { year: 2023, value: 1 } }),
    "UNKNOWN_INDICATOR",
    "indicatorId",
  ],
  [
    "observed year before the baseline",
    () => assessProgress({ plan: dazu, indicatorId: "nursingBedShare", observed: { year: 2019, value: 30 } }),
    "OUT_OF_RANGE",
    "observed.year",
  ],
  [
    "observed percent above 100",
    () => assessProgress({ plan: dazu, indicatorId: "nursingBedShare", observed: { year: 2023, value: 120 } }),
    "OUT_OF_RANGE",
    "observed.value",
  ],
  [
    "observed negative",
    () => assessProgress({ plan: dazu, indicatorId: "nursingBedShare", observed: { year: 2023, value: -1 } }),
    "INVALID_INPUT",
    "observed.value",
  ],
  [
    "observed year fractional",
    () => assessProgress({ plan: dazu, indicatorId: "nursingBedShare", observed: { year: 2023.5, value: 40 } }),
    "INVALID_INPUT",
    "observed.year",
  ],
  [
    "plan that is not a plan",
    () =>
      assessProgress({
        plan: unsafe({ id: "x" }),
        indicatorId: "nursingBedShare",
        observed: { year: 2023, value: 40 },
      }),
    "INVALID_INPUT",
    "plan.version",
  ],
  // batch
  [
    "observations not iterable",
    () => assessPlan({ plan: dazu, observations: unsafe(42) }),
    "INVALID_INPUT",
    "observations",
  ],
  // interop
  [
    "FHIR MeasureReport period ending before it starts",
    () =>
      toFhirMeasureReport({
        definition: training,
        observation: { inputs: { elderCareWorkersTrained: 1 } },
        period: { start: "2025-12-31", end: "2025-01-01" },
        subject: { region: "500111" },
      }),
    "OUT_OF_RANGE",
    "period.end",
  ],
  [
    "DHIS2 reference with spaces",
    () => toDhis2Metadata({ definitions: [nursing], dataElements: { nursingBeds: "a b" } }),
    "INVALID_INPUT",
    "dataElements.nursingBeds",
  ],
  [
    "DHIS2 36-character UID in the operand map",
    () =>
      toDhis2Metadata({
        definitions: [nursing],
        dataElements: { nursingBeds: "3f2504e0-4f89-11d3-9a0c-0305e82c3301" },
      }),
    "INVALID_INPUT",
    "dataElements.nursingBeds",
  ],
  [
    "DHIS2 constant in an expression",
    () => fromOne({ ...dhis2(), numerator: "#{Uvn6LCg7dVU}*C{Gfd3ppDfq8E}" }),
    "DHIS2_UNSUPPORTED",
    "indicator.numerator",
  ],
  [
    "DHIS2 unsupported function",
    () => fromOne({ ...dhis2(), numerator: "isNull(#{Uvn6LCg7dVU})" }),
    "DHIS2_UNSUPPORTED",
    "indicator.numerator",
  ],
  [
    "DHIS2 36-character UID in an expression",
    () => fromOne({ ...dhis2(), denominator: "#{3f2504e0-4f89-11d3-9a0c-0305e82c3301}" }),
    "DHIS2_UNSUPPORTED",
    "indicator.denominator",
  ],
  [
    "DHIS2 factor 7",
    () => fromOne({ ...dhis2(), indicatorType: { name: "x", factor: 7, number: false } }),
    "DHIS2_UNSUPPORTED",
    "indicator.indicatorType.factor",
  ],
  [
    "DHIS2 number type over a denominator",
    () => fromOne({ ...dhis2(), indicatorType: { name: "Number", factor: 1, number: true } }),
    "INVALID_INPUT",
    "indicator.denominator",
  ],
  [
    "DHIS2 shortName over 50",
    () => fromOne({ ...dhis2(), shortName: "x".repeat(51) }),
    "INVALID_INPUT",
    "indicator.shortName",
  ],
  [
    "DHIS2 decimals above 4 (not capped silently)",
    () => fromOne({ ...dhis2(), decimals: 5 }),
    "DHIS2_UNSUPPORTED",
    "indicator.decimals",
  ],
  [
    "DHIS2 data value period in ISO date form",
    () => toDhis2DataValueSet({ definitions: [nursing], orgUnits: {}, period: "2025-03", observations: [] }),
    "INVALID_INPUT",
    "period",
  ],
];

describe("bad input gives CarekitError with code, path and Chinese message", () => {
  it("has at least 20 cases", () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it.each(cases)("%s", (_label, call, code, path) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(isCarekitError(thrown)).toBe(true);
    const error = thrown as CarekitError;
    expect(error.code).toBe(code);
    expect(error.issues[0]?.path).toBe(path);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("rejects a non-iterable stream asynchronously", async () => {
    await expect(assessPlanAsync({ plan: dazu, observations: unsafe(null) })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      issues: [{ path: "observations" }],
    });
  });
});
