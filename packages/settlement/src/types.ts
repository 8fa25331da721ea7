import type { BatchError, BatchResult, Label } from "@carekit/core";
import type { Accumulators, StartOfYear } from "./accumulators.js";
import type { CareType } from "./policy.js";
import type { SettlementTraceStep } from "./trace.js";

/** One further fund's payment (大额 / 大病 / 救助 …) in a {@link SettlementResult}. */
export interface FundPayment {
  readonly id: string;
  readonly kind: string;
  readonly label: Label;
  readonly paidFen: number;
}

/**
 * The itemised settlement of one claim in integer fen (结算结果), named after the national platform's settlement
 * output (国家医疗保障信息平台 结算信息): `totalFen` 医疗费总额 (`medfee_sumamt`), `fullSelfPayFen` 全自费
 * (`fulamt_ownpay_amt`), `overLimitSelfPayFen` 超限价自费 (`overlmt_selfpay`), `preSelfPayFen` 先行自付
 * (`preselfpay_amt`), `inScopeFen` 符合政策范围金额 (`inscp_scp_amt`), `deductibleFen` 实际支付起付线
 * (`act_pay_dedc`), `pooledFundPaidFen` 统筹基金支出 (`hifp_pay`, the pooled fund alone) at
 * `pooledFundRateBasisPoints`, `furtherFunds` (`hifob_pay`, `hifmi_pay`, `maf_pay` …), `fundsPaidFen` 基金支付总额
 * (`fund_pay_sumamt`, every fund together), `patientPaysFen` 个人负担总金额 (`psn_part_amt`).
 *
 * Always: `totalFen = fundsPaidFen + patientPaysFen`, `fundsPaidFen = pooledFundPaidFen + Σ furtherFunds[].paidFen`
 * and `patientPaysFen = fullSelfPayFen + overLimitSelfPayFen + preSelfPayFen + deductibleFen + coinsuranceFen +
 * overCapFen`.
 */
export interface SettlementResult {
  readonly claimId: string;
  readonly personId: string;
  /** Calendar year of the discharge date: the accumulators' year. */
  readonly year: number;
  /** 住院 / 门诊慢特病 / 普通门诊. */
  readonly careType: CareType;
  /** 跨省异地就医: insured and treatment regions lie in different provinces. */
  readonly crossProvince: boolean;
  readonly policyId: string;
  readonly catalogueId: string;
  /** 医疗费用总额: every charge of the claim. */
  readonly totalFen: number;
  /** 全自费: class-C items (and unknown items where the policy says so). */
  readonly fullSelfPayFen: number;
  /** 超限价自费: the part of an item's amount above its unit price cap. */
  readonly overLimitSelfPayFen: number;
  /** 先行自付: class-B pre-self-pay plus any registration pre-self-pay (备案类型先行自付). */
  readonly preSelfPayFen: number;
  /** 符合政策范围金额: class A + class B − pre-self-pay. */
  readonly inScopeFen: number;
  /** 起付标准: the deductible this claim bore. */
  readonly deductibleFen: number;
  /** 统筹基金支付: the payment of the pooled fund alone (not the further funds — see {@link fundsPaidFen}). */
  readonly pooledFundPaidFen: number;
  /** The pooled fund's rate after the registration adjustment, in basis points (8500 = 85 %). */
  readonly pooledFundRateBasisPoints: number;
  /** The further funds (大额 / 大病 / 救助 …), in the policy's order. */
  readonly furtherFunds: readonly FundPayment[];
  /** 基金支付合计: every fund together, the pooled fund plus every further fund. */
  readonly fundsPaidFen: number;
  /** 个人自付: the patient's share of the amount the funds cover (after the deductible, below the caps). */
  readonly coinsuranceFen: number;
  /** 超限额自付: in-scope cost above every fund's annual cap (or monthly quota). */
  readonly overCapFen: number;
  /** 个人负担: everything the patient pays. */
  readonly patientPaysFen: number;
  /** Every step with its label, rule and source; empty when the settler was created with `trace: false`. */
  readonly trace: readonly SettlementTraceStep[];
}

