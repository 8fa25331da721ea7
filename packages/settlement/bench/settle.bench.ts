import { bench, describe } from "vitest";
// the built package, as users get it (no import aliases needed against vitest's transform of ../src)
import { ClaimSchema, START_OF_YEAR } from "../dist/index.js";
import {
  runCarried,
  runEach,
  runHeld,
  runLedger,
  settledSomething,
  stored,
  traced,
  trusted,
  validated,
} from "./forms.js";
import { settleByHand } from "./handwritten.js";
import { settleTight } from "./tight.js";

const options = { time: 0, iterations: 5, warmupIterations: 1 };
const run = runEach;

describe("settle 1,000,000 pre-classified claims", () => {
  bench("tight hand-written function (plain numbers, one policy lookup)", () => run(settleTight), options);
  bench("hand-written function (no validation, no trace)", () => run(settleByHand), options);
  bench(
    "settle, trusted input (trustInput, no trace), START_OF_YEAR each claim",
    () => run((claim) => trusted.settle({ claim, accumulators: START_OF_YEAR }).result),
    options,
  );
  bench("settle, trusted input, accumulators carried claim to claim", () => runCarried(trusted), options);
  bench("settle, trusted input, carried as plain stored accumulators", () => runCarried(trusted, stored), options);
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

export { settledSomething };
