import { parseInput } from "@carekit/core";
import * as z from "zod";
import { AmountSchema, MAX_ACCUMULATED_FEN, MAX_AMOUNT_FEN } from "./limits.js";

export { MAX_ACCUMULATED_FEN };

import { KeySchema, safeRecord } from "./source.js";

const FenTotalSchema = /* @__PURE__ */ z.number().int().nonnegative().max(MAX_ACCUMULATED_FEN);

/**
 * Zod schema of one person's annual accumulators (年度累计) for one calendar year — the year of the discharge date:
 * inpatient admissions so far (住院次数, decides first vs later stay), the deductible paid per care type (已付起付线),
 * each fund's annual base and payments (`funds[id]`: the in-scope cost it has been presented and what it paid, 累计
 * 支付), and the outpatient-chronic payments per disease and month (`chronicMonthlyPaidFen["<disease>@YYYY-MM"]`) for
 * quota-managed diseases.
 *
 * @example
 * ```ts
 * const start = emptyAccumulators({ personId: "p-1", year: 2024 });
 * AccumulatorsSchema.safeParse(start).success;
 * // → true
 * AccumulatorsSchema.safeParse({ ...start, funds: { pooled: { baseFen: 1, paidFen: -1 } } }).success;
 * // → false
 * ```
 */
