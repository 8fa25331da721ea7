import { describeValue } from "./describe.js";
import { fieldError } from "./error.js";
import { readFields } from "./read.js";
import type { Label } from "./source.js";

/** A value shown in a trace step: a number, text, a yes/no decision or nothing (`null`). */
export type TraceValue = number | string | boolean | null;

/**
 * The document a trace step's rule or figure comes from (出处), as a reader can look it up: its title, its document
 * number (文号, `null` when it has none) and, where the step comes from a data module, that module's `id` and
 * `version`.
 */
export interface TraceSource {
  readonly title: string;
  readonly number: string | null;
  readonly url?: string;
  readonly id?: string;
  readonly version?: string;
}

/**
 * One step of the explanation (计算过程) that every carekit result can carry — the one shape used by every package,
 * so that one renderer ({@link formatTrace}) explains a capacity gap, a referral decision and a settlement alike.
 *
 * - `step`: a stable id (`requiredSlots`, `deductible`, `rule`, …) that apps can switch on;
 * - `label`: what the step is, in Chinese and English;
 * - `rule`: the formula written with the input names (`ceil(population × targetPer1000 ÷ 1000)`) or the rule
 *   applied (a rule id, or a path into a policy such as `inpatient.inService.level3`);
 * - `inputs` and `result`: the values the rule was evaluated with and what it gave;
 * - `amountFen` / `basisPoints`: the money amount (integer fen) and rate (basis points) of the step, where it has them;
 * - `source`: the document the rule or figure comes from, `null` when the caller supplied the value.
 *
 * A package adds its own typed fields through `Extra` (settlement: where the rule came from; referral: the rule id),
 * never by changing these.
 */
export type TraceStep<Extra extends object = Record<never, never>> = {
  readonly step: string;
  readonly label: Label;
  readonly rule: string;
  readonly inputs: Readonly<Record<string, TraceValue>>;
  readonly result: TraceValue;
  readonly amountFen?: number;
  readonly basisPoints?: number;
  readonly source: TraceSource | null;
} & Readonly<Extra>;

/** Options of {@link formatTrace}. */
export interface FormatTraceOptions {
  /** The language of the labels and the money format: `zh` (default) or `en`. */
  readonly lang?: "zh" | "en";
}

