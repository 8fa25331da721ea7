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
 * Turn what a batch caught for the record at `index` into a {@link BatchError}. Anything that is not a
 * `CarekitError` is a bug, not bad input, and is thrown again rather than hidden in the error list.
 *
 * @throws whatever was caught, when it is not a CarekitError
 * @example
 * {@includeCode ../test/batch.test.ts#example}
 */
export function toBatchError(index: number, error: unknown): BatchError {
  if (!isCarekitError(error)) throw error;
  return { index, code: error.code, message: error.message, messageZh: error.messageZh, issues: [...error.issues] };
}
