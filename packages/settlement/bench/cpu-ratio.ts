// CPU-time ratios of settle to the tight hand-written peer and of its carried forms, one process, a full collection
// before each timing, 9 rounds of 1,000,000 settlements each: the steadier figure on a shared machine, beside the
// vitest bench (settle.bench.ts, the same claims and forms). Run from packages/settlement after a build:
//   npx esbuild bench/cpu-ratio.ts --bundle --platform=node --format=esm --outfile=/tmp/settle-cpu-ratio.mjs \
//     && node --expose-gc /tmp/settle-cpu-ratio.mjs
import { cpuMilliseconds, median } from "@carekit/test-utils/cpu";
import { type Accumulators, type Claim, createSettler, START_OF_YEAR, type StartOfYear } from "../dist/index.js";
import { CHONGQING_CATALOGUE, CHONGQING_POLICY, SICHUAN_CATALOGUE, SICHUAN_POLICY } from "../test/fixtures.js";
import { generateClaims } from "./claims.js";
import { settleTight } from "./tight.js";

const CLAIMS = generateClaims(200_000);
const ROUNDS = 5;
const configuration = {
  policies: [SICHUAN_POLICY, CHONGQING_POLICY],
  catalogues: [CHONGQING_CATALOGUE, SICHUAN_CATALOGUE],
};
const trusted = createSettler({ ...configuration, trace: false, trustInput: true });
const validated = createSettler({ ...configuration, trace: false });
type Settler = typeof trusted;

const KEPT: unknown[] = new Array(1024).fill(null);
let sink = 0;
const keep = (i: number, kept: unknown, paid: number) => {
  KEPT[i & 1023] = kept;
  sink += paid;
};

const forms: Record<string, () => void> = {
  tight: () => {
    for (let r = 0; r < ROUNDS; r++)
      for (let i = 0; i < CLAIMS.length; i++) {
        const result = settleTight(CLAIMS[i] as Claim);
        keep(i, result, result.pooledFundPaidFen);
      }
  },
  trusted: () => {
    for (let r = 0; r < ROUNDS; r++)
      for (let i = 0; i < CLAIMS.length; i++) {
        const { result } = trusted.settle({ claim: CLAIMS[i] as Claim, accumulators: START_OF_YEAR });
        keep(i, result, result.pooledFundPaidFen);
      }
  },
  "trusted carried": () => carried(trusted),
  validated: () => {
    for (let r = 0; r < ROUNDS; r++)
      for (let i = 0; i < CLAIMS.length; i++) {
        const { result } = validated.settle({ claim: CLAIMS[i] as Claim, accumulators: START_OF_YEAR });
        keep(i, result, result.pooledFundPaidFen);
      }
  },
  "trusted, map of persons": () => {
    for (let r = 0; r < ROUNDS; r++) {
      const held = new Map<string, Accumulators>();
      for (let i = 0; i < CLAIMS.length; i++) {
        const claim = CLAIMS[i] as Claim;
        const settled = trusted.settle({ claim, accumulators: held.get(claim.personId) ?? START_OF_YEAR });
        held.set(claim.personId, settled.accumulators);
        keep(i, settled, settled.result.pooledFundPaidFen);
      }
    }
  },
  "trusted ledger": () => {
    for (let r = 0; r < ROUNDS; r++) {
      const ledger = trusted.ledger({ accumulators: [] });
      for (let i = 0; i < CLAIMS.length; i++) {
        const result = ledger.settle(CLAIMS[i] as Claim);
        keep(i, result, result.pooledFundPaidFen);
      }
    }
  },
};

function carried(settler: Settler): void {
  for (let r = 0; r < ROUNDS; r++) {
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
      keep(i, settled, settled.result.pooledFundPaidFen);
    }
  }
}

const times: Record<string, number[]> = Object.fromEntries(Object.keys(forms).map((name) => [name, []]));
for (let round = 0; round < 9; round++) {
  for (const [name, run] of Object.entries(forms)) times[name]?.push(cpuMilliseconds(run));
}
const tight = median(times.tight as number[]);
const trustedTime = median(times.trusted as number[]);
for (const [name, values] of Object.entries(times)) {
  const m = median(values);
  console.log(
    `${name.padEnd(24)} median ${m.toFixed(0).padStart(5)} ms cpu (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})` +
      `  tight/this ${(tight / m).toFixed(2)}  trusted/this ${(trustedTime / m).toFixed(2)}`,
  );
}
if (sink === 0) console.log("(nothing settled)");
