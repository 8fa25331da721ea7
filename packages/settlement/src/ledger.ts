import { parseInput } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import { type Accumulators, AccumulatorsSchema, SettledAccumulators, START_OF_YEAR } from "./accumulators.js";
import type { Claim } from "./claim.js";
import { dayKey, yearOfDay } from "./internal/day-key.js";
import type { SettlementLedger, SettlementResult } from "./types.js";

/** What a ledger needs of its settler (created by `createSettler`, not part of the API). */
export interface LedgerEngine {
  /** The claim, checked (or, for a settler that trusts its input, taken as it is). */
  readonly check: (given: unknown) => Claim;
  /**
   * Settle a checked claim on `given` — or in place on `owned`, accumulators of the claim's person and year that only
   * the ledger holds — and return the result; `after()` then gives the accumulators after the claim.
   */
  readonly settle: (claim: Claim, given: unknown, owned: SettledAccumulators | null) => SettlementResult;
  readonly after: () => Accumulators;
  /** The settler's boundary: a non-CarekitError thrown while reading the input, as a CarekitError. */
  readonly boundary: (error: unknown) => never;
}

/** One person in a ledger. */
interface Account {
  /** The person's accumulators for `current.year`: the ledger's own, updated in place by the next claim. */
  current: SettledAccumulators;
  /** Whether a claim of `current.year` was settled in this ledger (not only loaded). */
  settled: boolean;
  /** The previous settled claim's discharge date (`""` before the first). */
  lastDischarge: string;
  /** The final accumulators of earlier years settled in this ledger, oldest first. */
  readonly years: SettledAccumulators[];
}

/** A copy of accumulators that nothing else holds (every record copied), for the ledger to update in place. */
function own(accumulators: Accumulators): SettledAccumulators {
  const funds: Record<string, { baseFen: number; paidFen: number }> = {};
  for (const id in accumulators.funds) {
    const state = accumulators.funds[id] as { baseFen: number; paidFen: number };
    funds[id] = { baseFen: state.baseFen, paidFen: state.paidFen };
  }
  return new SettledAccumulators(
    accumulators.personId,
    accumulators.year,
    accumulators.inpatientAdmissions,
    { ...accumulators.deductiblePaidFen },
    funds,
    { ...accumulators.chronicMonthlyPaidFen },
  );
}

/** The accounts of a ledger's starting accumulators: each validated, the latest year of a person kept. */
function load(initial: unknown): Map<string, Account> {
  const accounts = new Map<string, Account>();
  const seen = new Set<string>(); // person and year of every starting accumulator
  if (
    typeof initial !== "object" ||
    initial === null ||
    typeof (initial as Iterable<unknown>)[Symbol.iterator] !== "function"
  ) {
    throw fieldError(
      "INVALID_INPUT",
      "accumulators",
      "must be an iterable of accumulators (an array; [] when every person starts the year with these claims)",
      "必须是年度累计的可迭代对象（数组；所有人均从年初开始时传 []）",
    );
  }
  let index = 0;
  for (const item of initial as Iterable<unknown>) {
    const accumulators = parseInput(AccumulatorsSchema, item, {
      path: ["accumulators", index],
      label: { en: "accumulators", zh: "年度累计" },
    });
    const key = `${accumulators.year}@${accumulators.personId}`;
    if (seen.has(key)) {
      throw fieldError(
        "INVALID_INPUT",
        `accumulators[${index}].personId`,
        `two accumulators for ${accumulators.personId} in ${accumulators.year}`,
        `${accumulators.personId} 在 ${accumulators.year} 年有两份年度累计`,
      );
    }
    seen.add(key);
    const known = accounts.get(accumulators.personId);
    if (known === undefined || known.current.year < accumulators.year) {
      accounts.set(accumulators.personId, { current: own(accumulators), settled: false, lastDischarge: "", years: [] });
    }
    index++;
  }
  return accounts;
}

function outOfOrder(claim: Claim, previous: string): never {
  throw fieldError(
    "OUT_OF_ORDER",
    "dischargeDate",
    `claim ${claim.id} was discharged on ${claim.dischargeDate}, before this person's previous claim (${previous}): accumulators are carried in discharge-date order, so sort the input by discharge date`,
    `单据 ${claim.id} 的出院日期 ${claim.dischargeDate} 早于此人上一张单据（${previous}）：年度累计按出院日期顺序结转，请先按出院日期排序`,
  );
}

/** A {@link SettlementLedger}, with what `settleBatch` reads besides: the accumulators of the persons it settled. */
export interface LedgerWithFinals extends SettlementLedger {
  /** Every year settled in this ledger, each person's years in turn (loaded accumulators never settled left out). */
  settledAccumulators(): Accumulators[];
}

/**
 * A ledger over `engine` starting from `initial` (see `Settler.ledger`): each person's accumulators are held once and
 * updated in place claim by claim (the settler changes them only after every check has passed and the result is
 * built, so a claim that is refused changes nothing).
 */
export function createLedger(engine: LedgerEngine, initial: unknown): LedgerWithFinals {
  let accounts: Map<string, Account>;
  try {
    accounts = load(initial); // (an iterator or getter that throws is the settler's UNREADABLE_INPUT)
  } catch (error) {
    engine.boundary(error);
  }
  /** The accounts with a settled claim, in the order of their first one. */
  const settledOrder: Account[] = [];

  function settleOne(given: unknown): SettlementResult {
    const claim = engine.check(given);
    const personId = claim.personId;
    const account = accounts.get(personId);
    if (account === undefined) {
      const result = engine.settle(claim, START_OF_YEAR, null);
      const opened: Account = {
        current: engine.after() as SettledAccumulators, // new, and held by nothing else
        settled: true,
        lastDischarge: claim.dischargeDate,
        years: [],
      };
      accounts.set(personId, opened);
      settledOrder.push(opened);
      return result;
    }
    if (claim.dischargeDate < account.lastDischarge) outOfOrder(claim, account.lastDischarge);
    const current = account.current;
    const year = yearOfDay(dayKey(claim.dischargeDate));
    let result: SettlementResult;
    if (current.year === year) result = engine.settle(claim, null, current);
    else {
      // another year: the settler refuses an earlier one (ACCUMULATOR_MISMATCH) and starts a later one from zero
      result = engine.settle(claim, current, null);
      if (account.settled) account.years.push(current);
      account.current = engine.after() as SettledAccumulators;
    }
    if (!account.settled) {
      account.settled = true;
      settledOrder.push(account);
    }
    account.lastDischarge = claim.dischargeDate;
    return result;
  }

  return {
    settle(claim) {
      try {
        return settleOne(claim);
      } catch (error) {
        return engine.boundary(error);
      }
    },
    accumulatorsOf(personId) {
      const account = accounts.get(personId);
      return account === undefined ? undefined : own(account.current);
    },
    accumulators() {
      const out: Accumulators[] = [];
      for (const account of accounts.values()) {
        for (const year of account.years) out.push(own(year));
        out.push(own(account.current));
      }
      return out;
    },
    settledAccumulators() {
      const out: Accumulators[] = [];
      for (const account of settledOrder) {
        for (const year of account.years) out.push(year);
        out.push(account.current);
      }
      return out;
    },
    get size() {
      return accounts.size;
    },
  };
}
