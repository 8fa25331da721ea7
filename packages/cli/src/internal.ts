/**
 * The CLI's reading machinery for its own bench (`bench/run.mjs`): built to `dist/internal.js`, not in the package's
 * exports, not a public API.
 *
 * @internal
 */
export { CsvTokenizer } from "./io/csv.js";
export { decodeStream } from "./io/decode.js";
export { ownerOf } from "./io/parallel.js";
