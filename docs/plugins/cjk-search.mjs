// @ts-check
// TypeDoc indexes search terms with lunr, whose trimmer strips every non-ASCII-word character from the ends of a
// token — so a Chinese term such as 托位 or 起付线 is trimmed to nothing and can never be found. This plugin swaps in a
// Unicode-aware trimmer (letters and digits of any script are kept), so the site's `*term*` search finds Chinese
// terms inside the TSDoc of every export.
import lunr from "lunr";

const EDGES = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;

/** @param {lunr.Token} token */
function unicodeTrimmer(token) {
  return token.update((text) => text.replace(EDGES, ""));
}

/** @param {import("typedoc").Application} _app */
export function load(_app) {
  // replace the registered "trimmer" so the builder TypeDoc creates picks this one up
  delete (/** @type {Record<string, unknown>} */ (lunr.Pipeline.registeredFunctions).trimmer);
  lunr.Pipeline.registerFunction(unicodeTrimmer, "trimmer");
  lunr.trimmer = unicodeTrimmer;
}
