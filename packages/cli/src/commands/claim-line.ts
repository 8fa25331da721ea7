/**
 * `carekit settle`'s fast path from a quote-free CSV line to a claim (整行快速读取), without splitting the line: the
 * fields are found by their commas and read where they are — enum values compared in place, dates, region codes and
 * amounts read from their characters (dates and region codes shared, one string per distinct value), only the two ids
 * cut out. It answers exactly as {@link compileClaimRow} answers for `line.split(",")`, and only for a line the reader
 * would give it: the header's number of fields, not a total row (合计…) — anything else returns `undefined`, and the
 * caller splits the line and reads it as before. `test/claim-line.test.ts` checks both agree on generated lines.
 */
import { type Claim, MAX_AMOUNT_FEN } from "@carekit/settlement";
import { type HeaderMap, TOTAL_ROW } from "../io/columns.js";
import { mayStartTotal } from "../io/read.js";
import { plainYuanToFenAt } from "../io/yuan.js";
import { claimLayoutOf, dateChecker, edgeSpace, INPATIENT, OUTPATIENT_GENERAL, totalsCharges } from "./claim-row.js";

/** A quote-free CSV line (no line end) → a valid claim, or `undefined` to split it and take the cell reading. */
export type ClaimLineReader = (line: string) => Claim | undefined;

/**
 * Spellings of an enum column by length, each with its canonical value: compared in place, never cut out — the last
 * character first (it tells `level1` from `level2`), so that `startsWith` runs about once per field.
 */
function inPlace(
  lookup: ReadonlyMap<string, string>,
): (line: string, start: number, end: number) => string | undefined {
  const byLength: [string, string, number][][] = [];
  for (const [spelling, value] of lookup) {
    const list = byLength[spelling.length] ?? [];
    list.push([spelling, value, spelling.charCodeAt(spelling.length - 1)]);
    byLength[spelling.length] = list;
  }
  return (line, start, end) => {
    const list = byLength[end - start];
    if (list === undefined) return undefined;
    const last = line.charCodeAt(end - 1);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i] as [string, string, number];
      if (entry[2] === last && line.startsWith(entry[0], start)) return entry[1];
    }
    return undefined;
  };
}

/** `YYYY-MM-DD` naming a real calendar day, read in place; one string per distinct date. */
function dateInPlace(): (line: string, start: number) => string | undefined {
  const check = dateChecker();
  const seen = new Map<number, string | null>();
  // the day read last (claims come in date order: most lines repeat it), and its answer
  let lastDay = -1;
  let lastDate: string | null = null;
  return (line, start) => {
    if (line.charCodeAt(start + 4) !== 45 || line.charCodeAt(start + 7) !== 45) return undefined;
    let day = 0;
    for (let i = 0; i < 10; i++) {
      if (i === 4 || i === 7) continue;
      const digit = line.charCodeAt(start + i) - 48;
      if (digit < 0 || digit > 9) return undefined;
      day = day * 10 + digit;
    }
    if (day === lastDay) return lastDate ?? undefined;
    let date = seen.get(day);
    if (date === undefined) {
      const text = line.slice(start, start + 10);
      date = check(text) ?? null;
      if (seen.size >= 4096) seen.clear();
      seen.set(day, date);
    }
    lastDay = day;
    lastDate = date;
    return date ?? undefined;
  };
}

/** Six ASCII digits, read in place; one string per distinct code. */
function regionInPlace(): (line: string, start: number, end: number) => string | undefined {
  const seen = new Map<number, string>();
  return (line, start, end) => {
    if (end - start !== 6) return undefined;
    let code = 0;
    for (let i = start; i < end; i++) {
      const digit = line.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return undefined;
      code = code * 10 + digit;
    }
    let text = seen.get(code);
    if (text === undefined) {
      text = line.slice(start, end);
      if (seen.size >= 4096) seen.clear();
      seen.set(code, text);
    }
    return text;
  };
}

/** Whether `line[start, end)` is an id: 1–64 characters without surrounding space. */
function isId(line: string, start: number, end: number): boolean {
  const length = end - start;
  return !(length < 1 || length > 64 || edgeSpace(line.charCodeAt(start)) || edgeSpace(line.charCodeAt(end - 1)));
}

/** An id of 1–64 characters without surrounding space, cut out; `undefined` otherwise. */
function idAt(line: string, start: number, end: number): string | undefined {
  return isId(line, start, end) ? line.slice(start, end) : undefined;
}

/** The string for an id span of a line: by default cut out; settle passes its persons' {@link People.idAt}. */
export type IdAt = (line: string, start: number, end: number) => string;

const cut: IdAt = (line, start, end) => line.slice(start, end);

/** A plain yuan amount within the claim limit, in fen; -1 otherwise. */
function amountAt(line: string, start: number, end: number): number {
  const fen = plainYuanToFenAt(line, start, end);
  return fen <= MAX_AMOUNT_FEN ? fen : -1;
}

