// CPU-time ratios of settle to the tight hand-written peer and of its carried forms, one process, a full collection
// before each timing, 9 rounds of 1,000,000 settlements each: the steadier figure on a shared machine, beside the
// vitest bench (settle.bench.ts, the same claims and forms from forms.ts). Run from packages/settlement after a build:
//   npx esbuild bench/cpu-ratio.ts --bundle --platform=node --format=esm --outfile=/tmp/settle-cpu-ratio.mjs \
//     && node --expose-gc /tmp/settle-cpu-ratio.mjs
import { cpuMilliseconds, median } from "@carekit/test-utils/cpu";
import { START_OF_YEAR } from "../dist/index.js";
import { runCarried, runEach, runHeld, runLedger, settledSomething, stored, trusted, validated } from "./forms.js";
import { settleTight } from "./tight.js";

const forms: Record<string, () => void> = {
  tight: () => runEach(settleTight),
  trusted: () => runEach((claim) => trusted.settle({ claim, accumulators: START_OF_YEAR }).result),
  "trusted carried": () => runCarried(trusted),
  "trusted carried, stored": () => runCarried(trusted, stored),
  validated: () => runEach((claim) => validated.settle({ claim, accumulators: START_OF_YEAR }).result),
  "trusted, map of persons": () => runHeld(trusted),
  "trusted ledger": () => runLedger(trusted),
};

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
if (!settledSomething()) console.log("(nothing settled)");
