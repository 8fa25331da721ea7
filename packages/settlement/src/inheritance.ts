import { CarekitError, type CarekitIssue, parseInput } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import { type Policy, PolicySchema } from "./policy.js";

/** The fields of a policy that name the document itself: a derived policy always states its own. */
const IDENTITY_KEYS = ["id", "version", "effectiveFrom", "effectiveTo", "region", "source"] as const;
const CELL_KEYS = new Set(["rounding", "preSelfPay", "unknownItem", "crossProvince", "schemes"]);
const MAX_DEPTH = 10;
/** Deepest cell of a policy is 7 levels down (`schemes.employee.inpatient.in_service.level3.first.rate`). */
const MAX_NESTING = 16;

/** Refuse a value nested deeper than any policy (or circular): it cannot be a policy, and walking it never ends. */
function assertNesting(depth: number, path: string): void {
  if (depth > MAX_NESTING) {
    throw fieldError(
      "INVALID_POLICY",
      path,
      `nested more than ${MAX_NESTING} levels deep (or circular): not a policy`,
      `嵌套超过 ${MAX_NESTING} 层（或循环引用）：不是政策`,
    );
  }
}

/** A partial copy of `T`: objects field by field, arrays and values whole. */
export type PolicyOverride<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: PolicyOverride<T[K]> }
    : T;

/**
 * A policy defined as changes to another (继承式参保地政策): its own identity (`id`, `version`, `effectiveFrom`,
 * `effectiveTo`, `region`, `source` — the document that states the changes) and, for everything else, only the cells
 * it changes; the rest comes from `extends`, a complete policy (another place's, or the base a province publishes)
 * or another derived policy.
 */
export type DerivedPolicy = Pick<Policy, "id" | "version" | "effectiveFrom" | "effectiveTo" | "region" | "source"> &
  PolicyOverride<Omit<Policy, "id" | "version" | "effectiveFrom" | "effectiveTo" | "region" | "source">> & {
    /** The policy this one changes. */
    readonly extends: Policy | DerivedPolicy;
  };

/** What {@link resolvePolicy} returns. */
export interface ResolvedPolicy {
  /** The complete, explicit policy the settler uses (defaults such as `rounding` filled in): print, diff or store it. */
  readonly policy: Policy;
  /**
   * The document that states each cell (单元格出处): a path into `policy` (`schemes.employee.inpatient.in_service.
   * level3.first.rate`; arrays such as `furtherFunds` are one cell) → the `id` of the policy that states it.
   */
  readonly origins: Readonly<Record<string, string>>;
}

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether an override replaces a tagged union member whole (a different `kind` or `owner`). */
function replacesWhole(base: Bag, override: Bag): boolean {
  for (const tag of ["kind", "owner"]) {
    if (tag in override && override[tag] !== undefined && override[tag] !== base[tag]) return true;
  }
  return false;
}

function record(origins: Record<string, string>, value: unknown, path: string, origin: string, depth = 0): void {
  if (isBag(value)) {
    assertNesting(depth, path);
    for (const key of Object.keys(value)) {
      if (value[key] !== undefined) {
        record(origins, value[key], path === "" ? key : `${path}.${key}`, origin, depth + 1);
      }
    }
  } else origins[path] = origin;
}

/**
 * Merge `override` onto `base` (both plain JSON): objects field by field, a tagged-union member with a different tag
 * whole, arrays and values whole; a key present with `undefined` states nothing. Writes the origin of every cell.
 */
function merge(
  base: unknown,
  override: unknown,
  path: string,
  origin: string,
  origins: Record<string, string>,
  depth = 1,
): unknown {
  if (override === undefined) return base;
  assertNesting(depth, path);
  if (!isBag(override) || !isBag(base) || replacesWhole(base, override)) {
    for (const key of Object.keys(origins)) if (key === path || key.startsWith(`${path}.`)) delete origins[key];
    record(origins, override, path, origin, depth);
    return override;
  }
  const out: Bag = { ...base };
  for (const key of Object.keys(override)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") {
      throw fieldError("INVALID_POLICY", `${path}.${key}`, "reserved key", "不允许使用保留字段名");
    }
    out[key] = merge(base[key], override[key], path === "" ? key : `${path}.${key}`, origin, origins, depth + 1);
  }
  return out;
}

