import { describeValue, fieldError } from "@carekit/core/internal";

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.\d{1,9})?(Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)))?$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/**
 * `text` if it is a FHIR R4 `dateTime` carekit writes (FHIR 日期时间): a real calendar date `YYYY-MM-DD`, or that
 * date with a time and a zone, `YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)` (FHIR requires the zone once a time is given;
 * `new Date().toISOString()` is one). Partial dates (`2024`, `2024-12`) and leap seconds are refused.
 *
 * @throws {CarekitError} `INVALID_DATE` with `path`
 * @see HL7 FHIR R4 §2.24.0.1 data types, `dateTime` (hl7.org/fhir/R4/datatypes.html#dateTime)
 */
export function fhirDateTime(text: unknown, path: string): string {
  const match = typeof text === "string" ? DATE_TIME.exec(text) : null;
  if (match === null || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw fieldError(
      "INVALID_DATE",
      path,
      `must be a FHIR dateTime: a real date YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss with a zone (Z or ±hh:mm), got ${describeValue(text)}`,
      `必须是 FHIR dateTime：真实日期 YYYY-MM-DD，或带时区（Z 或 ±hh:mm）的 YYYY-MM-DDThh:mm:ss，实际为 ${describeValue(text, "zh")}`,
    );
  }
  return text as string;
}
