import { type CarekitErrorCode, type CarekitIssue, isCarekitError } from "./error.js";

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
export function* iterateBatch<I, O>(
  inputs: Iterable<I>,
  step: (input: I, index: number) => O,
): Generator<BatchItem<O>> {
  let index = 0;
  for (const input of inputs) {
    let item: BatchItem<O>;
    try {
      item = { ok: true, index, value: step(input, index) };
    } catch (error) {
      item = { ok: false, index, error: toBatchError(index, error) };
    }
    yield item;
    index++;
  }
}

/** {@link iterateBatch} over a sync or async iterable (a stream of parsed rows, say), as an async generator. */
export async function* iterateBatchAsync<I, O>(
  inputs: Iterable<I> | AsyncIterable<I>,
  step: (input: I, index: number) => O,
): AsyncGenerator<BatchItem<O>> {
  let index = 0;
  for await (const input of inputs) {
    let item: BatchItem<O>;
    try {
      item = { ok: true, index, value: step(input, index) };
    } catch (error) {
      item = { ok: false, index, error: toBatchError(index, error) };
    }
    yield item;
    index++;
  }
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
  const out = collector<O>();
  for (const item of iterateBatch(inputs, step)) out.add(item);
  return out.result;
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
