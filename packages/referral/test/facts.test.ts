import { describe, expect, it } from "vitest";
import { factsGuard, factsSchema } from "../src/index.js";
import { factsReader } from "../src/internal/reader.js";

const facts = {
  sbp: { type: "number", unit: "mmHg" },
  visit: { type: "string", enum: ["first", "follow_up"] },
  lastVisit: { type: "date", required: false },
  symptoms: { type: "string[]" },
} as const;

describe("facts", () => {
  it("builds a strict zod schema from the declarations", () => {
    //#region schema
    const schema = factsSchema(facts);
    expect(schema.safeParse({ sbp: 150, visit: "first", symptoms: [] }).success).toBe(true);
    expect(schema.safeParse({ sbp: 150, visit: "second", symptoms: [] }).success).toBe(false); // not in the enum
    expect(schema.safeParse({ sbp: 150, visit: "first", symptoms: [], bmi: 24 }).success).toBe(false); // unknown fact
    expect(schema.safeParse({ visit: "first", symptoms: [] }).success).toBe(false); // sbp is required
    //#endregion schema
  });

  it("guards and reads facts quickly, agreeing with the schema", () => {
    //#region guard
    const isFacts = factsGuard(facts);
    expect(isFacts({ sbp: 150, visit: "first", symptoms: ["dizziness"], lastVisit: "2024-02-29" })).toBe(true);
    expect(isFacts({ sbp: "150", visit: "first", symptoms: [] })).toBe(false);
    expect(isFacts({ sbp: 150, visit: "first", symptoms: [], lastVisit: "2023-02-29" })).toBe(false);
    //#endregion guard
  });

  it("reads facts into slots in declaration order, with the mask of the atoms that hold", () => {
    const reader = factsReader({ ...facts, pregnant: { type: "boolean" } }, [
      ["visit", "first"],
      ["pregnant", true],
      ["visit", "follow_up"],
      ["pregnant", false],
    ]);
    const slots: unknown[] = [];
    expect(reader.read({ symptoms: [], visit: "follow_up", sbp: 139, pregnant: false }, slots)).toBe(0b1100);
    expect(reader.names).toEqual(["sbp", "visit", "lastVisit", "symptoms", "pregnant"]);
    expect(slots).toEqual([139, "follow_up", undefined, [], false]); // declaration order, whatever the key order
    expect(reader.read({ sbp: 185, visit: "first", symptoms: [], pregnant: true }, slots)).toBe(0b0011);
    expect(reader.read({ sbp: 185, visit: "first", symptoms: [], pregnant: "yes" }, slots)).toBe(-1);
  });
});
