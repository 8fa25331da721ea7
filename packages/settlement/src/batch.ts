import { type BatchError, type BatchItem, iterateBatch, iterateBatchAsync } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import { validClaim } from "./internal/claim-guard.js";
import { createLedger, type LedgerEngine } from "./ledger.js";
import type { SettledClaim, SettlementBatchError, SettlementBatchInput, SettlementBatchResult } from "./types.js";

function claimIdOf(input: unknown): string | null {
  try {
    const id = typeof input === "object" && input !== null ? (input as { id?: unknown }).id : undefined;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}

function batchStep(engine: LedgerEngine, initial: unknown) {
  // (a call without starting accumulators has always meant "every person starts the year here")
  // a batch checks every claim, even on a settler that trusts its input: it reads the person and the date first
  const ledger = createLedger({ ...engine, check: validClaim }, initial === undefined ? [] : initial);
  const step = (input: unknown, index: number): SettledClaim => ({ index, result: ledger.settle(input) });
  return { step, finals: () => ledger.settledAccumulators() };
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
export function settleBatchWith(engine: LedgerEngine, input: unknown): SettlementBatchResult {
  const { claims, accumulators } = checkInput(input);
  checkClaims(claims, false);
  const { step, finals } = batchStep(engine, accumulators);
  const out = collector();
  for (const item of iterateBatch(tap(claims as Iterable<unknown>, out.hold), step)) out.add(item);
  return { results: out.results, errors: out.errors, accumulators: finals() };
}

/** {@link settleBatchWith} over a sync or async iterable, one claim at a time (nothing but the outcomes is held). */
export async function settleBatchAsyncWith(engine: LedgerEngine, input: unknown): Promise<SettlementBatchResult> {
  const { claims, accumulators } = checkInput(input);
  checkClaims(claims, true);
  const { step, finals } = batchStep(engine, accumulators);
  const out = collector();
  const boxed = tapAsync(claims as Iterable<unknown> | AsyncIterable<unknown>, out.hold);
  for await (const item of iterateBatchAsync(boxed, (box, index) => step(box[0], index))) out.add(item);
  return { results: out.results, errors: out.errors, accumulators: finals() };
}
