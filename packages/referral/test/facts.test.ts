import { describe, expect, it } from "vitest";
import { factsGuard, factsReader, factsSchema } from "../src/index.js";

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
    const reader = factsReader(facts);
    const slots: unknown[] = [];
    expect(reader.read({ symptoms: [], visit: "follow_up", sbp: 139 }, slots)).toBe(true);
    expect(reader.names).toEqual(["sbp", "visit", "lastVisit", "symptoms"]);
    expect(slots).toEqual([139, "follow_up", undefined, []]); // declaration order, whatever the key order
    //#endregion guard
  });
});
