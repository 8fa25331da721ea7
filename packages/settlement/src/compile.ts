import type { Label, TraceSource } from "@carekit/core";
import { CarekitError, parseInput, type RoundingMode, rateToBasisPoints } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import { type ItemCatalogue, ItemCatalogueSchema, type ItemClass } from "./catalogue.js";
import { type DerivedPolicy, isDerivedPolicy, resolvePolicy } from "./inheritance.js";
import {
  type Adjustment,
  CARE_TYPES,
  type CareType,
  type FurtherFund,
  HOSPITAL_GRADES,
  type HospitalGrade,
  PERSON_STATUSES,
  type PersonStatus,
  type Policy,
  PolicySchema,
  type SchemeRules,
} from "./policy.js";
import type { FundPayment } from "./types.js";

/** A rate rule compiled to basis points. */
export interface CompiledBenefit {
  readonly deductibleFen: number;
  readonly bp: number;
  readonly rule: string;
}

/** A fund compiled for the cascade: segments in basis points, open end as `Infinity`. */
export interface CompiledFund {
  readonly id: string;
  readonly kind: string;
  readonly label: Label;
  readonly thresholdFen: number;
  readonly upTo: readonly number[];
  readonly bp: readonly number[];
  readonly annualCapFen: number;
  /**
   * No threshold and one open segment: the cascade is then exactly the pooled fund's (`payPooled`, which
   * `test/internal.test.ts` proves equal to `runFund` on such funds).
   */
  readonly simple: boolean;
}

export interface CompiledChronic {
  readonly bp: number;
  readonly deductibleFen: number;
  readonly quotaFen: number | undefined;
  readonly rule: string;
}

/** First and later stay of one inpatient row. */
export interface CompiledStay {
  readonly first: CompiledBenefit;
  readonly later: CompiledBenefit;
}

/**
 * Index of a person status and hospital grade in {@link CompiledScheme.inpatientRows}, 0–7, without a keyed lookup:
 * `"level1"`–`"level3"` give 1–3 (their sixth character), `"primary"` 0; `"retired"` adds 4. Only for validated enums.
 */
export function rowIndex(status: PersonStatus, level: HospitalGrade): number {
  const code = level.charCodeAt(5);
  return (status === "retired" ? 4 : 0) + (code <= 57 ? code - 48 : 0);
}

export interface CompiledScheme {
  readonly pooledCapFen: number;
  readonly inpatient: Readonly<Record<PersonStatus, Readonly<Record<HospitalGrade, CompiledStay>>>>;
  /** `inpatient` flattened by {@link rowIndex}. */
  readonly inpatientRows: readonly CompiledStay[];
  readonly general:
    | {
        readonly capFen: number;
        readonly table: Readonly<Record<PersonStatus, Record<HospitalGrade, CompiledBenefit>>>;
      }
    | undefined;
  readonly chronic: ReadonlyMap<string, CompiledChronic>;
  readonly further: Readonly<Record<CareType, readonly CompiledFund[]>>;
  /**
   * Per care type, the `funds` record of a person's first claim of the year with every key it will hold (the pooled
   * fund's id, then each further fund's), to be copied (`{ ...template }` copies the shape at once) and filled in.
   */
  readonly fundTemplates: Readonly<Record<CareType, Readonly<Record<string, FundState>>>>;
  /** Per care type, `furtherFunds` of a result in which no further fund paid: shared, so frozen all the way down. */
  readonly unpaid: Readonly<Record<CareType, readonly FundPayment[]>>;
}

/** One fund's annual state in accumulators: the in-scope cost presented to it and what it paid. */
export interface FundState {
  readonly baseFen: number;
  readonly paidFen: number;
}

/** The id of the fund a care type's pooled share is paid from (and accumulated under). */
export function pooledIdOf(careType: CareType): string {
  return careType === "outpatient_general" ? "outpatientPooled" : "pooled";
}

/** The state of a fund that has been presented nothing and paid nothing this year: shared, so frozen. */
export const EMPTY_STATE: FundState = Object.freeze({ baseFen: 0, paidFen: 0 });

/** A cross-province adjustment in basis points. */
export type CompiledAdjustment =
  | { readonly kind: "none" }
  | { readonly kind: "ratio_minus_points"; readonly offBp: number }
  | { readonly kind: "ratio_times"; readonly factorBp: number }
  | { readonly kind: "pre_self_pay"; readonly bp: number }
  | { readonly kind: "not_settleable" };

/** The citation of a policy or catalogue in a trace: core's {@link TraceSource} with the document's id and version. */
export type DocumentSource = TraceSource & { readonly id: string; readonly version: string };

interface Dated {
  readonly region: string;
  readonly from: string;
  readonly to: string;
  readonly source: DocumentSource;
}

export interface CompiledPolicy extends Dated {
  readonly rounding: RoundingMode;
  /** Class-B pre-self-pay rate of the insured place, or `undefined` when the treatment place's applies. */
  readonly insuredClassBBp: number | undefined;
  readonly rejectUnknownItems: boolean;
  readonly adjustments: Readonly<
    Record<"referred" | "emergency" | "other_temporary" | "unregistered", CompiledAdjustment>
  >;
  readonly schemes: { readonly employee: CompiledScheme | undefined; readonly resident: CompiledScheme | undefined };
}

