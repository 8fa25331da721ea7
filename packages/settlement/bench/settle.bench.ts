import { bench, describe } from "vitest";
import { ClaimSchema, createSettler, START_OF_YEAR } from "../src/index.js";
import { CHONGQING_CATALOGUE, CHONGQING_POLICY, SICHUAN_CATALOGUE, SICHUAN_POLICY } from "../test/fixtures.js";
import { generateClaims } from "./claims.js";
import { settleByHand } from "./handwritten.js";

// 200,000 distinct generated claims, settled 5 times per iteration = 1,000,000 settlements per iteration. (Holding
// 1,000,000 distinct claim objects would take ~0.5 GB on a machine shared by four engineers.)
const CLAIMS = generateClaims(200_000);
const ROUNDS = 5;
const configuration = {
  policies: [SICHUAN_POLICY, CHONGQING_POLICY],
  catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
};
const trusted = createSettler({ ...configuration, trace: false, trustInput: true });
const validated = createSettler({ ...configuration, trace: false });
const traced = createSettler(configuration);
const options = { time: 0, iterations: 4, warmupIterations: 1 };

let sink = 0;
function run(settleOne: (claim: (typeof CLAIMS)[number]) => number): void {
  for (let round = 0; round < ROUNDS; round++) {
    for (const claim of CLAIMS) sink += settleOne(claim);
  }
}

describe("settle 1,000,000 pre-classified claims", () => {
  bench(
    "hand-written function (no validation, no trace)",
    () => run((claim) => settleByHand(claim).pooledFundPaidFen),
    options,
  );
  bench(
    "settle, trusted input (trustInput, no trace)",
    () => run((claim) => trusted.settle({ claim, accumulators: START_OF_YEAR }).result.pooledFundPaidFen),
    options,
  );
  bench(
    "settle, validated by the fast guard (no trace)",
    () => run((claim) => validated.settle({ claim, accumulators: START_OF_YEAR }).result.pooledFundPaidFen),
    options,
  );
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
