import { describe, expect, it } from "vitest";
import { toBatchError, yuanToFen } from "../src/index.js";

describe("toBatchError", () => {
  it("keeps every record: a result or an error with its index", () => {
    //#region example
    const inputs = ["12.50", "-1", "abc", "3353.99"];
    const results: { index: number; fen: number }[] = [];
    const errors = [];
    for (const [index, yuan] of inputs.entries()) {
      try {
        results.push({ index, fen: yuanToFen(yuan) });
      } catch (error) {
        errors.push(toBatchError(index, error));
      }
    }
    expect(results.length + errors.length).toBe(inputs.length);
    expect(errors.map((e) => [e.index, e.code])).toEqual([
      [1, "OUT_OF_RANGE"],
      [2, "INVALID_INPUT"],
    ]);
    //#endregion example
    expect(JSON.parse(JSON.stringify(errors[0]))).toEqual(errors[0]);
  });

  it("rethrows what is not a CarekitError", () => {
    const bug = new TypeError("bug");
    expect(() => toBatchError(0, bug)).toThrow(bug);
  });
});
