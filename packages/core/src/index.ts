/**
 * Shared primitives of carekit (公共基础): money in integer fen (分), rates in basis points with one explicit
 * rounding rule, ISO calendar dates, and the {@link CarekitError} every package throws.
 * Region codes (行政区划代码) live in the `@carekit/core/regions` entry point so that apps which do not need the
 * table do not download it.
 *
 * @packageDocumentation
 */

export {
  type BatchError,
  type BatchItem,
  type BatchResult,
  iterateBatch,
  iterateBatchAsync,
  runBatch,
  runBatchAsync,
} from "./batch.js";
export {
  addDays,
  ageOn,
  formatIsoDate,
  type IsoDate,
  IsoDateSchema,
  isOnOrBefore,
  monthsBetween,
  parseIsoDate,
} from "./date.js";
export {
  CarekitError,
  type CarekitErrorCode,
  type CarekitErrorOptions,
  type CarekitIssue,
  isCarekitError,
} from "./error.js";
export { assertFen, type Fen, FenSchema, fenToYuan, formatFen, yuanToFen } from "./money.js";
export { type ParseInputOptions, parseInput } from "./parse.js";
export { applyRate, BASIS_POINTS_PER_UNIT, type BasisPoints, RateSchema, rateToBasisPoints } from "./rate.js";
export { safeRecord } from "./record.js";
export { divideRounded, ROUNDING_MODES, type RoundingMode, RoundingModeSchema } from "./rounding.js";
export { type Confidence, ConfidenceSchema, type Label, LabelSchema, type Source, SourceSchema } from "./source.js";
export { type FormatTraceOptions, formatTrace, type TraceSource, type TraceStep, type TraceValue } from "./trace.js";
