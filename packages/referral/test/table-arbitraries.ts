/**
 * Patients for a given rule set whose values sit on the rule set's own thresholds (each number the rules compare
 * with, one below and one above; each vocabulary value; dates around the compared ones), so that random patients
 * reach every row of a decision table — the built-in sets compare with 180 and 110, which uniform values never hit.
 */
import fc from "fast-check";
import { type Condition, FACILITY_LEVELS, type FactSpec, type RuleSet } from "../src/index.js";

function collect(node: Condition, out: Map<string, unknown[]>): void {
  if ("all" in node) for (const c of node.all) collect(c, out);
  else if ("any" in node) for (const c of node.any) collect(c, out);
  else if ("not" in node) collect(node.not, out);
  else {
    const list = out.get(node.fact) ?? [];
    const value = node.value as unknown;
    list.push(...(Array.isArray(value) ? value : [value]));
    out.set(node.fact, list);
  }
}

function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function values(spec: FactSpec, used: readonly unknown[]): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case "number":
    case "integer": {
      const around = used
        .filter((v): v is number => typeof v === "number")
        .flatMap((v) => (spec.type === "integer" ? [v - 1, v, v + 1] : [v - 1, v - 0.5, v, v + 0.5, v + 1]));
      return fc.constantFrom(0, 1, ...around);
    }
    case "boolean":
      return fc.boolean();
    case "string":
      return fc.constantFrom(...((spec.enum ?? [...used.filter((v) => typeof v === "string"), "zz"]) as string[]));
    case "string[]":
      return fc.subarray([...(spec.enum ?? ["zz", ...used.filter((v) => typeof v === "string")])] as string[]);
    case "date": {
      const around = used
        .filter((v): v is string => typeof v === "string")
        .flatMap((v) => [shiftDay(v, -1), v, shiftDay(v, 1)]);
      return fc.constantFrom("2024-06-01", "2024-05-01", "2023-01-01", ...around);
    }
  }
}

/** `{ facts, at, level }` inputs for `ruleSet`, optional facts absent one time in four. */
export function patientArbitrary(
  ruleSet: RuleSet,
): fc.Arbitrary<{ facts: Record<string, unknown>; at: string; level: (typeof FACILITY_LEVELS)[number] }> {
  const used = new Map<string, unknown[]>();
  for (const rule of ruleSet.rules) collect(rule.when, used);
  const entries = Object.entries(ruleSet.facts);
  const perFact = entries.map(([name, spec]) =>
    fc
      .tuple(
        values(spec, used.get(name) ?? []),
        spec.required === false ? fc.constantFrom(true, true, true, false) : fc.constant(true),
      )
      .map(([value, present]) => [name, present ? value : undefined] as const),
  );
  return fc.record({
    facts: fc.tuple(...perFact).map((pairs) => Object.fromEntries(pairs.filter(([, v]) => v !== undefined))),
    at: fc.constant("2024-06-15"),
    level: fc.constantFrom(...FACILITY_LEVELS),
  });
}
