import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CarekitError, yuanToFen } from "@carekit/core";
import {
  assessContributionYears,
  CARE_TYPES,
  CHENGDU_CONTRIBUTION_POLICY,
  CHONGQING_CONTRIBUTION_POLICY,
  type ContributionPolicy,
  createSettler,
  HOSPITAL_GRADES,
  type ItemCatalogue,
  LONG_TERM_SUBTYPES,
  PERSON_STATUSES,
  type Policy,
  SCHEMES,
  START_OF_YEAR,
  TEMPORARY_REGISTRATIONS,
} from "@carekit/settlement";
import { CHONGQING_EMPLOYEE_EXAMPLE } from "@carekit/settlement/examples";
import type { Command } from "commander";
import { runBatch } from "../io/batch.js";
import type { Cell, HeaderMap, TableSpec } from "../io/columns.js";
import { readJson } from "../io/read.js";
import { batchOptions, batchOptionsFrom, finishBatch, UsageError } from "../program.js";
import { compileClaimLine } from "./claim-line.js";
import { compileClaimRow } from "./claim-row.js";
import { People, type PreviousClaim } from "./people.js";

const MONEY_COLUMNS = ["classA", "classB", "classC", "overPriceCap"] as const;

/** `inService` or `in_service`, whichever spelling the settlement package uses. */
function spelled(values: readonly string[], camel: string): string {
  const snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return values.find((v) => v === camel || v === snake) ?? camel;
}

function aliases(values: readonly string[], zh: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(zh).map(([label, camel]) => [label, spelled(values, camel)]));
}

async function readJsonList<T>(path: string, what: string): Promise<T[]> {
  const value = await readJson(path, what);
  return (Array.isArray(value) ? value : [value]) as T[];
}

const REGISTRATIONS: readonly string[] = ["long_term_resident", ...TEMPORARY_REGISTRATIONS, "unregistered"];

const YUAN = { zh: "元", en: "yuan" } as const;

