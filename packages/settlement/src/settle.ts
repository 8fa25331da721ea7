import type { Label } from "@carekit/core";
import { parseInput, type RoundingMode } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import { provinceOf, regionOf } from "@carekit/core/regions";
import { type Accumulators, AccumulatorsSchema, freshAccumulators, isAccumulators } from "./accumulators.js";
import {
  applyRateFast as applyRateFastImport,
  divideByBp as divideByBpImport,
  divideUnchecked as divideUncheckedImport,
} from "./arith.js";
import { type BatchOutcome, collect, settleBatchWith } from "./batch.js";
import { type Claim, ClaimSchema, isClaim as isClaimImport } from "./claim.js";
import {
  assertNoOverlap,
  type CompiledAdjustment,
  type CompiledCatalogue,
  type CompiledFund,
  type CompiledPolicy,
  type CompiledStay,
  compileCatalogue,
  compilePolicy,
  rowIndex as rowIndexImport,
  type SettlerOptions,
  SettlerOptionsSchema,
} from "./compile.js";
import { NATIONAL_CROSS_PROVINCE_RULES } from "./data/national.js";
import type { CareType } from "./policy.js";
import { STEP_LABELS, type TraceSource, type TraceStep } from "./trace.js";

/** One further fund's payment (大额 / 大病 / 救助 …) in a {@link SettlementResult}. */
export interface FundPayment {
  readonly id: string;
  readonly kind: string;
  readonly label: Label;
  readonly paidFen: number;
}

/**
 * The itemised settlement of one claim in integer fen (结算结果), named after the national platform's settlement
 * output (policy-facts §A6.2): `total` 医疗费总额 (`medfee_sumamt`), `fullSelfPay` 全自费 (`fulamt_ownpay_amt`),
 * `overLimitSelfPay` 超限价自费 (`overlmt_selfpay`), `preSelfPay` 先行自付 (`preselfpay_amt`), `inScope` 符合政策范围
 * 金额 (`inscp_scp_amt`), `deductible` 实际支付起付线 (`act_pay_dedc`), `fundPaid` 统筹基金支出 (`hifp_pay`) at
 * `fundRateBasisPoints` (`pool_prop_selfpay`), `furtherFunds` (`hifob_pay`, `hifmi_pay`, `maf_pay` …), `fundTotal`
 * 基金支付总额 (`fund_pay_sumamt`), `patientPays` 个人负担总金额 (`psn_part_amt`).
 *
 * Always: `total = fundTotal + patientPays` and
 * `patientPays = fullSelfPay + overLimitSelfPay + preSelfPay + deductible + coinsurance + overCap`.
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
  readonly total: number;
  readonly fullSelfPay: number;
  readonly overLimitSelfPay: number;
  /** Class-B pre-self-pay plus any registration pre-self-pay (备案类型先行自付). */
  readonly preSelfPay: number;
  readonly inScope: number;
  readonly deductible: number;
  /** Payment of the pooled fund (统筹基金), the first fund. */
  readonly fundPaid: number;
  /** The pooled fund's rate after the registration adjustment, in basis points (8500 = 85 %). */
  readonly fundRateBasisPoints: number;
  readonly furtherFunds: readonly FundPayment[];
  readonly fundTotal: number;
  /** 个人自付: the patient's share of the amount the funds cover (after the deductible, below the caps). */
  readonly coinsurance: number;
  /** 超限额自付: in-scope cost above every fund's annual cap (or monthly quota). */
  readonly overCap: number;
  readonly patientPays: number;
  /** Every step with its label, rule and source; empty when the settler was created with `trace: false`. */
  readonly trace: readonly TraceStep[];
}

/** What `settle` returns: the result and the person's accumulators after this claim. */
export interface Settlement {
  readonly result: SettlementResult;
  readonly accumulators: Accumulators;
}

