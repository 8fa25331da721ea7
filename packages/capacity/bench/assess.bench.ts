import { bench, describe } from "vitest";
import { assessRegions } from "../dist/index.js";
import { handAssess } from "./hand-loop.js";
import { generateRows } from "./rows.js";

const rows = generateRows(1_000_000);
const options = { targetPer1000: 4.5, bedTargetPer1000: 35, nursingShareTarget: 0.55 };

describe("assessRegions over 1,000,000 district rows", () => {
  bench(
    "@carekit/capacity assessRegions (validated, exact, totals)",
    () => {
      assessRegions(rows, options);
    },
    { iterations: 5, time: 0, warmupIterations: 1 },
  );
  bench(
    "hand-written loop (no validation, exact integers)",
    () => {
      handAssess(rows, 45_000, 350_000, 5500);
    },
    { iterations: 5, time: 0, warmupIterations: 1 },
  );
});
