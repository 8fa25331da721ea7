/**
 * The columns of a decision table (决策表的列): the outcome columns a grid or a JDM file may carry, their header names
 * in English and Chinese, and how one outcome cell is read (`上转` or `refer_up`, `村卫生室` or `village_clinic`).
 */
import { parseInput } from "@carekit/core";
import * as z from "zod";
import { ACTION_LABEL } from "../engine.js";
import {
  ACTIONS,
  type Action,
  FACILITY_LEVELS,
  type FacilityLevel,
  FactNameSchema,
  type FactSpec,
  FactSpecSchema,
  URGENCIES,
  type Urgency,
} from "../model.js";
import type { TableRow } from "./model.js";
import { UnaryError } from "./unary.js";

/** Outcome and rule columns of a table, by the key they fill. */
export const OUTPUT_KEYS = [
  "id",
  "levels",
  "overriddenBy",
  "action",
  "targetLevel",
  "urgency",
  "followUpDays",
  "reason.zh",
  "reason.en",
  "source.title",
  "source.number",
  "source.url",
  "source.confidence",
  "source.note",
] as const;

/** One of {@link OUTPUT_KEYS}. */
export type OutputKey = (typeof OUTPUT_KEYS)[number];

/** The header names of each output column; the first Chinese one is written by `tableToGrid({ headers: "zh" })`. */
export const OUTPUT_HEADERS: Readonly<Record<OutputKey, readonly string[]>> = {
  id: ["id", "ruleId", "rule", "规则编号", "规则", "编号"],
  levels: ["levels", "适用层级", "层级"],
  overriddenBy: ["overriddenBy", "让位于"],
  action: ["action", "处置", "转诊处置"],
  targetLevel: ["targetLevel", "目标层级", "转往"],
  urgency: ["urgency", "紧急程度"],
  followUpDays: ["followUpDays", "随访天数"],
  "reason.zh": ["reason.zh", "reasonZh", "理由", "转诊理由", "理由（中文）"],
  "reason.en": ["reason.en", "reasonEn", "reason", "理由（英文）", "英文理由"],
  "source.title": ["source.title", "出处"],
  "source.number": ["source.number", "文号"],
  "source.url": ["source.url", "链接", "网址"],
  "source.confidence": ["source.confidence", "可信度"],
  "source.note": ["source.note", "出处说明"],
};

const LEVEL_LABEL: Readonly<Record<FacilityLevel, string>> = {
  village_clinic: "村卫生室",
  township_health_center: "乡镇卫生院",
  community_health_center: "社区卫生服务中心",
  county_hospital: "县级医院",
  tertiary_hospital: "三级医院",
};

const URGENCY_LABEL: Readonly<Record<Urgency, string>> = { routine: "常规", urgent: "紧急", emergency: "急诊" };

/** A header as compared: trimmed, lower case, without spaces, `_` and `-`. */
export function normaliseHeader(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, "");
}

/** A fact's Chinese label without a trailing explanation in brackets: `就诊类型（初诊/随访）` → `就诊类型`. */
function shortLabel(zh: string): string {
  return zh.replace(/[（(].*[)）]\s*$/u, "").trim();
}

/**
 * 事实列名 — the headers a fact's column may have in a table a person writes (a decision table, a patients file): its
 * name, its Chinese label (also without a bracketed explanation), its English label. Compare headers trimmed, in lower
 * case and without spaces, `_` and `-`.
 *
 * @param name - the fact's name in the rule set
 * @param spec - its declaration
 * @returns the accepted headers, the name first
 * @example
 * ```ts
 * factHeaders("visit", { type: "string", label: { zh: "就诊类型（初诊/随访）", en: "visit type" } });
 * // → ["visit", "就诊类型（初诊/随访）", "就诊类型", "visit type"]
 * ```
 */
export function factHeaders(name: string, spec: FactSpec): string[] {
  const checked = parseInput(FactHeadersInputSchema, { name, spec }, { label: { en: "fact", zh: "事实" } });
  return headersOf(checked.name, checked.spec as FactSpec);
}

const FactHeadersInputSchema = /* @__PURE__ */ (() => z.strictObject({ name: FactNameSchema, spec: FactSpecSchema }))();

/** {@link factHeaders} for a declaration already validated (a compiled rule set's, a table's). */
export function headersOf(name: string, spec: FactSpec): string[] {
  const label = spec.label;
  return [name, ...(label === undefined ? [] : [label.zh, shortLabel(label.zh), label.en])].filter((h) => h !== "");
}

/** The output column a header names, or `undefined`. */
export function outputKeyOf(header: string): OutputKey | undefined {
  const wanted = normaliseHeader(header);
  return OUTPUT_KEYS.find((key) => OUTPUT_HEADERS[key].some((name) => normaliseHeader(name) === wanted));
}

