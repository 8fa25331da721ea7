/**
 * `@carekit/settlement/examples` — **example** parameter tables, NOT official policy (示例参数，非官方).
 *
 * No official 重庆 or 成都 parameter table could be retrieved. The figures below come from one public app whose
 * source URLs (`ybj.cq.gov.cn`, where the official site is `ylbzj.cq.gov.cn`) and document numbers look fabricated
 * (confidence LOW-CRED). They show the shape of
 * a {@link Policy} and make a runnable example; they must not be used to settle real claims. Gaps in that source are
 * filled as each `source.note` says (never silently).
 *
 * @packageDocumentation
 */
import { assertFen } from "@carekit/core";
import type { Policy } from "./policy.js";

const LOW_CRED_NOTE =
  "EXAMPLE ONLY — LOW-CRED: figures from the data files of a public app that looks AI-assembled (its cited URLs and document numbers look fabricated); not verified against 医保局 documents. ";

const CROSS_PROVINCE_EXAMPLE: Policy["crossProvince"] = {
  // The national ceilings (医保发〔2022〕22号) stand in for the unknown local figures.
  referred: { kind: "ratio_minus_points", points: 10 },
  emergency: { kind: "ratio_minus_points", points: 10 },
  other_temporary: { kind: "ratio_minus_points", points: 20 },
  // 22号 经办规程 第16条: without 备案 before discharge there is no direct settlement.
  unregistered: { kind: "not_settleable" },
};

function row(deductibleYuan: number, rate: number) {
  const benefit = { deductibleFen: deductibleYuan * 100, rate };
  return { first: benefit, later: benefit };
}

/**
 * EXAMPLE (LOW-CRED) 重庆 职工医保 inpatient parameters (重庆职工住院示例参数): deductible 一级 220 / 二级 440 /
 * 三级 880 元, ratio in service 90 / 87 / 85 %, retired 95 %, pooled annual cap 4.7 万元. Not official.
 *
 * @see no official source: tables in the data files of a public app on GitHub whose cited URLs and document numbers
 *   look fabricated (LOW-CRED) — an example, never a default
 * @example
 * ```ts
 * import { CHONGQING_EMPLOYEE_EXAMPLE } from "@carekit/settlement/examples";
 *
 * CHONGQING_EMPLOYEE_EXAMPLE.source.confidence;
 * // → "LOW-CRED"
 * CHONGQING_EMPLOYEE_EXAMPLE.schemes.employee?.inpatient.in_service.level3.first;
 * // → { deductibleFen: 88_000, rate: 0.85 }
 * ```
 */
export const CHONGQING_EMPLOYEE_EXAMPLE: Policy = {
  id: "example-cq-employee",
  version: "example-1",
  effectiveFrom: "2024-01-01",
  region: "500000",
  source: {
    title: "示例：重庆市职工医保住院待遇参数（未经核实）",
    number: "none (example)",
    note: `${LOW_CRED_NOTE}基层 (primary) copies 一级; the later-stay deductible copies the first stay; cross-province adjustments are the national ceilings; 大额互助 (50万) is left out because its rate is unknown.`,
    confidence: "LOW-CRED",
  },
  rounding: "half-up",
  preSelfPay: { owner: "treatment_place" },
  unknownItem: "reject",
  crossProvince: CROSS_PROVINCE_EXAMPLE,
  schemes: {
    employee: {
      pooledAnnualCapFen: 4_700_000,
      inpatient: {
        in_service: { primary: row(220, 0.9), level1: row(220, 0.9), level2: row(440, 0.87), level3: row(880, 0.85) },
        retired: { primary: row(220, 0.95), level1: row(220, 0.95), level2: row(440, 0.95), level3: row(880, 0.95) },
      },
      furtherFunds: [],
    },
  },
};

const CHENGDU_LEVELS = {
  primary: row(160, 0.95),
  level1: row(200, 0.92),
  level2: row(400, 0.89),
  level3: row(800, 0.85),
};

/**
 * EXAMPLE (LOW-CRED) 成都 职工医保 inpatient parameters (成都职工住院示例参数): deductible 基层 160 / 一级 200 /
 * 二级 400 / 三级 800 元, ratio in service 95 / 92 / 89 / 85 %. Not official. The source gives no pooled annual cap,
 * so the caller supplies it.
 *
 * @param input.pooledAnnualCapFen - the pooled fund's annual cap (统筹基金最高支付限额) in fen, which the source lacks
 * @returns a {@link Policy} for region 510100 (成都市)
 * @throws {CarekitError} `OUT_OF_RANGE` when the cap is not a non-negative safe integer of fen
 * @see no official source: tables in the data files of a public app on GitHub whose cited URLs and document numbers
 *   look fabricated (LOW-CRED) — an example, never a default
 * @example
 * ```ts
 * import { chengduEmployeeExample } from "@carekit/settlement/examples";
 *
 * // the pooled annual cap is yours to state: the source gives none
 * const chengdu = chengduEmployeeExample({ pooledAnnualCapFen: 30_000_000 });
 * chengdu.schemes.employee?.inpatient.in_service.level3.first;
 * // → { deductibleFen: 80_000, rate: 0.85 }
 * chengdu.source.confidence;
 * // → "LOW-CRED"
 * chengduEmployeeExample({ pooledAnnualCapFen: -1 });
 * // → throws OUT_OF_RANGE
 * ```
 */
export function chengduEmployeeExample(input: { readonly pooledAnnualCapFen: number }): Policy {
  let cap: unknown;
  try {
    cap = (input as { readonly pooledAnnualCapFen?: unknown } | null | undefined)?.pooledAnnualCapFen;
  } catch {
    cap = undefined; // a getter or proxy that throws states no cap
  }
  assertFen(cap, "pooledAnnualCapFen");
  return {
    id: "example-cd-employee",
    version: "example-1",
    effectiveFrom: "2024-01-01",
    region: "510100",
    source: {
      title: "示例：成都市职工医保住院待遇参数（未经核实）",
      number: "none (example)",
      note: `${LOW_CRED_NOTE}Retired ratios are not in the source and copy the in-service ones; the later-stay deductible copies the first stay; the pooled annual cap is the caller's; cross-province adjustments are the national ceilings.`,
      confidence: "LOW-CRED",
    },
    rounding: "half-up",
    preSelfPay: { owner: "treatment_place" },
    unknownItem: "reject",
    crossProvince: CROSS_PROVINCE_EXAMPLE,
    schemes: {
      employee: {
        pooledAnnualCapFen: cap as number,
        inpatient: { in_service: CHENGDU_LEVELS, retired: CHENGDU_LEVELS },
        furtherFunds: [],
      },
    },
  };
}
