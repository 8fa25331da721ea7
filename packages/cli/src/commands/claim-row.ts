/**
 * `carekit settle`'s fast path from CSV cells to a claim (结算单快速读取), for the rows as our users' files carry them:
 * every cell already in its canonical form (no surrounding spaces, enum values as spelled in the table or one of their
 * Chinese aliases, `YYYY-MM-DD` calendar dates, plain yuan amounts). Such a row becomes the same claim the strict
 * reading (the column readers, then `claimFromRecord`) gives, and one the settlement package's `ClaimSchema` accepts —
 * so the settler may take it on its trusted path (`createSettler({ trustInput: true })` skips exactly the claim check).
 * Any other row — a missing amount, an unknown value, `2024/3/5`, a bad region code, a chronic-disease claim,
 * discharge before admission, an amount over the limit — returns `undefined`, and the caller reads it the strict way,
 * which either accepts it or rejects it with the usual row error. `test/claim-row.test.ts` checks both claims (this and
 * the strict reading in `test/reference/`) agree on generated rows and that each claim passes `isClaim`.
 */
import { type Claim, MAX_AMOUNT_FEN } from "@carekit/settlement";
import type { Cell, ColumnSpec, HeaderMap } from "../io/columns.js";
import { plainYuanToFen } from "../io/yuan.js";

/** Cells of a data row (in header order) → a valid claim, or `undefined` to take the strict reading. */
export type ClaimRowReader = (cells: readonly Cell[]) => Claim | undefined;

const SPACE = /\s/;

/** A character `String.prototype.trim` removes (or a control character): the cell is not canonical. */
export function edgeSpace(code: number): boolean {
  return code <= 32 || (code >= 0x7f && SPACE.test(String.fromCharCode(code)));
}

/** The cell as it is when it needs no trimming and is not empty; otherwise `undefined`. */
function bare(cell: Cell): string | undefined {
  if (typeof cell !== "string" || cell.length === 0) return undefined;
  return edgeSpace(cell.charCodeAt(0)) || edgeSpace(cell.charCodeAt(cell.length - 1)) ? undefined : cell;
}

/** An id of 1–64 characters (ClaimSchema's `IdSchema`). */
function id(cell: Cell): string | undefined {
  const text = bare(cell);
  return text !== undefined && text.length <= 64 ? text : undefined;
}

/** Six ASCII digits (ClaimSchema's region format). */
function regionCode(cell: Cell): string | undefined {
  if (typeof cell !== "string" || cell.length !== 6) return undefined;
  for (let i = 0; i < 6; i++) {
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
  }
  return cell;
}

/** Exact spellings of an enum column (values, then aliases) → the canonical value, as the strict reader maps them. */
function enumLookup(column: ColumnSpec | undefined): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const [alias, value] of Object.entries(column?.valueAliases ?? {})) lookup.set(alias, value);
  for (const value of column?.values ?? []) lookup.set(value, value);
  return lookup;
}

/** `YYYY-MM-DD` naming a real calendar day, remembered (a year of claims has a few hundred distinct dates). */
export function dateChecker(): (cell: Cell) => string | undefined {
  const seen = new Map<string, boolean>();
  return (cell) => {
    if (typeof cell !== "string" || cell.length !== 10) return undefined;
    let ok = seen.get(cell);
    if (ok === undefined) {
      const time = /^\d{4}-\d{2}-\d{2}$/.test(cell) ? Date.parse(`${cell}T00:00:00Z`) : Number.NaN;
      ok = !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === cell;
      if (seen.size >= 4096) seen.clear();
      seen.set(cell, ok);
    }
    return ok ? cell : undefined;
  };
}

/** A plain yuan amount within the claim limit, in fen; -1 otherwise. */
function amount(cell: Cell): number {
  if (typeof cell !== "string") return -1;
  const fen = plainYuanToFen(cell);
  return fen <= MAX_AMOUNT_FEN ? fen : -1;
}

