import { type CarekitError, isCarekitError } from "@carekit/core";
import { describe, expect, it } from "vitest";
import { chengduEmployeeExample } from "../src/examples.js";
import {
  type Accumulators,
  assessContributionYears,
  CHONGQING_CONTRIBUTION_POLICY,
  createSettler,
  emptyAccumulators,
  type ItemCatalogue,
  type Policy,
  START_OF_YEAR,
  toFhirClaimResponse,
} from "../src/index.js";
import { CHONGQING_CATALOGUE, CROSS_CLAIM, SICHUAN_POLICY } from "./fixtures.js";

type Case = [label: string, call: () => unknown, code: string, path: string];

const employee = SICHUAN_POLICY.schemes.employee;
const in_service = employee.inpatient.in_service;

function policyWith(change: (policy: Record<string, unknown>) => void): Policy {
  const copy = structuredClone(SICHUAN_POLICY) as unknown as Record<string, unknown>;
  change(copy);
  return copy as unknown as Policy;
}

const compile =
  (policies: unknown[], catalogues: unknown[] = [CHONGQING_CATALOGUE]) =>
  () =>
    createSettler({ policies: policies as Policy[], catalogues: catalogues as ItemCatalogue[] });

const settler = createSettler({ policies: [SICHUAN_POLICY], catalogues: [CHONGQING_CATALOGUE] });
const settle = (claim: unknown, accumulators?: Accumulators) => () =>
  settler.settle({ claim, accumulators: accumulators ?? START_OF_YEAR });
const claimWith = (patch: Record<string, unknown>) => ({ ...CROSS_CLAIM, ...patch });
const totals = (patch: Record<string, unknown>) => claimWith({ charges: { ...CROSS_CLAIM.charges, ...patch } });

const P = "policies[0]";
const E = `${P}.schemes.employee`;
const contribution = {
  sex: "female",
  retirementCity: "500000",
  asOf: "2024-12-31",
  periods: [{ city: "500111", from: "2004-01-01", to: "2024-02-29", kind: "actual" }],
  policy: CHONGQING_CONTRIBUTION_POLICY,
} as const;

