import { describe, expect, it } from "vitest";
import { deepFreeze } from "../src/internal.js";

describe("deepFreeze", () => {
  it("freezes nested objects and arrays", () => {
    //#region example
    const plan = deepFreeze({ id: "dazu2023", entries: [{ target: { value: 4.5 } }] });
    expect(Object.isFrozen(plan.entries[0]?.target)).toBe(true);
    expect(() => {
      (plan.entries as { target: { value: number } }[]).push({ target: { value: 1 } });
    }).toThrow(TypeError);
    //#endregion example
    expect(deepFreeze(null)).toBe(null);
    expect(deepFreeze(3)).toBe(3);
  });
});
