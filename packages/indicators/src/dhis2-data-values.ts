import { type BatchError, parseInput, runBatch } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import { RegionCodeSchema } from "@carekit/core/regions";
import * as z from "zod";
import { IndicatorCatalogueSchema } from "./catalogue.js";
import { type IndicatorDefinition, IndicatorDefinitionSchema } from "./definition.js";
import { Dhis2DataElementMapSchema, definitionsOf, operandsOf, uidResolver } from "./dhis2.js";
import { DHIS2_UID } from "./dhis2-uid.js";
import { isInputName } from "./expression.js";
import { atBoundary } from "./internal/boundary.js";

/**
 * A DHIS2 period (DHIS2 期间) in DHIS2's ISO notation: a year `2025`, a month `202503` or a quarter `2025Q1`.
 */
export const DHIS2_PERIOD = /^(19[5-9]\d|20\d\d|2100)(0[1-9]|1[0-2]|Q[1-4])?$/;

const PeriodSchema = /* @__PURE__ */ z.string().refine((p) => DHIS2_PERIOD.test(p), {
  error: "must be a DHIS2 period: a year (2025), a month (202503) or a quarter (2025Q1)",
  params: { zh: "必须是 DHIS2 期间：年（2025）、月（202503）或季度（2025Q1）" },
});

/**
 * A region code a DHIS2 org unit stands for: a six-digit GB/T 2260 code of the bundled table (`500111` 大足区), or a
 * nine-digit township (街道/乡镇) code whose first six digits are one.
 */
const RegionSchema = /* @__PURE__ */ z
  .string()
  .refine(
    (code) => (/^\d{6}$/.test(code) || /^\d{9}$/.test(code)) && RegionCodeSchema.safeParse(code.slice(0, 6)).success,
    {
      error: "must be a six-digit GB/T 2260 code of a bundled division, or a nine-digit township code within one",
      params: { zh: "必须是内置的六位行政区划代码，或其下的九位街道/乡镇代码" },
    },
  );

const UidSchema = /* @__PURE__ */ z.string().refine((uid) => DHIS2_UID.test(uid), {
  error: "must be a DHIS2 UID: a letter, then 10 letters or digits",
  params: { zh: "必须是 DHIS2 UID：字母开头的 11 位字母数字" },
});

/**
 * Zod schema of one set of counts for DHIS2 (一个地区的计数): the `region` they were counted in and the count of
 * each input name (`{ nursingBeds: 1200, institutionBeds: 2500 }`), optionally with its own `period`.
 */
export const Dhis2CountsSchema = /* @__PURE__ */ z.strictObject({
  region: RegionSchema,
  period: PeriodSchema.optional(),
  inputs: z.record(
    z.string().refine(isInputName, { error: "must be an input name", params: { zh: "必须是输入名" } }),
    z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  ),
});

/** Counts for one region (and period), see {@link Dhis2CountsSchema}. */
export type Dhis2Counts = z.output<typeof Dhis2CountsSchema>;

/** One DHIS2 data value (数据值) as `/api/dataValueSets` takes it. */
export interface Dhis2DataValue {
  readonly dataElement: string;
  readonly period: string;
  readonly orgUnit: string;
  readonly categoryOptionCombo?: string;
  readonly attributeOptionCombo?: string;
  readonly value: string;
}

const SetupSchema = {
  catalogue: IndicatorCatalogueSchema.optional(),
  definitions: z.array(IndicatorDefinitionSchema).min(1).max(2000).optional(),
  dataElements: Dhis2DataElementMapSchema.optional(),
  uidFor: z.function().optional(),
  orgUnits: z.record(RegionSchema, UidSchema),
};

/**
 * Export counts as a DHIS2 data value set (导出 DHIS2 数据值集) for `POST /api/dataValueSets`: one data value per
 * count, its data element the UID {@link toDhis2Metadata} gives the input (same derivation, same `dataElements` map and
 * `uidFor`), its org unit the caller's UID for the region, its period in DHIS2 notation. A `UID.COC.AOC` operand of the
 * map fills `categoryOptionCombo` and `attributeOptionCombo`. A record that cannot be exported (unknown region, input
 * not used by the definitions, a `UID.*.AOC` operand) is an error with its index; the others go on.
 *
 * @param input.observations - counts per region: `{ region, inputs, period? }`
 * @param input.orgUnits - region code → DHIS2 org-unit UID (from your server)
 * @param input.period - the period of every record without its own (`2025`, `202503`, `2025Q1`)
 * @param input.catalogue - the catalogue (or `definitions`) the metadata was exported from
 * @returns `{ dataValueSet: { dataValues }, errors }`
 * @throws {CarekitError} `INVALID_INPUT` for a bad period, org-unit map, catalogue or operand map
 * @see DHIS2 Developer Manual, "Data values" — "Sending bulks of data values" (`/api/dataValueSets`) and "Date and
 *   period format"
 * @example
 * ```ts
 * import { catalogues, dhis2Uid, toDhis2DataValueSet } from "@carekit/indicators";
 *
 * // 大足区 (GB/T 2260 code 500111, org unit Dz5mCGd8Lmb on the DHIS2 server): 1727 托位
 * toDhis2DataValueSet({
 *   catalogue: catalogues.yilaoYixiao,
 *   orgUnits: { "500111": "Dz5mCGd8Lmb" },
 *   period: "2022",
 *   observations: [{ region: "500111", inputs: { slots: 1727 } }],
 * }).dataValueSet.dataValues[0];
 * // → { dataElement: dhis2Uid("dataElement:slots"), period: "2022", orgUnit: "Dz5mCGd8Lmb", value: "1727" }
 * ```
 */