function fen(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}¥${yuan.toLocaleString("en-US")}.${cents < 10 ? "0" : ""}${cents}`;
}

function percent(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = basisPoints % 100;
  if (rest === 0) return `${whole}%`;
  const decimals = rest % 10 === 0 ? String(rest / 10) : `${rest < 10 ? "0" : ""}${rest}`;
  return `${whole}.${decimals}%`;
}

function value(v: TraceValue, lang: "zh" | "en"): string {
  if (v === null) return lang === "zh" ? "无" : "none";
  if (typeof v === "boolean") return lang === "zh" ? (v ? "是" : "否") : v ? "yes" : "no";
  return String(v);
}

function cite(source: TraceSource): string {
  return source.number === null ? source.title : `${source.title}（${source.number}）`;
}

const STEP_KEYS = ["step", "label", "rule", "inputs", "result", "amountFen", "basisPoints", "source"] as const;

function isTraceValue(v: unknown): v is TraceValue {
  return v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
}

function bad(path: string, what: string, whatZh: string, got: unknown): never {
  throw fieldError(
    "INVALID_INPUT",
    path,
    `must be ${what}, got ${describeValue(got)}`,
    `必须是${whatZh}，实际为 ${describeValue(got, "zh")}`,
  );
}

/** Read one step defensively: a trace may come from JSON or another copy of carekit. */
function readStep(raw: unknown, at: string): TraceStep {
  const s = readFields(raw, STEP_KEYS, at);
  if (typeof s.step !== "string") bad(`${at}.step`, "a string", "字符串", s.step);
  const label = readFields(s.label, ["zh", "en"], `${at}.label`);
  if (typeof label.zh !== "string" || typeof label.en !== "string") {
    bad(`${at}.label`, "{ zh, en } strings", " { zh, en } 字符串", s.label);
  }
  if (typeof s.rule !== "string") bad(`${at}.rule`, "a string", "字符串", s.rule);
  if (typeof s.inputs !== "object" || s.inputs === null) bad(`${at}.inputs`, "an object", "对象", s.inputs);
  let entries: [string, unknown][];
  try {
    entries = Object.entries(s.inputs);
  } catch {
    bad(`${at}.inputs`, "a readable object", "可读取的对象", s.inputs);
  }
  const inputs: Record<string, TraceValue> = {};
  for (const [key, v] of entries) {
    if (!isTraceValue(v))
      bad(`${at}.inputs.${key}`, "a number, string, boolean or null", "数值、字符串、布尔值或 null", v);
    inputs[key] = v;
  }
  if (!isTraceValue(s.result))
    bad(`${at}.result`, "a number, string, boolean or null", "数值、字符串、布尔值或 null", s.result);
  if (s.amountFen !== undefined && !Number.isSafeInteger(s.amountFen)) {
    bad(`${at}.amountFen`, "a safe integer", "安全整数", s.amountFen);
  }
  if (s.basisPoints !== undefined && !Number.isSafeInteger(s.basisPoints)) {
    bad(`${at}.basisPoints`, "a safe integer", "安全整数", s.basisPoints);
  }
  let source: TraceSource | null = null;
  if (s.source !== null) {
    const src = readFields(s.source, ["title", "number"], `${at}.source`);
    if (typeof src.title !== "string") bad(`${at}.source.title`, "a string", "字符串", src.title);
    if (src.number !== null && typeof src.number !== "string") {
      bad(`${at}.source.number`, "a string or null", "字符串或 null", src.number);
    }
    source = { title: src.title, number: src.number };
  }
  return {
    step: s.step,
    label: { zh: label.zh as string, en: label.en as string },
    rule: s.rule,
    inputs,
    result: s.result,
    ...(s.amountFen === undefined ? {} : { amountFen: s.amountFen as number }),
    ...(s.basisPoints === undefined ? {} : { basisPoints: s.basisPoints as number }),
    source,
  };
}

/**
 * Render any carekit trace as text (计算过程文本), one numbered line per step: the label in the chosen language,
 * the rule with its inputs, the result, the amount and rate where the step has them, and the source document.
 *
 * @param trace - the `trace` of any carekit result
 * @param options - `{ lang: "zh" | "en" }`, Chinese by default
 * @returns the lines joined with `\n` (empty for an empty trace)
 * @example
 * ```ts
 * formatTrace(
 *   [{ step: "requiredSlots", label: { zh: "所需托位", en: "required slots" }, rule: "ceil(population × 4.5 ÷ 1000)",
 *      inputs: { population: 870000 }, result: 3915, source: null }],
 *   { lang: "en" },
 * );
 * // → "1. required slots: ceil(population × 4.5 ÷ 1000) [population = 870000] = 3915"
 * ```
 */
export function formatTrace(trace: readonly TraceStep[], options: FormatTraceOptions = {}): string {
  if (!Array.isArray(trace)) bad("trace", "an array of trace steps", "计算步骤数组", trace);
  const { lang: chosen } = options === undefined ? { lang: undefined } : readFields(options, ["lang"], "options");
  const lang = chosen === "en" ? "en" : "zh";
  const lines: string[] = [];
  for (let i = 0; i < trace.length; i++) {
    const step = readStep(trace[i], `trace[${i}]`);
    const parts = [`${i + 1}. ${lang === "zh" ? step.label.zh : step.label.en}: ${step.rule}`];
    const inputs = Object.entries(step.inputs);
    if (inputs.length > 0) parts.push(`[${inputs.map(([k, v]) => `${k} = ${value(v, lang)}`).join(", ")}]`);
    parts.push(`= ${value(step.result, lang)}`);
    if (step.amountFen !== undefined) parts.push(fen(step.amountFen));
    if (step.basisPoints !== undefined) parts.push(`(${percent(step.basisPoints)})`);
    if (step.source !== null) parts.push(lang === "zh" ? `——${cite(step.source)}` : `— ${cite(step.source)}`);
    lines.push(parts.join(" "));
  }
  return lines.join("\n");
}
