import fc from "fast-check";
import { expect } from "vitest";

/** Options of {@link differential}. */
export interface DifferentialOptions<I> {
  /** Generated inputs (include absent optional fields, keys present with `undefined`, shuffled and extra keys). */
  readonly arbitrary: fc.Arbitrary<I>;
  /** The optimised implementation. */
  readonly fast: (input: I) => unknown;
  /** The obviously correct reference. */
  readonly reference: (input: I) => unknown;
  /** Runs; the default 1000. */
  readonly numRuns?: number;
  /** A fixed seed; with `CAREKIT_RANDOM_SEED=1` a random one, printed by fast-check on failure. */
  readonly seed?: number;
}

function outcome(fn: () => unknown): { ok: true; value: unknown } | { ok: false; code: unknown } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, code: (error as { code?: unknown }).code ?? String(error) };
  }
}

/**
 * Assert that `fast` and `reference` agree on every generated input: the same result (deep equality), or errors
 * with the same code. The one differential check behind every optimised path.
 */
export function differential<I>(options: DifferentialOptions<I>): void {
  const seed = process.env.CAREKIT_RANDOM_SEED === "1" ? Date.now() : (options.seed ?? 20261201);
  fc.assert(
    fc.property(options.arbitrary, (input) => {
      expect(outcome(() => options.fast(input))).toEqual(outcome(() => options.reference(input)));
    }),
    { numRuns: options.numRuns ?? 1000, seed },
  );
}