export function toDhis2DataValueSet(input: {
  readonly observations: Iterable<Dhis2Counts>;
  readonly orgUnits: Readonly<Record<string, string>>;
  readonly period: string;
  readonly catalogue?: z.input<typeof IndicatorCatalogueSchema>;
  readonly definitions?: readonly IndicatorDefinition[];
  readonly dataElements?: Readonly<Record<string, string>>;
  readonly uidFor?: (key: string) => string;
}): {
  readonly dataValueSet: { readonly dataValues: readonly Dhis2DataValue[] };
  readonly errors: readonly BatchError[];
} {
  try {
    const parsed = parseInput(
      z.strictObject({ ...SetupSchema, period: PeriodSchema, observations: z.unknown() }),
      input,
      { label: { en: "DHIS2 data values", zh: "DHIS2 数据值" } },
    );
    const operands = operandsOf(definitionsOf(parsed), parsed.dataElements, uidResolver(parsed.uidFor));
    const observations = parsed.observations;
    if (typeof observations !== "object" || observations === null || !(Symbol.iterator in observations)) {
      throw fieldError("INVALID_INPUT", "observations", "must be an iterable", "必须是数组或可迭代对象");
    }
    const { results, errors } = runBatch(observations as Iterable<unknown>, (raw, index) => {
      const record = parseInput(Dhis2CountsSchema, raw, { path: ["observations", index] });
      const orgUnit = Object.hasOwn(parsed.orgUnits, record.region) ? parsed.orgUnits[record.region] : undefined;
      if (orgUnit === undefined) {
        throw fieldError(
          "UNKNOWN_REGION",
          `observations[${index}].region`,
          `region ${record.region} has no org unit in orgUnits`,
          `地区 ${record.region} 在 orgUnits 中没有对应的组织机构`,
        );
      }
      return Object.entries(record.inputs).map(([name, value]): Dhis2DataValue => {
        const operand = operands.get(name)?.operand;
        if (operand === undefined) {
          throw fieldError(
            "INVALID_INPUT",
            `observations[${index}].inputs.${name}`,
            `${name} is not an input of the exported indicators`,
            `${name} 不是所导出指标的输入`,
          );
        }
        const [dataElement = "", coc, aoc] = operand.split(".");
        if (coc === "*" || aoc === "*") {
          throw fieldError(
            "INVALID_INPUT",
            `dataElements.${name}`,
            `${operand}: a data value needs one category and attribute option combo, not *`,
            `${operand}：数据值必须指定一个类别选项组合，不能用 *`,
          );
        }
        return {
          dataElement,
          period: record.period ?? parsed.period,
          orgUnit,
          ...(coc !== undefined ? { categoryOptionCombo: coc } : {}),
          ...(aoc !== undefined ? { attributeOptionCombo: aoc } : {}),
          value: String(value),
        };
      });
    });
    return { dataValueSet: { dataValues: results.flat() }, errors };
  } catch (error) {
    throw atBoundary(error, { en: "DHIS2 data values", zh: "DHIS2 数据值" });
  }
}

const DataValueSchema = /* @__PURE__ */ z.looseObject({
  dataElement: UidSchema,
  period: PeriodSchema,
  orgUnit: UidSchema,
  categoryOptionCombo: UidSchema.optional(),
  attributeOptionCombo: UidSchema.optional(),
  value: z.string().refine((v) => /^\d{1,16}$/.test(v), {
    error: "must be a non-negative integer",
    params: { zh: "必须是非负整数" },
  }),
});

/** Counts read back from DHIS2, with the positions of the data values they came from. */
export type Dhis2CountsRead = Dhis2Counts & { readonly period: string; readonly indices: readonly number[] };

