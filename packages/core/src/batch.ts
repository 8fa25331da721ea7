import { describeValue } from "./describe.js";
import { CarekitError, type CarekitErrorCode, type CarekitIssue, fieldError, isCarekitError } from "./error.js";

/**
 * A record a batch function could not process (批量处理错误): its position in the input and the {@link CarekitError}
 * as plain JSON. Batch functions return these beside their results, in input order, so that
 * `results.length + errors.length` always equals the number of inputs.
 */
export interface BatchError {
  /** 0-based position of the record in the input. */
  readonly index: number;
  readonly code: CarekitErrorCode;
  readonly message: string;
  readonly messageZh: string;
  readonly issues: readonly CarekitIssue[];
}

/**
 * What every carekit batch function returns (批量结果): the results and the errors, each in input order, with
 * `results.length + errors.length` equal to the number of inputs. Each result carries its input's `index`.
 */
export interface BatchResult<T> {
  readonly results: readonly T[];
  readonly errors: readonly BatchError[];
}

/** One record's outcome in a streaming batch ({@link iterateBatch}): its result or its error, with its index. */
export type BatchItem<T> =
  | { readonly ok: true; readonly index: number; readonly value: T }
  | { readonly ok: false; readonly index: number; readonly error: BatchError };

function describe(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  } catch {
    return "unknown error";
  }
}

/**
 * Turn what a batch caught for the record at `index` into a {@link BatchError}. A `CarekitError` keeps its code and
 * issues; anything else was thrown while the record was being read (a throwing getter, a revoked proxy) and becomes
 * `UNREADABLE_INPUT` for that record, so one bad record never loses the others.
 *
 * @example
 * ```ts
 * toBatchError(2, fieldError("INVALID_INPUT", "population", "must be an integer", "必须是整数")).code;
 * // → "INVALID_INPUT"
 * ```
 */
export function toBatchError(index: number, error: unknown): BatchError {
  if (!Number.isSafeInteger(index) || index < 0) {
    throw fieldError(
      "INVALID_INPUT",
      "index",
      `must be a non-negative safe integer, got ${describeValue(index)}`,
      `必须是非负安全整数，实际为 ${describeValue(index, "zh")}`,
    );
  }
  index += 0;
  if (isCarekitError(error)) {
    return { index, code: error.code, message: error.message, messageZh: error.messageZh, issues: [...error.issues] };
  }
  const what = describe(error);
  return {
    index,
    code: "UNREADABLE_INPUT",
    message: `the record could not be read (${what})`,
    messageZh: `无法读取该记录（${what}）`,
    issues: [{ path: "", message: `the record could not be read (${what})`, messageZh: `无法读取该记录（${what}）` }],
  };
}

/**
 * Run `step` over every record of `inputs`, lazily, yielding each record's result or error in input order
 * (逐条批量处理). Nothing is held beyond the current record, so it streams files of any size.
 *
 * @example
 * ```ts
 * [...iterateBatch(["1.50", "x"], (yuan) => yuanToFen(yuan))].map((item) => item.ok);
 * // → [true, false]
 * ```
 */
export function iterateBatch<I, O>(inputs: Iterable<I>, step: (input: I, index: number) => O): Generator<BatchItem<O>> {
  checkStep(step);
  return iterate(openIterator(inputs, Symbol.iterator) as Iterator<I>, step);
}

function* iterate<I, O>(iterator: Iterator<I>, step: (input: I, index: number) => O): Generator<BatchItem<O>> {
  let done = false;
  try {
    for (let index = 0; ; index++) {
      let next: IteratorResult<I>;
      try {
        next = iterator.next();
      } catch (cause) {
        done = true;
        throw brokenIterator(index, cause);
      }
      if (next.done) {
        done = true;
        return;
      }
      yield stepItem(step, next.value, index);
    }
  } finally {
    // the consumer stopped early (break, return): let the input release what it holds, as for...of does
    if (!done) iterator.return?.();
  }
}

/** {@link iterateBatch} over a sync or async iterable (a stream of parsed rows, say), as an async generator. */
export function iterateBatchAsync<I, O>(
  inputs: Iterable<I> | AsyncIterable<I>,
  step: (input: I, index: number) => O,
): AsyncGenerator<BatchItem<O>> {
  checkStep(step);
  let iterator: Iterator<I> | AsyncIterator<I>;
  try {
    iterator = openIterator(inputs, Symbol.asyncIterator) as AsyncIterator<I>;
  } catch (error) {
    if (!isCarekitError(error) || error.code !== "INVALID_INPUT") throw error;
    iterator = openIterator(inputs, Symbol.iterator) as Iterator<I>;
  }
  return iterateAsync(iterator, step);
}

