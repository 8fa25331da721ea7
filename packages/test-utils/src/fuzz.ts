import fc from "fast-check";
import { isBranded as isCarekitError } from "./brand.js";

function circular(): object {
  const a: Record<string, unknown> = { name: "a" };
  a.self = a;
  a.list = [a];
  return a;
}

function deep(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { next: value } : [value];
  return value;
}

function throwingGetter(): object {
  return Object.defineProperty({}, "population", {
    enumerable: true,
    get() {
      throw new TypeError("getter threw");
    },
  });
}

/**
 * Values that break naive code: BigInt, symbols, circular and 10,000-deep structures, throwing getters and proxies,
 * `Object.create(null)`, invalid dates, `-0`, `NaN`, huge numbers and strings, sparse arrays — mixed with
 * fast-check's `anything()`.
 */
export function evilValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      10n,
      -(2n ** 70n),
      Symbol("s"),
      Symbol.for("carekit.error"),
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      1e15,
      2 ** 53,
      -1,
      0.1 + 0.2,
      "",
      " ",
      "870,000",
      "9999-12-31",
      "2024-02-30",
      "\u0000",
      "__proto__",
      null,
      undefined,
      true,
      [],
      [undefined],
      new Array(3),
      {},
      new Date(Number.NaN),
      new Date(0),
      () => 1,
      new Map(),
      new Set(),
    ),
    fc.constant(null).map(() => Object.create(null) as unknown),
    fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": 1}}') as unknown),
    fc.constant(null).map(circular),
    fc.constant(null).map(() => deep(10_000)),
    fc.constant(null).map(throwingGetter),
    fc.constant(null).map(
      () =>
        new Proxy(
          {},
          {
            get() {
              throw new TypeError("proxy threw");
            },
          },
        ),
    ),
    fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, withSparseArray: true, maxDepth: 3 }),
  );
}

/** A value the fuzzer may pass as a function's (first) argument: evil itself, or an object with evil fields. */
function argument(keys: readonly string[]): fc.Arbitrary<unknown> {
  const field = fc.constantFrom(...(keys.length > 0 ? keys : ["value"]));
  return fc.oneof(
    evilValue(),
    fc.dictionary(field, evilValue(), { maxKeys: 6 }),
    fc.array(fc.dictionary(field, evilValue(), { maxKeys: 4 }), { maxLength: 4 }),
  );
}

/**
 * Walk a result and throw when it holds `NaN`, `±Infinity`, `-0` or an unsafe integer (cycles and functions are
 * skipped). Iterative, so a 10,000-deep result is walked without overflowing the stack.
 */
export function assertCleanResult(value: unknown, path = "result", seen = new Set<unknown>()): void {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [current, at] = stack.pop() as [unknown, string];
    if (typeof current === "number") {
      if (!Number.isFinite(current)) throw new Error(`${at} is ${current}`);
      if (Object.is(current, -0)) throw new Error(`${at} is -0`);
      if (Number.isInteger(current) && !Number.isSafeInteger(current)) throw new Error(`${at} is an unsafe integer`);
      continue;
    }
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof Map || current instanceof Set || ArrayBuffer.isView(current)) continue;
    let keys: string[];
    try {
      keys = Object.keys(current);
    } catch {
      continue; // a hostile input handed back unchanged (e.g. a proxy): not a value carekit computed
    }
    for (const key of keys) {
      let child: unknown;
      try {
        child = (current as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      stack.push([child, `${at}.${key}`]);
    }
  }
}

/** Options of {@link fuzzExports}. */
export interface FuzzExportsOptions {
  /** Generated calls in all (spread over the functions); the default 10,000. */
  readonly numRuns?: number;
  /** Exports not to call (e.g. functions that return a function checked elsewhere). */
  readonly skip?: readonly string[];
  /**
   * Exports that hand back their argument (e.g. `deepFreeze`): for these only "a result or a CarekitError" is
   * checked, since the numbers in the result are the caller's own.
   */
  readonly passThrough?: readonly string[];
  /** Field names to put in generated objects so calls get past the first check (e.g. `population`). */
  readonly keys?: readonly string[];
  /** Extra functions to fuzz, by name (e.g. the function a `compile…` returns). */
  readonly extra?: Readonly<Record<string, (...args: never[]) => unknown>>;
  readonly seed?: number;
}

/**
 * Call every exported function of `module` with generated hostile arguments and throw unless each call returns a
 * clean result ({@link assertCleanResult}) or throws a CarekitError. Returns the number of calls made. A call that
 * returns a promise is checked when it settles: a raw rejection becomes an unhandled error that fails the run; use
 * {@link fuzzExportsAsync} to await them and fail the test itself.
 */
export function fuzzExports(module: Record<string, unknown>, options: FuzzExportsOptions = {}): number {
  const pending: Promise<void>[] = [];
  const calls = fuzzCalls(module, options, pending);
  for (const settled of pending) settled.catch(rethrowLater);
  return calls;
}

/** {@link fuzzExports} that also awaits every promise a call returned and throws on the first raw rejection. */
export async function fuzzExportsAsync(
  module: Record<string, unknown>,
  options: FuzzExportsOptions = {},
): Promise<number> {
  const pending: Promise<void>[] = [];
  const calls = fuzzCalls(module, options, pending);
  await Promise.all(pending);
  return calls;
}

function rethrowLater(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}

function settle(name: string, promise: Promise<unknown>): Promise<void> {
  return promise.then(
    (value) => assertCleanResult(value, `${name}(...) resolved`),
    (error: unknown) => {
      if (isCarekitError(error)) return;
      throw new Error(`${name} rejected with a raw ${(error as Error)?.name ?? typeof error}: ${String(error)}`);
    },
  );
}

function fuzzCalls(module: Record<string, unknown>, options: FuzzExportsOptions, pending: Promise<void>[]): number {
  const skip = new Set(options.skip ?? []);
  const functions = Object.entries({ ...module, ...(options.extra ?? {}) }).filter(
    (entry): entry is [string, (...args: unknown[]) => unknown] =>
      typeof entry[1] === "function" && !skip.has(entry[0]) && !/^[A-Z]/.test(entry[0]),
  );
  if (functions.length === 0) return 0;
  const keys = options.keys ?? [];
  const passThrough = new Set(options.passThrough ?? []);
  let calls = 0;
  fc.assert(
    fc.property(
      fc.constantFrom(...functions),
      fc.array(argument(keys), { minLength: 0, maxLength: 3 }),
      ([name, fn], args) => {
        calls++;
        let result: unknown;
        try {
          result = fn(...args);
        } catch (error) {
          if (isCarekitError(error)) return;
          throw new Error(`${name} threw a raw ${(error as Error)?.name ?? typeof error}: ${String(error)}`);
        }
        if (passThrough.has(name)) return;
        if (result instanceof Promise) {
          pending.push(settle(name, result));
          return;
        }
        assertCleanResult(result, `${name}(...)`);
      },
    ),
    { numRuns: options.numRuns ?? 10_000, seed: options.seed ?? 20261201 },
  );
  return calls;
}