/** A compiled settler (结算器); see {@link createSettler}. */
export interface Settler {
  /**
   * Settle one claim against the person's accumulators for the claim's calendar year (omit them, or pass another
   * year's, to start the year from zero).
   *
   * @throws {CarekitError} `INVALID_INPUT` (claim or accumulators), `UNKNOWN_REGION`, `UNKNOWN_POLICY`,
   *   `UNKNOWN_CATALOGUE`, `UNKNOWN_ITEM`, `UNKNOWN_DISEASE`, `NOT_SETTLEABLE`, `ACCUMULATOR_MISMATCH`
   */
  settle(claim: unknown, accumulators?: Accumulators): Settlement;
  /**
   * Settle many claims (批量结算): grouped by person, each person's claims in discharge-date order (stable), the
   * accumulators carried from claim to claim, starting from `accumulators` where given. Never drops a record:
   * `results.length + errors.length` equals the number of claims, both in input order, each with its `index`.
   *
   * @example
   * {@includeCode ../test/batch.test.ts#example}
   */
  settleBatch(claims: Iterable<unknown>, accumulators?: Iterable<Accumulators>): BatchOutcome;
  /** {@link Settler.settleBatch} over an async (or sync) iterable, e.g. a stream of parsed JSON lines. */
  settleBatchAsync(
    claims: AsyncIterable<unknown> | Iterable<unknown>,
    accumulators?: Iterable<Accumulators>,
  ): Promise<BatchOutcome>;
}

const NATIONAL_SOURCE: TraceSource = Object.freeze({
  id: NATIONAL_CROSS_PROVINCE_RULES.id,
  version: NATIONAL_CROSS_PROVINCE_RULES.version,
  title: NATIONAL_CROSS_PROVINCE_RULES.source.title,
  number: NATIONAL_CROSS_PROVINCE_RULES.source.number,
});

// The hot path's imported functions, bound once to module constants: under a module transform that turns imports into
// live-binding getters (Vite SSR, which vitest uses), every call through an import would first call a getter.
const applyRateFast = applyRateFastImport;
const divideByBp = divideByBpImport;
const divideUnchecked = divideUncheckedImport;
const isClaim = isClaimImport;
const rowIndex = rowIndexImport;

/**
 * Read-only zero state of a new year (never returned itself: `settle` always builds new accumulators). Frozen all the
 * way down, because returned accumulators may share its empty records: mutating them must fail, never leak into the
 * next person's year.
 */
const ZERO: Accumulators = freezeZero(freshAccumulators("-", 0));

function freezeZero(accumulators: Accumulators): Accumulators {
  Object.freeze(accumulators.deductiblePaidFen);
  Object.freeze(accumulators.funds);
  Object.freeze(accumulators.chronicMonthlyPaidFen);
  return Object.freeze(accumulators);
}

/** The trace of a settler created with `trace: false`: one shared, frozen empty list. */
const NO_TRACE: readonly TraceStep[] = Object.freeze([]);
const NO_ADJUSTMENT: CompiledAdjustment = Object.freeze({ kind: "none" });
const BP = 10_000;

interface FundState {
  readonly baseFen: number;
  readonly paidFen: number;
}

interface FundOutcome {
  paid: number;
  covered: number;
  below: number;
  passOn: number;
}

/**
 * Run one fund over `base` fen of in-scope cost: the part below the fund's annual threshold stays with the patient,
 * each slice above it is paid at its segment's rate until the cap room is used up — then the fund pays exactly the
 * room, and the cost beyond the ⌈room / rate⌉ fen that used it up (or beyond the last segment) passes on to the next
 * fund. Exact integer arithmetic: the numerator is `fen × bp`, rounded once by the policy's mode.
 */