/**
 * The pre-classified charges both fast readers build (甲/乙/丙类、超限价, in fen), or `undefined` when an amount was not
 * read (−1) or the four add up past `MAX_AMOUNT_FEN`: the strict path then reads the row and reports it.
 */
export function totalsCharges(
  classAFen: number,
  classBFen: number,
  classCFen: number,
  overPriceCapFen: number,
): Claim["charges"] | undefined {
  if (classAFen < 0 || classBFen < 0 || classCFen < 0 || overPriceCapFen < 0) return undefined;
  if (classAFen + classBFen + classCFen + overPriceCapFen > MAX_AMOUNT_FEN) return undefined;
  return { kind: "totals", classAFen, classBFen, classCFen, overPriceCapFen };
}

export const INPATIENT = Object.freeze({ kind: "inpatient" as const });
export const OUTPATIENT_GENERAL = Object.freeze({ kind: "outpatient_general" as const });

/**
 * One frozen registration object per kind (`registrationOf`) and per long-term sub-type (`longTerm`, `""` for none):
 * nothing per row.
 */
function registrationObjects(
  registrations: ReadonlyMap<string, string>,
  subTypes: ReadonlyMap<string, string>,
): { registrationOf: Map<string, Claim["registration"]>; longTerm: Map<string, Claim["registration"]> } {
  const registrationOf = new Map<string, Claim["registration"]>();
  for (const kind of new Set(registrations.values()))
    if (kind !== "long_term_resident") registrationOf.set(kind, Object.freeze({ kind }) as Claim["registration"]);
  const longTerm = new Map<string, Claim["registration"]>();
  longTerm.set("", Object.freeze({ kind: "long_term_resident", subType: undefined }) as Claim["registration"]);
  for (const subType of new Set(subTypes.values()))
    longTerm.set(subType, Object.freeze({ kind: "long_term_resident", subType }) as Claim["registration"]);
  return { registrationOf, longTerm };
}

/** The claim columns the fast readers read. */
const CLAIM_COLUMNS = [
  "id",
  "personId",
  "insuredRegion",
  "treatmentRegion",
  "scheme",
  "personStatus",
  "hospitalGrade",
  "careType",
  "admissionDate",
  "dischargeDate",
  "registration",
  "registrationSubType",
  "classA",
  "classB",
  "classC",
  "overPriceCap",
  "declaredTotal",
] as const;

/** Columns a fast reader can do without (an absent one is read as not given). */
const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(["registrationSubType", "declaredTotal"]);

/** Enum columns of a claim whose cells a fast reader maps to canonical values. */
const ENUM_COLUMNS = [
  "scheme",
  "personStatus",
  "hospitalGrade",
  "careType",
  "registration",
  "registrationSubType",
] as const;

/** What both fast readers need of a mapped header, found once: see {@link claimLayoutOf}. */
export interface ClaimLayout {
  /** Where each claim column is (-1 for an optional one that is absent). */
  readonly at: Readonly<Record<(typeof CLAIM_COLUMNS)[number], number>>;
  /** Each enum column's spellings (values and aliases) → canonical value. */
  readonly values: Readonly<Record<(typeof ENUM_COLUMNS)[number], ReadonlyMap<string, string>>>;
  /** One frozen registration object per kind and per long-term sub-type ({@link registrationObjects}). */
  readonly registrationOf: ReadonlyMap<string, Claim["registration"]>;
  readonly longTerm: ReadonlyMap<string, Claim["registration"]>;
}

/**
 * The claim columns' places, vocabularies and registration objects in a mapped header, for both fast readers
 * (`compileClaimRow` on split cells, `compileClaimLine` on a line in place); `undefined` when a column they need is
 * missing (then every row takes the strict reading).
 */
