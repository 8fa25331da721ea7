import { fieldError } from "@carekit/core/internal";

/** A parsed indicator expression: integers, named inputs, `+`, `-`, `*` and parentheses. */
type ExpressionNode =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "input"; readonly name: string }
  | {
      readonly kind: "binary";
      readonly op: "+" | "-" | "*";
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
    };

/** The longest expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 500;
const MAX_DEPTH = 32;
const TOKEN = /\s*(?:(\d+)|([A-Za-z][A-Za-z0-9_]*)|([-+*()]))/y;
const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

/** A name an expression may use for an input: a letter, then letters, digits or `_` (at most 64). */
export const INPUT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Whether `name` is a usable input name (not `__proto__`, `constructor` or `prototype`). */
export function isInputName(name: string): boolean {
  return INPUT_NAME.test(name) && !RESERVED.has(name);
}

type Token =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "name" | "op"; readonly text: string };

function tokenize(source: string): Token[] | string {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) return `unexpected character at position ${at + 1}`;
    const [, digits, name, op] = match;
    if (digits !== undefined) {
      const value = Number(digits);
      if (!Number.isSafeInteger(value)) return `number ${digits} is too large`;
      tokens.push({ kind: "number", value });
    } else if (name !== undefined) {
      if (!isInputName(name)) return `${name} is not a usable input name`;
      tokens.push({ kind: "name", text: name });
    } else if (op !== undefined) tokens.push({ kind: "op", text: op });
  }
  return tokens;
}

/**
 * Parse an expression over named inputs (指标表达式) — `nursingBeds`, `kindergartenSlots + providerSlots`,
 * `1000 * slots` — with a small recursive-descent parser (no `eval`).
 *
 * @throws {CarekitError} `INVALID_INPUT` at `path` with the reason
 */
export function parseExpression(source: string, path: string): ExpressionNode {
  const parsed = tryParse(source);
  if (typeof parsed === "string") {
    throw fieldError(
      "INVALID_INPUT",
      path,
      `not a valid expression: ${parsed}`,
      `表达式无效：${parsed}（只允许非负整数、输入名、+ - * 和括号）`,
    );
  }
  return parsed;
}

function tryParse(source: string): ExpressionNode | string {
  if (source.length === 0 || source.length > MAX_EXPRESSION_LENGTH) {
    return `must be 1 to ${MAX_EXPRESSION_LENGTH} characters`;
  }
  const tokens = tokenize(source);
  if (typeof tokens === "string") return tokens;
  let position = 0;
  const fail = (reason: string): never => {
    throw new SyntaxError(reason);
  };
  const primary = (depth: number): ExpressionNode => {
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    const token = tokens[position++];
    if (token === undefined) return fail("ends too early");
    if (token.kind === "number") return { kind: "number", value: token.value };
    if (token.kind === "name") return { kind: "input", name: token.text };
    if (token.text !== "(") return fail(`unexpected ${token.text}`);
    const inner = sum(depth + 1);
    const close = tokens[position++];
    if (close?.kind !== "op" || close.text !== ")") fail("missing )");
    return inner;
  };
  const product = (depth: number): ExpressionNode => {
    let left = primary(depth);
    for (let next = tokens[position]; next?.kind === "op" && next.text === "*"; next = tokens[position]) {
      position++;
      left = { kind: "binary", op: "*", left, right: primary(depth) };
    }
    return left;
  };
  const sum = (depth: number): ExpressionNode => {
    let left = product(depth);
    for (let next = tokens[position]; next?.kind === "op" && (next.text === "+" || next.text === "-"); ) {
      position++;
      left = { kind: "binary", op: next.text, left, right: product(depth) };
      next = tokens[position];
    }
    return left;
  };
  try {
    const tree = sum(0);
    if (position < tokens.length) return "has text after the end of the expression";
    return tree;
  } catch (error) {
    if (error instanceof SyntaxError) return error.message;
    throw error;
  }
}

/** The input names an expression reads, in first-use order. */
export function inputsOf(node: ExpressionNode, into: string[] = []): string[] {
  if (node.kind === "input") {
    if (!into.includes(node.name)) into.push(node.name);
  } else if (node.kind === "binary") {
    inputsOf(node.left, into);
    inputsOf(node.right, into);
  }
  return into;
}

/**
 * Evaluate a parsed expression over non-negative integer inputs, exactly: every operation is done in BigInt, so
 * intermediate values of any size are exact (`a * a - b` with a = 94906267 and b = 9007199254740991 gives 261134298,
 * where floating point gives 261134297); only the final value must be a non-negative safe integer.
 *
 * @throws {CarekitError} `OUT_OF_RANGE` at `path` when the result is negative or beyond safe integers;
 *   `INVALID_INPUT` when an input the expression names is missing or not a safe integer
 */
export function evaluateExpression(
  node: ExpressionNode,
  inputs: Readonly<Record<string, number>>,
  path: string,
): number {
  const value = evaluate(node, inputs, path);
  if (value < 0n || value > MAX_SAFE) {
    throw fieldError(
      "OUT_OF_RANGE",
      path,
      `evaluates to ${String(value)}, which is not a non-negative safe integer`,
      `表达式结果为 ${String(value)}，不是非负安全整数`,
    );
  }
  return Number(value);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function evaluate(node: ExpressionNode, inputs: Readonly<Record<string, number>>, path: string): bigint {
  switch (node.kind) {
    case "number":
      return BigInt(node.value);
    case "input": {
      const value = Object.hasOwn(inputs, node.name) ? inputs[node.name] : undefined;
      if (typeof value !== "number" || !Number.isSafeInteger(value)) {
        throw fieldError(
          "INVALID_INPUT",
          `inputs.${node.name}`,
          `must be a safe integer, got ${typeof value === "number" ? String(value) : typeof value}`,
          `必须是安全整数，实际为 ${typeof value === "number" ? String(value) : typeof value}`,
        );
      }
      return BigInt(value);
    }
    case "binary": {
      const left = evaluate(node.left, inputs, path);
      const right = evaluate(node.right, inputs, path);
      return node.op === "+" ? left + right : node.op === "-" ? left - right : left * right;
    }
  }
}
