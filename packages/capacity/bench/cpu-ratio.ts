// CPU-time ratio of assessRegions to the hand-written loop, one process, a full GC before each timing, 10 rounds:
// the steadier figure on a shared machine, beside the vitest bench. Run from packages/capacity after a build:
//   npx esbuild bench/cpu-ratio.ts --bundle --platform=node --format=esm --outfile=/tmp/cpu-ratio.mjs && node --expose-gc /tmp/cpu-ratio.mjs
import { cpuMilliseconds } from "@carekit/test-utils/cpu";
import { assessRegions } from "../dist/index.js";
import { handAssess } from "./hand-loop.js";
import { generateRows } from "./rows.js";

const rows = generateRows(300_000);
const options = { targetPer1000: 4.5, bedTargetPer1000: 35, nursingShareTarget: 0.55 };
const which = process.argv[2] ?? "both";
const t = cpuMilliseconds;
for (let round = 0; round < 10; round++) {
  const a = which !== "hand" ? t(() => assessRegions(rows, options)) : 0;
  const h = which !== "lib" ? t(() => handAssess(rows, 45_000, 350_000, 5500)) : 0;
  console.log(`round ${round}: lib ${a.toFixed(0)} ms cpu, hand ${h.toFixed(0)} ms cpu, ratio ${(h / a).toFixed(2)}`);
}
