import type { Claim, ItemCatalogue, Policy } from "../src/index.js";

// TEST FIXTURES. The inpatient table is the shape of the LOW-CRED 成都 example (policy-facts §A4.3: 基层 160 / 一级
// 200 / 二级 400 / 三级 800 元; 95 / 92 / 89 / 85 %); the later-stay deductible halves the first, as in the
// (CONFIRMED, local) 内蒙古 example of §A2.9 (1200 → 600 元), whose caps (基本医保 30 万, 大额 30 万) are used too. The
// 大额 rate, the retired ratios, the dialysis quota and the catalogue entries are invented for the tests.

function levels(rates: readonly [number, number, number, number]) {
  const row = (deductibleFen: number, rate: number) => ({
    first: { deductibleFen, rate },
    later: { deductibleFen: deductibleFen / 2, rate },
  });
  const [primary, level1, level2, level3] = rates;
  return {
    primary: row(16000, primary),
    level1: row(20000, level1),
    level2: row(40000, level2),
    level3: row(80000, level3),
  };
}

export const SICHUAN_POLICY = {
  id: "fixture-cd-employee",
  version: "2024",
  effectiveFrom: "2024-01-01",
  effectiveTo: "2024-12-31",
  region: "510100",
  source: {
    title: "测试用成都职工医保参数",
    number: "fixture",
    note: "test fixture, shape of policy-facts §A4.3 (LOW-CRED) and §A2.9",
    confidence: "LOW-CRED",
  },
  preSelfPay: { owner: "treatment_place" },
  unknownItem: "reject",
  crossProvince: {
    referred: { kind: "ratio_minus_points", points: 10 },
    emergency: { kind: "ratio_minus_points", points: 10 },
    other_temporary: { kind: "ratio_minus_points", points: 20 },
    unregistered: { kind: "ratio_minus_points", points: 20 },
  },
  schemes: {
    employee: {
      pooledAnnualCapFen: 30_000_000,
      inpatient: { in_service: levels([0.95, 0.92, 0.89, 0.85]), retired: levels([0.98, 0.95, 0.92, 0.88]) },
      outpatient_general: {
        annualCapFen: 200_000,
        table: {
          in_service: {
            primary: { deductibleFen: 20_000, rate: 0.6 },
            level1: { deductibleFen: 20_000, rate: 0.6 },
            level2: { deductibleFen: 20_000, rate: 0.6 },
            level3: { deductibleFen: 20_000, rate: 0.5 },
          },
          retired: {
            primary: { deductibleFen: 15_000, rate: 0.7 },
            level1: { deductibleFen: 15_000, rate: 0.7 },
            level2: { deductibleFen: 15_000, rate: 0.7 },
            level3: { deductibleFen: 15_000, rate: 0.6 },
          },
        },
      },
      outpatient_chronic: {
        diseases: [
          {
            code: "uremiaDialysis",
            label: { zh: "尿毒症透析", en: "uraemia dialysis" },
            rate: 0.9,
            annualDeductibleFen: 0,
            monthlyQuotaFen: 500_000,
          },
          {
            code: "hypertension",
            label: { zh: "高血压", en: "hypertension" },
            rate: 0.7,
            annualDeductibleFen: 10_000,
          },
        ],
      },
      furtherFunds: [
        {
          id: "large_expense",
          kind: "large_expense",
          label: { zh: "职工大额医疗费用补助", en: "large-expense supplement" },
          careTypes: ["inpatient"],
          thresholdFen: 0,
          segments: [{ upToFen: null, rate: 0.9 }],
          annualCapFen: 30_000_000,
        },
      ],
    },
  },
} satisfies Policy;

export const CHONGQING_POLICY = {
  ...SICHUAN_POLICY,
  id: "fixture-cq-employee",
  region: "500000",
  source: { ...SICHUAN_POLICY.source, title: "测试用重庆职工医保参数" },
} satisfies Policy;

export const CHONGQING_CATALOGUE = {
  id: "fixture-cq-catalogue",
  version: "2024",
  effectiveFrom: "2024-01-01",
  region: "500000",
  source: { title: "测试用重庆医保目录", number: "fixture", confidence: "LOW-CRED", note: "invented entries" },
  classBPreSelfPayRate: 0.1,
  items: {
    "A-ward": { class: "A" },
    "A-drug": { class: "A", priceCapFen: 2_000 },
    "B-drug": { class: "B" },
    "B-implant": { class: "B", preSelfPayRate: 0.3 },
    "C-vip": { class: "C" },
  },
} satisfies ItemCatalogue;

export const SICHUAN_CATALOGUE = {
  ...CHONGQING_CATALOGUE,
  id: "fixture-sc-catalogue",
  region: "510000",
  source: { ...CHONGQING_CATALOGUE.source, title: "测试用四川医保目录" },
} satisfies ItemCatalogue;

/**
 * A 成都锦江区 employee treated at a 三级 hospital in 大足区 (川→渝), charges of ¥3,353.99 — the 2024 average
 * inpatient cost per stay of 城口县 (seed 000) — split into classes.
 */
export const CROSS_CLAIM = {
  id: "c-1",
  personId: "p-1",
  insuredRegion: "510104",
  treatmentRegion: "500111",
  scheme: "employee",
  personStatus: "in_service",
  hospitalGrade: "level3",
  careType: { kind: "inpatient" },
  admissionDate: "2024-12-22",
  dischargeDate: "2024-12-31",
  registration: { kind: "long_term_resident", subType: "long_term_residence" },
  charges: { kind: "totals", classAFen: 250_000, classBFen: 60_000, classCFen: 15_399, overPriceCapFen: 10_000 },
} satisfies Claim;
