import { readFile } from "node:fs/promises";
import { yuanToFen } from "@carekit/core";
import {
  type Accumulators,
  assessContributionYears,
  CHENGDU_CONTRIBUTION_POLICY,
  CHONGQING_CONTRIBUTION_POLICY,
  type ContributionPolicy,
  createSettler,
  type ItemCatalogue,
  type Policy,
  START_OF_YEAR,
} from "@carekit/settlement";
import type { Command } from "commander";
import { runBatch } from "../io/batch.js";
import { batchOptions, batchOptionsFrom, finishBatch, UsageError } from "../program.js";

const MONEY_COLUMNS = ["classA", "classB", "classC", "overPriceCap"] as const;

async function readJsonList<T>(path: string, what: string): Promise<T[]> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as Error).message} · 无法读取`);
  }
  return (Array.isArray(value) ? value : [value]) as T[];
}

/**
 * A claim from a flat CSV row (columns `id, personId, insuredRegion, treatmentRegion, scheme, personStatus,
 * hospitalGrade, careType, disease, admissionDate, dischargeDate, registration, registrationSubType` and the
 * pre-classified totals in yuan `classA, classB, classC, overPriceCap`, and optionally `declaredTotal`, the total as
 * the hospital billed it, in yuan); a JSON row that already has `charges` is taken as it is.
 */
export function claimFromRecord(record: Record<string, unknown>): unknown {
  if ("charges" in record) return record;
  const text = (key: string) =>
    typeof record[key] === "string" && record[key] !== "" ? (record[key] as string) : undefined;
  const careKind = text("careType");
  const registrationKind = text("registration");
  const charges: Record<string, unknown> = { kind: "totals" };
  for (const column of MONEY_COLUMNS) {
    const value = record[column] ?? "0";
    charges[`${column}Fen`] = typeof value === "number" || typeof value === "string" ? yuanToFen(value, column) : value;
  }
  return {
    id: text("id") ?? text("claimId"),
    personId: text("personId"),
    insuredRegion: text("insuredRegion"),
    treatmentRegion: text("treatmentRegion"),
    scheme: text("scheme"),
    personStatus: text("personStatus"),
    hospitalGrade: text("hospitalGrade"),
    careType: careKind === "outpatient_chronic" ? { kind: careKind, disease: text("disease") } : { kind: careKind },
    admissionDate: text("admissionDate"),
    dischargeDate: text("dischargeDate"),
    registration:
      registrationKind === "long_term_resident"
        ? { kind: registrationKind, subType: text("registrationSubType") }
        : { kind: registrationKind },
    charges,
    // an optional declared total (医疗费总额 as billed, yuan): the settler rejects charges that do not add up to it
    ...(record.declaredTotal === undefined || record.declaredTotal === ""
      ? {}
      : {
          declaredTotalFen:
            typeof record.declaredTotal === "number" || typeof record.declaredTotal === "string"
              ? yuanToFen(record.declaredTotal, "declaredTotal")
              : record.declaredTotal,
        }),
  };
}

const RESULT_COLUMNS = [
  "claimId",
  "personId",
  "year",
  "crossProvince",
  "totalFen",
  "fullSelfPayFen",
  "overLimitSelfPayFen",
  "preSelfPayFen",
  "inScopeFen",
  "deductibleFen",
  "pooledFundPaidFen",
  "pooledFundRateBasisPoints",
  "furtherFunds",
  "fundsPaidFen",
  "coinsuranceFen",
  "overCapFen",
  "patientPaysFen",
] as const;

const CONTRIBUTION_POLICIES: Readonly<Record<string, ContributionPolicy>> = {
  chongqing: CHONGQING_CONTRIBUTION_POLICY,
  chengdu: CHENGDU_CONTRIBUTION_POLICY,
};

/** `carekit settle` and `carekit settle years` (医保结算与缴费年限核定). */
export function registerSettle(program: Command, setExit: (code: number) => void): void {
  const settle = program
    .command("settle")
    .summary("settle claims (川渝 cross-province), contribution years · 医保结算");
  batchOptions(
    settle
      .command("run", { isDefault: true })
      .description(
        "settle claims in file order, carrying each person's annual accumulators · 按文件顺序结算并累计年度额度",
      )
      .argument("<claims>", "CSV, JSON or JSON Lines of claims (amounts in yuan in CSV), or - for stdin")
      .requiredOption("-p, --policy <file>", "insured-place policies (JSON object or array) · 参保地政策")
      .requiredOption("-c, --catalogue <file>", "treatment-place catalogues (JSON object or array) · 就医地目录"),
  )
    .addHelpText(
      "after",
      `
Amounts: in CSV the columns classA, classB, classC, overPriceCap are yuan (converted exactly to fen); output is fen.
Order: claims are settled in file order per person; sort the file by discharge date for correct accumulators.
金额：CSV 中 classA/classB/classC/overPriceCap 以元为单位（精确换算为分），输出以分为单位。

Examples · 示例:
  carekit settle claims.csv --policy policies.json --catalogue catalogue.json -o settled.csv
  carekit settle claims.jsonl -p policies.json -c catalogue.json -f jsonl --errors rejected.csv`,
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const settler = createSettler({
        policies: await readJsonList<Policy>(opts.policy as string, "policy"),
        catalogues: await readJsonList<ItemCatalogue>(opts.catalogue as string, "catalogue"),
        trace: false,
      });
      const accumulators = new Map<string, Accumulators>();
      const summary = await runBatch(batchOptionsFrom(file, opts), {
        columns: RESULT_COLUMNS,
        row(record) {
          const claim = claimFromRecord(record);
          const personId = String((claim as { personId?: unknown }).personId ?? "");
          const { result, accumulators: next } = settler.settle({
            claim,
            accumulators: accumulators.get(personId) ?? START_OF_YEAR,
          });
          accumulators.set(personId, next);
          return {
            ...Object.fromEntries(RESULT_COLUMNS.map((c) => [c, (result as unknown as Record<string, unknown>)[c]])),
            furtherFunds: result.furtherFunds.map((f) => `${f.id}:${f.paidFen}`).join(";"),
          };
        },
      });
      setExit(finishBatch(summary, opts.quiet as boolean | undefined));
    });

  batchOptions(
    settle
      .command("years")
      .description("contribution-year recognition between 重庆 and 成都 · 川渝职工医保缴费年限互认核定")
      .argument("<people>", "JSON or JSON Lines: { sex, retirementCity, asOf, periods: [{ city, from, to, kind }] }")
      .requiredOption("-p, --policy <name|file>", "chongqing, chengdu, or a policy JSON file · 退休地政策"),
  )
    .addHelpText("after", "\nExamples · 示例:\n  carekit settle years workers.jsonl --policy chongqing")
    .action(async (file: string, opts: Record<string, unknown>) => {
      const name = opts.policy as string;
      const policy = CONTRIBUTION_POLICIES[name] ?? (await readJsonList<ContributionPolicy>(name, "policy"))[0];
      const summary = await runBatch(batchOptionsFrom(file, opts), {
        columns: [
          "person",
          "totalMonths",
          "localActualMonths",
          "recognizedOtherCityMonths",
          "requiredTotalMonths",
          "requiredLocalActualMonths",
          "shortfallMonths",
          "eligible",
        ],
        row(record) {
          const { person, ...input } = record;
          const result = assessContributionYears({ ...(input as object), policy } as never);
          return { person: person ?? "", ...result, trace: undefined };
        },
      });
      setExit(finishBatch(summary, opts.quiet as boolean | undefined));
    });
}
