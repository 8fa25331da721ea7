const BRAND = Symbol.for("carekit.error");

/**
 * Stable error codes. Applications switch on these, never on message text.
 *
 * - `INVALID_INPUT` — input failed its schema (wrong type, missing field, unknown key).
 * - `OUT_OF_RANGE` — a value of the right type outside its allowed range (negative money, rate above 1).
 * - `INVALID_DATE` — not an ISO calendar date (`YYYY-MM-DD`) or a date range that runs backwards.
 * - `UNKNOWN_REGION` — a region code not in the bundled GB/T 2260 table.
 * - other codes are owned by the domain packages (`RULE_COMPILE`, `UNKNOWN_POLICY`, …).
 */
export type CarekitErrorCode = "INVALID_INPUT" | "OUT_OF_RANGE" | "INVALID_DATE" | "UNKNOWN_REGION" | (string & {});

/** One problem found in an input: where (`path`, e.g. `lines[2].amountFen`; empty for the root) and what. */
export interface CarekitIssue {
  /** Field path in JavaScript notation, `""` for the input itself. */
  readonly path: string;
  /** English description of the problem. */
  readonly message: string;
  /** Chinese description of the problem (中文说明). */
  readonly messageZh: string;
}

/** Constructor options of {@link CarekitError}. */
export interface CarekitErrorOptions {
  readonly code: CarekitErrorCode;
  /** English message. */
  readonly message: string;
  /** Chinese message (中文错误信息). */
  readonly messageZh: string;
  readonly issues?: readonly CarekitIssue[];
  readonly cause?: unknown;
}

/**
 * The one error type every carekit function throws (错误类型). It carries a stable `code`, the `issues` with field
 * paths, an English `message` and a Chinese `messageZh`. Recognise it with {@link isCarekitError}, not `instanceof`:
 * an app can load both the ESM and the CJS copy of a package.
 *
 * @example
 * {@includeCode ../test/error.test.ts#example}
 */
export class CarekitError extends Error {
  /** Stable machine-readable code. */
  readonly code: CarekitErrorCode;
  /** Chinese message. */
  readonly messageZh: string;
  /** Every problem found, each with its field path. */
  readonly issues: readonly CarekitIssue[];
  declare readonly [BRAND]: true;

  constructor(options: CarekitErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CarekitError";
    this.code = options.code;
    this.messageZh = options.messageZh;
    this.issues = options.issues ?? [];
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether `value` is a {@link CarekitError} from any copy (ESM or CJS, any version) of any carekit package.
 *
 * @example
 * {@includeCode ../test/error.test.ts#example}
 */
export function isCarekitError(value: unknown): value is CarekitError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * Build a {@link CarekitError} about one field — the shape every hand-written check in carekit uses.
 *
 * @param code - stable code
 * @param path - field path (`""` for the input itself)
 * @param message - English text, without the path
 * @param messageZh - Chinese text, without the path
 * @example
 * {@includeCode ../test/error.test.ts#fieldError}
 */
export function fieldError(code: CarekitErrorCode, path: string, message: string, messageZh: string): CarekitError {
  const at = path === "" ? "" : `${path}: `;
  return new CarekitError({
    code,
    message: `${at}${message}`,
    messageZh: `${at}${messageZh}`,
    issues: [{ path, message, messageZh }],
  });
}