/** The argument of {@link Settler.settle}: the claim and the person's accumulators for the claim's year. */
export interface SettleInput {
  /** The claim (结算单据); checked against `ClaimSchema` unless the settler was created with `trustInput`. */
  readonly claim: unknown;
  /**
   * The person's accumulators (年度累计) before this claim: those the previous `settle` returned, a state reported by
   * another system (see `accumulatorsFromPlatform`), or {@link START_OF_YEAR} for the first claim of the year.
   * Accumulators of an earlier calendar year start the claim's year from zero (the caps and deductibles are annual).
   */
  readonly accumulators: Accumulators | StartOfYear;
}

/** What `settle` returns: the result and the person's accumulators after this claim. */
export interface Settlement {
  readonly result: SettlementResult;
  /** The person's accumulators after this claim, to pass to the person's next `settle`. */
  readonly accumulators: Accumulators;
}

/** One settled claim of a batch, with the index of its input. */
export interface SettledClaim {
  readonly index: number;
  readonly result: SettlementResult;
}

/** One rejected claim of a batch (单据错误): core's {@link BatchError} plus the claim id when it could be read. */
export interface SettlementBatchError extends BatchError {
  readonly claimId: string | null;
}

/**
 * The outcome of a batch (批量结算结果): core's {@link BatchResult} — `results` and `errors`, each in input order,
 * together exactly one entry per input — plus the final accumulators of every person and year the batch settled.
 */
export interface SettlementBatchResult extends BatchResult<SettledClaim> {
  readonly errors: readonly SettlementBatchError[];
  readonly accumulators: readonly Accumulators[];
}

/** The argument of {@link Settler.settleBatch}. */
export interface SettlementBatchInput {
  /** The claims, in discharge-date order per person. */
  readonly claims: Iterable<unknown>;
  /**
   * The accumulators of the people whose year started before this batch (`[]` when every person starts the year in
   * it); a person without an entry starts from {@link START_OF_YEAR}.
   */
  readonly accumulators: Iterable<Accumulators>;
}

/** The argument of {@link Settler.settleBatchAsync}: {@link SettlementBatchInput} with an async iterable allowed. */
export interface SettlementBatchAsyncInput {
  readonly claims: AsyncIterable<unknown> | Iterable<unknown>;
  readonly accumulators: Iterable<Accumulators>;
}

/** The argument of {@link Settler.ledger}. */
export interface SettlementLedgerInput {
  /**
   * The accumulators of the people whose year started before this ledger (`[]` when every person starts the year in
   * it); a person without an entry starts from {@link START_OF_YEAR}.
   */
  readonly accumulators: Iterable<Accumulators>;
}

/**
 * A ledger of annual accumulators (年度累计台账; see {@link Settler.ledger}): it holds each person's accumulators and
 * settles each next claim on them, carrying them in place.
 */
export interface SettlementLedger {
  /**
   * Settle the person's next claim (结算并结转) on the accumulators the ledger holds for them — those it was started
   * with, those its previous claims left, or {@link START_OF_YEAR} for a person it has not seen — and carry them on.
   * A claim of a later calendar year starts that year from zero; a refused claim changes nothing.
   *
   * @throws {CarekitError} what {@link Settler.settle} throws, and `OUT_OF_ORDER` for a claim discharged before the
   *   same person's previous one (claims are carried in discharge-date order)
   */
  settle(claim: unknown): SettlementResult;
  /** The person's accumulators after their latest claim (or as the ledger was started), a copy; `undefined` for a person the ledger does not hold. */
  accumulatorsOf(personId: string): Accumulators | undefined;
  /**
   * Every person's accumulators, copies: each person's earlier years settled in this ledger, then the year of their
   * latest claim (or of their starting accumulators, until a claim of a later year starts a new one).
   */
  accumulators(): Accumulators[];
  /** The number of persons the ledger holds. */
  readonly size: number;
}

