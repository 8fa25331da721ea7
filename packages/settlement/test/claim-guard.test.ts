import { differential } from "@carekit/test-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ClaimSchema, isClaim } from "../src/index.js";
import { claimArb } from "./arbitraries.js";

// The fast claim guard (src/internal/claim-guard.ts) against its reference, ClaimSchema.safeParse, over claims whose
// optional keys are absent or present with `undefined`, whose keys come in any order, and with extra keys.

type Bag = Record<string, unknown>;

/** Rebuild `value` with its keys (at every level) sorted ascending (1), descending (-1) or reversed (0). */
function reorder(value: unknown, order: number): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, order));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Bag).map(([k, v]) => [k, reorder(v, order)] as const);
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -order : a > b ? order : 0));
  return Object.fromEntries(order === 0 ? entries.reverse() : sorted);
}

const variant = fc
  .record({
    claim: claimArb,
    declared: fc.constantFrom("absent", "undefined", "exact", "other", "negative", "string"),
    subType: fc.constantFrom("keep", "absent", "undefined", "bad"),
    over: fc.constantFrom("keep", "absent", "undefined", "fraction"),
    lineCount: fc.constantFrom("absent", "undefined", "exact", "zero"),
    order: fc.constantFrom(-1, 0, 1),
    extra: fc.constantFrom(undefined, "note", "__proto__", "charges.note", "careType.note"),
  })
  .map(({ claim, declared, subType, over, lineCount, order, extra }) => {
    const copy = structuredClone(claim) as unknown as Bag;
    const charges = copy.charges as Bag;
    const total =
      charges.kind === "totals"
        ? (charges.classAFen as number) +
          (charges.classBFen as number) +
          (charges.classCFen as number) +
          ((charges.overPriceCapFen as number | undefined) ?? 0)
        : (charges.lines as Bag[]).reduce((sum, line) => sum + (line.amountFen as number), 0);
    if (declared === "undefined") copy.declaredTotalFen = undefined;
    if (declared === "exact") copy.declaredTotalFen = total;
    if (declared === "other") copy.declaredTotalFen = total + 1;
    if (declared === "negative") copy.declaredTotalFen = -1;
    if (declared === "string") copy.declaredTotalFen = String(total);
    const registration = copy.registration as Bag;
    if (registration.kind === "long_term_resident") {
      if (subType === "absent") delete registration.subType;
      if (subType === "undefined") registration.subType = undefined;
      if (subType === "bad") registration.subType = "tourist";
    }
    if (charges.kind === "totals") {
      if (over === "absent") delete charges.overPriceCapFen;
      if (over === "undefined") charges.overPriceCapFen = undefined;
      if (over === "fraction") charges.overPriceCapFen = 0.5;
    } else {
      const lines = charges.lines as unknown[];
      if (lineCount === "undefined") charges.declaredLineCount = undefined;
      if (lineCount === "exact") charges.declaredLineCount = lines.length;
      if (lineCount === "zero") charges.declaredLineCount = 0;
    }
    if (extra === "note") copy.note = "x";
    if (extra === "__proto__") Object.defineProperty(copy, "__proto__", { value: 1, enumerable: true });
    if (extra === "charges.note") charges.note = 1;
    if (extra === "careType.note") (copy.careType as Bag).note = 1;
    return reorder(copy, order);
  });

describe("isClaim agrees with ClaimSchema", () => {
  it("on absent, undefined, reordered and extra keys", { timeout: 60_000 }, () => {
    differential({
      arbitrary: variant,
      fast: (claim) => isClaim(claim),
      reference: (claim) => ClaimSchema.safeParse(claim).success,
      numRuns: 5_000,
    });
  });

  it("accepts the smaller pre-classified form: no overPriceCapFen, no subType", () => {
    const claim = {
      id: "c-1",
      personId: "p-1",
      insuredRegion: "510104",
      treatmentRegion: "500111",
      scheme: "employee",
      personStatus: "in_service",
      hospitalGrade: "level3",
      careType: { kind: "inpatient" },
      admissionDate: "2024-12-22",
      dischargeDate: "2024-12-31",
      registration: { kind: "long_term_resident" },
      charges: { kind: "totals", classAFen: 250_000, classBFen: 60_000, classCFen: 15_399 },
    };
    expect([isClaim(claim), ClaimSchema.safeParse(claim).success]).toEqual([true, true]);
  });

  it("catches a planted bug: a guard that does not check declaredTotalFen", { timeout: 60_000 }, () => {
    const lax = (claim: unknown) => {
      if (typeof claim !== "object" || claim === null) return false;
      const { declaredTotalFen: _, ...rest } = claim as Bag;
      return isClaim(rest);
    };
    expect(() =>
      differential({
        arbitrary: variant,
        fast: lax,
        reference: (claim) => ClaimSchema.safeParse(claim).success,
        numRuns: 5_000,
      }),
    ).toThrow();
  });
});