function runFund(
  base: number,
  accumulatedBase: number,
  thresholdFen: number,
  upTo: readonly number[],
  bps: readonly number[],
  capRoom: number,
  rounding: RoundingMode,
  out: FundOutcome,
): void {
  let start = accumulatedBase;
  const end = accumulatedBase + base;
  let below = 0;
  if (start < thresholdFen) {
    below = Math.min(end, thresholdFen) - start;
    start += below;
  }
  let covered = 0;
  let numerator = 0;
  let room = capRoom * BP;
  let passOn = 0;
  let capped = false;
  for (let i = 0; i < upTo.length && start < end; i++) {
    const segmentEnd = upTo[i] as number;
    if (start >= segmentEnd) continue;
    const slice = Math.min(end, segmentEnd) - start;
    start += slice;
    if (capped) {
      passOn += slice;
      continue;
    }
    const bp = bps[i] as number;
    const need = slice * bp;
    if (need <= room) {
      numerator += need;
      room -= need;
      covered += slice;
    } else {
      // the cap binds inside this slice: the fund pays exactly its cap room, which takes ⌈room / bp⌉ fen of cost
      const part = divideUnchecked(room, bp, "up");
      covered += part;
      passOn += slice - part;
      capped = true;
    }
  }
  passOn += end - start;
  if (capped) out.paid = capRoom;
  else {
    const paid = divideByBp(numerator, rounding);
    out.paid = Math.min(paid, capRoom);
  }
  out.covered = covered;
  out.below = below;
  out.passOn = passOn;
}

function adjustRate(bp: number, adjustment: CompiledAdjustment, rounding: RoundingMode): number {
  switch (adjustment.kind) {
    case "ratioMinusPoints":
      return bp > adjustment.offBp ? bp - adjustment.offBp : 0;
    case "ratioTimes":
      return applyRateFast(bp, adjustment.factorBp, rounding);
    default:
      return bp;
  }
}

/** `YYYY-MM-DD` of a validated ISO date as the integer YYYYMMDD (ordered like the text). */
function dayKey(date: string): number {
  return (
    (date.charCodeAt(0) - 48) * 10_000_000 +
    (date.charCodeAt(1) - 48) * 1_000_000 +
    (date.charCodeAt(2) - 48) * 100_000 +
    (date.charCodeAt(3) - 48) * 10_000 +
    (date.charCodeAt(5) - 48) * 1000 +
    (date.charCodeAt(6) - 48) * 100 +
    (date.charCodeAt(8) - 48) * 10 +
    date.charCodeAt(9) -
    48
  );
}

/** A policy or catalogue with its validity window as {@link dayKey}s. */
interface DatedEntry<T> {
  readonly item: T;
  readonly from: number;
  readonly to: number;
}

function dated<T extends { readonly from: string; readonly to: string }>(item: T): DatedEntry<T> {
  return { item, from: dayKey(item.from), to: dayKey(item.to) };
}

function pickDated<T>(candidates: readonly DatedEntry<T>[], day: number): T | undefined {
  for (let i = 0; i < candidates.length; i++) {
    const entry = candidates[i] as DatedEntry<T>;
    if (entry.from <= day && day <= entry.to) return entry.item;
  }
  return undefined;
}

function groupByRegion<T extends { readonly region: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.region);
    if (list) list.push(item);
    else map.set(item.region, [item]);
  }
  return map;
}

/** What a region code resolves to, once: its province, and the policies and catalogues of it and its ancestors. */
interface RegionEntry {
  readonly province: string;
  /** Most specific region first. */
  readonly policies: readonly DatedEntry<CompiledPolicy>[];
  readonly catalogues: readonly DatedEntry<CompiledCatalogue>[];
}