function shallowCheck(input: unknown, depth: number, path: string): asserts input is Bag {
  if (!isBag(input)) {
    throw fieldError("INVALID_POLICY", path, "must be a policy object", "必须是政策对象");
  }
  if (depth > MAX_DEPTH) {
    throw fieldError(
      "INVALID_POLICY",
      path,
      `policies extend each other more than ${MAX_DEPTH} levels deep`,
      `政策继承层级超过 ${MAX_DEPTH} 层`,
    );
  }
}

/** Resolve one level: the complete base, then this policy's identity and cells on top. */
function resolveInto(input: unknown, depth: number, path: string, origins: Record<string, string>): Bag {
  shallowCheck(input, depth, path);
  const own = typeof input.id === "string" ? input.id : `(${path === "" ? "policy" : path})`;
  if (!("extends" in input)) {
    record(origins, input, "", own);
    return input;
  }
  const base = resolveInto(input.extends, depth + 1, path === "" ? "extends" : `${path}.extends`, origins);
  const merged: Bag = { ...base };
  for (const key of IDENTITY_KEYS) {
    for (const cell of Object.keys(origins)) if (cell === key || cell.startsWith(`${key}.`)) delete origins[cell];
    if (input[key] === undefined) delete merged[key];
    else {
      merged[key] = input[key];
      record(origins, input[key], key, own);
    }
  }
  for (const key of Object.keys(input)) {
    if (key === "extends" || (IDENTITY_KEYS as readonly string[]).includes(key)) continue;
    if (!CELL_KEYS.has(key)) {
      throw fieldError(
        "INVALID_POLICY",
        path === "" ? key : `${path}.${key}`,
        `unknown policy field ${key}`,
        `未知的政策字段 ${key}`,
      );
    }
    merged[key] = merge(base[key], input[key], key, own, origins);
  }
  return merged;
}

/** The documents that state the cells at or below `path`, for an error message. */
function statedBy(origins: Readonly<Record<string, string>>, path: string): string[] {
  const ids = new Set<string>();
  for (const [cell, id] of Object.entries(origins)) {
    if (cell === path || cell.startsWith(`${path}.`) || path.startsWith(`${cell}.`)) ids.add(id);
  }
  return [...ids];
}

/**
 * Resolve a policy to the complete, explicit policy a settler uses (解析参保地政策), with the document that states
 * each cell. A plain policy resolves to itself (validated, defaults filled in); a {@link DerivedPolicy} takes every
 * cell it does not state from the policy it `extends`. The resolved policy is validated as a whole by `PolicySchema`
 * — including the national ceilings of 医保发〔2022〕22号 on the temporary patients' adjustments, which therefore apply
 * exactly to the values the base or the override state (nothing is invented to fill a table) — and an issue names the
 * document that stated the offending cell.
 *
 * @param policy - a complete policy or a derived one
 * @returns `{ policy, origins }`
 * @throws {CarekitError} `INVALID_POLICY` with the path of the offending cell and the policy that stated it
 * @see 国家医保局 财政部《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》(医保发〔2022〕22号): the ceilings
 * @example
 * ```ts
 * import { chengduEmployeeExample } from "@carekit/settlement/examples";
 *
 * const base = chengduEmployeeExample({ pooledAnnualCapFen: 30_000_000 }); // LOW-CRED example figures
 * const source = { title: "成都市 2025 年职工医保住院起付标准调整（示例）", number: "example", confidence: "UNCONFIRMED" };
 * const level3 = { first: { deductibleFen: 100_000 } };
 * const child = definePolicy({
 *   extends: base, id: "cd-2025", version: "2025", effectiveFrom: "2025-01-01", region: "510100", source,
 *   schemes: { employee: { inpatient: { in_service: { level3 } } } },
 * });
 * const { policy, origins } = resolvePolicy(child);
 * policy.schemes.employee?.inpatient.in_service.level3.first.deductibleFen;
 * // → 100_000
 * origins["schemes.employee.inpatient.in_service.level3.first.deductibleFen"];
 * // → "cd-2025"
 * origins["schemes.employee.inpatient.in_service.level2.first.deductibleFen"];
 * // → "example-cd-employee"
 * ```
 */
