import { expectCarekitError } from "@carekit/test-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AWARDS,
  ChildcareFinanceStandardSchema,
  ChildcareMonthlyFeeInputSchema,
  ChildcareSubsidyBudgetInputSchema,
  CLASS_TYPES,
  childcareMonthlyFee,
  childcareSubsidyBudget,
  defineStandard,
  OWNERSHIPS,
  PROVIDER_KINDS,
  StandardSchema,
  SubsidyProviderSchema,
  standards,
} from "../src/index.js";

describe("taiyuan2026, the 太原 fee and subsidy standard", () => {
  it("holds the figures of the measures, in fen, marked SECONDARY", () => {
    const taiyuan = standards.taiyuan2026;
    expect(taiyuan.monthlyFeeFen.publicly_built_publicly_run).toEqual({
      older_toddler: 36_500, // 托大班 365 元
      toddler: 41_000, // 托小班 410 元
      infant: 54_500, // 乳儿班 545 元
    });
    expect(taiyuan.monthlyFeeFen.publicly_built_privately_run).toEqual({
      older_toddler: 118_000,
      toddler: 127_000,
      infant: 154_500,
    });
    expect(taiyuan.subsidy).toEqual({
      effectiveFrom: "2026-01-01",
      monthlyFenPerChild: { independent: 55_000, kindergarten_class: 35_000 },
      maxMonthsPerYear: 10,
    });
    expect(taiyuan.awardFen).toEqual({ municipal_model: 5_000_000, county_model: 3_000_000 });
    expect(taiyuan.source.confidence).toBe("SECONDARY");
    expect(taiyuan.source.number).toBeNull(); // the report gives no 文号
    expect(StandardSchema.parse(taiyuan)).toEqual(taiyuan);
    expect(taiyuan.source.note).toContain("每生每月365元");
    expect(taiyuan.source.note).toContain("最多不超过10个月");
  });

  it("names its enum values in snake_case", () => {
    expect(OWNERSHIPS).toEqual(["publicly_built_publicly_run", "publicly_built_privately_run"]); // 公建公营, 公建民营
    expect(CLASS_TYPES).toEqual(["infant", "toddler", "older_toddler"]); // 乳儿班, 托小班, 托大班
    expect(PROVIDER_KINDS).toEqual(["independent", "kindergarten_class"]); // 独立托育机构, 幼儿园办托班
    expect(AWARDS).toEqual(["municipal_model", "county_model"]); // 市级、县级示范托育机构
  });

  it("exports its schemas", () => {
    expect(ChildcareFinanceStandardSchema.safeParse(standards.taiyuan2026).success).toBe(true);
    expect(
      ChildcareFinanceStandardSchema.safeParse({
        ...standards.taiyuan2026,
        awardFen: { municipal_model: 50_000.5, county_model: 0 },
      }).success,
    ).toBe(false); // money is whole fen
    expect(SubsidyProviderSchema.safeParse({ kind: "independent", enrolled: 20, months: 12 }).success).toBe(true);
    expect(SubsidyProviderSchema.safeParse({ kind: "独立", enrolled: 20, months: 12 }).success).toBe(false);
    expect(
      ChildcareMonthlyFeeInputSchema.safeParse({
        standard: "taiyuan2026",
        ownership: "publicly_built_publicly_run",
        classType: "infant",
      }).success,
    ).toBe(true);
    expect(
      ChildcareSubsidyBudgetInputSchema.safeParse({ standard: "taiyuan2026", year: 2026, providers: [] }).success,
    ).toBe(true);
  });
});

describe("childcareMonthlyFee", () => {
  it("reads the fee by ownership and class type", () => {
    const fee = childcareMonthlyFee({
      standard: "taiyuan2026",
      ownership: "publicly_built_publicly_run", // 公建公营
      classType: "older_toddler", // 托大班
    });
    expect(fee.monthlyFeeFen).toBe(36_500); // 365.00 元 per child per month
    expect(
      childcareMonthlyFee({ standard: "taiyuan2026", ownership: "publicly_built_privately_run", classType: "infant" })
        .monthlyFeeFen,
    ).toBe(154_500); // 公建民营 乳儿班 1545.00 元
    expect(fee.trace[0]).toMatchObject({ step: "monthlyFee", amountFen: 36_500, result: 36_500 });
    expect(fee.trace[0]?.source).toMatchObject({ id: "taiyuan2026", version: "2026", number: null });
  });

  it("gives every cell of the seed's table", () => {
    const expected = {
      publicly_built_publicly_run: { older_toddler: 365, toddler: 410, infant: 545 },
      publicly_built_privately_run: { older_toddler: 1180, toddler: 1270, infant: 1545 },
    } as const;
    for (const ownership of OWNERSHIPS)
      for (const classType of CLASS_TYPES)
        expect(childcareMonthlyFee({ standard: "taiyuan2026", ownership, classType }).monthlyFeeFen).toBe(
          expected[ownership][classType] * 100,
        );
  });

  it("refuses unknown values with a CarekitError", () => {
    expectCarekitError(
      () => childcareMonthlyFee({ standard: "taiyuan2026", ownership: "private" as never, classType: "infant" }),
      "INVALID_INPUT",
      "ownership",
    );
    expectCarekitError(
      () =>
        childcareMonthlyFee({
          standard: "national2025" as never,
          ownership: "publicly_built_publicly_run",
          classType: "infant",
        }),
      "UNKNOWN_STANDARD",
      "standard",
    );
  });
});

