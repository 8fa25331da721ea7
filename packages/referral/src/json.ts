import type { CarekitErrorCode } from "@carekit/core";
import { fieldError, formatPath } from "@carekit/core/internal";

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Limits of {@link assertSafeJson}. */
export interface SafeJsonLimits {
  /** Deepest allowed nesting of objects and arrays. */
  readonly depth: number;
  /** Most objects, arrays and primitives in the whole document. */
  readonly nodes: number;
}

/**
 * Check that untrusted JSON-like data is safe to hand to zod and to compile (不可信 JSON 的安全检查): only plain
 * objects, arrays, strings, finite numbers, booleans and `null`; no `__proto__` / `constructor` / `prototype` keys;
 * no cycles; nesting and size within `limits`. It never recurses deeper than `limits.depth`, so a 10,000-deep
 * document is rejected without a stack overflow.
 *
 * @param value - the document (e.g. the result of `JSON.parse`)
 * @param limits - depth and size bounds
 * @param code - error code to throw with
 * @throws {CarekitError} `code` with the path of the first offending node
 */
export function assertSafeJson(value: unknown, limits: SafeJsonLimits, code: CarekitErrorCode): void {
  const ancestors = new Set<object>();
  const path: PropertyKey[] = [];
  let nodes = 0;

  const visit = (node: unknown): void => {
    nodes += 1;
    if (nodes > limits.nodes) {
      throw fieldError(code, formatPath(path), `more than ${limits.nodes} nodes`, `节点数超过 ${limits.nodes}`);
    }
    if (node === null || typeof node === "string" || typeof node === "boolean") return;
    if (typeof node === "number") {
      if (Number.isFinite(node)) return;
      throw fieldError(code, formatPath(path), "must be a finite number", "必须是有限数值");
    }
    if (typeof node !== "object") {
      throw fieldError(code, formatPath(path), `${typeof node} is not JSON`, `${typeof node} 不是 JSON 数据`);
    }
    if (ancestors.has(node)) {
      throw fieldError(code, formatPath(path), "cyclic reference", "存在循环引用");
    }
    if (path.length >= limits.depth) {
      throw fieldError(code, formatPath(path), `nested deeper than ${limits.depth}`, `嵌套超过 ${limits.depth} 层`);
    }
    const isArray = Array.isArray(node);
    const proto: unknown = Object.getPrototypeOf(node);
    if (!isArray && proto !== Object.prototype && proto !== null) {
      throw fieldError(code, formatPath(path), "must be a plain object", "必须是普通对象");
    }
    ancestors.add(node);
    if (isArray) {
      for (let index = 0; index < node.length; index++) {
        path.push(index);
        visit(node[index]);
        path.pop();
      }
    } else {
      for (const key of Object.keys(node)) {
        path.push(key);
        if (FORBIDDEN_KEYS.has(key)) {
          throw fieldError(code, formatPath(path), "forbidden key", "禁止使用的键名（可能导致原型污染）");
        }
        visit((node as Record<string, unknown>)[key]);
        path.pop();
      }
    }
    ancestors.delete(node);
  };

  visit(value);
}
