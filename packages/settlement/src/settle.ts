import { isCarekitError, parseInput } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import {
  type Accumulators,
  AccumulatorsSchema,
  freshAccumulators,
  isAccumulators,
  isStartOfYear,
  MAX_ACCUMULATED_FEN,
  SettledAccumulators,
  START_OF_YEAR,
} from "./accumulators.js";
import { settleBatchAsyncWith, settleBatchWith } from "./batch.js";
import type { Claim } from "./claim.js";
import {
  assertNoOverlap,
  type CompiledAdjustment,
  type CompiledFund,
  type CompiledStay,
  compileCatalogue,
  compilePolicy,
  EMPTY_STATE,
  type FundState,
  rowIndex,
  type SettlerOptions,
  SettlerOptionsSchema,
} from "./compile.js";
import { pickDated } from "./dates.js";
import { explain } from "./explanation.js";
import { adjustRate, type FundOutcome, runFund } from "./funds.js";
import { applyRateFast } from "./internal/arith.js";
import { validClaim } from "./internal/claim-guard.js";
import { dayKey, yearOfDay } from "./internal/day-key.js";
import { type PooledOutcome, payPooled } from "./internal/pooled-fund.js";
import { createLedger, type LedgerEngine } from "./ledger.js";
import { regionResolver } from "./regions.js";
import type { SettlementTraceStep } from "./trace.js";
import type { FundPayment, SettleInput, Settlement, SettlementResult, Settler } from "./types.js";

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
const NO_TRACE: readonly SettlementTraceStep[] = Object.freeze([]);
const NO_ADJUSTMENT: CompiledAdjustment = Object.freeze({ kind: "none" });

/** A count or an accumulated amount the settler can add to without leaving the safe integers. */
function isAccumulated(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_ACCUMULATED_FEN;
}

/**
 * The numbers of settler-made accumulators that `settle` reads, checked without walking the records again: the brand
 * vouches for the structure, these checks for what might have been changed since.
 */
function settledStillSound(a: SettledAccumulators): boolean {
  const paid = a.deductiblePaidFen;
  return (
    typeof a.personId === "string" &&
    isAccumulated(a.year) &&
    isAccumulated(a.inpatientAdmissions) &&
    typeof paid === "object" &&
    paid !== null &&
    isAccumulated(paid.inpatient) &&
    isAccumulated(paid.outpatient_general) &&
    isAccumulated(paid.outpatient_chronic) &&
    typeof a.funds === "object" &&
    a.funds !== null &&
    typeof a.chronicMonthlyPaidFen === "object" &&
    a.chronicMonthlyPaidFen !== null
  );
}

/**
 * A ledger's accumulators, checked like settler-made ones passed back (the numbers `settle` reads): a claim the
 * settler was told to trust may have left numbers no valid claim could, and they are refused, never carried on.
 */
function stillSound(owned: SettledAccumulators): SettledAccumulators {
  if (settledStillSound(owned)) return owned;
  parseInput(AccumulatorsSchema, owned, { path: ["accumulators"], label: { en: "accumulators", zh: "年度累计" } });
  throw fieldError("INVALID_INPUT", "accumulators", "the ledger's accumulators are broken", "台账中的年度累计已损坏");
}

/** A fund's state read from accumulators, each number checked (a settler-made record may have been changed). */
function fundState(funds: Accumulators["funds"], id: string, path: string): FundState | undefined {
  const state = funds[id];
  if (state === undefined) return undefined;
  if (typeof state !== "object" || state === null || !isAccumulated(state.baseFen) || !isAccumulated(state.paidFen)) {
    throw fieldError(
      "INVALID_INPUT",
      `accumulators.funds.${id}`,
      `fund state ${id} is not { baseFen, paidFen } in fen (${path})`,
      `基金 ${id} 的累计不是以分计的 { baseFen, paidFen }（${path}）`,
    );
  }
  return state;
}

