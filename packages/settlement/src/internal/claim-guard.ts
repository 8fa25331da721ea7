import { parseInput } from "@carekit/core";
import { type Claim, ClaimSchema } from "../claim.js";
import { MAX_AMOUNT_FEN, MAX_LINES } from "../limits.js";
import { HOSPITAL_GRADES, LONG_TERM_SUBTYPES, PERSON_STATUSES, SCHEMES } from "../policy.js";

// The fast claim guard: the same rules as ClaimSchema, hand-written for the hot path, reading the enums from the same
// constants as the schema. `test/claim.test.ts` proves guard and schema agree on generated claims (valid, broken,
// with absent optional keys, keys present with `undefined`, shuffled and extra keys).

type Bag = Record<string, unknown>;

const REQUIRED_KEYS = 12;
const LINE_KEYS = new Set(["itemCode", "amountFen", "quantity"]);
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const REGISTRATION_KINDS = ["referred", "emergency", "other_temporary", "unregistered"] as const;

function oneOf(list: readonly string[], value: unknown): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

// The two-valued and four-valued enums as constants read once from the schema's lists: comparing with a constant is
// cheaper on the hot path than walking the list (`test/claim.test.ts` proves guard and schema agree).
const [EMPLOYEE, RESIDENT] = SCHEMES;
const [IN_SERVICE, RETIRED] = PERSON_STATUSES;
const [PRIMARY, LEVEL1, LEVEL2, LEVEL3] = HOSPITAL_GRADES;

function isBag(value: unknown): value is Bag {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasOnly(bag: Bag, keys: ReadonlySet<string>): boolean {
  for (const key in bag) if (!keys.has(key)) return false;
  return true;
}

/** Number of enumerable keys, counted without allocating. */
function keyCount(bag: Bag): number {
  let count = 0;
  for (const _ in bag) count++;
  return count;
}

/** The digit 0–9 at `index` of a string of known length, or a number outside 0–9 (any other character). */
function digitAt(text: string, index: number): number {
  return (text.charCodeAt(index) - 48) >>> 0;
}

/** Six ASCII digits, checked without a regular expression. */
function isRegionFormat(value: unknown): boolean {
  return (
    typeof value === "string" &&
    value.length === 6 &&
    digitAt(value, 0) <= 9 &&
    digitAt(value, 1) <= 9 &&
    digitAt(value, 2) <= 9 &&
    digitAt(value, 3) <= 9 &&
    digitAt(value, 4) <= 9 &&
    digitAt(value, 5) <= 9
  );
}

function isId(value: unknown): boolean {
  return typeof value === "string" && value.length >= 1 && value.length <= 64 && value.trim() !== "";
}

function isKey(value: unknown): boolean {
  return typeof value === "string" && KEY.test(value) && value !== "constructor" && value !== "prototype";
}

function isAmount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= MAX_AMOUNT_FEN;
}

