import fc from "fast-check";
import type { Claim, Policy } from "../src/index.js";
import { SICHUAN_POLICY } from "./fixtures.js";

const isoDay = (fromYear: number, years: number) =>
  fc
    .integer({ min: 0, max: 365 * years - 1 })
    .map((n) => new Date(Date.UTC(fromYear, 0, 1 + n)).toISOString().slice(0, 10));

const fen = (max: number) => fc.integer({ min: 0, max });

/** Realistic random claims of 2024, 川→渝, 渝→渝 and 渝→川, mostly pre-classified totals. */
export const claimArb: fc.Arbitrary<Claim> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 8 }).filter((id) => id.trim() !== ""),
    personId: fc.constantFrom("p-1", "p-2", "p-3"),
    route: fc.constantFrom(
      { insuredRegion: "510104", treatmentRegion: "500111" },
      { insuredRegion: "500111", treatmentRegion: "500233" },
      { insuredRegion: "500111", treatmentRegion: "510104" },
      { insuredRegion: "510104", treatmentRegion: "510105" },
    ),
    personStatus: fc.constantFrom("in_service", "retired"),
    hospitalGrade: fc.constantFrom("primary", "level1", "level2", "level3"),
    careType: fc.constantFrom<Claim["careType"]>(
      { kind: "inpatient" },
      { kind: "inpatient" },
      { kind: "outpatient_general" },
      { kind: "outpatient_chronic", disease: "uremiaDialysis" },
      { kind: "outpatient_chronic", disease: "hypertension" },
    ),
    discharge: isoDay(2024, 1),
    stay: fc.integer({ min: 0, max: 30 }),
    registration: fc.constantFrom<Claim["registration"]>(
      { kind: "long_term_resident", subType: "retired_resettled" },
      { kind: "referred" },
      { kind: "emergency" },
      { kind: "other_temporary" },
      { kind: "unregistered" },
    ),
    charges: fc.oneof(
      fc.record({
        kind: fc.constant("totals" as const),
        classAFen: fen(20_000_000),
        classBFen: fen(5_000_000),
        classCFen: fen(500_000),
        overPriceCapFen: fen(100_000),
      }),
      fc.record({
        kind: fc.constant("lines" as const),
        lines: fc.array(
          fc.record(
            {
              itemCode: fc.constantFrom("A-ward", "A-drug", "B-drug", "B-implant", "C-vip"),
              amountFen: fen(2_000_000),
              quantity: fc.integer({ min: 1, max: 5 }),
            },
            { requiredKeys: ["itemCode", "amountFen"] },
          ),
          { minLength: 1, maxLength: 5 },
        ),
      }),
    ),
  })
  .map(({ route, discharge, stay, ...rest }) => {
    const admission = new Date(Date.parse(`${discharge}T00:00:00Z`) - stay * 86_400_000).toISOString().slice(0, 10);
    return {
      ...rest,
      scheme: "employee",
      ...route,
      admissionDate: rest.careType.kind === "inpatient" ? admission : discharge,
      dischargeDate: discharge,
    } satisfies Claim;
  });

/** Random policies for region 510100 and 500000: tables, caps, further funds, and one adjustment kind. */
export const policyArb: fc.Arbitrary<Policy> = fc
  .record({
    deductible: fen(200_000),
    rate: fc.integer({ min: 30, max: 100 }).map((n) => n / 100),
    cap: fen(3_000_000),
    generalCap: fen(300_000),
    quota: fen(600_000),
    fundPercent: fc.integer({ min: 0, max: 100 }),
    fundCap: fen(2_000_000),
    threshold: fen(500_000),
    rounding: fc.constantFrom("half-up", "half-even", "down", "up"),
    adjustmentKind: fc.constantFrom("ratio_minus_points", "ratio_times", "pre_self_pay"),
    steps: fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })),
  })
  .map((p) => {
    const adjustment = (points: number) => {
      if (p.adjustmentKind === "ratio_minus_points") return { kind: "ratio_minus_points" as const, points };
      if (p.adjustmentKind === "ratio_times") return { kind: "ratio_times" as const, factor: (100 - points) / 100 };
      return { kind: "pre_self_pay" as const, rate: points / 100 };
    };
    // monotone: referred = emergency ≤ other_temporary ≤ unregistered, within the national ceilings
    const referred = p.steps[0];
    const other = Math.min(20, referred + p.steps[1]);
    const unregistered = other + p.steps[2];
    const benefit = { deductibleFen: p.deductible, rate: p.rate };
    const row = { first: benefit, later: { deductibleFen: Math.floor(p.deductible / 2), rate: p.rate } };
    const levels = { primary: row, level1: row, level2: row, level3: row };
    const general = { deductibleFen: p.deductible, rate: p.rate };
    const generalLevels = { primary: general, level1: general, level2: general, level3: general };
    return {
      ...SICHUAN_POLICY,
      rounding: p.rounding,
      crossProvince: {
        referred: adjustment(referred),
        emergency: adjustment(referred),
        other_temporary: adjustment(other),
        unregistered: adjustment(unregistered),
      },
      schemes: {
        employee: {
          pooledAnnualCapFen: p.cap,
          inpatient: { in_service: levels, retired: levels },
          outpatient_general: {
            annualCapFen: p.generalCap,
            table: { in_service: generalLevels, retired: generalLevels },
          },
          outpatient_chronic: {
            diseases: [
              {
                code: "uremiaDialysis",
                label: { zh: "尿毒症透析", en: "dialysis" },
                rate: p.rate,
                annualDeductibleFen: 0,
                monthlyQuotaFen: p.quota,
              },
              {
                code: "hypertension",
                label: { zh: "高血压", en: "hypertension" },
                rate: p.rate,
                annualDeductibleFen: p.deductible,
              },
            ],
          },
          furtherFunds: [
            {
              id: "large_expense",
              kind: "large_expense",
              label: { zh: "大额", en: "large expense" },
              careTypes: ["inpatient", "outpatient_chronic"],
              thresholdFen: p.threshold,
              segments: [
                { upToFen: p.threshold + 1_000_000, rate: p.fundPercent / 100 },
                { upToFen: null, rate: Math.min(100, p.fundPercent + 10) / 100 },
              ],
              annualCapFen: p.fundCap,
            },
          ],
        },
      },
    } satisfies Policy;
  });