export interface CompiledItem {
  readonly cls: ItemClass;
  readonly preBp: number;
  readonly capFen: number | undefined;
}

export interface CompiledCatalogue extends Dated {
  readonly classBBp: number;
  readonly items: ReadonlyMap<string, CompiledItem>;
}

const FAR_FUTURE = "9999-12-31";

function sourceOf(data: {
  id: string;
  version: string;
  source: { title: string; number?: string | null | undefined; url?: string | undefined };
}): DocumentSource {
  const source: DocumentSource = {
    id: data.id,
    version: data.version,
    title: data.source.title,
    number: data.source.number ?? null,
  };
  return Object.freeze(data.source.url === undefined ? source : { ...source, url: data.source.url });
}

function compileAdjustment(adjustment: Adjustment | { kind: "not_settleable" }): CompiledAdjustment {
  switch (adjustment.kind) {
    case "ratio_minus_points":
      return { kind: "ratio_minus_points", offBp: adjustment.points * 100 };
    case "ratio_times":
      return { kind: "ratio_times", factorBp: rateToBasisPoints(adjustment.factor) };
    case "pre_self_pay":
      return { kind: "pre_self_pay", bp: rateToBasisPoints(adjustment.rate) };
    default:
      return { kind: adjustment.kind };
  }
}

function compileFund(fund: FurtherFund): CompiledFund {
  return {
    id: fund.id,
    kind: fund.kind,
    label: fund.label,
    thresholdFen: fund.thresholdFen,
    upTo: fund.segments.map((segment) => segment.upToFen ?? Number.POSITIVE_INFINITY),
    bp: fund.segments.map((segment) => rateToBasisPoints(segment.rate)),
    annualCapFen: fund.annualCapFen,
    simple: fund.thresholdFen === 0 && fund.segments.length === 1 && fund.segments[0]?.upToFen == null,
  };
}

function benefit(row: { deductibleFen: number; rate: number }, rule: string): CompiledBenefit {
  return { deductibleFen: row.deductibleFen, bp: rateToBasisPoints(row.rate), rule };
}

function byStatusAndLevel<R, T>(
  table: Record<PersonStatus, Record<HospitalGrade, R>>,
  build: (row: R, rule: string) => T,
  prefix: string,
): Record<PersonStatus, Record<HospitalGrade, T>> {
  const out = {} as Record<PersonStatus, Record<HospitalGrade, T>>;
  for (const status of PERSON_STATUSES) {
    const levels = {} as Record<HospitalGrade, T>;
    for (const level of HOSPITAL_GRADES) levels[level] = build(table[status][level], `${prefix}.${status}.${level}`);
    out[status] = levels;
  }
  return out;
}

function compileScheme(rules: SchemeRules, prefix: string): CompiledScheme {
  const further = {} as Record<CareType, CompiledFund[]>;
  const fundTemplates = {} as Record<CareType, Record<string, FundState>>;
  const unpaid = {} as Record<CareType, readonly FundPayment[]>;
  for (const careType of CARE_TYPES) {
    further[careType] = rules.furtherFunds.filter((fund) => fund.careTypes.includes(careType)).map(compileFund);
    const template: Record<string, FundState> = {};
    template[pooledIdOf(careType)] = EMPTY_STATE;
    for (const fund of further[careType]) template[fund.id] = EMPTY_STATE;
    fundTemplates[careType] = template;
    unpaid[careType] = Object.freeze(
      further[careType].map((fund) =>
        Object.freeze({ id: fund.id, kind: fund.kind, label: fund.label, paidFen: 0 } satisfies FundPayment),
      ),
    );
  }
  const inpatient = byStatusAndLevel(
    rules.inpatient,
    (row, rule): CompiledStay => ({
      first: benefit(row.first, `${rule}.first`),
      later: benefit(row.later, `${rule}.later`),
    }),
    `${prefix}.inpatient`,
  );
  const inpatientRows: CompiledStay[] = [];
  for (const status of PERSON_STATUSES) {
    for (const level of HOSPITAL_GRADES) inpatientRows[rowIndex(status, level)] = inpatient[status][level];
  }
  return {
    pooledCapFen: rules.pooledAnnualCapFen,
    inpatient,
    inpatientRows,
    general: rules.outpatient_general && {
      capFen: rules.outpatient_general.annualCapFen,
      table: byStatusAndLevel(rules.outpatient_general.table, benefit, `${prefix}.outpatient_general.table`),
    },
    chronic: new Map(
      (rules.outpatient_chronic?.diseases ?? []).map((disease, index) => [
        disease.code,
        {
          bp: rateToBasisPoints(disease.rate),
          deductibleFen: disease.annualDeductibleFen,
          quotaFen: disease.monthlyQuotaFen,
          rule: `${prefix}.outpatient_chronic.diseases[${index}]`,
        },
      ]),
    ),
    further,
    fundTemplates,
    unpaid,
  };
}

