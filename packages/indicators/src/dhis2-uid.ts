import { fieldError } from "@carekit/core/internal";
import { sha256 } from "./internal/sha256.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALPHANUMERIC = `0123456789${LETTERS}`;

/** A DHIS2 UID: a letter, then ten letters or digits (`^[A-Za-z][A-Za-z0-9]{10}$`), as dhis2-core's `CodeGenerator`. */
export const DHIS2_UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

/**
 * The DHIS2 UID carekit derives for `key` (DHIS2 标识符): deterministic, so the same carekit id gets the same UID on
 * every run and every machine, and a re-import updates instead of duplicating.
 *
 * Algorithm: take the SHA-256 digest of the UTF-8 text `carekit:` + `key`; read its first 16 bytes as a big-endian
 * unsigned integer `n`; the first character is `LETTERS[n mod 52]` (then `n ← ⌊n ÷ 52⌋`), each of the next ten is
 * `ALPHANUMERIC[n mod 62]` (then `n ← ⌊n ÷ 62⌋`), where `LETTERS` is `a–z A–Z` and `ALPHANUMERIC` is `0–9 a–z A–Z`
 * (the alphabets of dhis2-core's `CodeGenerator`). carekit's keys are `dataElement:<input name>`,
 * `indicator:<indicator id>` and `indicatorType:<factor>` (`indicatorType:number` for a count).
 *
 * @param key - any text, e.g. `indicator:slotsPer1000`
 * @returns an 11-character DHIS2 UID
 * @see DHIS2 Developer Manual, "Identifier schemes" and "Generate identifiers" (`/api/system/id`)
 * @example
 * ```ts
 * dhis2Uid("indicator:slotsPer1000");
 * // → "uPX8JijbRdy"
 * ```
 */
export function dhis2Uid(key: string): string {
  if (typeof key !== "string") {
    throw fieldError("INVALID_INPUT", "key", "must be a string", "必须是字符串");
  }
  const digest = sha256(`carekit:${key}`);
  let n = 0n;
  for (let i = 0; i < 16; i++) n = (n << 8n) | BigInt(digest[i] as number);
  let uid = LETTERS.charAt(Number(n % 52n));
  n /= 52n;
  for (let i = 0; i < 10; i++) {
    uid += ALPHANUMERIC.charAt(Number(n % 62n));
    n /= 62n;
  }
  return uid;
}

/**
 * Whether `ref` is a DHIS2 data-element operand as an indicator expression writes it inside `#{…}`: `UID` (all
 * disaggregations), `UID.COC` (one category option combo), `UID.COC.AOC` (and one attribute option combo) or
 * `UID.*.AOC` (every category option combo of one attribute option combo) or `UID.COC.*` (one category option combo,
 * any attribute option combo), each part a {@link DHIS2_UID}.
 *
 * @see DHIS2 Developer Manual, "Indicators" — data element operands `#{<dataelement-id>.<catoptcombo-id>.<attributeoptcombo-id>}`
 * @example
 * ```ts
 * isDhis2Operand("P3jJH5Tu5VC.*.j8vBiBqGf6O"); // → true
 * isDhis2Operand("not_a_uid"); // → false
 * ```
 */
export function isDhis2Operand(ref: string): boolean {
  if (typeof ref !== "string") return false;
  const parts = ref.split(".");
  if (parts.length > 3) return false;
  const [de, coc, aoc] = parts;
  if (de === undefined || !DHIS2_UID.test(de)) return false;
  if (coc === undefined) return true;
  if (aoc === undefined) return DHIS2_UID.test(coc);
  return (coc === "*" && DHIS2_UID.test(aoc)) || (DHIS2_UID.test(coc) && (aoc === "*" || DHIS2_UID.test(aoc)));
}
