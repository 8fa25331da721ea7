import { bench, describe } from "vitest";
// the built package, as users get it (no import aliases needed against vitest's transform of ../src)
import { type Accumulators, ClaimSchema, createSettler, START_OF_YEAR, type StartOfYear } from "../dist/index.js";
import { CHONGQING_CATALOGUE, CHONGQING_POLICY, SICHUAN_CATALOGUE, SICHUAN_POLICY } from "../test/fixtures.js";
import { generateClaims } from "./claims.js";
import { settleByHand } from "./handwritten.js";
import { settleTight } from "./tight.js";

// 200,000 distinct generated claims (4 per person), settled 5 times per iteration = 1,000,000 settlements per
// iteration. (Holding 1,000,000 distinct claim objects would take ~0.5 GB on a machine shared by four engineers.)
const CLAIMS = generateClaims(200_000);
const ROUNDS = 5;
const configuration = {
  policies: [SICHUAN_POLICY, CHONGQING_POLICY],
  catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
};
const trusted = createSettler({ ...configuration, trace: false, trustInput: true });
const validated = createSettler({ ...configuration, trace: false });
const traced = createSettler(configuration);
const options = { time: 0, iterations: 5, warmupIterations: 1 };

type Claim = (typeof CLAIMS)[number];
type Settler = typeof trusted;

// Every bench keeps what it computed for each claim (in a ring of the last 1,024), as a caller does: otherwise the
// optimiser inlines the small hand-written peers and drops their result objects (escape analysis), and they would be
// timed doing less work than a settle whose result is used.
const KEPT: unknown[] = new Array(1024).fill(null);
let sink = 0;
function run(settleOne: (claim: Claim) => { readonly pooledFundPaidFen: number }): void {
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < CLAIMS.length; i++) {
      const kept = settleOne(CLAIMS[i] as Claim);
      KEPT[i & 1023] = kept;
      sink += kept.pooledFundPaidFen;
    }
  }
}

/** Each person's claims in turn, each settled on the accumulators the person's previous claim returned. */
function runCarried(settler: Settler): void {
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
      accumulators = settled.accumulators;
      KEPT[i & 1023] = settled;
      sink += settled.result.pooledFundPaidFen;
    }
  }
}

/** Accumulators as a caller stores and reads them back (plain data, e.g. the CLI's compact store): no brand. */
function stored(accumulators: Accumulators): Accumulators {
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

/** {@link runCarried}, each person's accumulators passed back as plain data (checked by the settler's fast guard). */
function runCarriedPlain(settler: Settler): void {
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
      accumulators = stored(settled.accumulators);
      KEPT[i & 1023] = settled;
      sink += settled.result.pooledFundPaidFen;
    }
  }
}

/**
 * The same, the caller holding every person's accumulators in a map until the person's next claim — what a stream
 * of interleaved persons needs, and what a ledger does for its caller.
 */
function runHeld(settler: Settler): void {
  for (let round = 0; round < ROUNDS; round++) {
    const held = new Map<string, Accumulators>();
    for (let i = 0; i < CLAIMS.length; i++) {
      const claim = CLAIMS[i] as Claim;
      const settled = settler.settle({ claim, accumulators: held.get(claim.personId) ?? START_OF_YEAR });
      held.set(claim.personId, settled.accumulators);
      KEPT[i & 1023] = settled;
      sink += settled.result.pooledFundPaidFen;
    }
  }
}

/** The same on a ledger, which holds each person's accumulators and carries them in place (a new ledger each round). */
function runLedger(settler: Settler): void {
  for (let round = 0; round < ROUNDS; round++) {
    const ledger = settler.ledger({ accumulators: [] });
    for (let i = 0; i < CLAIMS.length; i++) {
      const result = ledger.settle(CLAIMS[i] as Claim);
      KEPT[i & 1023] = result;
      sink += result.pooledFundPaidFen;
    }
  }
}

describe("settle 1,000,000 pre-classified claims", () => {
  bench("tight hand-written function (plain numbers, one policy lookup)", () => run(settleTight), options);
  bench("hand-written function (no validation, no trace)", () => run(settleByHand), options);
  bench(
    "settle, trusted input (trustInput, no trace), START_OF_YEAR each claim",
    () => run((claim) => trusted.settle({ claim, accumulators: START_OF_YEAR }).result),
    options,
  );
  bench("settle, trusted input, accumulators carried claim to claim", () => runCarried(trusted), options);
  bench("settle, trusted input, carried as plain stored accumulators", () => runCarriedPlain(trusted), options);
  bench("settle, trusted input, carried, every person held in a map", () => runHeld(trusted), options);
  bench("ledger, trusted input, accumulators carried in place", () => runLedger(trusted), options);
  bench(
    "settle, validated by the fast guard (no trace)",
    () => run((claim) => validated.settle({ claim, accumulators: START_OF_YEAR }).result),
    options,
  );
  bench("settle, validated, accumulators carried claim to claim", () => runCarried(validated), options);
  bench("ledger, validated, accumulators carried in place", () => runLedger(validated), options);
  bench(
    "settle, validated, with trace",
    () => run((claim) => traced.settle({ claim, accumulators: START_OF_YEAR }).result),
    options,
  );
  bench(
    "zod ClaimSchema.parse + trusted settle",
    () => run((claim) => trusted.settle({ claim: ClaimSchema.parse(claim), accumulators: START_OF_YEAR }).result),
    { time: 0, iterations: 1, warmupIterations: 0 },
  );
});

export { sink };
