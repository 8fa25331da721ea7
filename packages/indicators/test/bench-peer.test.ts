import { describe, expect, it } from "vitest";
import { generateObservations, handWrittenStatuses } from "../bench/peer.js";
import { assessPlan, plans } from "../src/index.js";

describe("benchmark peer", () => {
  it("agrees with assessPlan on every generated observation", () => {
    for (const plan of [plans.dazu2023, plans.national14th]) {
      const observations = generateObservations(plan, 5000, 7);
      const { results, errors } = assessPlan({ plan, observations });
      const ours: (string | null)[] = observations.map(() => null);
      for (const row of results) ours[row.index] = row.status;
      expect(handWrittenStatuses(plan, observations)).toEqual(ours);
      expect(results.length + errors.length).toBe(observations.length);
      expect(new Set(results.map((r) => r.status)).size).toBeGreaterThanOrEqual(3);
    }
  });
});