/** The input table of `carekit settle` (one row per claim, 结算单; amounts in yuan). */
export const CLAIM_TABLE: TableSpec = {
  command: "settle",
  labelColumn: "id",
  columns: [
    {
      name: "id",
      zh: "结算单号",
      aliases: ["单据号", "claimId", "结算编号"],
      type: "text",
      required: true,
      description: { zh: "结算单（单据）编号", en: "claim id" },
    },
    {
      name: "personId",
      zh: "参保人编号",
      aliases: ["个人编号", "参保人", "人员编号"],
      type: "text",
      required: true,
      description: {
        zh: "参保人编号：同一人的年度累计按此归集",
        en: "insured person id (annual accumulators per person)",
      },
    },
    {
      name: "insuredRegion",
      zh: "参保地",
      aliases: ["参保地区划", "参保地代码"],
      type: "text",
      required: true,
      description: { zh: "参保地行政区划代码（6 位）", en: "insured place, 6-digit region code" },
    },
    {
      name: "treatmentRegion",
      zh: "就医地",
      aliases: ["就医地区划", "就医地代码"],
      type: "text",
      required: true,
      description: { zh: "就医地行政区划代码（6 位）", en: "treatment place, 6-digit region code" },
    },
    {
      name: "scheme",
      zh: "险种",
      aliases: ["险种类型"],
      type: "enum",
      required: true,
      values: SCHEMES,
      valueAliases: aliases(SCHEMES, {
        职工: "employee",
        职工医保: "employee",
        居民: "resident",
        居民医保: "resident",
      }),
      description: { zh: "职工医保或居民医保", en: "employee or resident scheme" },
    },
    {
      name: "personStatus",
      zh: "人员类别",
      aliases: ["在职退休"],
      type: "enum",
      required: true,
      values: PERSON_STATUSES,
      valueAliases: aliases(PERSON_STATUSES, { 在职: "inService", 退休: "retired" }),
      description: { zh: "在职或退休", en: "in service or retired" },
    },
    {
      name: "hospitalGrade",
      zh: "医院等级",
      aliases: ["医疗机构等级", "机构等级", "facilityLevel"],
      type: "enum",
      required: true,
      values: HOSPITAL_GRADES,
      valueAliases: aliases(HOSPITAL_GRADES, {
        基层: "primary",
        一级: "level1",
        二级: "level2",
        三级: "level3",
      }),
      description: { zh: "就医机构等级", en: "hospital grade" },
    },
    {
      name: "careType",
      zh: "就医类型",
      aliases: ["医疗类别"],
      type: "enum",
      required: true,
      values: CARE_TYPES,
      valueAliases: aliases(CARE_TYPES, {
        住院: "inpatient",
        门诊慢特病: "outpatientChronic",
        门诊慢特: "outpatientChronic",
        普通门诊: "outpatientGeneral",
      }),
      description: { zh: "住院、门诊慢特病或普通门诊", en: "inpatient, chronic outpatient or general outpatient" },
    },
    {
      name: "disease",
      zh: "病种",
      aliases: ["慢特病病种"],
      type: "text",
      description: { zh: "门诊慢特病的病种（就医类型为门诊慢特病时必填）", en: "disease, for chronic outpatient care" },
    },
    {
      name: "admissionDate",
      zh: "入院日期",
      aliases: ["就诊日期"],
      type: "date",
      required: true,
      description: { zh: "入院（就诊）日期", en: "admission (visit) date" },
    },
    {
      name: "dischargeDate",
      zh: "出院日期",
      aliases: ["结算日期"],
      type: "date",
      required: true,
      description: {
        zh: "出院（结算）日期；同一人的结算单须按此排序，或加 --sort",
        en: "discharge date; sort by it or use --sort",
      },
    },
    {
      name: "registration",
      zh: "备案类型",
      aliases: ["异地就医备案类型", "备案"],
      type: "enum",
      required: true,
      values: REGISTRATIONS,
      valueAliases: aliases(REGISTRATIONS, {
        异地长期居住: "longTermResident",
        长期居住: "longTermResident",
        转诊: "referred",
        转诊转院: "referred",
        急诊: "emergency",
        急诊抢救: "emergency",
        临时外出: "otherTemporary",
        其他临时外出: "otherTemporary",
        未备案: "unregistered",
      }),
      description: { zh: "异地就医备案类型", en: "cross-region registration kind" },
    },
    {
      name: "registrationSubType",
      zh: "长期居住类型",
      aliases: ["备案子类型"],
      type: "enum",
      values: LONG_TERM_SUBTYPES,
      valueAliases: aliases(LONG_TERM_SUBTYPES, {
        异地安置退休: "retiredResettled",
        异地长期居住: "longTermResidence",
        常驻异地工作: "postedWorker",
      }),
      description: { zh: "异地长期居住人员的类型（备案类型为异地长期居住时必填）", en: "long-term resident sub-type" },
    },
    {
      name: "classA",
      zh: "甲类",
      aliases: ["甲类费用", "甲类金额"],
      type: "yuan",
      required: true,
      unit: YUAN,
      description: { zh: "甲类费用（元，最多两位小数）", en: "class A charges, yuan" },
    },
    {
      name: "classB",
      zh: "乙类",
      aliases: ["乙类费用", "乙类金额"],
      type: "yuan",
      required: true,
      unit: YUAN,
      description: { zh: "乙类费用（元）", en: "class B charges, yuan" },
    },
    {
      name: "classC",
      zh: "丙类",
      aliases: ["丙类费用", "丙类金额", "自费"],
      type: "yuan",
      required: true,
      unit: YUAN,
      description: { zh: "丙类（全自费）费用（元）", en: "class C (self-pay) charges, yuan" },
    },
    {
      name: "overPriceCap",
      zh: "超限价",
      aliases: ["超限价费用", "超限价金额"],
      type: "yuan",
      required: true,
      unit: YUAN,
      description: { zh: "超过限价的费用（元），没有写 0", en: "charges over a price cap, yuan; 0 if none" },
    },
    {
      name: "declaredTotal",
      zh: "医疗费总额",
      aliases: ["申报总额", "费用总额", "总金额"],
      type: "yuan",
      required: false,
      unit: YUAN,
      description: {
        zh: "医院申报的费用总额（元，可选）：填写时，甲乙丙类之和必须与之相等，否则该行报 TOTAL_MISMATCH",
        en: "the total as the hospital billed it, yuan (optional): when given, the charges must add up to it or the row is TOTAL_MISMATCH",
      },
    },
  ],
};

function missing(column: string): CarekitError {
  const spec = CLAIM_TABLE.columns.find((c) => c.name === column);
  return new CarekitError({
    code: "INVALID_INPUT",
    message: `${column}: missing; write 0 if there is none`,
    messageZh: `${spec?.zh ?? column}：缺少金额；没有请写 0`,
    issues: [{ path: column, message: "missing; write 0 if there is none", messageZh: "缺少金额；没有请写 0" }],
  });
}

