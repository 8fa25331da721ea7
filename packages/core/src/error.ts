import { describeValue } from "./describe.js";

const BRAND = Symbol.for("carekit.error");

/**
 * Stable error codes. Applications switch on these, never on message text.
 *
 * - `INVALID_INPUT` — input failed its schema (wrong type, missing field, unknown key).
 * - `OUT_OF_RANGE` — a value of the right type outside its allowed range (negative money, rate above 1).
 * - `INVALID_DATE` — not an ISO calendar date (`YYYY-MM-DD`) or a date range that runs backwards.
 * - `UNKNOWN_REGION` — a region code not in the bundled GB/T 2260 table.
 * - `UNREADABLE_INPUT` — a value whose reading threw (a throwing getter, a revoked proxy), e.g. one batch record.
 * - other codes are owned by the domain packages (`RULE_COMPILE`, `UNKNOWN_POLICY`, …).
 */
export type CarekitErrorCode =
  | "INVALID_INPUT"
  | "OUT_OF_RANGE"
  | "INVALID_DATE"
  | "UNKNOWN_REGION"
  | "UNREADABLE_INPUT"
  | (string & {});

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
 * paths, an English `message` and a Chinese `messageZh`. `error instanceof CarekitError` and
 * {@link isCarekitError} both recognise it by its registered-symbol brand (`Symbol.for("carekit.error")`), so they
 * hold for an error from any copy — the ESM and the CJS build, or two installed versions.
 *
 * @example
 * ```ts
 * try {
 *   yuanToFen("-1.00");
 * } catch (error) {
 *   error instanceof CarekitError; // → true
 *   error.code; // → "OUT_OF_RANGE"
 *   error.issues[0].path; // → "yuan"
 *   error.messageZh; // → "yuan: \"-1.00\" 必须非负、最多 2 位小数且可精确表示"
 * }
 * ```
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

  /**
   * `value instanceof CarekitError` checks the brand, so it holds across the ESM and CJS copies; a subclass keeps
   * the ordinary prototype check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof, maybe a subclass
    return this === CarekitError ? isCarekitError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/**
 * Whether `value` is a {@link CarekitError} from any copy (ESM or CJS, any version) of any carekit package.
 *
 * @example
 * ```ts
 * isCarekitError(fieldError("OUT_OF_RANGE", "fen", "must not be negative", "不能为负")); // → true
 * isCarekitError(new Error("x")); // → false
 * ```
 */
export function isCarekitError(value: unknown): value is CarekitError {
  if (typeof value !== "object" || value === null) return false;
  try {
    return (value as Record<symbol, unknown>)[BRAND] === true;
  } catch {
    return false;
  }
}

/**
 * Build a {@link CarekitError} about one field — the shape every hand-written check in carekit uses.
 *
 * @param code - stable code
 * @param path - field path (`""` for the input itself)
 * @param message - English text, without the path
 * @param messageZh - Chinese text, without the path
 * @example
 * ```ts
 * const error = fieldError("OUT_OF_RANGE", "rows[2].population", "must be positive", "必须为正数");
 * error.message; // → "rows[2].population: must be positive"
 * error.messageZh; // → "rows[2].population: 必须为正数"
 * error.issues; // → [{ path: "rows[2].population", message: "must be positive", messageZh: "必须为正数" }]
 * ```
 */
export function fieldError(code: CarekitErrorCode, path: string, message: string, messageZh: string): CarekitError {
  // carekit passes strings; anything else (from a caller of the internal entry) is shown, never thrown on
  if (typeof code !== "string") code = "INVALID_INPUT";
  if (typeof path !== "string") path = describeValue(path);
  if (typeof message !== "string") message = describeValue(message);
  if (typeof messageZh !== "string") messageZh = describeValue(messageZh, "zh");
  const at = path === "" ? "" : `${path}: `;
  return new CarekitError({
    code,
    message: `${at}${message}`,
    messageZh: `${at}${messageZh}`,
    issues: [{ path, message, messageZh }],
  });
}
