import { describe, expect, it } from "vitest";
import { CarekitError, isCarekitError, yuanToFen } from "../src/index.js";
import { fieldError } from "../src/internal.js";

describe("CarekitError", () => {
  it("carries code, issues and both languages", () => {
    //#region example
    try {
      yuanToFen("-1.00");
    } catch (error) {
      if (isCarekitError(error)) {
        expect(error.code).toBe("OUT_OF_RANGE");
        expect(error.issues[0]?.path).toBe("yuan");
        expect(error.messageZh).toContain("必须非负");
      }
    }
    //#endregion example
    expect.assertions(3);
  });

  it("is recognised by brand, not by class identity", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("carekit.error")]: true });
    expect(isCarekitError(foreign)).toBe(true);
    expect(isCarekitError(new Error("x"))).toBe(false);
    expect(isCarekitError(null)).toBe(false);
    expect(isCarekitError("CarekitError")).toBe(false);
  });

  it("builds single-field errors", () => {
    //#region fieldError
    const error = fieldError("OUT_OF_RANGE", "rows[2].population", "must be positive", "必须为正数");
    expect(error.message).toBe("rows[2].population: must be positive");
    expect(error.messageZh).toBe("rows[2].population: 必须为正数");
    expect(error.issues).toEqual([
      { path: "rows[2].population", message: "must be positive", messageZh: "必须为正数" },
    ]);
    //#endregion fieldError
    expect(error).toBeInstanceOf(CarekitError);
    expect(error.name).toBe("CarekitError");
  });
});
