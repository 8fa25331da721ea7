import { type BatchError as CoreBatchError, parseInput } from "@carekit/core";
import { toBatchError } from "@carekit/core/internal";
import type { Accumulators } from "./accumulators.js";
import { type Claim, ClaimSchema, isClaim } from "./claim.js";
import type { Settlement, SettlementResult } from "./settle.js";

/** One settled claim of a batch, with the index of its input. */
export interface BatchResult {
  readonly index: number;
  readonly result: SettlementResult;
}

/** One rejected claim of a batch (单据错误): core's `BatchError` plus the claim id when it could be read. */
export type BatchError = CoreBatchError & { readonly claimId: string | null };

/**
 * The outcome of a batch (批量结算结果): `results` and `errors`, each in input order, together exactly one entry per
 * input; and the final accumulators of every person and year the batch settled.
 */
export interface BatchOutcome {
  readonly results: readonly BatchResult[];
  readonly errors: readonly BatchError[];
  readonly accumulators: readonly Accumulators[];
}

type SettleOne = (claim: unknown, accumulators?: Accumulators) => Settlement;

interface Entry {
  readonly index: number;
  readonly claim: Claim;
}

function claimError(index: number, input: unknown, error: unknown): BatchError {
  const id = typeof input === "object" && input !== null ? (input as { id?: unknown }).id : undefined;
  return { ...toBatchError(index, error), claimId: typeof id === "string" ? id : null };
}

/**
 * Settle claims as a batch: group by person, order each person's claims by discharge date (stable: equal dates keep
 * input order), carry the accumulators from claim to claim (a new calendar year starts from zero), and report every
 * input either as a result or as an error, in input order.
 */
export function settleBatchWith(
  settle: SettleOne,
  claims: Iterable<unknown>,
  initial: Iterable<Accumulators> | undefined,
): BatchOutcome {
  const outcomes: (BatchResult | BatchError)[] = [];
  const failed: boolean[] = [];
  const byPerson = new Map<string, Entry[]>();
  let index = 0;
  for (const input of claims) {
    const at = index++;
    let claim: Claim;
    try {
      claim = isClaim(input) ? input : parseInput(ClaimSchema, input, { label: { en: "claim", zh: "结算单据" } });
    } catch (error) {
      outcomes[at] = claimError(at, input, error);
      failed[at] = true;
      continue;
    }
    const list = byPerson.get(claim.personId);
    if (list) list.push({ index: at, claim });
    else byPerson.set(claim.personId, [{ index: at, claim }]);
  }
  const start = new Map<string, Accumulators>();
  for (const accumulators of initial ?? []) {
    const known = start.get(accumulators.personId);
    if (known === undefined || known.year < accumulators.year) start.set(accumulators.personId, accumulators);
  }
  const finals: Accumulators[] = [];
  for (const [personId, entries] of byPerson) {
    entries.sort((a, b) =>
      a.claim.dischargeDate < b.claim.dischargeDate ? -1 : a.claim.dischargeDate > b.claim.dischargeDate ? 1 : 0,
    );
    let accumulators = start.get(personId);
    for (const entry of entries) {
      try {
        const settlement = settle(entry.claim, accumulators);
        if (accumulators !== undefined && accumulators.year !== settlement.accumulators.year) finals.push(accumulators);
        accumulators = settlement.accumulators;
        outcomes[entry.index] = { index: entry.index, result: settlement.result };
      } catch (error) {
        outcomes[entry.index] = claimError(entry.index, entry.claim, error);
        failed[entry.index] = true;
      }
    }
    if (accumulators !== undefined) finals.push(accumulators);
  }
  const results: BatchResult[] = [];
  const errors: BatchError[] = [];
  for (let i = 0; i < index; i++) {
    const outcome = outcomes[i];
    if (outcome === undefined) continue;
    if (failed[i]) errors.push(outcome as BatchError);
    else results.push(outcome as BatchResult);
  }
  return { results, errors, accumulators: finals };
}

/** Collect an async or sync iterable into an array. */
export async function collect(items: AsyncIterable<unknown> | Iterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of items) out.push(item);
  return out;
}
