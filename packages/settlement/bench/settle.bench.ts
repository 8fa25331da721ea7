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

let sink = 0;
function run(settleOne: (claim: Claim) => number): void {
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < CLAIMS.length; i++) sink += settleOne(CLAIMS[i] as Claim);
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
      sink += settled.result.pooledFundPaidFen;
    }
  }
}

describe("settle 1,000,000 pre-classified claims", () => {
  bench(
    "tight hand-written function (plain numbers, one policy lookup)",
    () => run((claim) => settleTight(claim).pooledFundPaidFen),
    options,
  );
  bench(
    "hand-written function (no validation, no trace)",
    () => run((claim) => settleByHand(claim).pooledFundPaidFen),
    options,
  );
  bench(
    "settle, trusted input (trustInput, no trace), START_OF_YEAR each claim",
    () => run((claim) => trusted.settle({ claim, accumulators: START_OF_YEAR }).result.pooledFundPaidFen),
    options,
  );
  bench("settle, trusted input, accumulators carried claim to claim", () => runCarried(trusted), options);
  bench(
    "settle, validated by the fast guard (no trace)",
    () => run((claim) => validated.settle({ claim, accumulators: START_OF_YEAR }).result.pooledFundPaidFen),
    options,
  );
  bench("settle, validated, accumulators carried claim to claim", () => runCarried(validated), options);
  bench(
    "settle, validated, with trace",
    () => run((claim) => traced.settle({ claim, accumulators: START_OF_YEAR }).result.pooledFundPaidFen),
    options,
  );
  bench(
    "zod ClaimSchema.parse + trusted settle",
    () =>
      run(
        (claim) =>
          trusted.settle({ claim: ClaimSchema.parse(claim), accumulators: START_OF_YEAR }).result.pooledFundPaidFen,
      ),
    { time: 0, iterations: 1, warmupIterations: 0 },
  );
});

export { sink };
