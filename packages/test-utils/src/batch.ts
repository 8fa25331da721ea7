import type { BatchError } from "@carekit/core";
import { expect } from "vitest";

/** A record whose every property read throws, as a row object with a broken getter or a revoked proxy would. */
export function throwingRecord(): object {
  return new Proxy(
    {},
    {
      get() {
        throw new TypeError("getter threw");
      },
      ownKeys() {
        throw new TypeError("ownKeys threw");
      },
      getOwnPropertyDescriptor() {
        throw new TypeError("descriptor threw");
      },
      has() {
        throw new TypeError("has threw");
      },
    },
  );
}

/**
 * Check the batch contract on `inputs`: every input is a result or an error (`results + errors = inputs`), errors
 * come in input order with distinct, in-range indices, and the inputs whose index is in `expectErrorAt` (for example
 * a {@link throwingRecord} in the middle) are errors. `indexOf` reads a result's input index.
 */
export function checkBatchConformance<T>(
  outcome: { readonly results: readonly T[]; readonly errors: readonly BatchError[] },
  inputs: readonly unknown[],
  options: { readonly indexOf: (result: T) => number; readonly expectErrorAt?: readonly number[] },
): void {
  const { results, errors } = outcome;
  expect(results.length + errors.length).toBe(inputs.length);
  const resultIndices = results.map(options.indexOf);
  const errorIndices = errors.map((e) => e.index);
  for (const list of [resultIndices, errorIndices]) {
    expect([...list].sort((a, b) => a - b)).toEqual(list);
  }
  const all = [...resultIndices, ...errorIndices].sort((a, b) => a - b);
  expect(all).toEqual(inputs.map((_, i) => i));
  for (const at of options.expectErrorAt ?? []) expect(errorIndices).toContain(at);
  for (const error of errors) {
    expect(typeof error.code).toBe("string");
    expect(error.messageZh.length).toBeGreaterThan(0);
  }
}
