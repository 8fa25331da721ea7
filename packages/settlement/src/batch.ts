import { type BatchError, type BatchItem, iterateBatch, iterateBatchAsync, parseInput } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import { type Accumulators, AccumulatorsSchema, START_OF_YEAR } from "./accumulators.js";
import { type Claim, ClaimSchema } from "./claim.js";
import { isClaim } from "./internal/claim-guard.js";
import type {
  SettledClaim,
  SettleInput,
  Settlement,
  SettlementBatchError,
  SettlementBatchInput,
  SettlementBatchResult,
} from "./types.js";

type SettleOne = (input: SettleInput) => Settlement;

/** One person's state in a running batch: the accumulators of the last settled claim and its discharge date. */
interface PersonState {
  accumulators: Accumulators | undefined;
  lastDischarge: string;
  /** The final accumulators of earlier years, oldest first. */
  readonly years: Accumulators[];
}

function claimIdOf(input: unknown): string | null {
  try {
    const id = typeof input === "object" && input !== null ? (input as { id?: unknown }).id : undefined;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}

/** The starting accumulators of a batch, validated up front (a bad one is an error of the call, not of a claim). */
function startingStates(initial: unknown): Map<string, Accumulators> {
  const start = new Map<string, Accumulators>();
  if (initial === undefined) return start;
  if (
    typeof initial !== "object" ||
    initial === null ||
    typeof (initial as Iterable<unknown>)[Symbol.iterator] !== "function"
  ) {
    throw fieldError(
      "INVALID_INPUT",
      "accumulators",
      "must be an iterable of accumulators (an array; [] when every person starts the year in this batch)",
      "必须是年度累计的可迭代对象（数组；所有人均从年初开始时传 []）",
    );
  }
  let index = 0;
  for (const item of initial as Iterable<unknown>) {
    const accumulators = parseInput(AccumulatorsSchema, item, {
      path: ["accumulators", index],
      label: { en: "accumulators", zh: "年度累计" },
    });
    const known = start.get(accumulators.personId);
    if (known !== undefined && known.year === accumulators.year) {
      throw fieldError(
        "INVALID_INPUT",
        `accumulators[${index}].personId`,
        `two accumulators for ${accumulators.personId} in ${accumulators.year}`,
        `${accumulators.personId} 在 ${accumulators.year} 年有两份年度累计`,
      );
    }
    if (known === undefined || known.year < accumulators.year) start.set(accumulators.personId, item as Accumulators);
    index++;
  }
  return start;
}

/** The per-claim step of a batch, closed over the running state of every person. */
function batchStep(settle: SettleOne, start: Map<string, Accumulators>) {
  const people = new Map<string, PersonState>();
  const step = (input: unknown, index: number): SettledClaim => {
    const claim: Claim = isClaim(input)
      ? input
      : parseInput(ClaimSchema, input, { label: { en: "claim", zh: "结算单据" } });
    let person = people.get(claim.personId);
    if (person !== undefined && claim.dischargeDate < person.lastDischarge) {
      throw fieldError(
        "OUT_OF_ORDER",
        "dischargeDate",
        `claim ${claim.id} was discharged on ${claim.dischargeDate}, before this person's previous claim (${person.lastDischarge}): a batch settles each person's claims in discharge-date order, so sort the input by discharge date`,
        `单据 ${claim.id} 的出院日期 ${claim.dischargeDate} 早于此人上一张单据（${person.lastDischarge}）：批量结算按出院日期顺序累计，请先按出院日期排序`,
      );
    }
    const before = person === undefined ? start.get(claim.personId) : person.accumulators;
    const settlement = settle({ claim, accumulators: before ?? START_OF_YEAR });
    if (person === undefined) {
      person = { accumulators: undefined, lastDischarge: claim.dischargeDate, years: [] };
      people.set(claim.personId, person);
    }
    if (person.accumulators !== undefined && person.accumulators.year !== settlement.accumulators.year) {
      person.years.push(person.accumulators);
    }
    person.accumulators = settlement.accumulators;
    person.lastDischarge = claim.dischargeDate;
    return { index, result: settlement.result };
  };
  const finals = (): Accumulators[] => {
    const out: Accumulators[] = [];
    for (const person of people.values()) {
      out.push(...person.years);
      if (person.accumulators !== undefined) out.push(person.accumulators);
    }
    return out;
  };
  return { step, finals };
}

function collector() {
  const results: SettledClaim[] = [];
  const errors: SettlementBatchError[] = [];
  const inputs: unknown[] = [];
  return {
    results,
    errors,
    /** Keep the input of the record being processed until its outcome is known (for the error's claim id). */
    hold(input: unknown) {
      inputs[0] = input;
    },
    add(item: BatchItem<SettledClaim>) {
      if (item.ok) results.push(item.value);
      else errors.push(withClaimId(item.error, inputs[0]));
      inputs[0] = undefined;
    },
  };
}

function withClaimId(error: BatchError, input: unknown): SettlementBatchError {
  return { ...error, claimId: claimIdOf(input) };
}

function isIterable(claims: unknown, asyncToo: boolean): boolean {
  try {
    return (
      typeof claims === "object" &&
      claims !== null &&
      (typeof (claims as Iterable<unknown>)[Symbol.iterator] === "function" ||
        (asyncToo && typeof (claims as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function"))
    );
  } catch {
    return false; // a proxy or getter that throws is no iterable of claims
  }
}

function checkClaims(claims: unknown, asyncToo: boolean): void {
  const ok = isIterable(claims, asyncToo);
  if (!ok) {
    throw fieldError(
      "INVALID_INPUT",
      "claims",
      asyncToo ? "must be an iterable or async iterable of claims" : "must be an iterable of claims (an array)",
      asyncToo ? "必须是单据的可迭代对象或异步可迭代对象" : "必须是单据的可迭代对象（数组）",
    );
  }
}

function checkInput(input: unknown): SettlementBatchInput {
  if (typeof input !== "object" || input === null) {
    throw fieldError(
      "INVALID_INPUT",
      "",
      "expected { claims, accumulators }",
      "参数必须是 { claims, accumulators } 对象",
    );
  }
  try {
    const { claims, accumulators } = input as SettlementBatchInput;
    return { claims, accumulators };
  } catch {
    throw fieldError(
      "UNREADABLE_INPUT",
      "",
      "the batch input could not be read (a getter or proxy threw)",
      "无法读取批量结算参数（读取属性时出错）",
    );
  }
}

/** Tap each input so that a record's error can carry its claim id, then hand it on unchanged. */
function* tap<T>(items: Iterable<T>, hold: (item: T) => void): Generator<T> {
  for (const item of items) {
    hold(item);
    yield item;
  }
}

/**
 * The async twin of {@link tap}, yielding each input in a box: an async generator awaits what it yields (and
 * `for await` over a sync iterable awaits each value), which reads a `then` property — so an unboxed record with a
 * throwing getter would abort the whole batch instead of becoming that record's error.
 */
async function* tapAsync<T>(
  items: Iterable<T> | AsyncIterable<T>,
  hold: (item: T) => void,
): AsyncGenerator<readonly [T]> {
  if (typeof (items as AsyncIterable<T>)[Symbol.asyncIterator] === "function") {
    for await (const item of items as AsyncIterable<T>) {
      hold(item);
      yield [item];
    }
  } else {
    for (const item of items as Iterable<T>) {
      hold(item);
      yield [item];
    }
  }
}

/**
 * Settle claims as a stream (批量结算), on core's batch runner: each claim in input order, each person's accumulators
 * carried from claim to claim (a new calendar year starts from zero), every input reported once — as a result or as
 * an error, in input order. A claim discharged before the same person's previous claim is an `OUT_OF_ORDER` error
 * (sort by discharge date first); a claim that cannot be read is `UNREADABLE_INPUT`.
 */
export function settleBatchWith(settle: SettleOne, input: unknown): SettlementBatchResult {
  const { claims, accumulators } = checkInput(input);
  checkClaims(claims, false);
  const { step, finals } = batchStep(settle, startingStates(accumulators));
  const out = collector();
  for (const item of iterateBatch(tap(claims as Iterable<unknown>, out.hold), step)) out.add(item);
  return { results: out.results, errors: out.errors, accumulators: finals() };
}

/** {@link settleBatchWith} over a sync or async iterable, one claim at a time (nothing but the outcomes is held). */
export async function settleBatchAsyncWith(settle: SettleOne, input: unknown): Promise<SettlementBatchResult> {
  const { claims, accumulators } = checkInput(input);
  checkClaims(claims, true);
  const { step, finals } = batchStep(settle, startingStates(accumulators));
  const out = collector();
  const boxed = tapAsync(claims as Iterable<unknown> | AsyncIterable<unknown>, out.hold);
  for await (const item of iterateBatchAsync(boxed, (box, index) => step(box[0], index))) out.add(item);
  return { results: out.results, errors: out.errors, accumulators: finals() };
}