export function claimLayoutOf(header: HeaderMap): ClaimLayout | undefined {
  const at = {} as Record<(typeof CLAIM_COLUMNS)[number], number>;
  for (const name of CLAIM_COLUMNS) {
    const place = header.columns.findIndex((column) => column?.name === name);
    if (place === -1 && !OPTIONAL_COLUMNS.has(name)) return undefined;
    at[name] = place;
  }
  const values = {} as Record<(typeof ENUM_COLUMNS)[number], Map<string, string>>;
  for (const name of ENUM_COLUMNS) values[name] = enumLookup(header.columns.find((column) => column?.name === name));
  return { at, values, ...registrationObjects(values.registration, values.registrationSubType) };
}

/**
 * Compile the fast reader for a mapped header; `undefined` when the header lacks a column it needs (then every row
 * takes the strict reading).
 */
export function compileClaimRow(header: HeaderMap): ClaimRowReader | undefined {
  const layout = claimLayoutOf(header);
  if (layout === undefined) return undefined;
  const {
    id: idAt,
    personId: personAt,
    insuredRegion: insuredAt,
    treatmentRegion: treatmentAt,
    scheme: schemeAt,
    personStatus: statusAt,
    hospitalGrade: gradeAt,
    careType: careAt,
    admissionDate: admissionAt,
    dischargeDate: dischargeAt,
    registration: registrationAt,
    registrationSubType: subTypeAt,
    classA: aAt,
    classB: bAt,
    classC: cAt,
    overPriceCap: overAt,
    declaredTotal: declaredAt,
  } = layout.at;
  const {
    scheme: schemes,
    personStatus: statuses,
    hospitalGrade: grades,
    careType: careTypes,
    registration: registrations,
    registrationSubType: subTypes,
  } = layout.values;
  const { registrationOf, longTerm } = layout;
  const date = dateChecker();

  return (cells) => {
    const claimId = id(cells[idAt]);
    const personId = id(cells[personAt]);
    const insuredRegion = regionCode(cells[insuredAt]);
    const treatmentRegion = regionCode(cells[treatmentAt]);
    const scheme = schemes.get(cells[schemeAt] as string);
    const personStatus = statuses.get(cells[statusAt] as string);
    const hospitalGrade = grades.get(cells[gradeAt] as string);
    const care = careTypes.get(cells[careAt] as string);
    const admissionDate = date(cells[admissionAt]);
    const dischargeDate = date(cells[dischargeAt]);
    const kind = registrations.get(cells[registrationAt] as string);
    if (
      claimId === undefined ||
      personId === undefined ||
      insuredRegion === undefined ||
      treatmentRegion === undefined ||
      scheme === undefined ||
      personStatus === undefined ||
      hospitalGrade === undefined ||
      admissionDate === undefined ||
      dischargeDate === undefined ||
      kind === undefined ||
      dischargeDate < admissionDate
    )
      return undefined;
    // a chronic-disease claim needs its disease checked as a key: the strict reading does that
    const careType = care === "inpatient" ? INPATIENT : care === "outpatient_general" ? OUTPATIENT_GENERAL : undefined;
    if (careType === undefined) return undefined;
    // the sub-type cell is checked whatever the kind, as the strict reader checks every cell
    const subTypeCell = subTypeAt === -1 ? "" : cells[subTypeAt];
    const subType = subTypeCell === "" ? "" : subTypes.get(subTypeCell as string);
    if (subType === undefined) return undefined;
    const registration = kind === "long_term_resident" ? longTerm.get(subType) : registrationOf.get(kind);
    if (registration === undefined) return undefined;
    const charges = totalsCharges(amount(cells[aAt]), amount(cells[bAt]), amount(cells[cAt]), amount(cells[overAt]));
    if (charges === undefined) return undefined;
    const claim = {
      id: claimId,
      personId,
      insuredRegion,
      treatmentRegion,
      scheme,
      personStatus,
      hospitalGrade,
      careType,
      admissionDate,
      dischargeDate,
      registration,
      charges,
    } as Claim;
    const declaredCell = declaredAt === -1 ? "" : cells[declaredAt];
    if (declaredCell === "") return claim;
    const declaredTotalFen = amount(declaredCell);
    return declaredTotalFen < 0 ? undefined : { ...claim, declaredTotalFen };
  };
}