/** Record a fund's state in accumulators the ledger owns (the shared zero state is replaced, never changed). */
function setFund(funds: Record<string, FundState>, id: string, baseFen: number, paidFen: number): void {
  const state = funds[id] as Mutable<FundState> | undefined;
  if (state === undefined || state === EMPTY_STATE) funds[id] = { baseFen, paidFen };
  else {
    state.baseFen = baseFen;
    state.paidFen = paidFen;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function overflow(path: string): never {
  throw fieldError(
    "OUT_OF_RANGE",
    path,
    `the accumulated amount would exceed ${MAX_ACCUMULATED_FEN} fen`,
    `累计金额将超过 ${MAX_ACCUMULATED_FEN} 分`,
  );
}

/**
 * Compile policies and catalogues once into a settler (创建结算器): each policy and catalogue is validated with its
 * zod schema, rates become basis points, catalogues become hash maps, and overlapping validity windows for one region
 * are rejected. `settle({ claim, accumulators })` then applies 就医地目录、参保地政策 — the treatment place's
 * catalogue, the insured place's policy — step by step; `docs/settlement.md` walks through the algorithm.
 *
 * @param options - `policies` (参保地政策), `catalogues` (就医地目录), `trace` (default `true`), `trustInput`
 *   (default `false`)
 * @returns a {@link Settler} with `settle`, `settleBatch`, `settleBatchAsync` and `ledger`
 * @throws {CarekitError} `INVALID_INPUT` for bad options, `INVALID_POLICY` / `INVALID_CATALOGUE` with the path of the
 *   offending field (e.g. `policies[0].schemes.employee.inpatient.in_service.level2`)
 * @see 国家医保局 财政部《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》(医保发〔2022〕22号, 2022-07-26,
 *   https://www.nhsa.gov.cn/art/2022/7/26/art_104_8629.html): 就医地目录、参保地政策, and the ceilings of the
 *   temporary patients' adjustments
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
 * // a 成都锦江区 employee treated at a 三级 hospital in 重庆大足区, charges already classified
 * const claim = {
 *   id: "c-1", personId: "p-1", insuredRegion: "510104", treatmentRegion: "500111", scheme: "employee",
 *   personStatus: "in_service", hospitalGrade: "level3", careType: { kind: "inpatient" },
 *   admissionDate: "2024-12-22", dischargeDate: "2024-12-31", registration: { kind: "long_term_resident" },
 *   charges: { kind: "totals", classAFen: 250_000, classBFen: 60_000, classCFen: 15_399, overPriceCapFen: 10_000 },
 * };
 * const { result, accumulators } = settler.settle({ claim, accumulators: START_OF_YEAR });
 * result.pooledFundPaidFen;
 * // → 190_400
 * result.fundsPaidFen + result.patientPaysFen === result.totalFen;
 * // → true
 * // the person's next claim of the year takes these accumulators: a second stay
 * accumulators.inpatientAdmissions;
 * // → 1
 * ```
 */
export function createSettler(options: SettlerOptions): Settler {
  parseInput(SettlerOptionsSchema, options, { label: { en: "settler options", zh: "结算器参数" } });
  const policies = options.policies.map(compilePolicy);
  const catalogues = options.catalogues.map(compileCatalogue);
  assertNoOverlap(policies, "policies");
  assertNoOverlap(catalogues, "catalogues");
  const resolveRegion = regionResolver(policies, catalogues);
  const withTrace = options.trace ?? true;
  const trusted = options.trustInput ?? false;
  const regions = new Map<string, ReturnType<typeof resolveRegion>>();
  const fundOutcome: FundOutcome = { paid: 0, covered: 0, below: 0, passOn: 0 };
  const pooled: PooledOutcome = { paid: 0, coinsurance: 0, passOn: 0 };
  // the further funds' states after a claim, by the fund's place in its care type's list, until every check passed
  const reachedBase: number[] = [];
  const reachedPaid: number[] = [];
  /** The accumulators after the claim `settleClaim` settled last, read by its caller straight after. */
  let next: Accumulators = ZERO;

  function region(code: string, path: string) {
    const entry = regions.get(code);
    if (entry !== undefined) return entry;
    const resolved = resolveRegion(code, path);
    regions.set(code, resolved);
    return resolved;
  }

  /** The accumulators to read for this claim: checked, of this person, and the zero state for a new year. */
  function accumulatorsFor(given: unknown, claim: Claim, year: number): Accumulators {
    if (given === START_OF_YEAR) return ZERO;
    let accumulators: Accumulators;
    if (SettledAccumulators.is(given) && settledStillSound(given)) accumulators = given;
    else if (isStartOfYear(given)) return ZERO;
    else if (isAccumulators(given)) accumulators = given;
    else {
      if (given === undefined) {
        throw fieldError(
          "INVALID_INPUT",
          "accumulators",
          "the person's accumulators are required: pass those the previous settle returned, accumulatorsFromPlatform(...), or START_OF_YEAR for the first claim of the year",
          "必须传入此人的年度累计：上一次结算返回的累计、accumulatorsFromPlatform(...) 的结果，或本年度首次结算时传 START_OF_YEAR",
        );
      }
      accumulators = parseInput(AccumulatorsSchema, given, {
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
    if (accumulators.year > year) {
      throw fieldError(
        "ACCUMULATOR_MISMATCH",
        "accumulators.year",
        `accumulators of ${accumulators.year} passed for a claim discharged in ${year}`,
        `传入的是 ${accumulators.year} 年的累计，而单据在 ${year} 年出院`,
      );
    }
    return accumulators.year === year ? accumulators : ZERO;
  }

  /** The claim, checked against `ClaimSchema` unless the settler trusts its input. */
  function checkedClaim(given: unknown): Claim {
    return trusted ? (given as Claim) : validClaim(given);
  }

  function settleOne(input: SettleInput): Settlement {
    if (typeof input !== "object" || input === null) {
      throw fieldError(
        "INVALID_INPUT",
        "",
        "expected { claim, accumulators }",
        "参数必须是 { claim, accumulators } 对象",
      );
    }
    const result = settleClaim(checkedClaim(input.claim), input.accumulators, null);
    return { result, accumulators: next };
  }

  /**
   * Settle a checked claim on the person's accumulators `given` — or, for a ledger, on `owned`: accumulators of the
   * claim's person and year that only the ledger holds, then updated in place. The accumulators after the claim are
   * left in `next` for the caller.
   */
  function settleClaim(claim: Claim, given: unknown, owned: SettledAccumulators | null): SettlementResult {
    const date = claim.dischargeDate;
    const day = dayKey(date);
    const year = yearOfDay(day);
    const acc = owned === null ? accumulatorsFor(given, claim, year) : stillSound(owned);
    const insured = region(claim.insuredRegion, "insuredRegion");
    const treatment = region(claim.treatmentRegion, "treatmentRegion");
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

    // classify the charges against the treatment place's catalogue (就医地目录)
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
      over = charges.overPriceCapFen ?? 0;
      classBPre = applyRateFast(classB, policy.insuredClassBBp ?? catalogue.classBBp, rounding);
    } else {
      const lines = charges.lines;
      if (charges.declaredLineCount !== undefined && charges.declaredLineCount !== lines.length) {
        throw fieldError(
          "LINE_COUNT_MISMATCH",
          "charges.declaredLineCount",
          `the claim declares ${charges.declaredLineCount} lines but carries ${lines.length}`,
          `单据声明 ${charges.declaredLineCount} 条明细，实际为 ${lines.length} 条`,
        );
      }
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
    const declared = claim.declaredTotalFen;
    if (declared !== undefined && declared !== total) {
      throw fieldError(
        "TOTAL_MISMATCH",
        "declaredTotalFen",
        `the charges add up to ${total} fen but the claim declares ${declared} fen (declaredTotalFen), ${Math.abs(declared - total)} fen ${declared > total ? "more" : "less"}`,
        `费用明细合计 ${total} 分，与单据声明的医疗费总额 ${declared} 分不符（相差 ${Math.abs(declared - total)} 分）`,
      );
    }

    // registration adjustment (cross-province temporary patients only)
    const registration = claim.registration.kind;
    const adjustment =
      !crossProvince || registration === "long_term_resident" ? NO_ADJUSTMENT : policy.adjustments[registration];
    if (adjustment.kind === "not_settleable") {
      throw fieldError(
        "NOT_SETTLEABLE",
        "registration",
        "unregistered cross-province claims are not settled directly under this policy: register (备案) before discharge or claim manually at the insured place",
        "该政策下未备案的跨省就医不能直接结算：请在出院结算前补办备案，或回参保地手工报销",
      );
    }
    const gross = classA + classB - classBPre;
    const registrationPre = adjustment.kind === "pre_self_pay" ? applyRateFast(gross, adjustment.bp, rounding) : 0;
    const inScope = gross - registrationPre;
    const preSelfPay = classBPre + registrationPre;

    // deductible and the pooled fund's rate, cap and fund id by care type
    const careType = claim.careType;
    let deductibleLeft: number;
    let baseBp: number;
    let pooledId: string;
    let pooledCap: number;
    let quotaKey = "";
    let quotaRoom = -1; // no monthly quota (an integer sentinel keeps the arithmetic below in small integers)
    let rule: string;
    if (careType.kind === "inpatient") {
      const row = rules.inpatientRows[rowIndex(claim.personStatus, claim.hospitalGrade)] as CompiledStay;
      const benefit = acc.inpatientAdmissions === 0 ? row.first : row.later;
      deductibleLeft = benefit.deductibleFen;
      baseBp = benefit.bp;
      rule = benefit.rule;
      pooledId = "pooled";
      pooledCap = rules.pooledCapFen;
    } else if (careType.kind === "outpatient_general") {
      if (rules.general === undefined) {
        throw fieldError(
          "UNKNOWN_POLICY",
          "careType",
          `policy ${policy.source.id} has no general-outpatient rules`,
          `政策 ${policy.source.id} 没有普通门诊的规定`,
        );
      }
      const benefit = rules.general.table[claim.personStatus][claim.hospitalGrade];
      deductibleLeft = Math.max(0, benefit.deductibleFen - acc.deductiblePaidFen.outpatient_general);
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
      deductibleLeft = Math.max(0, disease.deductibleFen - acc.deductiblePaidFen.outpatient_chronic);
      baseBp = disease.bp;
      rule = disease.rule;
      pooledId = "pooled";
      pooledCap = rules.pooledCapFen;
      if (disease.quotaFen !== undefined) {
        quotaKey = `${careType.disease}@${date.slice(0, 7)}`;
        const usedThisMonth = acc.chronicMonthlyPaidFen[quotaKey] ?? 0;
        if (!isAccumulated(usedThisMonth)) overflow(`accumulators.chronicMonthlyPaidFen.${quotaKey}`);
        quotaRoom = Math.max(0, disease.quotaFen - usedThisMonth);
      }
    }
    const deductible = Math.min(inScope, deductibleLeft);
    const bp = adjustRate(baseBp, adjustment, rounding);

    // the pooled fund, then each further fund on what the caps left over
    const funds = acc.funds;
    const fresh = funds === ZERO.funds; // a first claim of the year: no fund has a state yet
    const pooledState = fresh ? undefined : fundState(funds, pooledId, "pooled fund");
    const pooledPaidBefore = pooledState === undefined ? 0 : pooledState.paidFen;
    const capLeft = pooledCap > pooledPaidBefore ? pooledCap - pooledPaidBefore : 0;
    const pooledRoom = quotaRoom >= 0 && quotaRoom < capLeft ? quotaRoom : capLeft;
    const eligible = inScope - deductible;
    payPooled(eligible, bp, pooledRoom, rounding, pooled);
    const pooledFundPaidFen = pooled.paid;
    let coinsurance = pooled.coinsurance;
    let passOn = pooled.passOn;
    let fundsPaidFen = pooledFundPaidFen;
    const pooledBase = (pooledState === undefined ? 0 : pooledState.baseFen) + eligible;
    if (pooledBase > MAX_ACCUMULATED_FEN) overflow(`accumulators.funds.${pooledId}.baseFen`);
    const further = rules.further[careType.kind];
    // a fund that was presented nothing and paid nothing keeps a shared frozen zero state and payment (most claims
    // never reach the further funds), so only the funds that did something cost an allocation; each fund's new
    // state waits in `reached` until every check has passed, so that a refused claim changes nothing
    let furtherFunds = rules.unpaid[careType.kind];
    let reached = 0;
    for (let f = 0; f < further.length; f++) {
      const fund = further[f] as CompiledFund;
      const state = fresh ? undefined : fundState(funds, fund.id, fund.id);
      if (passOn === 0) continue; // (and so for every later fund: `reached` counts the funds before)
      const paidBefore = state === undefined ? 0 : state.paidFen;
      const baseBefore = state === undefined ? 0 : state.baseFen;
      const room = fund.annualCapFen > paidBefore ? fund.annualCapFen - paidBefore : 0;
      const baseAfter = baseBefore + passOn;
      if (baseAfter > MAX_ACCUMULATED_FEN) overflow(`accumulators.funds.${fund.id}.baseFen`);
      let paid: number;
      if (fund.simple) {
        payPooled(passOn, fund.bp[0] as number, room, rounding, pooled);
        paid = pooled.paid;
        coinsurance += pooled.coinsurance;
        passOn = pooled.passOn;
      } else {
        runFund(passOn, baseBefore, fund.thresholdFen, fund.upTo, fund.bp, room, rounding, fundOutcome);
        paid = fundOutcome.paid;
        coinsurance += fundOutcome.covered - paid + fundOutcome.below;
        passOn = fundOutcome.passOn;
      }
      reachedBase[f] = baseAfter;
      reachedPaid[f] = paidBefore + paid;
      reached = f + 1;
      if (paid !== 0) {
        if (furtherFunds === rules.unpaid[careType.kind]) furtherFunds = furtherFunds.slice();
        (furtherFunds as FundPayment[])[f] = { id: fund.id, kind: fund.kind, label: fund.label, paidFen: paid };
        fundsPaidFen += paid;
      }
    }
    const overCap = passOn;
    const patientPays = classC + over + preSelfPay + deductible + coinsurance + overCap;

    const inpatient = careType.kind === "inpatient";
    const general = careType.kind === "outpatient_general";
    const deductiblesBefore = acc.deductiblePaidFen;
    if (inpatient && deductiblesBefore.inpatient + deductible > MAX_ACCUMULATED_FEN) {
      overflow("accumulators.deductiblePaidFen.inpatient");
    }
    const quotaPaid = quotaKey === "" ? 0 : (acc.chronicMonthlyPaidFen[quotaKey] ?? 0) + pooledFundPaidFen;

    const result: SettlementResult = {
      claimId: claim.id,
      personId: claim.personId,
      year,
      careType: careType.kind,
      crossProvince,
      policyId: policy.source.id,
      catalogueId: catalogue.source.id,
      totalFen: total,
      fullSelfPayFen: classC,
      overLimitSelfPayFen: over,
      preSelfPayFen: preSelfPay,
      inScopeFen: inScope,
      deductibleFen: deductible,
      pooledFundPaidFen,
      pooledFundRateBasisPoints: bp,
      furtherFunds,
      fundsPaidFen,
      coinsuranceFen: coinsurance,
      overCapFen: overCap,
      patientPaysFen: patientPays,
      trace: withTrace
        ? explain({
            claim,
            policy,
            catalogue,
            crossProvince,
            adjustment,
            amounts: {
              total,
              classA,
              classB,
              classC,
              over,
              classBPre,
              registrationPre,
              inScope,
              deductibleLeft,
              deductible,
              pooledRoom,
              pooledPaid: pooledFundPaidFen,
              bp,
              coinsurance,
              overCap,
              patientPays,
            },
            rule,
            pooledId,
            furtherFunds,
          })
        : NO_TRACE,
    };
    // every check has passed and the result is built: the person's accumulators after this claim
    if (owned !== null) {
      // the ledger's own accumulators, changed in place (nothing else holds them)
      const entry = owned as Mutable<SettledAccumulators>;
      const entryFunds = entry.funds as Record<string, FundState>;
      setFund(entryFunds, pooledId, pooledBase, pooledPaidBefore + pooledFundPaidFen);
      for (let f = 0; f < further.length; f++) {
        const id = (further[f] as CompiledFund).id;
        if (f < reached) setFund(entryFunds, id, reachedBase[f] as number, reachedPaid[f] as number);
        else if (entryFunds[id] === undefined) entryFunds[id] = EMPTY_STATE;
      }
      const paid = entry.deductiblePaidFen as Mutable<Accumulators["deductiblePaidFen"]>;
      if (inpatient) paid.inpatient += deductible;
      else if (general) paid.outpatient_general += deductible;
      else paid.outpatient_chronic += deductible;
      if (inpatient) entry.inpatientAdmissions += 1;
      if (quotaKey !== "") {
        if (entry.chronicMonthlyPaidFen === ZERO.chronicMonthlyPaidFen) entry.chronicMonthlyPaidFen = {};
        (entry.chronicMonthlyPaidFen as Record<string, number>)[quotaKey] = quotaPaid;
      }
      next = owned;
    } else {
      // copying a record copies its shape at once; the stores below then only overwrite keys it already has
      const nextFunds: Record<string, FundState> = fresh ? { ...rules.fundTemplates[careType.kind] } : { ...funds };
      nextFunds[pooledId] = { baseFen: pooledBase, paidFen: pooledPaidBefore + pooledFundPaidFen };
      for (let f = 0; f < further.length; f++) {
        const id = (further[f] as CompiledFund).id;
        if (f < reached) nextFunds[id] = { baseFen: reachedBase[f] as number, paidFen: reachedPaid[f] as number };
        else if (!fresh && nextFunds[id] === undefined) nextFunds[id] = EMPTY_STATE; // (a fresh record has it)
      }
      next = new SettledAccumulators(
        claim.personId,
        year,
        acc.inpatientAdmissions + (inpatient ? 1 : 0),
        {
          inpatient: deductiblesBefore.inpatient + (inpatient ? deductible : 0),
          outpatient_general: deductiblesBefore.outpatient_general + (general ? deductible : 0),
          outpatient_chronic:
            deductiblesBefore.outpatient_chronic + (careType.kind === "outpatient_chronic" ? deductible : 0),
        },
        nextFunds,
        quotaKey === "" ? acc.chronicMonthlyPaidFen : { ...acc.chronicMonthlyPaidFen, [quotaKey]: quotaPaid },
      );
    }
    return result;
  }

  /**
   * The boundary: a claim or accumulators whose reading throws (a getter, a proxy) — or, under `trustInput`, a claim
   * too broken to settle — is a CarekitError, never a raw exception.
   */
  function settle(input: SettleInput): Settlement {
    try {
      return settleOne(input);
    } catch (error) {
      return boundary(error);
    }
  }

  const engine: LedgerEngine = { check: checkedClaim, settle: settleClaim, after: () => next, boundary };
  return {
    settle,
    settleBatch: (input) => settleBatchWith(engine, input),
    settleBatchAsync: (input) => settleBatchAsyncWith(engine, input),
    ledger: (input) => createLedger(engine, ledgerStart(input)),
  };
}

function boundary(error: unknown): never {
  if (isCarekitError(error)) throw error;
  throw fieldError(
    "UNREADABLE_INPUT",
    "",
    `the claim or its accumulators could not be read (${errorName(error)})`,
    `无法读取结算单据或年度累计（${errorName(error)}）`,
  );
}

/** The starting accumulators of `Settler.ledger({ accumulators })`. */
function ledgerStart(input: unknown): unknown {
  if (typeof input !== "object" || input === null) {
    throw fieldError("INVALID_INPUT", "", "expected { accumulators }", "参数必须是 { accumulators } 对象");
  }
  try {
    return (input as { accumulators?: unknown }).accumulators;
  } catch {
    throw fieldError(
      "UNREADABLE_INPUT",
      "accumulators",
      "the ledger's accumulators could not be read (a getter or proxy threw)",
      "无法读取台账的年度累计（读取属性时出错）",
    );
  }
}
