import { describe, expect, it } from "vitest";
import { assertSafeJson } from "../src/json.js";
import { isCarekitError } from "./helpers.js";

describe("assertSafeJson", () => {
  it("accepts plain JSON and rejects what could hurt", () => {
    //#region example
    const limits = { depth: 10, nodes: 1000 };
    expect(() => assertSafeJson({ a: [1, "x", null, true] }, limits, "RULE_COMPILE")).not.toThrow();
    const polluted = JSON.parse('{"rules":[{"__proto__":{"isAdmin":true}}]}');
    expect(() => assertSafeJson(polluted, limits, "RULE_COMPILE")).toThrow(
      expect.objectContaining({
        code: "RULE_COMPILE",
        issues: [expect.objectContaining({ path: "rules[0].__proto__" })],
      }),
    );
    //#endregion example
  });

  it("stops at the depth limit instead of overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    try {
      assertSafeJson(deep, { depth: 50, nodes: 1_000_000 }, "RULE_COMPILE");
      expect.unreachable();
    } catch (error) {
      expect(isCarekitError(error)).toBe(true);
    }
    const wide = Array.from({ length: 2000 }, () => 0);
    expect(() => assertSafeJson(wide, { depth: 5, nodes: 1000 }, "RULE_COMPILE")).toThrow(/more than 1000 nodes/);
    expect(() => assertSafeJson(new Date(0), { depth: 5, nodes: 10 }, "RULE_COMPILE")).toThrow(/plain object/);
    const shared = { x: 1 };
    expect(() => assertSafeJson({ a: shared, b: shared }, { depth: 5, nodes: 10 }, "RULE_COMPILE")).not.toThrow(); // a DAG is not a cycle
  });
});