/**
 * Read a DHIS2 data value set back into counts per region and period (读取 DHIS2 数据值集): each data value's data
 * element named by the input it was exported for, its org unit by the region `orgUnits` maps to it. Values of one org
 * unit and period come together in one record. A data value that cannot be read (unknown data element or org unit, a
 * value that is not a non-negative integer, a second value for one input) is an error with its index:
 * `values read = Σ indices + errors`.
 *
 * @returns `{ observations, errors }`
 * @throws {CarekitError} `INVALID_INPUT` for a malformed set, org-unit map or catalogue
 * @see DHIS2 Developer Manual, "Data values" (`GET /api/dataValueSets`)
 * @example
 * ```ts
 * import { catalogues, fromDhis2DataValueSet, toDhis2DataValueSet } from "@carekit/indicators";
 *
 * // 大足区 (GB/T 2260 code 500111, org unit Dz5mCGd8Lmb on the DHIS2 server): 1727 托位, there and back
 * const catalogue = catalogues.yilaoYixiao;
 * const orgUnits = { "500111": "Dz5mCGd8Lmb" };
 * const observations = [{ region: "500111", inputs: { slots: 1727 } }];
 * const exported = toDhis2DataValueSet({ catalogue, orgUnits, period: "2022", observations });
 * fromDhis2DataValueSet({ catalogue, orgUnits, dataValueSet: exported.dataValueSet }).observations;
 * // → [{ region: "500111", period: "2022", inputs: { slots: 1727 }, indices: [0] }]
 * ```
 */
export function fromDhis2DataValueSet(input: {
  readonly dataValueSet: unknown;
  readonly orgUnits: Readonly<Record<string, string>>;
  readonly catalogue?: z.input<typeof IndicatorCatalogueSchema>;
  readonly definitions?: readonly IndicatorDefinition[];
  readonly dataElements?: Readonly<Record<string, string>>;
  readonly uidFor?: (key: string) => string;
}): { readonly observations: readonly Dhis2CountsRead[]; readonly errors: readonly BatchError[] } {
  try {
    const parsed = parseInput(
      z.strictObject({
        ...SetupSchema,
        dataValueSet: z.looseObject({ dataValues: z.array(z.unknown()).max(10_000_000) }),
      }),
      input,
      { label: { en: "DHIS2 data values", zh: "DHIS2 数据值" } },
    );
    const operands = operandsOf(definitionsOf(parsed), parsed.dataElements, uidResolver(parsed.uidFor));
    const inputOf = new Map([...operands].map(([name, { operand }]) => [operand, name]));
    const regionOf = new Map(Object.entries(parsed.orgUnits).map(([region, uid]) => [uid, region]));
    const groups = new Map<
      string,
      { region: string; period: string; inputs: Record<string, number>; indices: number[] }
    >();
    const { errors } = runBatch(parsed.dataValueSet.dataValues, (raw, index) => {
      const value = parseInput(DataValueSchema, raw, { path: ["dataValueSet", "dataValues", index] });
      const operand = [value.dataElement, value.categoryOptionCombo, value.attributeOptionCombo]
        .filter((part) => part !== undefined)
        .join(".");
      const name = inputOf.get(operand) ?? inputOf.get(value.dataElement);
      const at = `dataValueSet.dataValues[${index}]`;
      if (name === undefined) {
        throw fieldError(
          "INVALID_INPUT",
          `${at}.dataElement`,
          `${operand} is not a data element of the catalogue`,
          `${operand} 不是该目录的数据元`,
        );
      }
      const region = regionOf.get(value.orgUnit);
      if (region === undefined) {
        throw fieldError(
          "UNKNOWN_REGION",
          `${at}.orgUnit`,
          `org unit ${value.orgUnit} is not in orgUnits`,
          `组织机构 ${value.orgUnit} 不在 orgUnits 中`,
        );
      }
      const count = Number(value.value);
      if (!Number.isSafeInteger(count)) {
        throw fieldError("OUT_OF_RANGE", `${at}.value`, "is beyond safe integers", "超出安全整数范围");
      }
      const key = `${region}|${value.period}`;
      let group = groups.get(key);
      if (!group) {
        group = { region, period: value.period, inputs: {}, indices: [] };
        groups.set(key, group);
      }
      if (Object.hasOwn(group.inputs, name)) {
        throw fieldError(
          "INVALID_INPUT",
          at,
          `a second value for ${name} in ${region} ${value.period}`,
          `${region} ${value.period} 的 ${name} 出现第二个值`,
        );
      }
      group.inputs[name] = count;
      group.indices.push(index);
    });
    return { observations: [...groups.values()], errors };
  } catch (error) {
    throw atBoundary(error, { en: "DHIS2 data values", zh: "DHIS2 数据值" });
  }
}
