import { assertSafeJson } from "../json.js";
import { type FactSpecs, LIMITS } from "../model.js";
import { asCompileError } from "../validate.js";
import { type OutputKey, outputKeyOf, outputRow, outputSource, readOutput } from "./columns.js";
import { type CellPlace, checkTable, convertTable, placeError } from "./convert.js";
import type { TableMeta } from "./grid.js";
import { inferFacts } from "./infer.js";
import type { DecisionTable, TableRow } from "./model.js";
import { UnaryError } from "./unary.js";

/** Input of {@link tableFromJdm}. */
export interface JdmInput {
  /** The JDM document (`JSON.parse` of a GoRules ZEN `.json` file). */
  readonly jdm: unknown;
  /** Which decision-table node to read, by name or id, when the graph has more than one. */
  readonly node?: string;
  /** The rule set's fact declarations (`inputs[].field` names them); default: read off the cells, all optional. */
  readonly facts?: FactSpecs;
  /** The rule set's metadata; `id` defaults to the node's name when it is a valid id, `source` to the node. */
  readonly meta: Omit<TableMeta, "id"> & { readonly id?: string };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function fail(code: string, path: string, en: string, zh: string): never {
  throw placeError(
    code,
    { path, en: path === "" ? "the JDM file" : path, zh: path === "" ? "JDM 文件" : path },
    en,
    zh,
  );
}

const GRAPH_NODES = new Set(["inputNode", "outputNode"]);

/**
 * Import a GoRules ZEN decision (JDM, `application/vnd.gorules.decision`) whose node is a decision table (导入
 * GoRules ZEN 决策表): `inputs[].field` name facts, `outputs[].field` fill the outcome (`action`, `targetLevel`,
 * `urgency`, `followUpDays`, `reason.zh`, `reason.en`, `id`, `levels`, `source.title` …), each rule's cells are
 * unary tests of the subset ZEN and carekit read alike: comparisons (`>= 1_000`), ranges (`[500..1_000)`), lists
 * (`"GB", "IE"`), `true`/`false`, `null`, `!= x`, `not in [...]`, empty = any. Hit policies `first` and `collect`.
 * The rule id is the `id` output when there is one, else the row's `_id`.
 *
 * @param input - the JDM document, the node to read, fact declarations (optional) and metadata
 * @returns the checked decision table
 * @throws {CarekitError} `TABLE_UNSUPPORTED` naming the node (an expression, function or switch node), or the rule
 *   (`_id` and index) and column of a cell outside the subset (`contains($, "a")`, `some(...)`), or an input whose
 *   `field` is an expression (`sum(map(...))`); `RULE_COMPILE` for a malformed file or cell
 * @example
 * ```ts
 * import { compileRuleSet, tableFromJdm, tableToRuleSet } from "@carekit/referral";
 *
 * const jdm = { contentType: "application/vnd.gorules.decision", edges: [],
 *   nodes: [{ id: "t1", type: "decisionTableNode", name: "bp", content: { hitPolicy: "first",
 *     inputs: [{ id: "i1", name: "SBP", field: "sbp" }],
 *     outputs: [{ id: "o1", name: "Action", field: "action" }, { id: "o2", name: "Why", field: "reason.zh" },
 *       { id: "o3", name: "Why (en)", field: "reason.en" }],
 *     rules: [{ _id: "very-high", i1: ">= 180", o1: '"refer_up"', o2: '"收缩压≥180"', o3: '"SBP ≥ 180"' }] } }] };
 * const table = tableFromJdm({ jdm, meta: { effectiveFrom: "2024-01-01" } });
 * table.facts; // → { sbp: { type: "number", required: false } }
 * compileRuleSet(tableToRuleSet(table)).evaluate({ facts: { sbp: 181 }, at: "2024-06-01", level: "village_clinic" }).action;
 * // → "refer_up"
 * ```
 */
export function tableFromJdm(input: JdmInput): DecisionTable {
  try {
    return readJdm(input);
  } catch (error) {
    throw asCompileError(error);
  }
}

function readJdm(input: JdmInput): DecisionTable {
  const { jdm, meta } = input;
  assertSafeJson(jdm, { depth: LIMITS.jsonDepth, nodes: 500_000 }, "RULE_COMPILE");
  if (!isObject(jdm) || !Array.isArray(jdm.nodes))
    fail("RULE_COMPILE", "nodes", "a JDM file has a nodes array", "JDM 文件须有 nodes 数组");
  if (jdm.contentType !== undefined && jdm.contentType !== "application/vnd.gorules.decision") {
    fail(
      "RULE_COMPILE",
      "contentType",
      `contentType ${JSON.stringify(jdm.contentType)} is not application/vnd.gorules.decision`,
      "contentType 不是 application/vnd.gorules.decision",
    );
  }
  const nodes = jdm.nodes as unknown[];
  const tables: { node: Json; index: number }[] = [];
  nodes.forEach((node, index) => {
    const path = `nodes[${index}]`;
    if (!isObject(node) || typeof node.type !== "string")
      fail("RULE_COMPILE", path, "a node has a type", "节点须有 type");
    if (node.type === "decisionTableNode") tables.push({ node, index });
    else if (!GRAPH_NODES.has(node.type)) {
      fail(
        "TABLE_UNSUPPORTED",
        path,
        `node ${JSON.stringify(node.name ?? node.id)} is a ${node.type}; only decision tables (decisionTableNode) are imported`,
        `节点 "${String(node.name ?? node.id)}" 是 ${node.type}，只能导入决策表节点（decisionTableNode）`,
      );
    }
  });
  const wanted =
    input.node === undefined ? tables : tables.filter(({ node }) => node.name === input.node || node.id === input.node);
  if (wanted.length !== 1) {
    const names = tables.map(({ node }) => JSON.stringify(node.name ?? node.id)).join(", ") || "none";
    fail(
      "RULE_COMPILE",
      "nodes",
      `expected one decision table${input.node === undefined ? "" : ` named ${JSON.stringify(input.node)}`}; the file has ${names}`,
      `应有且只有一个${input.node === undefined ? "" : `名为 "${input.node}" 的`}决策表节点；文件中有：${names}`,
    );
  }
  const { node, index } = wanted[0] as { node: Json; index: number };
  const base = `nodes[${index}].content`;
  const name = typeof node.name === "string" ? node.name : String(node.id);
  const content = node.content;
  if (!isObject(content)) fail("RULE_COMPILE", base, "a decision table node has content", "决策表节点须有 content");
  const hitPolicy = content.hitPolicy;
  if (hitPolicy !== "first" && hitPolicy !== "collect") {
    fail(
      "TABLE_UNSUPPORTED",
      `${base}.hitPolicy`,
      `hit policy ${JSON.stringify(hitPolicy)}; carekit reads first and collect`,
      `命中策略 ${JSON.stringify(hitPolicy)} 不受支持（仅 first、collect）`,
    );
  }
  const columnsOf = (key: "inputs" | "outputs"): Json[] => {
    const list = content[key];
    if (!Array.isArray(list))
      fail("RULE_COMPILE", `${base}.${key}`, `the table has an ${key} array`, `决策表须有 ${key} 数组`);
    return list.map((column, i) => {
      if (!isObject(column) || typeof column.id !== "string")
        fail("RULE_COMPILE", `${base}.${key}[${i}]`, "a column has an id", "列须有 id");
      return column;
    });
  };
  const inputs = columnsOf("inputs");
  const outputs = columnsOf("outputs");
  const columnName = (column: Json) => JSON.stringify(column.name ?? column.field ?? column.id);
  const facts = inputs.map((column, i) => {
    const field = column.field;
    if (typeof field !== "string" || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(field)) {
      fail(
        "TABLE_UNSUPPORTED",
        `${base}.inputs[${i}].field`,
        `input column ${columnName(column)} reads ${JSON.stringify(field ?? null)}; carekit reads a fact name, not an expression or a nested path`,
        `输入列 ${columnName(column)} 的 field 为 ${JSON.stringify(field ?? null)}；只能是事实名，不能是表达式或嵌套路径`,
      );
    }
    if (input.facts !== undefined && !Object.hasOwn(input.facts, field)) {
      fail(
        "RULE_COMPILE",
        `${base}.inputs[${i}].field`,
        `input column ${columnName(column)}: unknown fact "${field}"`,
        `输入列 ${columnName(column)}：未声明的事实 "${field}"`,
      );
    }
    return field;
  });
  const outputKeys = outputs.map((column, i): OutputKey => {
    const key = typeof column.field === "string" ? outputKeyOf(column.field) : undefined;
    if (key === undefined) {
      fail(
        "TABLE_UNSUPPORTED",
        `${base}.outputs[${i}].field`,
        `output column ${columnName(column)} writes ${JSON.stringify(column.field ?? null)}; carekit reads action, targetLevel, urgency, followUpDays, reason.zh, reason.en, id, levels, overriddenBy, source.*`,
        `输出列 ${columnName(column)} 的 field ${JSON.stringify(column.field ?? null)} 不受支持`,
      );
    }
    return key;
  });
  const rules = content.rules;
  if (!Array.isArray(rules) || rules.length === 0)
    fail("RULE_COMPILE", `${base}.rules`, "the table has no rules", "决策表没有规则行");

  const place = (r: number, column: Json | null, key: "inputs" | "outputs"): CellPlace => {
    const rule = rules[r] as Json;
    const id = typeof rule._id === "string" ? rule._id : "?";
    return {
      path: `${base}.rules[${r}]${column === null ? "" : `[${JSON.stringify(column.id)}]`}`,
      en: `table ${JSON.stringify(name)}, rule ${r} (_id ${id})${column === null ? "" : `, ${key === "inputs" ? "input" : "output"} column ${columnName(column)}`}`,
      zh: `决策表 "${name}" 第 ${r} 条规则（_id ${id}）${column === null ? "" : `，${key === "inputs" ? "输入" : "输出"}列 ${columnName(column)}`}`,
    };
  };
  const cellOf = (rule: Json, column: Json, r: number, key: "inputs" | "outputs"): string => {
    const cell = rule[column.id as string];
    if (cell === undefined || cell === null) return "";
    if (typeof cell !== "string")
      throw placeError("RULE_COMPILE", place(r, column, key), "a cell is a string", "单元格须为字符串");
    return cell;
  };
  const rows = rules.map((rule, r): TableRow => {
    if (!isObject(rule))
      throw placeError(
        "RULE_COMPILE",
        { path: `${base}.rules[${r}]`, en: `rule ${r}`, zh: `第 ${r} 条规则` },
        "a rule is an object",
        "规则须为对象",
      );
    const out: Record<string, unknown> = {};
    outputs.forEach((column, c) => {
      const text = cellOf(rule, column, r, "outputs").trim();
      if (text === "") return;
      const key = outputKeys[c] as OutputKey;
      // an output cell is an expression: a quoted string or a number, nothing computed
      let value: string;
      if (/^"(?:[^"\\]|\\.)*"$/.test(text)) value = JSON.parse(text) as string;
      else if (/^-?\d(?:_?\d)*(?:\.\d+)?$/.test(text)) value = text.replaceAll("_", "");
      else
        throw placeError(
          "TABLE_UNSUPPORTED",
          place(r, column, "outputs"),
          `${JSON.stringify(text)} is an expression; an output is a quoted string or a number`,
          `${JSON.stringify(text)} 是表达式；输出只能是带引号的文字或数值`,
        );
      try {
        out[key] = readOutput(key, value);
      } catch (error) {
        if (!(error instanceof UnaryError)) throw error;
        throw placeError("RULE_COMPILE", place(r, column, "outputs"), error.message, error.messageZh);
      }
    });
    for (const key of ["action", "reason.zh", "reason.en"] as const) {
      if (out[key] === undefined)
        throw placeError(
          "RULE_COMPILE",
          place(r, null, "outputs"),
          `the rule has no ${key} output`,
          `该规则缺少 ${key} 输出`,
        );
    }
    const id = (out.id as string | undefined) ?? (typeof rule._id === "string" ? rule._id : undefined);
    const source = outputSource(out);
    return outputRow(
      id,
      inputs.map((column) => cellOf(rule, column, r, "inputs")),
      out,
      source,
    );
  });
  const locate = (row: number | null, column: number | null): CellPlace =>
    row === null
      ? {
          path: `${base}.inputs[${column ?? 0}]`,
          en: `table ${JSON.stringify(name)}, input column ${columnName(inputs[column ?? 0] as Json)}`,
          zh: `决策表 "${name}" 输入列 ${columnName(inputs[column ?? 0] as Json)}`,
        }
      : place(row, column === null ? null : (inputs[column] as Json), "inputs");
  const declared =
    input.facts ??
    inferFacts(
      facts.map((fact, c) => ({ fact, cells: rows.map((row) => row.cells[c] as string) })),
      "zen",
      (row, column) => locate(row, column),
    );
  const id = meta.id ?? (/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(name) ? name : "jdm");
  const table = checkTable({
    id,
    version: meta.version ?? "1",
    effectiveFrom: meta.effectiveFrom,
    ...(meta.effectiveTo === undefined ? {} : { effectiveTo: meta.effectiveTo }),
    ...(meta.region === undefined ? {} : { region: meta.region }),
    source: meta.source ?? {
      title: `GoRules JDM decision table "${name}"`,
      note: "imported from a JDM file without a stated source · 从未注明出处的 JDM 文件导入",
    },
    facts: declared,
    hitPolicy,
    inputs: facts,
    rows,
  });
  convertTable(table, locate, "zen");
  return table;
}