/** Resolve a derived policy for `createSettler`, its issues' paths under `policies[index]`. */
function resolveAt(input: DerivedPolicy, index: number): Policy {
  try {
    return resolvePolicy(input).policy;
  } catch (error) {
    if (!(error instanceof CarekitError)) throw error;
    const issues = error.issues.map((issue) => ({
      ...issue,
      path: issue.path === "" ? `policies[${index}]` : `policies[${index}].${issue.path}`,
    }));
    const first = issues[0];
    throw new CarekitError({
      code: error.code,
      message: first === undefined ? error.message : `${first.path}: ${first.message}`,
      messageZh: first === undefined ? error.messageZh : `${first.path}: ${first.messageZh}`,
      issues,
    });
  }
}

/** Validate (zod) and compile one policy: rates to basis points once. */
export function compilePolicy(input: unknown, index: number): CompiledPolicy {
  const policy = parseInput(PolicySchema, isDerivedPolicy(input) ? resolveAt(input, index) : input, {
    code: "INVALID_POLICY",
    path: ["policies", index],
    label: { en: "policy", zh: "参保地政策" },
  });
  const { employee, resident } = policy.schemes;
  return {
    region: policy.region,
    from: policy.effectiveFrom,
    to: policy.effectiveTo ?? FAR_FUTURE,
    source: sourceOf(policy),
    rounding: policy.rounding,
    insuredClassBBp:
      policy.preSelfPay.owner === "insured_place" ? rateToBasisPoints(policy.preSelfPay.classBRate) : undefined,
    rejectUnknownItems: policy.unknownItem === "reject",
    adjustments: {
      referred: compileAdjustment(policy.crossProvince.referred),
      emergency: compileAdjustment(policy.crossProvince.emergency),
      other_temporary: compileAdjustment(policy.crossProvince.other_temporary),
      unregistered: compileAdjustment(policy.crossProvince.unregistered),
    },
    schemes: {
      employee: employee && compileScheme(employee, "schemes.employee"),
      resident: resident && compileScheme(resident, "schemes.resident"),
    },
  };
}

/** Validate (zod) and compile one catalogue: item table to a Map, rates to basis points. */
export function compileCatalogue(input: unknown, index: number): CompiledCatalogue {
  const catalogue = parseInput(ItemCatalogueSchema, input, {
    code: "INVALID_CATALOGUE",
    path: ["catalogues", index],
    label: { en: "catalogue", zh: "就医地目录" },
  });
  const classBBp = rateToBasisPoints(catalogue.classBPreSelfPayRate);
  const items = new Map<string, CompiledItem>();
  for (const [code, item] of Object.entries(catalogue.items ?? {})) {
    items.set(code, {
      cls: item.class,
      preBp: item.preSelfPayRate === undefined ? classBBp : rateToBasisPoints(item.preSelfPayRate),
      capFen: item.priceCapFen,
    });
  }
  return {
    region: catalogue.region,
    from: catalogue.effectiveFrom,
    to: catalogue.effectiveTo ?? FAR_FUTURE,
    source: sourceOf(catalogue),
    classBBp,
    items,
  };
}

/** Reject two documents of one region whose validity windows overlap: the choice would be ambiguous. */
export function assertNoOverlap(documents: readonly Dated[], field: "policies" | "catalogues"): void {
  documents.forEach((a, i) => {
    documents.forEach((b, j) => {
      if (j <= i || a.region !== b.region || a.to < b.from || b.to < a.from) return;
      throw fieldError(
        field === "policies" ? "INVALID_POLICY" : "INVALID_CATALOGUE",
        `${field}[${j}].effectiveFrom`,
        `${b.source.id} overlaps ${a.source.id} for region ${a.region}`,
        `${b.source.id} 与 ${a.source.id} 在地区 ${a.region} 的有效期重叠`,
      );
    });
  });
}

/** Zod schema of the argument of `createSettler`. */
export const SettlerOptionsSchema = /* @__PURE__ */ z.strictObject({
  policies: z.array(z.unknown()).min(1).max(1000),
  catalogues: z.array(z.unknown()).min(1).max(1000),
  trace: z.boolean().optional(),
  trustInput: z.boolean().optional(),
});

/** Options of `createSettler`. */
export interface SettlerOptions {
  /** Insured-place policies (参保地政策), each for a region and a validity window. */
  readonly policies: readonly (Policy | DerivedPolicy)[];
  /** Treatment-place catalogues (就医地目录), each for a region and a validity window. */
  readonly catalogues: readonly ItemCatalogue[];
  /** Build the step-by-step `trace` of each result (default `true`). */
  readonly trace?: boolean;
  /**
   * Skip the per-claim check (default `false`). Only for claims that already passed `ClaimSchema` or `isClaim`
   * (e.g. re-settling stored claims); an unchecked bad claim gives undefined results.
   */
  readonly trustInput?: boolean;
}