const cases: Case[] = [
  // policies and catalogues (createSettler)
  [
    "policy rate above 1",
    compile([
      policyWith(
        (p) => ((p.schemes as typeof SICHUAN_POLICY.schemes).employee.inpatient.in_service.level3.first.rate = 1.2),
      ),
    ]),
    "INVALID_POLICY",
    `${E}.inpatient.in_service.level3.first.rate`,
  ],
  [
    "policy missing a level",
    compile([
      policyWith((p) => {
        const levels = (p.schemes as typeof SICHUAN_POLICY.schemes).employee.inpatient.in_service as Partial<
          typeof in_service
        >;
        delete levels.level2;
      }),
    ]),
    "INVALID_POLICY",
    `${E}.inpatient.in_service.level2`,
  ],
  [
    "policy rate with five decimals",
    compile([
      policyWith(
        (p) => ((p.schemes as typeof SICHUAN_POLICY.schemes).employee.inpatient.retired.primary.later.rate = 0.12345),
      ),
    ]),
    "INVALID_POLICY",
    `${E}.inpatient.retired.primary.later.rate`,
  ],
  [
    "policy fractional deductible",
    compile([
      policyWith(
        (p) =>
          ((p.schemes as typeof SICHUAN_POLICY.schemes).employee.inpatient.in_service.level1.first.deductibleFen =
            100.5),
      ),
    ]),
    "INVALID_POLICY",
    `${E}.inpatient.in_service.level1.first.deductibleFen`,
  ],
  [
    "other temporary −25 points (national ceiling 20)",
    compile([
      {
        ...SICHUAN_POLICY,
        crossProvince: { ...SICHUAN_POLICY.crossProvince, other_temporary: { kind: "ratio_minus_points", points: 25 } },
      },
    ]),
    "INVALID_POLICY",
    `${P}.crossProvince.other_temporary`,
  ],
  [
    "referred −11 points (national ceiling 10)",
    compile([
      {
        ...SICHUAN_POLICY,
        crossProvince: { ...SICHUAN_POLICY.crossProvince, referred: { kind: "ratio_minus_points", points: 11 } },
      },
    ]),
    "INVALID_POLICY",
    `${P}.crossProvince.referred`,
  ],
  [
    "emergency ×0.5 lowers 85 % by 42.5 points",
    compile([
      {
        ...SICHUAN_POLICY,
        crossProvince: { ...SICHUAN_POLICY.crossProvince, emergency: { kind: "ratio_times", factor: 0.5 } },
      },
    ]),
    "INVALID_POLICY",
    `${P}.crossProvince.emergency`,
  ],
  [
    "unknown adjustment kind",
    compile([{ ...SICHUAN_POLICY, crossProvince: { ...SICHUAN_POLICY.crossProvince, referred: { kind: "halve" } } }]),
    "INVALID_POLICY",
    `${P}.crossProvince.referred.kind`,
  ],
  ["policy with an unknown key", compile([{ ...SICHUAN_POLICY, extra: true }]), "INVALID_POLICY", P],
  ["policy for an unknown region", compile([{ ...SICHUAN_POLICY, region: "110000" }]), "INVALID_POLICY", `${P}.region`],
  [
    "policy ends before it starts",
    compile([{ ...SICHUAN_POLICY, effectiveTo: "2023-12-31" }]),
    "INVALID_POLICY",
    `${P}.effectiveTo`,
  ],
  [
    "insured-place pre-self-pay without a rate",
    compile([{ ...SICHUAN_POLICY, preSelfPay: { owner: "insured_place" } }]),
    "INVALID_POLICY",
    `${P}.preSelfPay.classBRate`,
  ],
  [
    "further-fund segments not rising",
    compile([
      policyWith((p) => {
        const fund = (p.schemes as typeof SICHUAN_POLICY.schemes).employee.furtherFunds[0] as { segments: unknown[] };
        fund.segments = [
          { upToFen: 100_000, rate: 0.9 },
          { upToFen: 50_000, rate: 0.9 },
        ];
      }),
    ]),
    "INVALID_POLICY",
    `${E}.furtherFunds[0].segments[1].upToFen`,
  ],
  [
    "further fund named like the pooled fund",
    compile([
      policyWith(
        (p) =>
          (((p.schemes as typeof SICHUAN_POLICY.schemes).employee.furtherFunds[0] as { id: string }).id = "pooled"),
      ),
    ]),
    "INVALID_POLICY",
    `${E}.furtherFunds[0].id`,
  ],
  ["policy without any scheme", compile([{ ...SICHUAN_POLICY, schemes: {} }]), "INVALID_POLICY", `${P}.schemes`],
  [
    "two policies of one region overlap",
    compile([SICHUAN_POLICY, { ...SICHUAN_POLICY, id: "other", effectiveFrom: "2024-06-01" }]),
    "INVALID_POLICY",
    "policies[1].effectiveFrom",
  ],
  ["no policies at all", compile([]), "INVALID_INPUT", "policies"],
  [
    "catalogue class D",
    compile([SICHUAN_POLICY], [{ ...CHONGQING_CATALOGUE, items: { X: { class: "D" } } }]),
    "INVALID_CATALOGUE",
    "catalogues[0].items.X.class",
  ],
  [
    "catalogue pre-self-pay rate above 1",
    compile([SICHUAN_POLICY], [{ ...CHONGQING_CATALOGUE, classBPreSelfPayRate: 1.5 }]),
    "INVALID_CATALOGUE",
    "catalogues[0].classBPreSelfPayRate",
  ],
  [
    "catalogue item named constructor",
    compile([SICHUAN_POLICY], [{ ...CHONGQING_CATALOGUE, items: { constructor: { class: "A" } } }]),
    "INVALID_CATALOGUE",
    "catalogues[0].items.constructor",
  ],
  // claims (settle)
  // a blank id was accepted and written to FHIR as an identifier value the validator refuses (found by fhir.test.ts)
  ["claim id of white space only", settle(claimWith({ id: "  " })), "INVALID_INPUT", "id"],
  ["person id of white space only", settle(claimWith({ personId: "\u3000" })), "INVALID_INPUT", "personId"],
  ["fractional fen", settle(totals({ classAFen: 100.5 })), "INVALID_INPUT", "charges.classAFen"],
  ["negative fen", settle(totals({ classBFen: -1 })), "INVALID_INPUT", "charges.classBFen"],
  ["amount as a yuan string", settle(totals({ classCFen: "153.99" })), "INVALID_INPUT", "charges.classCFen"],
  [
    "charges above ¥1,000,000,000",
    settle(totals({ classAFen: 60_000_000_000, classBFen: 60_000_000_000 })),
    "INVALID_INPUT",
    "charges",
  ],
  ["discharge before admission", settle(claimWith({ dischargeDate: "2024-12-01" })), "INVALID_INPUT", "dischargeDate"],
  ["admission on 2024-02-30", settle(claimWith({ admissionDate: "2024-02-30" })), "INVALID_INPUT", "admissionDate"],
  ["unknown insured region", settle(claimWith({ insuredRegion: "110101" })), "UNKNOWN_REGION", "insuredRegion"],
  ["unknown treatment region", settle(claimWith({ treatmentRegion: "999999" })), "UNKNOWN_REGION", "treatmentRegion"],
  ["malformed region", settle(claimWith({ insuredRegion: "5101" })), "INVALID_INPUT", "insuredRegion"],
  [
    "unknown item code when the policy says reject",
    settle(
      claimWith({
        charges: {
          kind: "lines",
          lines: [
            { itemCode: "A-ward", amountFen: 100 },
            { itemCode: "Z-unknown", amountFen: 100 },
          ],
        },
      }),
    ),
    "UNKNOWN_ITEM",
    "charges.lines[1].itemCode",
  ],
  ["no lines", settle(claimWith({ charges: { kind: "lines", lines: [] } })), "INVALID_INPUT", "charges.lines"],
  [
    "quantity 0",
    settle(claimWith({ charges: { kind: "lines", lines: [{ itemCode: "A-ward", amountFen: 100, quantity: 0 }] } })),
    "INVALID_INPUT",
    "charges.lines[0].quantity",
  ],
  ["unknown scheme value", settle(claimWith({ scheme: "commercial" })), "INVALID_INPUT", "scheme"],
  ["scheme the policy lacks", settle(claimWith({ scheme: "resident" })), "UNKNOWN_POLICY", "scheme"],
  [
    "no policy on the discharge date",
    settle(claimWith({ admissionDate: "2023-05-01", dischargeDate: "2023-05-09" })),
    "UNKNOWN_POLICY",
    "insuredRegion",
  ],
  [
    "no catalogue for the treatment region",
    settle(claimWith({ treatmentRegion: "510105" })),
    "UNKNOWN_CATALOGUE",
    "treatmentRegion",
  ],
  [
    "outpatient-chronic disease the policy does not cover",
    settle(claimWith({ careType: { kind: "outpatient_chronic", disease: "asthma" } })),
    "UNKNOWN_DISEASE",
    "careType.disease",
  ],
  [
    "registration sub-type unknown",
    settle(claimWith({ registration: { kind: "long_term_resident", subType: "tourist" } })),
    "INVALID_INPUT",
    "registration.subType",
  ],
  ["claim with an unknown key", settle(claimWith({ note: "x" })), "INVALID_INPUT", ""],
  ["claim is null", settle(null), "INVALID_INPUT", ""],
  [
    "unregistered where the policy does not settle directly",
    () =>
      createSettler({
        policies: [
          {
            ...SICHUAN_POLICY,
            crossProvince: { ...SICHUAN_POLICY.crossProvince, unregistered: { kind: "not_settleable" } },
          },
        ],
        catalogues: [CHONGQING_CATALOGUE],
      }).settle({ claim: claimWith({ registration: { kind: "unregistered" } }), accumulators: START_OF_YEAR }),
    "NOT_SETTLEABLE",
    "registration",
  ],
  [
    "accumulators of another person",
    settle(CROSS_CLAIM, emptyAccumulators({ personId: "p-2", year: 2024 })),
    "ACCUMULATOR_MISMATCH",
    "accumulators.personId",
  ],
  [
    "accumulators with negative admissions",
    settle(CROSS_CLAIM, { ...emptyAccumulators({ personId: "p-1", year: 2024 }), inpatientAdmissions: -1 }),
    "INVALID_INPUT",
    "accumulators.inpatientAdmissions",
  ],
  // contribution years, FHIR, examples
  [
    "contribution period ending before it starts",
    () =>
      assessContributionYears({
        ...contribution,
        periods: [{ city: "500111", from: "2010-01-01", to: "2009-12-31", kind: "actual" }],
      }),
    "INVALID_INPUT",
    "periods[0].to",
  ],
  [
    "retirement city outside the policy's region",
    () => assessContributionYears({ ...contribution, retirementCity: "510104" }),
    "POLICY_REGION_MISMATCH",
    "retirementCity",
  ],
  ["unknown sex value", () => assessContributionYears({ ...contribution, sex: "x" as "male" }), "INVALID_INPUT", "sex"],
  [
    "FHIR export with a bad date",
    () =>
      toFhirClaimResponse({
        result: settler.settle({ claim: CROSS_CLAIM, accumulators: START_OF_YEAR }).result,
        claim: CROSS_CLAIM,
        policy: SICHUAN_POLICY,
        created: "31/12/2024",
      }),
    "INVALID_DATE",
    "created",
  ],
  [
    "example policy with a negative cap",
    () => chengduEmployeeExample({ pooledAnnualCapFen: -1 }),
    "OUT_OF_RANGE",
    "pooledAnnualCapFen",
  ],
];

describe("bad input gives CarekitError with code, path and Chinese message", () => {
  it("has at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)("%s", (_label, call, code, path) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(isCarekitError(thrown), String(thrown)).toBe(true);
    const error = thrown as CarekitError;
    expect({ code: error.code, path: error.issues[0]?.path }).toEqual({ code, path });
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.issues[0]?.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
});
