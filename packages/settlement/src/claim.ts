import { IsoDateSchema } from "@carekit/core";
import * as z from "zod";
import { AmountSchema, MAX_AMOUNT_FEN as MAX_AMOUNT_FEN_IMPORT, MAX_LINES as MAX_LINES_IMPORT } from "./limits.js";
import { FACILITY_LEVELS, PERSON_STATUSES, SCHEMES } from "./policy.js";
import { KeySchema } from "./source.js";

// Limits bound once to module constants: under a module transform that turns imports into live-binding getters (Vite
// SSR, which vitest uses), every read of an import on the hot path would call a getter.
const MAX_AMOUNT_FEN = MAX_AMOUNT_FEN_IMPORT;
const MAX_LINES = MAX_LINES_IMPORT;

/**
 * Sub-types of long-term residence elsewhere (异地长期居住人员): 异地安置退休, 异地长期居住, 常驻异地工作.
 *
 * @example
 * {@includeCode ../test/claim.test.ts#enums}
 */
export const LONG_TERM_SUBTYPES = ["retiredResettled", "longTermResidence", "postedWorker"] as const;

const IdSchema = /* @__PURE__ */ z.string().min(1).max(64);
const RegionFormatSchema = /* @__PURE__ */ z.string().refine((code) => /^\d{6}$/.test(code), {
  error: "must be a six-digit region code",
  params: { zh: "必须是六位行政区划代码" },
});

const LineSchema = /* @__PURE__ */ z.strictObject({
  itemCode: KeySchema,
  amountFen: AmountSchema,
  quantity: z.number().int().min(1).max(1_000_000).optional(),
});

const ChargesSchema = /* @__PURE__ */ z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("lines"), lines: z.array(LineSchema).min(1).max(MAX_LINES) }),
  z.strictObject({
    kind: z.literal("totals"),
    classAFen: AmountSchema,
    classBFen: AmountSchema,
    classCFen: AmountSchema,
    overPriceCapFen: AmountSchema,
  }),
]);

/**
 * Zod schema of a claim (结算单据): who (`personId`, insured region 参保地, scheme, person status), where (treatment
 * region 就医地, facility level), what (care type; an outpatient-chronic claim names its disease code), when
 * (admission and discharge dates — equal for an outpatient visit), the registration (备案: long-term residence with
 * its sub-type, referred, emergency, other temporary, or unregistered), and the charges: either itemised lines (item
 * code, amount in fen, optional integer quantity) classified against the catalogue, or pre-classified totals (class A,
 * class B, class C, over the price cap). Unknown keys are rejected; the charges may total at most ¥1,000,000,000.
 *
 * @see policy-facts §A2.1 (备案 categories), §A6.2 (settlement fields)
 * @example
 * {@includeCode ../test/claim.test.ts#schema}
 */
export const ClaimSchema = /* @__PURE__ */ z
  .strictObject({
    id: IdSchema,
    personId: IdSchema,
    insuredRegion: RegionFormatSchema,
    treatmentRegion: RegionFormatSchema,
    scheme: z.enum(SCHEMES),
    personStatus: z.enum(PERSON_STATUSES),
    facilityLevel: z.enum(FACILITY_LEVELS),
    careType: z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("inpatient") }),
      z.strictObject({ kind: z.literal("outpatientChronic"), disease: KeySchema }),
      z.strictObject({ kind: z.literal("outpatientGeneral") }),
    ]),
    admissionDate: IsoDateSchema,
    dischargeDate: IsoDateSchema,
    registration: z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("longTermResident"), subType: z.enum(LONG_TERM_SUBTYPES) }),
      z.strictObject({ kind: z.literal("referred") }),
      z.strictObject({ kind: z.literal("emergency") }),
      z.strictObject({ kind: z.literal("otherTemporary") }),
      z.strictObject({ kind: z.literal("unregistered") }),
    ]),
    charges: ChargesSchema,
  })
  .superRefine((claim, ctx) => {
    if (claim.dischargeDate < claim.admissionDate) {
      ctx.addIssue({
        code: "custom",
        path: ["dischargeDate"],
        message: "dischargeDate is before admissionDate",
        params: { zh: "出院日期早于入院日期" },
      });
    }
    if (chargesTotal(claim.charges) > MAX_AMOUNT_FEN) {
      ctx.addIssue({
        code: "custom",
        path: ["charges"],
        message: `charges total more than ${MAX_AMOUNT_FEN} fen`,
        params: { zh: `费用合计超过 ${MAX_AMOUNT_FEN} 分` },
      });
    }
  });