/**
 * A claim from a flat row (columns `id, personId, insuredRegion, treatmentRegion, scheme, personStatus,
 * hospitalGrade, careType, disease, admissionDate, dischargeDate, registration, registrationSubType` and the
 * pre-classified totals in yuan `classA, classB, classC, overPriceCap` — each required, never taken as 0 — and
 * optionally `declaredTotal`, the total as the hospital billed it, in yuan); a JSON row that already has `charges` is
 * taken as it is.
 */
export function claimFromRecord(record: Record<string, unknown>): unknown {
  if ("charges" in record) return record;
  const text = (key: string) =>
    typeof record[key] === "string" && record[key] !== "" ? (record[key] as string) : undefined;
  const careKind = text("careType");
  const registrationKind = text("registration");
  const charges: Record<string, unknown> = { kind: "totals" };
  for (const column of MONEY_COLUMNS) {
    const value = record[column];
    if (value === undefined || value === "") throw missing(column);
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

function furtherFunds(funds: readonly { id: string; paidFen: number }[]): string {
  if (funds.length === 0) return "";
  let text = "";
  for (const fund of funds) text += `${text === "" ? "" : ";"}${fund.id}:${fund.paidFen}`;
  return text;
}

/** The catalogue `settle init` writes: an example to fill in from the treatment place's official catalogue. */
const EXAMPLE_CATALOGUE = {
  id: "example-cq-catalogue",
  version: "example-1",
  effectiveFrom: "2024-01-01",
  region: "500000",
  source: {
    title: "示例：重庆市医保药品和诊疗项目目录（请按正式目录填写）",
    number: "none (example)",
    confidence: "LOW-CRED",
    note: "EXAMPLE ONLY — replace the items and the class B pre-self-pay rate with those of the official catalogue (title, 文号, date).",
  },
  classBPreSelfPayRate: 0.1,
  items: { "A-example": { class: "A" }, "B-example": { class: "B" }, "C-example": { class: "C" } },
};

/** `--sort` keeps at most this many claims in memory. */
export const SORT_LIMIT = 2_000_000;

/** The key `--sort` orders claims by: the discharge date (a stable sort keeps the file order within a day). */
function dischargeKey(record: Record<string, unknown>): string {
  const date = record.dischargeDate;
  return typeof date === "string" ? date : "";
}

/** Money columns of the output (fen), and the rate column (basis points). */
const MONEY_OUTPUT = new Set([
  "totalFen",
  "fullSelfPayFen",
  "overLimitSelfPayFen",
  "preSelfPayFen",
  "inScopeFen",
  "deductibleFen",
  "pooledFundPaidFen",
  "fundsPaidFen",
  "coinsuranceFen",
  "overCapFen",
  "patientPaysFen",
]);

function yuanColumn(column: string): string {
  if (column === "pooledFundRateBasisPoints") return "pooledFundRatePercent";
  return MONEY_OUTPUT.has(column) ? `${column.replace(/Fen$/, "")}Yuan` : column;
}

/** Fen (a safe integer ≥ 0) as yuan with two decimals, exactly: 335399 → "3353.99". */
export function fenToYuanText(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

/** For each result column, whether it is money (fen), in {@link RESULT_COLUMNS} order. */
const MONEY_AT = RESULT_COLUMNS.map((column) => MONEY_OUTPUT.has(column));
const RATE_AT = RESULT_COLUMNS.indexOf("pooledFundRateBasisPoints");
const FUNDS_AT = RESULT_COLUMNS.indexOf("furtherFunds");

/** An output row with money in yuan (two decimals) and the rate in percent (8500 basis points → "85.00"). */
function inYuan(values: unknown[]): unknown[] {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if ((MONEY_AT[i] || i === RATE_AT) && typeof value === "number") values[i] = fenToYuanText(value);
    else if (i === FUNDS_AT && typeof value === "string")
      values[i] = value.replace(/:(\d+)/g, (_, fen: string) => `:${fenToYuanText(Number(fen))}`);
  }
  return values;
}

/** A claim discharged before the same person's previous claim: settling it now would use the wrong accumulators. */
function outOfOrder(
  claim: { id?: unknown; dischargeDate?: unknown },
  previous: PreviousClaim,
  line: number,
): CarekitError {
  const id = String(claim.id ?? "");
  const date = String(claim.dischargeDate);
  return new CarekitError({
    code: "OUT_OF_ORDER",
    message: `claim ${id} (line ${line}) was discharged on ${date}, before this person's previous claim ${previous.claimId} (line ${previous.line}, ${previous.discharge}); sort the claims by discharge date or run with --sort`,
    messageZh: `结算单 ${id}（第 ${line} 行）出院日期 ${date} 早于同一参保人的上一张结算单 ${previous.claimId}（第 ${previous.line} 行，${previous.discharge}）；请按出院日期排序，或加 --sort`,
    issues: [
      {
        path: "dischargeDate",
        message: `before ${previous.claimId} (${previous.discharge})`,
        messageZh: `早于 ${previous.claimId}（${previous.discharge}）`,
      },
    ],
  });
}

const CONTRIBUTION_POLICIES: Readonly<Record<string, ContributionPolicy>> = {
  chongqing: CHONGQING_CONTRIBUTION_POLICY,
  chengdu: CHENGDU_CONTRIBUTION_POLICY,
};

/** What `carekit settle` settles with, on the main thread and in each worker thread. */
export interface SettleRowsInit {
  readonly policies: readonly Policy[];
  readonly catalogues: readonly ItemCatalogue[];
  /** Money in yuan and the rate in percent (`--yuan`). */
  readonly yuan: boolean;
}

/**
 * `carekit settle`'s row processing (按行结算): the fast path from cells to a claim, and settling a row with the
 * person's carried accumulators — the claim rejected as OUT_OF_ORDER when it was discharged before the same person's
 * previous claim. Returns the output row's values in {@link RESULT_COLUMNS} order.
 */
export function settleRows(init: SettleRowsInit): {
  fastRow: (header: HeaderMap) => ((cells: readonly Cell[]) => Record<string, unknown> | undefined) | undefined;
  fastLine: (header: HeaderMap) => ((line: string) => Record<string, unknown> | undefined) | undefined;
  row: (record: Record<string, unknown>, index: number, line: number, prepared: boolean) => unknown[];
} {
  const policies = [...init.policies];
  const catalogues = [...init.catalogues];
  // rows the CLI read on its fast path are valid claims (compileClaimRow checks what ClaimSchema checks), so they
  // take the settler's trusted path; every other row is checked by the settler in full
  const strict = createSettler({ policies, catalogues, trace: false });
  const trusted = createSettler({ policies, catalogues, trace: false, trustInput: true });
  const people = new People();
  return {
    fastRow: (header) =>
      compileClaimRow(header) as ((cells: readonly Cell[]) => Record<string, unknown> | undefined) | undefined,
    // the line reader takes each person's id from the persons table (held once, looked up in place)
    fastLine: (header) =>
      compileClaimLine(header, (line, start, end) => people.idAt(line, start, end)) as
        | ((line: string) => Record<string, unknown> | undefined)
        | undefined,
    row(record, _index, line, prepared) {
      const claim = (prepared ? record : claimFromRecord(record)) as {
        personId?: unknown;
        id?: unknown;
        dischargeDate?: unknown;
      };
      const personId = String(claim.personId ?? "");
      const slot = people.slot(personId);
      const discharge = typeof claim.dischargeDate === "string" ? claim.dischargeDate : "";
      if (slot !== -1 && discharge !== "" && people.isBefore(slot, discharge))
        throw outOfOrder(claim, people.previous(slot), line);
      const { result, accumulators: next } = (prepared ? trusted : strict).settle({
        claim,
        accumulators: slot === -1 ? START_OF_YEAR : people.accumulatorsAt(slot, personId),
      });
      // the settler accepted the claim, so its discharge date is a valid YYYY-MM-DD
      people.set(slot, personId, next, discharge, line, result.claimId);
      const values = [
        result.claimId,
        result.personId,
        result.year,
        result.crossProvince,
        result.totalFen,
        result.fullSelfPayFen,
        result.overLimitSelfPayFen,
        result.preSelfPayFen,
        result.inScopeFen,
        result.deductibleFen,
        result.pooledFundPaidFen,
        result.pooledFundRateBasisPoints,
        furtherFunds(result.furtherFunds),
        result.fundsPaidFen,
        result.coinsuranceFen,
        result.overCapFen,
        result.patientPaysFen,
      ];
      return init.yuan ? inYuan(values) : values;
    },
  };
}

/** The most worker threads `--workers` takes. */
export const MAX_WORKERS = 16;

function workersOption(value: unknown): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    throw new UsageError(
      `--workers must be a whole number from 1 to ${MAX_WORKERS}, got "${String(value)}" · --workers 应为 1 到 ${MAX_WORKERS} 的整数`,
    );
  return n;
}

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
      .requiredOption("-c, --catalogue <file>", "treatment-place catalogues (JSON object or array) · 就医地目录")
      .option(
        "--sort",
        `settle in discharge order whatever the file order (in memory, up to ${SORT_LIMIT.toLocaleString("en-US")} claims) · 按出院日期排序后结算`,
      )
      .option(
        "--yuan",
        "money as yuan with two decimals and rates as percent, for people (default: fen) · 金额以元、比例以百分比输出",
      )
      .option(
        "--workers <n>",
        "settle on n threads, claims split by person, output in input order (a CSV file: each thread reads it and settles its share, this one included; .xlsx and stdin: n worker threads fed by this one; default 1) · 多线程结算",
      ),
  )
    .addHelpText(
      "after",
      `
Amounts: in CSV the columns classA, classB, classC, overPriceCap are yuan (converted exactly to fen); output is fen.
Order: each person's claims must come in discharge order; a claim discharged before the same person's previous one is
rejected as OUT_OF_ORDER (naming both claims). --sort settles in discharge order whatever the file order (the output
then comes in that order too). --yuan writes money in yuan (two decimals) and the rate in percent.
顺序：同一参保人的结算单须按出院日期排列，否则报 OUT_OF_ORDER；--sort 先按出院日期排序再结算。
金额：CSV 中 classA/classB/classC/overPriceCap 以元为单位（精确换算为分），输出以分为单位。

Examples · 示例:
  carekit settle claims.csv --policy policies.json --catalogue catalogue.json -o settled.csv
  carekit settle claims.jsonl -p policies.json -c catalogue.json -f jsonl --errors rejected.csv`,
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const workers = workersOption(opts.workers);
      if (workers > 1 && opts.sort)
        throw new UsageError(
          "--workers cannot be combined with --sort (sorting needs every claim on one thread); sort the file first, or drop --workers · --workers 不能与 --sort 同时使用",
        );
      const init: SettleRowsInit = {
        policies: await readJsonList<Policy>(opts.policy as string, "policy"),
        catalogues: await readJsonList<ItemCatalogue>(opts.catalogue as string, "catalogue"),
        yuan: opts.yuan === true,
      };
      const rows = settleRows(init);
      const summary = await runBatch(batchOptionsFrom(file, opts), {
        spec: CLAIM_TABLE,
        columns: init.yuan ? RESULT_COLUMNS.map(yuanColumn) : RESULT_COLUMNS,
        ...(opts.sort ? { sortBy: dischargeKey, sortLimit: SORT_LIMIT } : {}),
        fastRow: rows.fastRow,
        fastLine: rows.fastLine,
        row: rows.row,
        parallel:
          workers > 1
            ? {
                workers,
                script: new URL("./settle-worker.js", import.meta.url),
                init,
                keyColumn: "personId",
                // on a CSV file this thread settles a share too: --workers 2 is two busy threads
                mainShare: true,
              }
            : undefined,
      });
      setExit(finishBatch(summary, opts.quiet as boolean | undefined));
    });

  settle
    .command("init")
    .description(
      "write a policy and a catalogue to fill in (EXAMPLE values, not official) · 生成待填写的政策与目录示例文件",
    )
    .argument("[dir]", "folder to write policies.example.json and catalogues.example.json into", ".")
    .option("--force", "overwrite existing files · 覆盖已有文件")
    .addHelpText(
      "after",
      `
The files are EXAMPLES: every figure must be replaced with the one in the official document of the insured place and
the treatment place (title, 文号 and date go into "source"). 生成的是示例，所有参数须按参保地、就医地的正式文件填写。

Examples · 示例:
  carekit settle init
  carekit settle claims.csv -p policies.example.json -c catalogues.example.json -o settled.csv`,
    )
    .action(async (dir: string, opts: { force?: boolean }) => {
      const files = {
        "policies.example.json": [CHONGQING_EMPLOYEE_EXAMPLE],
        "catalogues.example.json": [EXAMPLE_CATALOGUE],
      };
      for (const name of Object.keys(files))
        if (!opts.force && existsSync(join(dir, name)))
          throw new UsageError(`${join(dir, name)} exists; use --force to overwrite · 文件已存在`);
      for (const [name, content] of Object.entries(files)) {
        await writeFile(join(dir, name), `${JSON.stringify(content, null, 2)}\n`, "utf8");
        process.stderr.write(
          `wrote ${join(dir, name)} (EXAMPLE — fill in from the official document · 示例，请按正式文件填写)\n`,
        );
      }
      setExit(0);
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