export function resolvePolicy(policy: Policy | DerivedPolicy): ResolvedPolicy {
  const origins: Record<string, string> = {};
  let merged: Bag;
  try {
    merged = resolveInto(policy, 0, "", origins);
  } catch (error) {
    if (error instanceof CarekitError) throw error;
    throw fieldError("UNREADABLE_INPUT", "", "the policy could not be read", "无法读取该政策");
  }
  let resolved: Policy;
  try {
    resolved = parseInput(PolicySchema, merged, {
      code: "INVALID_POLICY",
      label: { en: "resolved policy", zh: "解析后的参保地政策" },
    });
  } catch (error) {
    if (!(error instanceof CarekitError) || !("extends" in (policy as object))) throw error;
    const issues: CarekitIssue[] = error.issues.map((issue) => {
      const ids = statedBy(origins, issue.path);
      return ids.length === 0
        ? issue
        : {
            ...issue,
            message: `${issue.message} (stated by ${ids.join(", ")})`,
            messageZh: `${issue.messageZh}（出自 ${ids.join("、")}）`,
          };
    });
    const first = issues[0];
    throw new CarekitError({
      code: error.code,
      message: first === undefined ? error.message : `${first.path}: ${first.message}`,
      messageZh: first === undefined ? error.messageZh : `${first.path}: ${first.messageZh}`,
      issues,
    });
  }
  if (resolved.rounding !== undefined && origins.rounding === undefined) {
    origins.rounding = "default";
  }
  return { policy: resolved, origins };
}

/**
 * Define a policy by inheritance (继承式定义参保地政策): `definePolicy({ extends: base, ...overrides })` states only
 * what differs from `base` — one changed deductible is one line — and is checked at once by resolving it
 * ({@link resolvePolicy}). The result is the same plain, JSON-storable object, accepted wherever a policy is (for
 * example `createSettler({ policies })`, which resolves it).
 *
 * @param input - `extends` (a complete or derived policy), this policy's own `id`, `version`, `effectiveFrom`,
 *   `effectiveTo`, `region` and `source`, and the cells it changes
 * @returns `input`, checked
 * @throws {CarekitError} `INVALID_POLICY` as {@link resolvePolicy}
 * @example
 * ```ts
 * import { chengduEmployeeExample } from "@carekit/settlement/examples";
 *
 * const base = chengduEmployeeExample({ pooledAnnualCapFen: 30_000_000 }); // LOW-CRED example figures
 * const source = { title: "成都市 2025 年职工医保住院起付标准调整（示例）", number: "example", confidence: "UNCONFIRMED" };
 * const child = definePolicy({
 *   extends: base, id: "cd-2025", version: "2025", effectiveFrom: "2025-01-01", region: "510100", source,
 *   rounding: "down",
 * });
 * resolvePolicy(child).policy.rounding;
 * // → "down"
 * ```
 */
export function definePolicy(input: DerivedPolicy): DerivedPolicy {
  resolvePolicy(input);
  return input;
}

/** Whether a policy is defined by inheritance (has `extends`). */
export function isDerivedPolicy(value: unknown): value is DerivedPolicy {
  return isBag(value) && "extends" in value;
}