async function* iterateAsync<I, O>(
  iterator: Iterator<I> | AsyncIterator<I>,
  step: (input: I, index: number) => O,
): AsyncGenerator<BatchItem<O>> {
  let done = false;
  try {
    for (let index = 0; ; index++) {
      let next: IteratorResult<I>;
      try {
        next = await iterator.next();
      } catch (cause) {
        done = true;
        throw brokenIterator(index, cause);
      }
      if (next.done) {
        done = true;
        return;
      }
      // a sync iterable of promises is awaited record by record, as for await does; a record that cannot be awaited
      // (a rejected promise, a `then` getter that throws) is that record's error, not the end of the batch
      let value: I;
      try {
        value = await next.value;
      } catch (error) {
        yield { ok: false, index, error: toBatchError(index, error) };
        continue;
      }
      yield stepItem(step, value, index);
    }
  } finally {
    // the consumer stopped early (break, return): let the input release what it holds, as for...of does
    if (!done) await iterator.return?.();
  }
}

/** One record through `step`: its result, or the error it threw as that record's {@link BatchError}. */
function stepItem<I, O>(step: (input: I, index: number) => O, input: I, index: number): BatchItem<O> {
  try {
    return { ok: true, index, value: step(input, index) };
  } catch (error) {
    return { ok: false, index, error: toBatchError(index, error) };
  }
}

function checkStep(step: unknown): void {
  if (typeof step !== "function") {
    throw fieldError(
      "INVALID_INPUT",
      "step",
      `must be a function, got ${describeValue(step)}`,
      `必须是函数，实际为 ${describeValue(step, "zh")}`,
    );
  }
}

/** `inputs[key]()`, or a CarekitError when `inputs` is not iterable (by that protocol) or its iterator fails. */
function openIterator(inputs: unknown, key: symbol): Iterator<unknown> | AsyncIterator<unknown> {
  let open: unknown;
  try {
    open = (inputs as Record<symbol, unknown> | null | undefined)?.[key];
  } catch {
    // reported below
  }
  const iterable = typeof open === "function";
  let iterator: unknown;
  if (iterable) {
    try {
      iterator = (open as () => unknown).call(inputs);
    } catch (cause) {
      throw brokenIterator(0, cause);
    }
  }
  if (typeof iterator !== "object" || iterator === null || typeof (iterator as Iterator<unknown>).next !== "function") {
    throw fieldError(
      "INVALID_INPUT",
      "inputs",
      `must be ${key === Symbol.asyncIterator ? "an iterable or async iterable" : "an iterable"} of records, got ${describeValue(inputs)}`,
      `必须是记录的可迭代对象，实际为 ${describeValue(inputs, "zh")}`,
    );
  }
  return iterator as Iterator<unknown>;
}

/** The input sequence itself failed (its iterator threw): no later record can be read, so the batch stops here. */
function brokenIterator(index: number, cause: unknown): CarekitError {
  return new CarekitError({
    code: "UNREADABLE_INPUT",
    message: `inputs: the sequence of records failed while reading record ${index}`,
    messageZh: `inputs: 读取第 ${index} 条记录时输入序列出错`,
    issues: [
      { path: "inputs", message: `failed while reading record ${index}`, messageZh: `读取第 ${index} 条记录时出错` },
    ],
    cause,
  });
}

function collector<O>(): { add(item: BatchItem<O>): void; result: { results: O[]; errors: BatchError[] } } {
  const result = { results: [] as O[], errors: [] as BatchError[] };
  return {
    add(item) {
      if (item.ok) result.results.push(item.value);
      else result.errors.push(item.error);
    },
    result,
  };
}

/**
 * Run `step` over every record and collect a {@link BatchResult} (批量处理): the one batch loop of every carekit
 * package. A record whose `step` throws becomes that record's error; the others go on.
 *
 * @example
 * ```ts
 * const { results, errors } = runBatch(["12.50", "-1", "3353.99"], (yuan) => yuanToFen(yuan));
 * results; // → [1250, 335399]
 * errors.map((e) => [e.index, e.code]); // → [[1, "OUT_OF_RANGE"]]
 * ```
 */
export function runBatch<I, O>(inputs: Iterable<I>, step: (input: I, index: number) => O): BatchResult<O> {
  // the same records, errors and failures as collecting `iterateBatch`'s items (its reference; a differential test in
  // test/batch.test.ts holds them together), without a generator step and an item object per record
  checkStep(step);
  const iterator = openIterator(inputs, Symbol.iterator) as Iterator<I>;
  const results: O[] = [];
  const errors: BatchError[] = [];
  let done = false;
  try {
    for (let index = 0; ; index++) {
      let next: IteratorResult<I>;
      try {
        next = iterator.next();
      } catch (cause) {
        done = true;
        throw brokenIterator(index, cause);
      }
      if (next.done) {
        done = true;
        return { results, errors };
      }
      try {
        results.push(step(next.value, index));
      } catch (error) {
        errors.push(toBatchError(index, error));
      }
    }
  } finally {
    // a step that throws past toBatchError cannot happen; this only releases the input if the loop is left early
    if (!done) iterator.return?.();
  }
}

/** {@link runBatch} over a sync or async iterable. */
export async function runBatchAsync<I, O>(
  inputs: Iterable<I> | AsyncIterable<I>,
  step: (input: I, index: number) => O,
): Promise<BatchResult<O>> {
  const out = collector<O>();
  for await (const item of iterateBatchAsync(inputs, step)) out.add(item);
  return out.result;
}
