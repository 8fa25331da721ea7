import { FenSchema } from "@carekit/core";

/**
 * Largest amount of money (in fen) a claim, a cap or a threshold may carry: ¥1,000,000,000.00 (10 亿元).
 * It keeps every `fen × basisPoints` product below 2^53, so the settlement arithmetic stays exact.
 *
 * @example
 * ```ts
 * MAX_AMOUNT_FEN;
 * // → 100_000_000_000
 * ```
 */
export const MAX_AMOUNT_FEN = 100_000_000_000;

/** An amount of money in fen, at most {@link MAX_AMOUNT_FEN}. */
export const AmountSchema = /* @__PURE__ */ FenSchema.max(MAX_AMOUNT_FEN, {
  error: `must be at most ${MAX_AMOUNT_FEN} fen`,
});

/** Most lines one itemised claim may carry. */
export const MAX_LINES = 10_000;

/**
 * Largest accumulated amount (in fen) an annual accumulator may carry: ¥10,000,000,000,000.00 (10 万亿元). Adding one
 * more claim (at most {@link MAX_AMOUNT_FEN}) to it stays far below 2^53, so accumulated sums never lose precision;
 * a sum beyond it is refused with `OUT_OF_RANGE`.
 */
export const MAX_ACCUMULATED_FEN = 1_000_000_000_000_000;