/** The Chinese header of an output column (`处置`, `理由（英文）`). */
export function outputHeaderZh(key: OutputKey): string {
  return OUTPUT_HEADERS[key].find((name) => /\p{Script=Han}/u.test(name)) ?? key;
}

function pick<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
  text: string,
  what: string,
  whatZh: string,
  extra?: Readonly<Record<T, { zh: string; en: string }>>,
): T {
  const wanted = normaliseHeader(text);
  const found = values.find(
    (v) =>
      normaliseHeader(v) === wanted ||
      labels[v] === text.trim() ||
      (extra !== undefined && (extra[v].zh === text.trim() || normaliseHeader(extra[v].en) === wanted)),
  );
  if (found !== undefined) return found;
  throw new UnaryError(
    `${JSON.stringify(text)} is not ${what}; allowed: ${values.join(", ")}`,
    `${JSON.stringify(text)} 不是有效的${whatZh}；允许：${values.map((v) => `${v}（${extra?.[v].zh ?? labels[v]}）`).join("、")}`,
  );
}

/** The items of a list cell (`village_clinic, 乡镇卫生院`), quotes removed. */
function items(text: string): string[] {
  return text
    .split(/[,，;；、|\s]+/u)
    .map((item) => item.replace(/^["“]|["”]$/gu, "").trim())
    .filter((item) => item !== "");
}

/**
 * Read one output cell (a non-empty text) into the value its key takes.
 *
 * @throws {UnaryError} for a value outside the allowed ones
 */
export function readOutput(key: OutputKey, text: string): unknown {
  switch (key) {
    case "action":
      return pick<Action>(
        ACTIONS,
        { emergency_transfer: "急诊转诊", refer_up: "上转", refer_down: "下转", manage_locally: "基层管理" },
        text,
        "an action",
        "处置",
        ACTION_LABEL,
      );
    case "targetLevel":
      return pick<FacilityLevel>(FACILITY_LEVELS, LEVEL_LABEL, text, "a facility level", "机构层级");
    case "levels":
      return items(text).map((item) =>
        pick<FacilityLevel>(FACILITY_LEVELS, LEVEL_LABEL, item, "a facility level", "机构层级"),
      );
    case "urgency":
      return pick<Urgency>(URGENCIES, URGENCY_LABEL, text, "an urgency", "紧急程度");
    case "followUpDays": {
      const days = Number(text.trim().replaceAll("_", ""));
      if (!Number.isSafeInteger(days) || days < 0 || days > 3660) {
        throw new UnaryError(
          `${JSON.stringify(text)} is not a whole number of days from 0 to 3660`,
          `${JSON.stringify(text)} 不是 0–3660 之间的整数天数`,
        );
      }
      return days;
    }
    case "overriddenBy":
      return items(text);
    default:
      return text.trim();
  }
}

/** The text of an output value as a grid writes it (levels and ids joined by `, `). */
export function writeOutput(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

/** The `source.*` outcome columns of a row (出处: title, 文号, URL, confidence, note), as the row's `source`. */
export function outputSource(out: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const source: Record<string, unknown> = {};
  for (const key of ["title", "number", "url", "confidence", "note"] as const) {
    if (out[`source.${key}`] !== undefined) source[key] = out[`source.${key}`];
  }
  return source;
}

/**
 * A decision-table row from its id, its fact cells and its outcome columns as {@link readOutput} read them — the one
 * assembly of a spreadsheet grid's row and a JDM rule's.
 */
export function outputRow(
  id: string | undefined,
  cells: TableRow["cells"],
  out: Readonly<Record<string, unknown>>,
  source: Readonly<Record<string, unknown>>,
): TableRow {
  return {
    ...(id === undefined ? {} : { id }),
    cells,
    ...(out.levels === undefined ? {} : { levels: out.levels as TableRow["levels"] }),
    then: {
      action: out.action as TableRow["then"]["action"],
      ...(out.targetLevel === undefined ? {} : { targetLevel: out.targetLevel as TableRow["then"]["targetLevel"] }),
      ...(out.urgency === undefined ? {} : { urgency: out.urgency as TableRow["then"]["urgency"] }),
      ...(out.followUpDays === undefined ? {} : { followUpDays: out.followUpDays as number }),
      reason: { zh: out["reason.zh"] as string, en: out["reason.en"] as string },
    },
    ...(out.overriddenBy === undefined ? {} : { overriddenBy: out.overriddenBy as string[] }),
    ...(Object.keys(source).length === 0 ? {} : { source: source as TableRow["source"] }),
  };
}
