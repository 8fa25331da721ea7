// The forms of settling the bench times, shared by settle.bench.ts (vitest bench, wall time) and cpu-ratio.ts (CPU
// time): 200,000 distinct generated claims (4 per person), settled 5 times per call = 1,000,000 settlements. (Holding
// 1,000,000 distinct claim objects would take ~0.5 GB on a shared machine.)
import { type Accumulators, createSettler, START_OF_YEAR, type StartOfYear } from "../dist/index.js";
import { CHONGQING_CATALOGUE, CHONGQING_POLICY, SICHUAN_CATALOGUE, SICHUAN_POLICY } from "../test/fixtures.js";
import { generateClaims } from "./claims.js";

export const CLAIMS = generateClaims(200_000);
const ROUNDS = 5;
const configuration = {
  policies: [SICHUAN_POLICY, CHONGQING_POLICY],
  catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
};
export const trusted = createSettler({ ...configuration, trace: false, trustInput: true });
export const validated = createSettler({ ...configuration, trace: false });
export const traced = createSettler(configuration);

export type Claim = (typeof CLAIMS)[number];
export type Settler = typeof trusted;

// Every form keeps what it computed for each claim (in a ring of the last 1,024), as a caller does: otherwise the
// optimiser inlines the small hand-written peers and drops their result objects (escape analysis), and they would be
// timed doing less work than a settle whose result is used.
const KEPT: unknown[] = new Array(1024).fill(null);
let sink = 0;
function keep(i: number, kept: unknown, paid: number): void {
  KEPT[i & 1023] = kept;
  sink += paid;
}

/** Whether anything was settled (read it once at the end, so that nothing is optimised away). */
export const settledSomething = (): boolean => sink > 0;

/** Each claim settled on its own by `settleOne`. */
export function runEach(settleOne: (claim: Claim) => { readonly pooledFundPaidFen: number }): void {
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < CLAIMS.length; i++) {
      const kept = settleOne(CLAIMS[i] as Claim);
      keep(i, kept, kept.pooledFundPaidFen);
    }
  }
}

/** Accumulators as a caller stores and reads them back (plain data, e.g. the CLI's compact store): no brand. */
export function stored(accumulators: Accumulators): Accumulators {
  const funds: Record<string, { baseFen: number; paidFen: number }> = {};
  for (const id in accumulators.funds) {
    const state = accumulators.funds[id] as { baseFen: number; paidFen: number };
    funds[id] = { baseFen: state.baseFen, paidFen: state.paidFen };
  }
  return {
    personId: accumulators.personId,
    year: accumulators.year,
    inpatientAdmissions: accumulators.inpatientAdmissions,
    deductiblePaidFen: { ...accumulators.deductiblePaidFen },
    funds,
    chronicMonthlyPaidFen: { ...accumulators.chronicMonthlyPaidFen },
  };
}

/**
 * Each person's claims in turn, each settled on the accumulators the person's previous claim returned — as they are
 * (`pass` the identity), or as the caller stores and passes them back (`pass` = {@link stored}).
 */
export function runCarried(settler: Settler, pass: (a: Accumulators) => Accumulators = (a) => a): void {
  for (let round = 0; round < ROUNDS; round++) {
    let person = "";
    let accumulators: Accumulators | StartOfYear = START_OF_YEAR;
    for (let i = 0; i < CLAIMS.length; i++) {
      const claim = CLAIMS[i] as Claim;
      if (claim.personId !== person) {
        person = claim.personId;
        accumulators = START_OF_YEAR;
      }
      const settled = settler.settle({ claim, accumulators });
      accumulators = pass(settled.accumulators);
      keep(i, settled, settled.result.pooledFundPaidFen);
    }
  }
}

/**
 * The same, the caller holding every person's accumulators in a map until the person's next claim — what a stream
 * of interleaved persons needs, and what a ledger does for its caller.
 */
export function runHeld(settler: Settler): void {
  for (let round = 0; round < ROUNDS; round++) {
    const held = new Map<string, Accumulators>();
    for (let i = 0; i < CLAIMS.length; i++) {
      const claim = CLAIMS[i] as Claim;
      const settled = settler.settle({ claim, accumulators: held.get(claim.personId) ?? START_OF_YEAR });
      held.set(claim.personId, settled.accumulators);
      keep(i, settled, settled.result.pooledFundPaidFen);
    }
  }
}

/** The same on a ledger, which holds each person's accumulators and carries them in place (a new ledger each round). */
export function runLedger(settler: Settler): void {
  for (let round = 0; round < ROUNDS; round++) {
    const ledger = settler.ledger({ accumulators: [] });
    for (let i = 0; i < CLAIMS.length; i++) {
      const result = ledger.settle(CLAIMS[i] as Claim);
      keep(i, result, result.pooledFundPaidFen);
    }
  }
}
