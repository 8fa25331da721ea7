import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fewestCarers } from "../src/carers.js";
import { planChildcareClasses } from "../src/index.js";

const SIZE = { infant: 10, toddler: 15, olderToddler: 20, mixed: 18 };
const RATIO = { infant: 3, toddler: 5, olderToddler: 7, mixed: 5 };

/** Exhaustive search over every split of toddlers and older toddlers between pure and mixed classes. */
function fewestClassesByBruteForce(infant: number, toddler: number, olderToddler: number, allowMixed: boolean): number {
  let best = Number.POSITIVE_INFINITY;
  const maxMixed = allowMixed ? Math.min(toddler, olderToddler) : 0;
  for (let mixed = 0; mixed <= maxMixed; mixed++) {
    for (let a = mixed; a <= (mixed === 0 ? 0 : toddler); a++) {
      for (let b = mixed; b <= (mixed === 0 ? 0 : olderToddler); b++) {
        if (a + b > SIZE.mixed * mixed) continue;
        const total =
          mixed + Math.ceil((toddler - a) / SIZE.toddler) + Math.ceil((olderToddler - b) / SIZE.olderToddler);
        best = Math.min(best, total);
      }
    }
  }
  return Math.ceil(infant / SIZE.infant) + best;
}

/** Exhaustive fewest carers: every way to split children over the classes. */
function fewestCarersByBruteForce(children: number, classes: number, limit: number, ratio: number): number {
  const memo = new Map<string, number>();
  const go = (left: number, k: number): number => {
    if (k === 0) return left === 0 ? 0 : Number.POSITIVE_INFINITY;
    const key = `${left}/${k}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let best = Number.POSITIVE_INFINITY;
    for (let size = 1; size <= Math.min(limit, left); size++) {
      best = Math.min(best, Math.ceil(size / ratio) + go(left - size, k - 1));
    }
    memo.set(key, best);
    return best;
  };
  return go(children, classes);
}

describe("planChildcareClasses", () => {
  it("plans classes and carers by the 58号文 limits", () => {
    const plan = planChildcareClasses({ children: { infant: 20, toddler: 45, olderToddler: 60 } });
    expect(plan.classes).toEqual({ infant: 2, toddler: 3, olderToddler: 3, mixed: 0 });
    expect(plan.totalClasses).toBe(8);
    expect(plan.carers).toBe(26); // 20 infants need 8 (1:3 in classes of 10), 45 toddlers 9, 60 older toddlers 9
    // mixing children of 18 months and older saves classes
    const mixed = planChildcareClasses({ children: { infant: 0, toddler: 16, olderToddler: 21 }, allowMixed: true });
    expect(mixed.classes).toEqual({ infant: 0, toddler: 0, olderToddler: 1, mixed: 1 });
    expect(mixed.classPlan.mixed).toMatchObject({ children: 17, toddlers: 16, olderToddlers: 1 });
    expect(planChildcareClasses({ children: { infant: 0, toddler: 16, olderToddler: 21 } }).totalClasses).toBe(4);
  });

  it("uses the mixed carer ratio given, else the strictest group ratio", () => {
    const children = { infant: 0, toddler: 16, olderToddler: 21 };
    const strict = planChildcareClasses({ children, allowMixed: true });
    expect(strict.classPlan.mixed.carers).toBe(4); // 17 children at 1:5
    expect(strict.trace.find((step) => step.step === "carers")?.inputs.mixedRatioFrom).toBe("strictest group ratio");
    const shenzhen = planChildcareClasses({ children, allowMixed: true, mixedCarerRatio: 6 });
    expect(shenzhen.classPlan.mixed.carers).toBe(3); // 17 children at 1:6 (深圳)
  });

  it("never exceeds a class-size limit and no smaller number of classes would fit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        (infant, toddler, olderToddler, allowMixed) => {
          const plan = planChildcareClasses({ children: { infant, toddler, olderToddler }, allowMixed });
          const groups = [
            [plan.classPlan.infant, SIZE.infant],
            [plan.classPlan.toddler, SIZE.toddler],
            [plan.classPlan.olderToddler, SIZE.olderToddler],
            [plan.classPlan.mixed, SIZE.mixed],
          ] as const;
          for (const [group, limit] of groups) {
            expect(group.children).toBeLessThanOrEqual(group.classes * limit);
            expect(group.children).toBeGreaterThanOrEqual(group.classes); // no empty class
          }
          const { mixed } = plan.classPlan;
          expect(mixed.toddlers).toBeGreaterThanOrEqual(mixed.classes);
          expect(mixed.olderToddlers).toBeGreaterThanOrEqual(mixed.classes);
          expect(plan.classPlan.toddler.children + mixed.toddlers).toBe(toddler);
          expect(plan.classPlan.olderToddler.children + mixed.olderToddlers).toBe(olderToddler);
          expect(plan.totalClasses).toBe(fewestClassesByBruteForce(infant, toddler, olderToddler, allowMixed));
          if (!allowMixed) expect(mixed.classes).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("fewestCarers equals an exhaustive search", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(SIZE) as (keyof typeof SIZE)[])),
        fc.integer({ min: 0, max: 60 }),
        (type, children) => {
          const limit = SIZE[type];
          const classes = Math.ceil(children / limit) + (children > limit ? 1 : 0);
          const ratio = RATIO[type];
          expect(fewestCarers(children, classes, limit, ratio)).toBe(
            fewestCarersByBruteForce(children, classes, limit, ratio),
          );
        },
      ),
    );
  });

  it("scales to large districts", () => {
    const plan = planChildcareClasses({
      children: { infant: 100_000, toddler: 300_000, olderToddler: 400_000 },
      allowMixed: true,
    });
    expect(plan.totalClasses).toBeGreaterThanOrEqual(Math.ceil(100_000 / 10) + Math.ceil(700_000 / 20));
  });
});
