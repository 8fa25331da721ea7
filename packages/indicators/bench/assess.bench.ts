import { bench, describe } from "vitest";
import { assessPlan, assessProgress, plans } from "../src/index.js";
import { generateObservations, handWrittenStatuses } from "./peer.js";

const plan = plans.dazu2023;
const observations = generateObservations(plan, 10_000);

describe("assess 10 000 observations of the 大足区 plan", () => {
  bench("assessPlan (validated once, exact, with trace)", () => {
    assessPlan({ plan, observations });
  });

  bench("assessPlan with explain: false (no trace)", () => {
    assessPlan({ plan, observations, explain: false });
  });

  bench("hand-written float loop (no validation, no trace)", () => {
    handWrittenStatuses(plan, observations);
  });

  bench("assessProgress per observation (re-validates the plan each call)", () => {
    for (const { indicatorId, year, value } of observations.slice(0, 1000)) {
      assessProgress({ plan, indicatorId, observed: { year, value } });
    }
  });
});
