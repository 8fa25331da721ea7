import { parseInput } from "@carekit/core";
import * as z from "zod";
import { AmountSchema } from "./limits.js";
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
    z.string().refine((key) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}@\d{4}-\d{2}$/.test(key), {
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
 * @example
 * {@includeCode ../test/accumulators.test.ts#example}
 */
export function emptyAccumulators(input: { readonly personId: string; readonly year: number }): Accumulators {
  parseInput(AccumulatorsSchema.pick({ personId: true, year: true }), input, {
    label: { en: "accumulator key", zh: "年度累计标识" },
  });
  return {
    personId: input.personId,
    year: input.year,
    inpatientAdmissions: 0,
    deductiblePaidFen: { inpatient: 0, outpatientGeneral: 0, outpatientChronic: 0 },
    funds: {},
    chronicMonthlyPaidFen: {},
  };
}