/** A real calendar date `YYYY-MM-DD` (years 0000–9999), checked without allocating a `Date`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    return false;
  }
  const m1 = digitAt(value, 5);
  const m2 = digitAt(value, 6);
  const d1 = digitAt(value, 8);
  const d2 = digitAt(value, 9);
  const y1 = digitAt(value, 0);
  const y2 = digitAt(value, 1);
  const y3 = digitAt(value, 2);
  const y4 = digitAt(value, 3);
  if (m1 > 9 || m2 > 9 || d1 > 9 || d2 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || y4 > 9) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

function careTypeOk(value: unknown): boolean {
  if (!isBag(value)) return false;
  if (value.kind === "outpatient_chronic") return isKey(value.disease) && keyCount(value) === 2;
  return (value.kind === "inpatient" || value.kind === "outpatient_general") && keyCount(value) === 1;
}

function registrationOk(value: unknown): boolean {
  if (!isBag(value)) return false;
  const kind = value.kind;
  if (kind === "long_term_resident") {
    const subType = value.subType;
    const count = keyCount(value);
    if (subType === undefined) return count === 1 || (count === 2 && "subType" in value);
    return oneOf(LONG_TERM_SUBTYPES, subType) && count === 2;
  }
  return oneOf(REGISTRATION_KINDS, kind) && keyCount(value) === 1;
}

/** Total of valid charges in fen, or -1 when the charges are not valid. */
function validChargesTotal(value: unknown): number {
  if (!isBag(value)) return -1;
  if (value.kind === "totals") {
    const { classAFen, classBFen, classCFen, overPriceCapFen } = value;
    if (!isAmount(classAFen) || !isAmount(classBFen) || !isAmount(classCFen)) return -1;
    const count = keyCount(value);
    if (overPriceCapFen === undefined) {
      return count === 4 || (count === 5 && "overPriceCapFen" in value) ? classAFen + classBFen + classCFen : -1;
    }
    return isAmount(overPriceCapFen) && count === 5 ? classAFen + classBFen + classCFen + overPriceCapFen : -1;
  }
  if (value.kind !== "lines") return -1;
  const declared = value.declaredLineCount;
  const count = keyCount(value);
  if (declared === undefined) {
    if (count !== 2 && !(count === 3 && "declaredLineCount" in value)) return -1;
  } else if (!(Number.isSafeInteger(declared) && (declared as number) >= 1 && (declared as number) <= MAX_LINES)) {
    return -1;
  } else if (count !== 3) return -1;
  const lines = value.lines;
  if (!Array.isArray(lines) || lines.length < 1 || lines.length > MAX_LINES) return -1;
  let total = 0;
  for (const line of lines as unknown[]) {
    if (!isBag(line) || !hasOnly(line, LINE_KEYS) || !isKey(line.itemCode) || !isAmount(line.amountFen)) return -1;
    const quantity = line.quantity;
    if (quantity !== undefined && !(Number.isSafeInteger(quantity) && (quantity as number) >= 1)) return -1;
    if ((quantity as number) > 1_000_000) return -1;
    total += line.amountFen;
  }
  return total;
}

/**
 * Whether `value` is a valid {@link Claim} — the same answer as `ClaimSchema.safeParse(value).success`, about 30×
 * faster and without allocating (快速校验). `settle` runs it on every claim and runs the zod schema only when it fails,
 * to build the detailed error.
 *
 * @param value - anything, typically a parsed JSON record
 * @returns `true` exactly when `ClaimSchema` accepts `value` (a property test checks this on generated claims)
 * @example
 * ```ts
 * isClaim({ id: "c-1" });
 * // → false
 * ```
 */
export function isClaim(value: unknown): value is Claim {
  try {
    return isValidClaim(value);
  } catch {
    return false; // a getter or proxy that throws: not a claim (the schema then explains it as unreadable)
  }
}

function isValidClaim(value: unknown): value is Claim {
  if (!isBag(value)) return false;
  const v = value;
  if (!isId(v.id) || !isId(v.personId)) return false;
  if (!isRegionFormat(v.insuredRegion) || !isRegionFormat(v.treatmentRegion)) return false;
  const { scheme, personStatus: status, hospitalGrade: grade } = v;
  if ((scheme !== EMPLOYEE && scheme !== RESIDENT) || (status !== IN_SERVICE && status !== RETIRED)) return false;
  if (grade !== LEVEL3 && grade !== LEVEL2 && grade !== LEVEL1 && grade !== PRIMARY) return false;
  if (!careTypeOk(v.careType) || !registrationOk(v.registration)) return false;
  const { admissionDate: admission, dischargeDate: discharge, declaredTotalFen: declared } = v;
  if (!isIsoDate(discharge)) return false;
  if (admission !== discharge && (!isIsoDate(admission) || discharge < admission)) return false;
  const total = validChargesTotal(v.charges);
  if (total < 0 || total > MAX_AMOUNT_FEN) return false;
  // every required key was found valid above, so any key beyond them and `declaredTotalFen` is an unknown one
  const count = keyCount(v);
  if (declared === undefined)
    return count === REQUIRED_KEYS || (count === REQUIRED_KEYS + 1 && "declaredTotalFen" in v);
  return isAmount(declared) && count === REQUIRED_KEYS + 1;
}

/** The claim, checked: as it is when {@link isClaim} passes it, else parsed by `ClaimSchema` (its error, with paths). */
export function validClaim(value: unknown): Claim {
  return isClaim(value) ? value : parseInput(ClaimSchema, value, { label: { en: "claim", zh: "结算单据" } });
}
