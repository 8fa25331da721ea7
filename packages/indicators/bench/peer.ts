import type { Plan, PlanObservation, ProgressStatus } from "../src/index.js";

/**
 * The hand-written loop a planner would write without the library: a lookup table of plan rows, float
 * interpolation from baseline to target, a 1e-9 tolerance for float error, no validation and no trace.
 */
export function handWrittenStatuses(plan: Plan, observations: readonly PlanObservation[]): (ProgressStatus | null)[] {
  const polarity = new Map(plan.indicators.map((d) => [d.id, d.polarity]));
  const rows = new Map(plan.entries.map((entry) => [entry.indicatorId, entry]));
  const out: (ProgressStatus | null)[] = [];
  for (const { indicatorId, year, value } of observations) {
    const entry = rows.get(indicatorId);
    if (!entry || (entry.baseline && year < entry.baseline.year)) {
      out.push(null);
      continue;
    }
    const { target, baseline } = entry;
    const eps = 1e-9;
    const met =
      target.comparator === ">="
        ? value >= target.value - eps
        : target.comparator === ">"
          ? value > target.value + eps
          : target.comparator === "<="
            ? value <= target.value + eps
            : target.comparator === "<"
              ? value < target.value - eps
              : Math.abs(value - target.value) <= eps;
    if (met) out.push("achieved");
    else if (year >= target.year) out.push("off_track");
    else if (!baseline) out.push("no_baseline");
    else {
      const span = Math.max(target.year - baseline.year, 1);
      const expected = baseline.value + ((target.value - baseline.value) * (year - baseline.year)) / span;
      const direction = polarity.get(indicatorId);
      const ok =
        direction === "increase"
          ? value >= expected - eps
          : direction === "decrease"
            ? value <= expected + eps
            : Math.abs(value - target.value) <= Math.abs(expected - target.value) + eps;
      out.push(ok ? "on_track" : "off_track");
    }
  }
  return out;
}

/** Deterministic observations over a plan's rows: years 2020–2026, values with two decimals in range. */
export function generateObservations(plan: Plan, count: number, seed = 1): PlanObservation[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const byId = new Map(plan.indicators.map((d) => [d.id, d]));
  return Array.from({ length: count }, () => {
    const entry = plan.entries[Math.floor(next() * plan.entries.length)] ?? plan.entries[0];
    if (!entry) throw new Error("empty plan");
    const definition = byId.get(entry.indicatorId);
    const top = definition?.scoring === "proportion" ? 100 : Math.max(entry.target.value * 1.5, 1);
    return {
      indicatorId: entry.indicatorId,
      year: 2020 + Math.floor(next() * 7),
      value: Math.round(next() * top * 100) / 100,
    };
  });
}