/** A claim (结算单据); see {@link ClaimSchema}. */
export type Claim = z.infer<typeof ClaimSchema>;

/** The charges of a {@link Claim}: itemised lines or pre-classified totals. */
export type Charges = Claim["charges"];

/** Sum of the amounts of a claim's charges (医疗费总额), in fen. */
export function chargesTotal(charges: Charges): number {
  if (charges.kind === "totals") {
    return charges.classAFen + charges.classBFen + charges.classCFen + charges.overPriceCapFen;
  }
  let total = 0;
  for (const line of charges.lines) total += line.amountFen;
  return total;
}

// ---------------------------------------------------------------------------------------------------------------
// The fast guard: the same rules as ClaimSchema, hand-written for the hot path. A property test proves they agree.

type Bag = Record<string, unknown>;

const CLAIM_KEYS = [
  "id",
  "personId",
  "insuredRegion",
  "treatmentRegion",
  "scheme",
  "personStatus",
  "facilityLevel",
  "careType",
  "admissionDate",
  "dischargeDate",
  "registration",
  "charges",
];
const CLAIM_KEY_COUNT = CLAIM_KEYS.length;
const LINE_KEYS = new Set(["itemCode", "amountFen", "quantity"]);
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isBag(value: unknown): value is Bag {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasOnly(bag: Bag, keys: ReadonlySet<string>): boolean {
  for (const key in bag) if (!keys.has(key)) return false;
  return true;
}

/** Number of own enumerable keys, counted without allocating. */
function keyCount(bag: Bag): number {
  let count = 0;
  for (const _ in bag) count++;
  return count;
}

/** Whether the character at `index` is an ASCII digit. */
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
  return typeof value === "string" && value.length >= 1 && value.length <= 64;
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
  if (value.kind === "outpatientChronic") return isKey(value.disease) && keyCount(value) === 2;
  return (value.kind === "inpatient" || value.kind === "outpatientGeneral") && keyCount(value) === 1;
}

function registrationOk(value: unknown): boolean {
  if (!isBag(value)) return false;
  const kind = value.kind;
  if (kind === "longTermResident") {
    const subType = value.subType;
    return (
      (subType === "retiredResettled" || subType === "longTermResidence" || subType === "postedWorker") &&
      keyCount(value) === 2
    );
  }
  return (
    (kind === "referred" || kind === "emergency" || kind === "otherTemporary" || kind === "unregistered") &&
    keyCount(value) === 1
  );
}

/** Total of valid charges in fen, or -1 when the charges are not valid. */
function validChargesTotal(value: unknown): number {
  if (!isBag(value)) return -1;
  if (value.kind === "totals") {
    const { classAFen, classBFen, classCFen, overPriceCapFen } = value;
    if (!isAmount(classAFen) || !isAmount(classBFen) || !isAmount(classCFen) || !isAmount(overPriceCapFen)) return -1;
    return keyCount(value) === 5 ? classAFen + classBFen + classCFen + overPriceCapFen : -1;
  }
  if (value.kind !== "lines" || keyCount(value) !== 2) return -1;
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
 * @returns `true` exactly when {@link ClaimSchema} accepts `value` (a property test checks this on random claims)
 * @see policy-facts §A6.2 (claim fields); ARCHITECTURE "Validation on hot paths"
 * @example
 * {@includeCode ../test/claim.test.ts#guard}
 */
export function isClaim(value: unknown): value is Claim {
  if (!isBag(value)) return false;
  const v = value;
  if (!isId(v.id) || !isId(v.personId)) return false;
  if (!isRegionFormat(v.insuredRegion) || !isRegionFormat(v.treatmentRegion)) return false;
  const { scheme, personStatus: status, facilityLevel: level } = v;
  if (scheme !== "employee" && scheme !== "resident") return false;
  if (status !== "inService" && status !== "retired") return false;
  if (level !== "level3" && level !== "level2" && level !== "level1" && level !== "primary") return false;
  if (!careTypeOk(v.careType) || !registrationOk(v.registration)) return false;
  const { admissionDate: admission, dischargeDate: discharge } = v;
  if (!isIsoDate(discharge)) return false;
  if (admission !== discharge && (!isIsoDate(admission) || discharge < admission)) return false;
  const total = validChargesTotal(v.charges);
  // every one of the CLAIM_KEYS is required and was found valid above, so any further key is an unknown one
  return total >= 0 && total <= MAX_AMOUNT_FEN && keyCount(v) === CLAIM_KEY_COUNT;
}