/**
 * Compile policies and catalogues once into a settler (创建结算器): every policy and catalogue is validated with its
 * zod schema, rates become basis points, catalogues become hash maps; overlapping validity windows for one region
 * are rejected. `settle(claim, accumulators)` then:
 * 1. checks the claim with the fast guard {@link isClaim} (zod only on failure, to build the error);
 * 2. decides from the regions whether the claim is cross-province (`@carekit/core/regions`);
 * 3. takes the catalogue of the treatment region and the policy of the insured region (就医地目录、参保地政策), the
 *    most specific region first, valid on the discharge date;
 * 4. classifies charges: 丙类 → `fullSelfPay`; above the unit price cap → `overLimitSelfPay`; class B × the
 *    pre-self-pay rate of the treatment place or the insured place (policy parameter) → `preSelfPay`;
 * 5. applies the registration adjustment for temporary patients of a cross-province claim (none for long-term
 *    residents and same-province claims);
 * 6. takes the deductible (per admission, first or later stay; per year for outpatient care), then runs the pooled
 *    fund at the (adjusted) rate up to its annual cap and monthly quota, then each further fund in order;
 * 7. returns the breakdown, the trace and the updated accumulators (a new object; the input is not changed).
 *
 * @param options - `policies`, `catalogues`, `trace` (default `true`), `trustInput` (default `false`)
 * @returns a {@link Settler}
 * @throws {CarekitError} `INVALID_INPUT` for bad options, `INVALID_POLICY` / `INVALID_CATALOGUE` with the path of the
 *   offending field (e.g. `policies[0].schemes.employee.inpatient.inService.level2`)
 * @see 医保发〔2022〕22号 (就医地目录、参保地政策; temporary-patient ceilings), policy-facts §A1–A3, §A6
 * @example
 * {@includeCode ../test/settle.test.ts#example}
 */
