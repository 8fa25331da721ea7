import { describe, expect, it } from "vitest";
import { rowIndex } from "../src/compile.js";
import { HOSPITAL_GRADES, PERSON_STATUSES } from "../src/index.js";

describe("rowIndex (the settler's keyless inpatient-row lookup)", () => {
  it("gives every person status × facility level its own slot 0–7", () => {
    const slots = PERSON_STATUSES.flatMap((status) => HOSPITAL_GRADES.map((level) => rowIndex(status, level)));
    expect(new Set(slots).size).toBe(PERSON_STATUSES.length * HOSPITAL_GRADES.length);
    for (const slot of slots) expect(slot >= 0 && slot < 8).toBe(true);
  });
});