/**
 * Compile the line reader for a mapped header; `undefined` when the header lacks a column it needs (as
 * {@link compileClaimRow}). `personAt` gives the person id's string (the same text; by default the span cut out).
 */
export function compileClaimLine(header: HeaderMap, personAt: IdAt = cut): ClaimLineReader | undefined {
  const width = header.headers.length;
  const layout = claimLayoutOf(header);
  if (layout === undefined) return undefined;
  const {
    id: idCol,
    personId: personCol,
    insuredRegion: insuredCol,
    treatmentRegion: treatmentCol,
    scheme: schemeCol,
    personStatus: statusCol,
    hospitalGrade: gradeCol,
    careType: careCol,
    admissionDate: admissionCol,
    dischargeDate: dischargeCol,
    registration: registrationCol,
    registrationSubType: subTypeCol,
    classA: aCol,
    classB: bCol,
    classC: cCol,
    overPriceCap: overCol,
    declaredTotal: declaredCol,
  } = layout.at;
  const { registrationOf, longTerm, values } = layout;
  const scheme = inPlace(values.scheme);
  const status = inPlace(values.personStatus);
  const grade = inPlace(values.hospitalGrade);
  const care = inPlace(values.careType);
  const registration = inPlace(values.registration);
  const subType = inPlace(values.registrationSubType);
  const date = dateInPlace();
  const region = regionInPlace();
  // where each field starts, and one past where it ends (the next field's start is one past its comma)
  const starts = new Int32Array(width + 1);
  const s = (i: number) => starts[i] as number;
  const e = (i: number) => (starts[i + 1] as number) - 1;

  return (line) => {
    let count = 0;
    let from = 0;
    for (;;) {
      starts[count++] = from;
      const comma = line.indexOf(",", from);
      if (comma === -1) break;
      if (count === width) return undefined;
      from = comma + 1;
    }
    if (count !== width) return undefined;
    starts[width] = line.length + 1;
    const claimId = idAt(line, s(idCol), e(idCol));
    // a label that cannot start a total row (nearly every id) skips the pattern
    if (claimId === undefined || (mayStartTotal(claimId.charCodeAt(0)) && TOTAL_ROW.test(claimId))) return undefined;
    const personId = isId(line, s(personCol), e(personCol)) ? personAt(line, s(personCol), e(personCol)) : undefined;
    const insuredRegion = region(line, s(insuredCol), e(insuredCol));
    const treatmentRegion = region(line, s(treatmentCol), e(treatmentCol));
    const schemeValue = scheme(line, s(schemeCol), e(schemeCol));
    const personStatus = status(line, s(statusCol), e(statusCol));
    const hospitalGrade = grade(line, s(gradeCol), e(gradeCol));
    const careKind = care(line, s(careCol), e(careCol));
    const admissionDate = e(admissionCol) - s(admissionCol) === 10 ? date(line, s(admissionCol)) : undefined;
    const dischargeDate = e(dischargeCol) - s(dischargeCol) === 10 ? date(line, s(dischargeCol)) : undefined;
    const kind = registration(line, s(registrationCol), e(registrationCol));
    if (
      personId === undefined ||
      insuredRegion === undefined ||
      treatmentRegion === undefined ||
      schemeValue === undefined ||
      personStatus === undefined ||
      hospitalGrade === undefined ||
      admissionDate === undefined ||
      dischargeDate === undefined ||
      kind === undefined ||
      dischargeDate < admissionDate
    )
      return undefined;
    const careType =
      careKind === "inpatient" ? INPATIENT : careKind === "outpatient_general" ? OUTPATIENT_GENERAL : undefined;
    if (careType === undefined) return undefined;
    const subTypeValue =
      subTypeCol === -1 || e(subTypeCol) === s(subTypeCol) ? "" : subType(line, s(subTypeCol), e(subTypeCol));
    if (subTypeValue === undefined) return undefined;
    const registrationValue = kind === "long_term_resident" ? longTerm.get(subTypeValue) : registrationOf.get(kind);
    if (registrationValue === undefined) return undefined;
    const charges = totalsCharges(
      amountAt(line, s(aCol), e(aCol)),
      amountAt(line, s(bCol), e(bCol)),
      amountAt(line, s(cCol), e(cCol)),
      amountAt(line, s(overCol), e(overCol)),
    );
    if (charges === undefined) return undefined;
    const claim = {
      id: claimId,
      personId,
      insuredRegion,
      treatmentRegion,
      scheme: schemeValue,
      personStatus,
      hospitalGrade,
      careType,
      admissionDate,
      dischargeDate,
      registration: registrationValue,
      charges,
    } as Claim;
    if (declaredCol === -1 || e(declaredCol) === s(declaredCol)) return claim;
    const declaredTotalFen = amountAt(line, s(declaredCol), e(declaredCol));
    return declaredTotalFen < 0 ? undefined : { ...claim, declaredTotalFen };
  };
}