export function createSettler(options: SettlerOptions): Settler {
  parseInput(SettlerOptionsSchema, options, { label: { en: "settler options", zh: "结算器参数" } });
  const policies = options.policies.map(compilePolicy);
  const catalogues = options.catalogues.map(compileCatalogue);
  assertNoOverlap(policies, "policies");
  assertNoOverlap(catalogues, "catalogues");
  const policiesByRegion = groupByRegion(policies);
  const cataloguesByRegion = groupByRegion(catalogues);
  const withTrace = options.trace ?? true;
  const trusted = options.trustInput ?? false;
  const regions = new Map<string, RegionEntry>();
  const outcome: FundOutcome = { paid: 0, covered: 0, below: 0, passOn: 0 };

  /** Resolve a region code (cached): `UNKNOWN_REGION` for a code not in the bundled table. */
  function regionEntry(code: string, path: string): RegionEntry {
    const cached = regions.get(code);
    if (cached) return cached;
    const found: { policies: DatedEntry<CompiledPolicy>[]; catalogues: DatedEntry<CompiledCatalogue>[] } = {
      policies: [],
      catalogues: [],
    };
    let region = regionOf(code, path);
    for (;;) {
      found.policies.push(...(policiesByRegion.get(region.code) ?? []).map(dated));
      found.catalogues.push(...(cataloguesByRegion.get(region.code) ?? []).map(dated));
      if (region.parent === null) break;
      region = regionOf(region.parent);
    }
    const entry = { province: provinceOf(code), ...found };
    regions.set(code, entry);
    return entry;
  }

  /** The accumulators to read for this claim; the shared zero state when none are given or they are of another year. */
  function checkedAccumulators(accumulators: Accumulators | undefined, claim: Claim, year: number): Accumulators {
    if (accumulators === undefined) return ZERO;
    if (!isAccumulators(accumulators)) {
      parseInput(AccumulatorsSchema, accumulators, {
        path: ["accumulators"],
        label: { en: "accumulators", zh: "年度累计" },
      });
    }
    if (accumulators.personId !== claim.personId) {
      throw fieldError(
        "ACCUMULATOR_MISMATCH",
        "accumulators.personId",
        `accumulators of ${accumulators.personId} passed for a claim of ${claim.personId}`,
        `传入的年度累计属于 ${accumulators.personId}，而单据属于 ${claim.personId}`,
      );
    }
    return accumulators.year === year ? accumulators : ZERO;
  }

  function settle(input: unknown, accumulators?: Accumulators): Settlement {
    if (!trusted && !isClaim(input)) {
      parseInput(ClaimSchema, input, { label: { en: "claim", zh: "结算单据" } });
    }
    const claim = input as Claim;
    // ISO dates are validated: the year is their first four digits (a test checks this against date-fns getYear).
    const date = claim.dischargeDate;
    const year =
      (date.charCodeAt(0) - 48) * 1000 +
      (date.charCodeAt(1) - 48) * 100 +
      (date.charCodeAt(2) - 48) * 10 +
      date.charCodeAt(3) -
      48;
    const day =
      year * 10_000 +
      (date.charCodeAt(5) - 48) * 1000 +
      (date.charCodeAt(6) - 48) * 100 +
      (date.charCodeAt(8) - 48) * 10 +
      date.charCodeAt(9) -
      48;
    const acc = accumulators === undefined ? ZERO : checkedAccumulators(accumulators, claim, year);
    const insured = regions.get(claim.insuredRegion) ?? regionEntry(claim.insuredRegion, "insuredRegion");
    const treatment = regions.get(claim.treatmentRegion) ?? regionEntry(claim.treatmentRegion, "treatmentRegion");
    const crossProvince = insured.province !== treatment.province;

    const policy = pickDated(insured.policies, day);
    if (policy === undefined) {
      throw fieldError(
        "UNKNOWN_POLICY",
        "insuredRegion",
        `no policy for insured region ${claim.insuredRegion} on ${date}`,
        `参保地 ${claim.insuredRegion} 在 ${date} 没有有效的政策`,
      );
    }
    const catalogue = pickDated(treatment.catalogues, day);
    if (catalogue === undefined) {
      throw fieldError(
        "UNKNOWN_CATALOGUE",
        "treatmentRegion",
        `no catalogue for treatment region ${claim.treatmentRegion} on ${date}`,
        `就医地 ${claim.treatmentRegion} 在 ${date} 没有有效的目录`,
      );
    }
    const rules = policy.schemes[claim.scheme];
    if (rules === undefined) {
      throw fieldError(
        "UNKNOWN_POLICY",
        "scheme",
        `policy ${policy.source.id} has no rules for scheme ${claim.scheme}`,
        `政策 ${policy.source.id} 没有 ${claim.scheme} 险种的规定`,
      );
    }
    const rounding = policy.rounding;

    // 4. classify charges against the treatment place's catalogue
    let classA = 0;
    let classB = 0;
    let classC = 0;
    let over = 0;
    let classBPre = 0;
    const charges = claim.charges;
    if (charges.kind === "totals") {
      classA = charges.classAFen;
      classB = charges.classBFen;
      classC = charges.classCFen;
      over = charges.overPriceCapFen;
      classBPre = applyRateFast(classB, policy.insuredClassBBp ?? catalogue.classBBp, rounding);
    } else {
      const lines = charges.lines;
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as (typeof lines)[number];
        const item = catalogue.items.get(line.itemCode);
        if (item === undefined) {
          if (policy.rejectUnknownItems) {
            throw fieldError(
              "UNKNOWN_ITEM",
              `charges.lines[${i}].itemCode`,
              `item ${line.itemCode} is not in catalogue ${catalogue.source.id}`,
              `项目 ${line.itemCode} 不在目录 ${catalogue.source.id} 中`,
            );
          }
          classC += line.amountFen;
          continue;
        }
        let amount = line.amountFen;
        if (item.capFen !== undefined) {
          const allowed = item.capFen * (line.quantity ?? 1);
          if (amount > allowed) {
            over += amount - allowed;
            amount = allowed;
          }
        }
        if (item.cls === "A") classA += amount;
        else if (item.cls === "C") classC += amount;
        else {
          classB += amount;
          classBPre += applyRateFast(amount, policy.insuredClassBBp ?? item.preBp, rounding);
        }
      }
    }
    const total = classA + classB + classC + over;

    // 5. registration adjustment (cross-province temporary patients only)
    const registration = claim.registration.kind;
    const adjustment =
      !crossProvince || registration === "longTermResident" ? NO_ADJUSTMENT : policy.adjustments[registration];
    if (adjustment.kind === "notSettleable") {
      throw fieldError(
        "NOT_SETTLEABLE",
        "registration",
        "unregistered cross-province claims are not settled directly under this policy: register (备案) before discharge or claim manually at the insured place",
        "该政策下未备案的跨省就医不能直接结算：请在出院结算前补办备案，或回参保地手工报销",
      );
    }
    const gross = classA + classB - classBPre;
    const registrationPre = adjustment.kind === "preSelfPay" ? applyRateFast(gross, adjustment.bp, rounding) : 0;
    const inScope = gross - registrationPre;
    const preSelfPay = classBPre + registrationPre;

    // 6. deductible and the pooled fund's rate, cap and fund id by care type
    const careType = claim.careType;
    let deductibleLeft: number;
    let baseBp: number;
    let pooledId: string;
    let pooledCap: number;
    let quotaKey = "";
    let quotaRoom = Number.POSITIVE_INFINITY;
    let rule: string;
    if (careType.kind === "inpatient") {
      const row = rules.inpatientRows[rowIndex(claim.personStatus, claim.facilityLevel)] as CompiledStay;
      const benefit = acc.inpatientAdmissions === 0 ? row.first : row.later;
      deductibleLeft = benefit.deductibleFen;
      baseBp = benefit.bp;
      rule = benefit.rule;
      pooledId = "pooled";
      pooledCap = rules.pooledCapFen;
    } else if (careType.kind === "outpatientGeneral") {
      if (rules.general === undefined) {
        throw fieldError(
          "UNKNOWN_POLICY",
          "careType",
          `policy ${policy.source.id} has no general-outpatient rules`,
          `政策 ${policy.source.id} 没有普通门诊的规定`,
        );
      }
      const benefit = rules.general.table[claim.personStatus][claim.facilityLevel];
      deductibleLeft = Math.max(0, benefit.deductibleFen - acc.deductiblePaidFen.outpatientGeneral);
      baseBp = benefit.bp;
      rule = benefit.rule;
      pooledId = "outpatientPooled";
      pooledCap = rules.general.capFen;
    } else {
      const disease = rules.chronic.get(careType.disease);
      if (disease === undefined) {
        throw fieldError(
          "UNKNOWN_DISEASE",
          "careType.disease",
          `disease ${careType.disease} is not an outpatient-chronic disease of policy ${policy.source.id}`,
          `病种 ${careType.disease} 不是政策 ${policy.source.id} 的门诊慢特病病种`,
        );
      }
      deductibleLeft = Math.max(0, disease.deductibleFen - acc.deductiblePaidFen.outpatientChronic);
      baseBp = disease.bp;
      rule = disease.rule;
      pooledId = "pooled";
      pooledCap = rules.pooledCapFen;
      if (disease.quotaFen !== undefined) {
        quotaKey = `${careType.disease}@${date.slice(0, 7)}`;
        quotaRoom = Math.max(0, disease.quotaFen - (acc.chronicMonthlyPaidFen[quotaKey] ?? 0));
      }
    }
    const deductible = Math.min(inScope, deductibleLeft);
    const bp = adjustRate(baseBp, adjustment, rounding);

    // the pooled fund, then each further fund on what the caps left over
    const funds = acc.funds;
    const pooledState: FundState | undefined = funds[pooledId];
    const pooledPaidBefore = pooledState?.paidFen ?? 0;
    const capLeft = pooledCap > pooledPaidBefore ? pooledCap - pooledPaidBefore : 0;
    const pooledRoom = Math.min(capLeft, quotaRoom);
    const eligible = inScope - deductible;
    // the pooled fund: one open segment from 0 at the (adjusted) rate, no threshold (`runFund` specialised)
    let fundPaid: number;
    let coinsurance: number;
    let passOn: number;
    const need = eligible * bp;
    if (need <= pooledRoom * BP) {
      const paid = divideByBp(need, rounding);
      fundPaid = Math.min(paid, pooledRoom);
      coinsurance = eligible - fundPaid;
      passOn = 0;
    } else {
      // the cap binds: the fund pays exactly its room, which takes ⌈room / bp⌉ fen of cost
      const part = divideUnchecked(pooledRoom * BP, bp, "up");
      fundPaid = pooledRoom;
      coinsurance = part - pooledRoom;
      passOn = eligible - part;
    }
    let fundTotal = fundPaid;
    const pooledNext: FundState = {
      baseFen: (pooledState === undefined ? 0 : pooledState.baseFen) + eligible,
      paidFen: pooledPaidBefore + fundPaid,
    };
    let nextFunds: Record<string, FundState>;
    if (funds === ZERO.funds) {
      nextFunds = {};
      nextFunds[pooledId] = pooledNext;
    } else {
      nextFunds = { ...funds };
      nextFunds[pooledId] = pooledNext;
    }
    const further = rules.further[careType.kind];
    const furtherFunds: FundPayment[] = further.length === 0 ? [] : new Array(further.length);
    for (let f = 0; f < further.length; f++) {
      const fund = further[f] as CompiledFund;
      const state = funds[fund.id];
      const paidBefore = state?.paidFen ?? 0;
      const baseBefore = state?.baseFen ?? 0;
      const room = fund.annualCapFen > paidBefore ? fund.annualCapFen - paidBefore : 0;
      runFund(passOn, baseBefore, fund.thresholdFen, fund.upTo, fund.bp, room, rounding, outcome);
      coinsurance += outcome.covered - outcome.paid + outcome.below;
      nextFunds[fund.id] = { baseFen: baseBefore + passOn, paidFen: paidBefore + outcome.paid };
      passOn = outcome.passOn;
      fundTotal += outcome.paid;
      furtherFunds[f] = { id: fund.id, kind: fund.kind, label: fund.label, paidFen: outcome.paid };
    }
    const overCap = passOn;
    const patientPays = classC + over + preSelfPay + deductible + coinsurance + overCap;

    const next: Accumulators = {
      personId: claim.personId,
      year,
      inpatientAdmissions: acc.inpatientAdmissions + (careType.kind === "inpatient" ? 1 : 0),
      deductiblePaidFen: {
        inpatient: acc.deductiblePaidFen.inpatient + (careType.kind === "inpatient" ? deductible : 0),
        outpatientGeneral:
          acc.deductiblePaidFen.outpatientGeneral + (careType.kind === "outpatientGeneral" ? deductible : 0),
        outpatientChronic:
          acc.deductiblePaidFen.outpatientChronic + (careType.kind === "outpatientChronic" ? deductible : 0),
      },
      funds: nextFunds,
      chronicMonthlyPaidFen:
        quotaKey === ""
          ? acc.chronicMonthlyPaidFen
          : { ...acc.chronicMonthlyPaidFen, [quotaKey]: (acc.chronicMonthlyPaidFen[quotaKey] ?? 0) + fundPaid },
    };

    const result: SettlementResult = {
      claimId: claim.id,
      personId: claim.personId,
      year,
      careType: careType.kind,
      crossProvince,
      policyId: policy.source.id,
      catalogueId: catalogue.source.id,
      total,
      fullSelfPay: classC,
      overLimitSelfPay: over,
      preSelfPay,
      inScope,
      deductible,
      fundPaid,
      fundRateBasisPoints: bp,
      furtherFunds,
      fundTotal,
      coinsurance,
      overCap,
      patientPays,
      trace: withTrace
        ? explain({
            claim,
            policy,
            catalogue,
            crossProvince,
            adjustment,
            amounts: { total, classC, over, classBPre, registrationPre, inScope, deductible, fundPaid, bp, overCap },
            rule,
            pooledId,
            furtherFunds,
            patientPays,
          })
        : NO_TRACE,
    };
    return { result, accumulators: next };
  }

  return {
    settle,
    settleBatch: (claims, accumulators) => settleBatchWith(settle, claims, accumulators),
    settleBatchAsync: async (claims, accumulators) => settleBatchWith(settle, await collect(claims), accumulators),
  };
}

