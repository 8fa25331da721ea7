import { parseInput } from "@carekit/core";
import * as z from "zod";
import { AmountSchema, MAX_AMOUNT_FEN } from "./limits.js";
import { KeySchema, safeRecord } from "./source.js";

const FenTotalSchema = /* @__PURE__ */ z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * Zod schema of one person's annual accumulators (年度累计) for one calendar year — the year of the discharge date:
 * inpatient admissions so far (住院次数, decides first vs later stay), the deductible paid per care type (已付起付线),
 * each fund's annual base and payments (`funds[id]`: the in-scope cost it has been presented and what it paid, 累计
 * 支付), and the outpatient-chronic payments per disease and month (`chronicMonthlyPaidFen["<disease>@YYYY-MM"]`) for
 * quota-managed diseases.
 *
 * @example
 * {@includeCode ../test/accumulators.test.ts#example}
 */
export const AccumulatorsSchema = /* @__PURE__ */ z.strictObject({
  personId: z.string().min(1).max(64),
  year: z.number().int().min(0).max(9999),
  inpatientAdmissions: z.number().int().nonnegative().max(100_000),
  deductiblePaidFen: z.strictObject({
    inpatient: FenTotalSchema,
    outpatientGeneral: AmountSchema,
    outpatientChronic: AmountSchema,
  }),
  funds: safeRecord(KeySchema, z.strictObject({ baseFen: FenTotalSchema, paidFen: FenTotalSchema })),
  chronicMonthlyPaidFen: safeRecord(
    z.string().refine((key) => MONTH_KEY.test(key), {
      error: "must be <disease>@YYYY-MM",
      params: { zh: "格式必须为 <病种>@YYYY-MM" },
    }),
    FenTotalSchema,
  ),
});

/** A person's accumulators for one calendar year; see {@link AccumulatorsSchema}. */
export type Accumulators = z.infer<typeof AccumulatorsSchema>;

/**
 * Fresh accumulators (年初累计为零) for a person and a calendar year.
 *
 * @param input.personId - the person
 * @param input.year - the calendar year
 * @returns accumulators with nothing paid and no admissions
 * @throws {CarekitError} `INVALID_INPUT` for an empty person id or a year that is not an integer from 0 to 9999
 * @see policy-facts §A4 (parameters are per calendar year: 起付线, 最高支付限额)
 * @example
 * {@includeCode ../test/accumulators.test.ts#example}
 */
export function emptyAccumulators(input: { readonly personId: string; readonly year: number }): Accumulators {
  parseInput(KeyOfYearSchema, input, { label: { en: "accumulator key", zh: "年度累计标识" } });
  return freshAccumulators(input.personId, input.year);
}

const KeyOfYearSchema = /* @__PURE__ */ AccumulatorsSchema.pick({ personId: true, year: true });

/** {@link emptyAccumulators} for a person and year already validated (the settler's hot path). */
export function freshAccumulators(personId: string, year: number): Accumulators {
  return {
    personId,
    year,
    inpatientAdmissions: 0,
    deductiblePaidFen: { inpatient: 0, outpatientGeneral: 0, outpatientChronic: 0 },
    funds: {},
    chronicMonthlyPaidFen: {},
  };
}

function isCount(value: unknown): boolean {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Object.hasOwn(value, "__proto__");
}

/**
 * Whether `value` passes {@link AccumulatorsSchema} — checked by hand on the settler's hot path; it answers `false`
 * for anything it is not sure of (then the schema decides and explains).
 */
export function isAccumulators(value: unknown): value is Accumulators {
  if (!isPlainRecord(value)) return false;
  const { personId, year, inpatientAdmissions, deductiblePaidFen: paid, funds, chronicMonthlyPaidFen: monthly } = value;
  if (typeof personId !== "string" || personId.length < 1 || personId.length > 64) return false;
  if (
    !isCount(year) ||
    (year as number) > 9999 ||
    !isCount(inpatientAdmissions) ||
    (inpatientAdmissions as number) > 100_000
  ) {
    return false;
  }
  if (!isPlainRecord(paid) || !isCount(paid.inpatient)) return false;
  if (!isCount(paid.outpatientGeneral) || (paid.outpatientGeneral as number) > MAX_AMOUNT_FEN) return false;
  if (!isCount(paid.outpatientChronic) || (paid.outpatientChronic as number) > MAX_AMOUNT_FEN) return false;
  if (!isPlainRecord(funds) || !isPlainRecord(monthly)) return false;
  let keys = 0;
  for (const _ in value) keys++;
  let paidKeys = 0;
  for (const _ in paid) paidKeys++;
  if (keys !== 6 || paidKeys !== 3) return false;
  for (const id in funds) {
    const state = funds[id];
    if (!FUND_KEY.test(id) || !isPlainRecord(state) || !isCount(state.baseFen) || !isCount(state.paidFen)) return false;
    let stateKeys = 0;
    for (const _ in state) stateKeys++;
    if (stateKeys !== 2) return false;
  }
  for (const key in monthly) if (!MONTH_KEY.test(key) || !isCount(monthly[key])) return false;
  return true;
}

const FUND_KEY = /^(?!constructor$|prototype$)[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MONTH_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}@\d{4}-\d{2}$/;