export const AccumulatorsSchema = /* @__PURE__ */ z.strictObject({
  personId: z.string().min(1).max(64),
  year: z.number().int().min(0).max(9999),
  inpatientAdmissions: z.number().int().nonnegative().max(100_000),
  deductiblePaidFen: z.strictObject({
    inpatient: FenTotalSchema,
    outpatient_general: AmountSchema,
    outpatient_chronic: AmountSchema,
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
 * @see 国家医保局 财政部《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》(医保发〔2022〕22号, 2022-07-26): the insured place's 起付标准 and 最高支付限额 apply; 统筹区 state them per year, e.g. an 内蒙古
 *   banner's government page (hjhq.gov.cn, 2025-11-04: 基本医保 annual cap 30 万元) — the calendar year is carekit's reading
 * @example
 * ```ts
 * const start = emptyAccumulators({ personId: "p-1", year: 2024 });
 * start.inpatientAdmissions;
 * // → 0
 * start.deductiblePaidFen;
 * // → { inpatient: 0, outpatient_general: 0, outpatient_chronic: 0 }
 * start.funds;
 * // → {}
 * ```
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
    deductiblePaidFen: { inpatient: 0, outpatient_general: 0, outpatient_chronic: 0 },
    funds: {},
    chronicMonthlyPaidFen: {},
  };
}

/**
 * Zod schema of a person's year as another system reports it (外部系统报送的年度累计 — the national platform, an
 * insured place's 经办 system, a hospital HIS): who and which calendar year; the inpatient state either as the number
 * of admissions so far (`{ admissions }`) or as whether the first-stay deductible has been met (`{ deductibleMet }`,
 * which is what decides first vs later stay); the deductible paid so far per care type; for each fund the amount it
 * paid so far and the in-scope cost presented to it so far (`funds[id]`: `pooled`, `outpatientPooled` or a further
 * fund's id); and the outpatient-chronic payments per disease and month. Every figure is stated: nothing defaults
 * to zero.
 *
 * @example
 * ```ts
 * // the deductibles, funds and monthly payments must be stated, even as 0 or {}
 * PlatformAccumulatorsSchema.safeParse({ personId: "p-1", year: 2024, inpatient: { deductibleMet: true } }).success;
 * // → false
 * ```
 */
export const PlatformAccumulatorsSchema = /* @__PURE__ */ z.strictObject({
  personId: z.string().min(1).max(64),
  year: z.number().int().min(0).max(9999),
  inpatient: z.union([
    z.strictObject({ admissions: z.number().int().nonnegative().max(100_000) }),
    z.strictObject({ deductibleMet: z.boolean() }),
  ]),
  deductiblePaidFen: z.strictObject({
    inpatient: FenTotalSchema,
    outpatient_general: AmountSchema,
    outpatient_chronic: AmountSchema,
  }),
  funds: safeRecord(KeySchema, z.strictObject({ paidFen: FenTotalSchema, baseFen: FenTotalSchema })),
  chronicMonthlyPaidFen: safeRecord(
    z.string().refine((key) => MONTH_KEY.test(key), {
      error: "must be <disease>@YYYY-MM",
      params: { zh: "格式必须为 <病种>@YYYY-MM" },
    }),
    FenTotalSchema,
  ),
});

/** A person's year as another system reports it; see {@link PlatformAccumulatorsSchema}. */
export type PlatformAccumulators = z.input<typeof PlatformAccumulatorsSchema>;

/**
 * Convert a year reported by another system into the settler's accumulators (外部累计转换), validated: admissions are
 * taken as reported, or — when only "deductible met" is known — counted as one admission (a later stay follows) or
 * none. The result starts the person's year in `settle({ claim, accumulators })` exactly where the other system left
 * it.
 *
 * @param input - a {@link PlatformAccumulators}
 * @returns the person's {@link Accumulators}
 * @throws {CarekitError} `INVALID_INPUT` with the path of a missing or bad figure
 * @example
 * ```ts
 * const accumulators = accumulatorsFromPlatform({
 *   personId: "p-1", year: 2024, inpatient: { deductibleMet: true },
 *   deductiblePaidFen: { inpatient: 80_000, outpatient_general: 0, outpatient_chronic: 0 },
 *   funds: { pooled: { paidFen: 190_400, baseFen: 224_000 } }, chronicMonthlyPaidFen: {},
 * });
 * accumulators.inpatientAdmissions;
 * // → 1
 * ```
 */
export function accumulatorsFromPlatform(input: PlatformAccumulators): Accumulators {
  const reported = parseInput(PlatformAccumulatorsSchema, input, {
    label: { en: "reported accumulators", zh: "外部系统报送的年度累计" },
  });
  const inpatient = reported.inpatient;
  const admissions = "admissions" in inpatient ? inpatient.admissions : inpatient.deductibleMet ? 1 : 0;
  const funds: Record<string, { baseFen: number; paidFen: number }> = {};
  for (const [id, state] of Object.entries(reported.funds))
    funds[id] = { baseFen: state.baseFen, paidFen: state.paidFen };
  return {
    personId: reported.personId,
    year: reported.year,
    inpatientAdmissions: admissions,
    deductiblePaidFen: { ...reported.deductiblePaidFen },
    funds,
    chronicMonthlyPaidFen: { ...reported.chronicMonthlyPaidFen },
  };
}

/** The explicit "nothing accumulated yet this year" state; see {@link START_OF_YEAR}. */
export interface StartOfYear {
  readonly kind: "start_of_year";
}

/**
 * The explicit state of a person's first claim of a calendar year (年度首次结算：本年度尚无累计): no admission, no
 * deductible paid, nothing paid by any fund. `settle` requires the person's accumulators; pass this (or
 * {@link emptyAccumulators}) for the first claim of the year, so that a forgotten accumulator is a visible choice and
 * never a silent zero. The plain JSON `{ "kind": "start_of_year" }` is accepted as well.
 *
 * @example
 * ```ts
 * START_OF_YEAR;
 * // → { kind: "start_of_year" }
 * ```
 */
export const START_OF_YEAR: StartOfYear = Object.freeze({ kind: "start_of_year" });

/** Whether `value` is {@link START_OF_YEAR} or its JSON form `{ kind: "start_of_year" }` (and nothing else). */
export function isStartOfYear(value: unknown): value is StartOfYear {
  if (value === START_OF_YEAR) return true;
  if (typeof value !== "object" || value === null || (value as { kind?: unknown }).kind !== "start_of_year") {
    return false;
  }
  let keys = 0;
  for (const _ in value) keys++;
  return keys === 1;
}

/**
 * Accumulators as the settler returns them: the same plain, JSON-serialisable fields as {@link Accumulators}, plus a
 * private brand that only the settler can set. The settler trusts their structure without walking them again (it
 * still checks each number it reads, so an accumulator changed after it was returned is caught, never used).
 * `JSON.parse(JSON.stringify(a))` or `structuredClone(a)` gives plain accumulators, which are validated in full.
 */
export class SettledAccumulators implements Accumulators {
  readonly #settled = true;
  readonly personId: string;
  readonly year: number;
  readonly inpatientAdmissions: number;
  readonly deductiblePaidFen: Accumulators["deductiblePaidFen"];
  readonly funds: Accumulators["funds"];
  readonly chronicMonthlyPaidFen: Accumulators["chronicMonthlyPaidFen"];

  /** Only the settler calls this, with values it computed from validated ones. */
  constructor(
    personId: string,
    year: number,
    inpatientAdmissions: number,
    deductiblePaidFen: Accumulators["deductiblePaidFen"],
    funds: Accumulators["funds"],
    chronicMonthlyPaidFen: Accumulators["chronicMonthlyPaidFen"],
  ) {
    this.personId = personId;
    this.year = year;
    this.inpatientAdmissions = inpatientAdmissions;
    this.deductiblePaidFen = deductiblePaidFen;
    this.funds = funds;
    this.chronicMonthlyPaidFen = chronicMonthlyPaidFen;
  }

  /** Whether `value` was created by the settler (the private brand), whatever happened to its fields since. */
  static is(value: unknown): value is SettledAccumulators {
    return typeof value === "object" && value !== null && #settled in value;
  }
}

function isCount(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_ACCUMULATED_FEN;
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
  if (!isCount(paid.outpatient_general) || (paid.outpatient_general as number) > MAX_AMOUNT_FEN) return false;
  if (!isCount(paid.outpatient_chronic) || (paid.outpatient_chronic as number) > MAX_AMOUNT_FEN) return false;
  if (!isPlainRecord(funds) || !isPlainRecord(monthly)) return false;
  let keys = 0;
  for (const _ in value) keys++;
  let paidKeys = 0;
  for (const _ in paid) paidKeys++;
  if (keys !== 6 || paidKeys !== 3) return false;
  for (const id in funds) {
    const state = funds[id];
    if (!isFundKey(id) || !isPlainRecord(state) || !isCount(state.baseFen) || !isCount(state.paidFen)) return false;
    let stateKeys = 0;
    for (const _ in state) stateKeys++;
    if (stateKeys !== 2) return false;
  }
  for (const key in monthly) if (!MONTH_KEY.test(key) || !isCount(monthly[key])) return false;
  return true;
}

const FUND_KEY = /^(?!constructor$|prototype$)[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Fund ids that matched {@link FUND_KEY}: a policy has a handful, and accumulators passed back claim after claim name
 * the same ones, so the pattern runs once an id (at most 256 are remembered, so that no input can grow the set).
 */
const FUND_KEYS_SEEN = new Set<string>();

function isFundKey(id: string): boolean {
  if (FUND_KEYS_SEEN.has(id)) return true;
  if (!FUND_KEY.test(id)) return false;
  if (FUND_KEYS_SEEN.size < 256) FUND_KEYS_SEEN.add(id);
  return true;
}
const MONTH_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}@\d{4}-\d{2}$/;