interface Explain {
  readonly claim: Claim;
  readonly policy: CompiledPolicy;
  readonly catalogue: CompiledCatalogue;
  readonly crossProvince: boolean;
  readonly adjustment: CompiledAdjustment;
  readonly amounts: {
    readonly total: number;
    readonly classC: number;
    readonly over: number;
    readonly classBPre: number;
    readonly registrationPre: number;
    readonly inScope: number;
    readonly deductible: number;
    readonly fundPaid: number;
    readonly bp: number;
    readonly overCap: number;
  };
  readonly rule: string;
  readonly pooledId: string;
  readonly furtherFunds: readonly FundPayment[];
  readonly patientPays: number;
}

const POOLED_LABELS: Readonly<Record<string, Label>> = {
  pooled: { zh: "统筹基金支付", en: "pooled fund" },
  outpatientPooled: { zh: "门诊统筹支付", en: "outpatient pooled fund" },
};

function explain(x: Explain): TraceStep[] {
  const p = x.policy.source;
  const c = x.catalogue.source;
  const a = x.amounts;
  const adjustment = x.adjustment;
  const registrationRule = !x.crossProvince
    ? "sameProvince: local policy, no adjustment"
    : x.claim.registration.kind === "longTermResident"
      ? "longTermResident: local standard (参保地本地就医标准)"
      : `crossProvince.${x.claim.registration.kind}: ${adjustment.kind}`;
  const steps: TraceStep[] = [
    {
      step: "scope",
      label: STEP_LABELS.scope,
      amountFen: a.total,
      rule: `${x.claim.insuredRegion} → ${x.claim.treatmentRegion}: ${x.crossProvince ? "crossProvince" : "sameProvince"}`,
      origin: "national",
      source: NATIONAL_SOURCE,
    },
    {
      step: "catalogue",
      label: STEP_LABELS.catalogue,
      amountFen: a.total,
      rule: "items",
      origin: "treatmentPlace",
      source: c,
    },
    {
      step: "fullSelfPay",
      label: STEP_LABELS.fullSelfPay,
      amountFen: a.classC,
      rule: "class C",
      origin: "treatmentPlace",
      source: c,
    },
    {
      step: "overLimitSelfPay",
      label: STEP_LABELS.overLimitSelfPay,
      amountFen: a.over,
      rule: "priceCapFen",
      origin: "treatmentPlace",
      source: c,
    },
    {
      step: "preSelfPay",
      label: STEP_LABELS.preSelfPay,
      amountFen: a.classBPre,
      rule: x.policy.insuredClassBBp === undefined ? "catalogue.classBPreSelfPayRate" : "policy.preSelfPay.classBRate",
      origin: x.policy.insuredClassBBp === undefined ? "treatmentPlace" : "insuredPlace",
      source: x.policy.insuredClassBBp === undefined ? c : p,
    },
    {
      step: "registration",
      label: STEP_LABELS.registration,
      amountFen: a.registrationPre,
      rule: registrationRule,
      origin: adjustment.kind === "none" ? "national" : "insuredPlace",
      source: adjustment.kind === "none" ? NATIONAL_SOURCE : p,
    },
    {
      step: "inScope",
      label: STEP_LABELS.inScope,
      amountFen: a.inScope,
      rule: "A + B − preSelfPay",
      origin: "treatmentPlace",
      source: c,
    },
    {
      step: "deductible",
      label: STEP_LABELS.deductible,
      amountFen: a.deductible,
      rule: x.rule,
      origin: "insuredPlace",
      source: p,
    },
    {
      step: "fund",
      label: POOLED_LABELS[x.pooledId] ?? STEP_LABELS.fund,
      amountFen: a.fundPaid,
      basisPoints: a.bp,
      rule: x.rule,
      origin: "insuredPlace",
      source: p,
    },
  ];
  for (const fund of x.furtherFunds) {
    steps.push({
      step: "fund",
      label: fund.label,
      amountFen: fund.paidFen,
      rule: `furtherFunds.${fund.id}`,
      origin: "insuredPlace",
      source: p,
    });
  }
  steps.push(
    {
      step: "overCap",
      label: STEP_LABELS.overCap,
      amountFen: a.overCap,
      rule: "annual caps",
      origin: "insuredPlace",
      source: p,
    },
    {
      step: "patientPays",
      label: STEP_LABELS.patientPays,
      amountFen: x.patientPays,
      rule: "sum",
      origin: "insuredPlace",
      source: p,
    },
  );
  return steps;
}
