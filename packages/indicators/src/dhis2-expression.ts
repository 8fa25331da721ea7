import { fieldError } from "@carekit/core/internal";
import { isDhis2Operand } from "./dhis2-uid.js";
import { isInputName, parseExpression } from "./expression.js";

const ITEM_KINDS: Readonly<Record<string, string>> = {
  C: "constant",
  D: "program data element",
  A: "program attribute",
  I: "program indicator",
  R: "reporting rate",
  N: "indicator",
  OUG: "org unit group",
  PS: "program stage",
  V: "program variable",
  "#": "data element",
};

/** Why a DHIS2 expression cannot be read, at a 1-based character position. */
function refuse(path: string, expression: string, position: number, en: string, zh: string): never {
  throw fieldError(
    "DHIS2_UNSUPPORTED",
    path,
    `${JSON.stringify(expression)} at position ${position}: ${en} (carekit computes #{data element} operands, integers, + - * and parentheses)`,
    `${JSON.stringify(expression)} 第 ${position} 个字符：${zh}（carekit 只能计算 #{数据元} 引用、整数、+ - * 和括号）`,
  );
}

/**
 * Translate a DHIS2 indicator expression into a carekit expression over input names: each `#{operand}` becomes the
 * input name `nameOf(operand)` gives; integers, `+ - *` and parentheses are kept. Anything else — a constant `C{…}`,
 * program data `D{…}`, `A{…}`, `I{…}`, `R{…}`, `N{…}`, `OUG{…}`, a function such as `if(…)`, `[days]`, a decimal or
 * `/` — is refused with the expression and the position.
 *
 * @throws {CarekitError} `DHIS2_UNSUPPORTED` at `path`
 */
export function fromDhis2Expression(text: string, path: string, nameOf: (operand: string) => string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const position = i + 1;
    if (/\s/.test(ch) || "+-*()".includes(ch)) {
      out += ch;
      i++;
      continue;
    }
    const item = /^(#|[A-Z]{1,3})\{([^}]*)\}/.exec(text.slice(i));
    if (item) {
      const [whole, kind = "", operand = ""] = item;
      if (kind !== "#") {
        const what = ITEM_KINDS[kind] ?? "item";
        refuse(path, text, position, `${kind}{…} (${what}) is not supported`, `不支持 ${kind}{…}（${what}）`);
      }
      if (!isDhis2Operand(operand)) {
        refuse(
          path,
          text,
          position + 2,
          `#{${operand}} is not a DHIS2 operand (UID, UID.COC, UID.COC.AOC or UID.*.AOC, each UID a letter and 10 letters or digits)`,
          `#{${operand}} 不是 DHIS2 数据元引用（UID、UID.COC、UID.COC.AOC 或 UID.*.AOC，UID 为字母开头的 11 位字母数字）`,
        );
      }
      const name = nameOf(operand);
      if (!isInputName(name)) {
        refuse(path, text, position, `#{${operand}} has no usable input name`, `#{${operand}} 没有可用的输入名`);
      }
      out += name;
      i += whole.length;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(text.slice(i));
    if (number) {
      if (number[1] !== undefined) {
        refuse(path, text, position, `the decimal ${number[0]} is not supported`, `不支持小数 ${number[0]}`);
      }
      out += number[0];
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_:.]*/.exec(text.slice(i));
    if (word) {
      const isCall = /^\s*\(/.test(text.slice(i + word[0].length));
      refuse(
        path,
        text,
        position,
        isCall ? `the function ${word[0]}() is not supported` : `${word[0]} is not supported`,
        isCall ? `不支持函数 ${word[0]}()` : `不支持 ${word[0]}`,
      );
    }
    if (ch === "/")
      refuse(path, text, position, "division inside a term is not supported", "不支持在分子或分母内做除法");
    if (ch === "[") refuse(path, text, position, "[days] is not supported", "不支持 [days]");
    refuse(path, text, position, `unexpected ${JSON.stringify(ch)}`, `意外的字符 ${JSON.stringify(ch)}`);
  }
  parseExpression(out.trim(), path);
  return out.trim();
}

/** Split `text` at a single `/` outside parentheses and `{…}`; `undefined` when there is none or more than one. */
export function splitTopLevelDivision(text: string): readonly [string, string] | undefined {
  let depth = 0;
  let inItem = false;
  let at = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "{") inItem = true;
    else if (ch === "}") inItem = false;
    else if (!inItem && ch === "(") depth++;
    else if (!inItem && ch === ")") depth--;
    else if (!inItem && depth === 0 && ch === "/") {
      if (at !== -1) return undefined;
      at = i;
    }
  }
  return at === -1 ? undefined : [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}