describe("childcareSubsidyBudget", () => {
  it("caps the months at 10 and multiplies by children and the kind's rate", () => {
    // 20 children in an independent provider, enrolled all 12 months of 2026: 10 months × 550 元 × 20
    const budget = childcareSubsidyBudget({
      standard: "taiyuan2026",
      year: 2026,
      providers: [{ name: "示例托育园", kind: "independent", enrolled: 20, months: 12 }],
    });
    expect(budget.operatingSubsidyFen).toBe(11_000_000); // 110,000.00 元
    expect(budget.providers[0]?.paidMonths).toBe(10);
    // a kindergarten class of 15 for 8 months, and awards for a municipal and a county model provider
    const mixed = childcareSubsidyBudget({
      standard: "taiyuan2026",
      year: 2026,
      providers: [
        { kind: "independent", enrolled: 20, months: 12, award: "municipal_model" },
        { kind: "kindergarten_class", enrolled: 15, months: 8, award: "county_model" },
      ],
    });
    expect(mixed.byKind.kindergarten_class.operatingSubsidyFen).toBe(4_200_000); // 15 × 8 × 350 元 = 42,000 元
    expect(mixed.cityPaysFen).toBe(11_000_000 + 4_200_000 + 5_000_000); // subsidies + 5万 award
    expect(mixed.countiesPayFen).toBe(3_000_000); // 3万 award
    expect(mixed.totalFen).toBe(23_200_000); // 232,000.00 元
    expect(budget.trace.map((s) => s.step)).toEqual([
      "operatingSubsidy.independent",
      "operatingSubsidy.kindergarten_class",
      "municipalAwards",
      "countyAwards",
      "total",
    ]);
    expect(budget.trace[0]).toMatchObject({ amountFen: 11_000_000, inputs: { childMonths: 200 } });
  });

  it("adds up: the parts equal the total, every amount a safe whole number of fen", () => {
    const provider = fc.record(
      {
        kind: fc.constantFrom(...PROVIDER_KINDS),
        enrolled: fc.integer({ min: 0, max: 2_000 }),
        months: fc.integer({ min: 0, max: 12 }),
        award: fc.constantFrom(...AWARDS),
      },
      { requiredKeys: ["kind", "enrolled", "months"] },
    );
    fc.assert(
      fc.property(fc.array(provider, { maxLength: 30 }), (providers) => {
        const b = childcareSubsidyBudget({ standard: "taiyuan2026", year: 2027, providers });
        const perProvider = b.providers.reduce((s, p) => s + p.operatingSubsidyFen + p.awardFen, 0);
        expect(perProvider).toBe(b.totalFen);
        expect(b.byKind.independent.operatingSubsidyFen + b.byKind.kindergarten_class.operatingSubsidyFen).toBe(
          b.operatingSubsidyFen,
        );
        expect(b.cityPaysFen + b.countiesPayFen).toBe(b.totalFen);
        for (const p of b.providers) {
          expect(p.paidMonths).toBe(Math.min(p.months, 10));
          const rate = p.kind === "independent" ? 55_000 : 35_000;
          expect(p.operatingSubsidyFen).toBe(p.enrolled * p.paidMonths * rate);
        }
      }),
    );
  });

  it("refuses a year before the subsidy starts, bad months and unknown kinds", () => {
    expectCarekitError(
      () => childcareSubsidyBudget({ standard: "taiyuan2026", year: 2025, providers: [] }),
      "OUT_OF_RANGE",
      "year",
    );
    expectCarekitError(
      () =>
        childcareSubsidyBudget({
          standard: "taiyuan2026",
          year: 2026,
          providers: [{ kind: "independent", enrolled: 1, months: 13 }],
        }),
      "OUT_OF_RANGE",
      "providers[0].months",
    );
    expectCarekitError(
      () =>
        childcareSubsidyBudget({
          standard: "taiyuan2026",
          year: 2026,
          providers: [
            { kind: "independent", enrolled: 1, months: 1 },
            { kind: "nursery" as never, enrolled: 1, months: 1 },
          ],
        }),
      "INVALID_INPUT",
      "providers[1].kind",
    );
  });

  it("keeps totals exact or refuses: a budget beyond 2^53 fen is OUT_OF_RANGE", () => {
    const huge = { ...standards.taiyuan2026, id: "huge", awardFen: { municipal_model: 0, county_model: 0 } };
    const own = defineStandard({
      ...huge,
      subsidy: { ...huge.subsidy, monthlyFenPerChild: { independent: 1_000_000_000_000, kindergarten_class: 0 } },
    });
    expectCarekitError(
      () =>
        childcareSubsidyBudget({
          standard: own,
          year: 2026,
          providers: [{ kind: "independent", enrolled: 2_000_000_000, months: 10 }],
        }),
      "OUT_OF_RANGE",
      "providers[0].enrolled",
    );
  });
});
