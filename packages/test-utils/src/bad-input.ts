import type { CarekitError } from "@carekit/core";
import { describe, expect, it } from "vitest";
import { isBranded as isCarekitError } from "./brand.js";

/**
 * One bad input: a label, the call, the expected code and the expected field path of the first issue. The
 * error must also carry a non-empty Chinese message and an English one.
 */
export type BadInputCase = readonly [label: string, call: () => unknown, code: string, path: string];

/** Call `fn`, expect it to throw a CarekitError with `code` (and the first issue at `path`), and return the error. */
export function expectCarekitError(fn: () => unknown, code: string, path?: string): CarekitError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (!isCarekitError(thrown)) {
    throw new Error(`expected a CarekitError ${code}, got ${thrown === undefined ? "no error" : String(thrown)}`);
  }
  expect(thrown.code).toBe(code);
  if (path !== undefined) expect(thrown.issues[0]?.path ?? "").toBe(path);
  expect(thrown.message.length).toBeGreaterThan(0);
  expect(thrown.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(thrown.message).not.toMatch(/\[object Object\]|undefined:/);
  return thrown;
}

/** A vitest `describe` that runs every case through {@link expectCarekitError}. */
export function badInputSuite(name: string, cases: readonly BadInputCase[]): void {
  describe(name, () => {
    it.each(cases.map((c) => [c[0], c] as const))("%s", (_label, [, call, code, path]) => {
      expectCarekitError(call, code, path);
    });
  });
}
