import type { Cell, Label, ReportLang } from "./model.js";

/** 未提供 / not given: how a missing input is shown (never as 0). */
export const NOT_GIVEN: Label = { zh: "未提供", en: "not given" };

/** The mark on every figure drawn from illustrative inputs (示意数据). */
export const ILLUSTRATIVE: Label = { zh: "示意数据", en: "illustrative" };

/** Format a count or ratio with thousands separators; `null`/`undefined` is "—" (a missing value, never 0). */
export function fmt(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A label with the same text in both languages (a name, a figure). */
export function same(text: string): Label {
  return { zh: text, en: text };
}

/** The text of a label in one language, or both joined (`zh · en`, once when they are the same). */
export function pick(label: Label, lang: ReportLang, joiner = " · "): string {
  if (lang === "zh") return label.zh;
  if (lang === "en") return label.en;
  return label.zh === label.en ? label.zh : `${label.zh}${joiner}${label.en}`;
}

/** A cell's text in one language (a plain string is the same in both). */
export function cellText(cell: Cell, lang: ReportLang, joiner = " "): string {
  return typeof cell === "string" ? cell : pick(cell, lang, joiner);
}

/** Join names, leaving out one that repeats the one before (never "大足区 · 大足区"). */
export function joinDistinct(parts: readonly string[], joiner = " · "): string {
  const out: string[] = [];
  for (const part of parts) if (part !== "" && !out.includes(part)) out.push(part);
  return out.join(joiner);
}
