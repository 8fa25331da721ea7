// settle's persons table (ids → slots, looked up from a string or in place from a span of a line) against a
// Map<string, number> (the reference): the same slot for every lookup, over ids that collide in length, share
// prefixes, are non-ASCII or empty, through the table's growth.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdTable, spanHash } from "../src/commands/id-table.js";
import { People } from "../src/commands/people.js";

const id = fc.oneof(
  fc.stringMatching(/^p\d{1,6}$/),
  fc.string({ unit: fc.constantFrom("a", "b", "人", "员", "\u00e9", ",", " "), maxLength: 6 }),
  fc.constantFrom("", "p1", "p10", "p1 ", "constructor", "__proto__"),
);

describe("IdTable", () => {
  it("gives the slot a Map gives, from the id and from the id's span in a line", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.boolean()), { maxLength: 400 }), fc.string({ maxLength: 3 }), (ops, pad) => {
        const table = new IdTable();
        const reference = new Map<string, number>();
        for (const [key, add] of ops) {
          const line = `${pad},${key},${pad}`;
          const start = pad.length + 1;
          const expected = reference.get(key) ?? -1;
          expect(table.find(key)).toBe(expected);
          expect(table.findAt(line, start, start + key.length)).toBe(expected);
          if (add && expected === -1) {
            const slot = table.add(key);
            expect(slot).toBe(reference.size);
            reference.set(key, slot);
          }
        }
        expect(table.size).toBe(reference.size);
        for (const [key, slot] of reference) expect(table.keyAt(slot)).toBe(key);
      }),
      { numRuns: 300 },
    );
  });

  it("holds 300,000 ids through its growth", () => {
    const table = new IdTable();
    let wrong = 0;
    for (let i = 0; i < 300_000; i++) if (table.add(`p${i}`) !== i) wrong += 1;
    expect(wrong).toBe(0);
    const line = "x,p123456,y";
    expect(table.findAt(line, 2, 9)).toBe(123_456);
    expect(table.find("p299999")).toBe(299_999);
    expect(table.find("p300000")).toBe(-1);
    expect(spanHash(line, 2, 9)).toBe(spanHash("p123456", 0, 7));
  });
});

describe("People.idAt", () => {
  it("gives the id's text (the held string for a known person) and the slot People.slot gives", () => {
    const people = new People();
    const a = {
      personId: "p7",
      year: 2024,
      inpatientAdmissions: 1,
      deductiblePaidFen: { inpatient: 1, outpatient_general: 0, outpatient_chronic: 0 },
      funds: {},
      chronicMonthlyPaidFen: {},
    };
    expect(people.idAt("c1,p7,x", 3, 5)).toBe("p7");
    expect(people.slot("p7")).toBe(-1);
    people.set(-1, "p7", a, "2024-03-05", 2, "c1");
    expect(people.slot("p7")).toBe(0);
    expect(people.idAt("c2,p7,x", 3, 5)).toBe("p7");
    expect(people.slot("p7")).toBe(0);
    expect(people.slot("p8")).toBe(-1);
    expect(people.idAt("c3,p8,x", 3, 5)).toBe("p8");
    expect(people.slot("p7")).toBe(0);
  });
});