/** A compiled settler (结算器); see `createSettler`. */
export interface Settler {
  /**
   * Settle one claim (结算) against the person's accumulators for the claim's calendar year.
   *
   * @throws {CarekitError} `INVALID_INPUT` (claim or accumulators), `TOTAL_MISMATCH`, `UNKNOWN_REGION`,
   *   `UNKNOWN_POLICY`, `UNKNOWN_CATALOGUE`, `UNKNOWN_ITEM`, `UNKNOWN_DISEASE`, `NOT_SETTLEABLE`,
   *   `ACCUMULATOR_MISMATCH`, `OUT_OF_RANGE`
   */
  settle(input: SettleInput): Settlement;
  /**
   * Settle many claims (批量结算) in input order, each person's accumulators carried from claim to claim, starting
   * from `accumulators` where given. Never drops a record: `results.length + errors.length` equals the number of
   * claims, both in input order, each with its `index`; a claim discharged before the same person's previous one is
   * an `OUT_OF_ORDER` error.
   *
   * @throws {CarekitError} `INVALID_INPUT` when `claims` is not iterable or a starting accumulator is invalid
   */
  settleBatch(input: SettlementBatchInput): SettlementBatchResult;
  /** {@link Settler.settleBatch} over an async (or sync) iterable, one claim at a time, e.g. parsed JSON lines. */
  settleBatchAsync(input: SettlementBatchAsyncInput): Promise<SettlementBatchResult>;
  /**
   * A ledger (年度累计台账) that holds each person's accumulators and settles claim after claim on them — for a
   * claims stream or a year's file settled as it is read, so that no caller has to keep, pass or order accumulators
   * by hand (none can be forgotten): each person's accumulators are carried in place, a claim discharged before the
   * person's previous one is refused, and copies are read out when wanted with `accumulatorsOf` or `accumulators`.
   * (Its speed is that of `settle` with the accumulators kept in a map: `docs/benchmarks.md`.)
   *
   * @throws {CarekitError} `INVALID_INPUT` when a starting accumulator is invalid or two are given for one person and
   *   year
   * @example
   * ```ts
   * import { chengduEmployeeExample } from "@carekit/settlement/examples";
   *
   * const catalogue = {
   *   id: "cq-2024", version: "2024", effectiveFrom: "2024-01-01", region: "500000",
   *   source: { title: "重庆市基本医疗保险药品和诊疗项目目录（你的副本）", number: "your copy", confidence: "SECONDARY" },
   *   classBPreSelfPayRate: 0.1, items: {},
   * };
   * const settler = createSettler({
   *   policies: [chengduEmployeeExample({ pooledAnnualCapFen: 30_000_000 })], // LOW-CRED example figures
   *   catalogues: [catalogue],
   * });
   * const stay = {
   *   id: "c-1", personId: "p-1", insuredRegion: "510104", treatmentRegion: "500111", scheme: "employee",
   *   personStatus: "in_service", hospitalGrade: "level3", careType: { kind: "inpatient" },
   *   admissionDate: "2024-05-01", dischargeDate: "2024-05-10", registration: { kind: "long_term_resident" },
   *   charges: { kind: "totals", classAFen: 250_000, classBFen: 60_000, classCFen: 15_399, overPriceCapFen: 10_000 },
   * };
   * const ledger = settler.ledger({ accumulators: [] });
   * ledger.settle(stay).pooledFundPaidFen;
   * // → 190_400
   * ledger.settle({ ...stay, id: "c-2", dischargeDate: "2024-12-31" }).claimId;
   * // → "c-2"
   * ledger.accumulatorsOf("p-1")?.inpatientAdmissions;
   * // → 2
   * ```
   */
  ledger(input: SettlementLedgerInput): SettlementLedger;
}
