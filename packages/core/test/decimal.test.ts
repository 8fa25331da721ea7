import { describe, expect, it } from "vitest";
import { toScaledInteger } from "../src/internal.js";

describe("toScaledInteger", () => {
  it("reads decimals exactly", () => {
    //#region example
    expect(toScaledInteger("3353.99", 2)).toBe(335399);
    expect(toScaledInteger(0.85, 4)).toBe(8500);
    expect(toScaledInteger(4.5, 4)).toBe(45000);
    expect(() => toScaledInteger(0.1 + 0.2, 4)).toThrow(/at most 4 decimals/);
    //#endregion example
    expect(toScaledInteger(" 7 ", 0)).toBe(7);
    expect(toScaledInteger("0.1", 8)).toBe(10_000_000);
  });
});
