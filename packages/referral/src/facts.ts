import { IsoDateSchema } from "@carekit/core";
import * as z from "zod";
import { isoDay } from "./days.js";
import { type FactSpec, type FactSpecs, type FactType, LIMITS } from "./model.js";

/** The TypeScript type of a fact of type `T` with declaration `S` (`date` is an ISO string). */
export type ValueOfType<T extends FactType, S> = T extends "number" | "integer"
  ? number
  : T extends "boolean"
    ? boolean
    : T extends "string"
      ? S extends { readonly enum: readonly (infer E extends string)[] }
        ? E
        : string
      : T extends "string[]"
        ? readonly string[]
        : string;

/** The names of the facts declared `required: false` in `F`. */
export type OptionalKeys<F extends FactSpecs> = {
  [K in keyof F]: F[K] extends { readonly required: false } ? K : never;
}[keyof F];

/** Any fact value (事实取值): number, boolean, string, list of strings or ISO date string. */
export type FactValue = number | boolean | string | readonly string[];

/**
 * The facts object a rule set with declarations `F` evaluates (患者事实): required facts as required keys, facts
 * declared `required: false` as optional keys, each with its TypeScript type (`date` is an ISO string).
 */
export type FactsOf<F extends FactSpecs = FactSpecs> = string extends keyof F
  ? { readonly [name: string]: FactValue }
  : {
      readonly [K in Exclude<keyof F, OptionalKeys<F>>]: ValueOfType<F[K]["type"], F[K]>;
    } & {
      readonly [K in OptionalKeys<F>]?: ValueOfType<F[K]["type"], F[K]>;
    };

function valueSchema(spec: FactSpec): z.ZodType {
  switch (spec.type) {
    case "number":
      return z.number();
    case "integer":
      return z.number().int();
    case "boolean":
      return z.boolean();
    case "string":
      return spec.enum === undefined ? z.string().max(LIMITS.stringLength) : z.enum(spec.enum as [string, ...string[]]);
    case "string[]":
      return z.array(z.string().max(LIMITS.stringLength)).max(LIMITS.listItems);
    case "date":
      return IsoDateSchema;
  }
}

/**
 * Zod schema of the facts a rule set declares (事实校验模式): a strict object, unknown facts rejected, required
 * facts required. Apps can reuse it for their forms; the engine uses it to explain why facts were rejected.
 *
 * @param facts - the rule set's fact declarations
 * @returns a strict zod object schema
 * @example
 * {@includeCode ../test/facts.test.ts#schema}
 */
export function factsSchema(facts: FactSpecs): z.ZodType<FactsOf> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(facts)) {
    const schema = valueSchema(spec);
    shape[name] = spec.required === false ? schema.optional() : schema;
  }
  return z.strictObject(shape) as unknown as z.ZodType<FactsOf>;
}

const NUMBER = 0;
const INTEGER = 1;
const BOOLEAN = 2;
const STRING = 3;
const ENUM = 4;
const LIST = 5;
const DATE = 6;
const KIND: Readonly<Record<string, number>> = {
  number: NUMBER,
  integer: INTEGER,
  boolean: BOOLEAN,
  string: STRING,
  "string[]": LIST,
  date: DATE,
};

function isStringList(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > LIMITS.listItems) return false;
  for (let k = 0; k < v.length; k++) {
    const item: unknown = v[k];
    if (typeof item !== "string" || item.length > LIMITS.stringLength) return false;
  }
  return true;
}

/**
 * A compiled reader of facts (事实读取器): reads every declared fact once into a slot array — in declaration order,
 * dates as day numbers, absent facts as `undefined` — and says whether the facts are valid. Compiled conditions read
 * the slots, so a patient's facts are looked up by name only once per evaluation.
 */
export interface FactsReader {
  /** Declared fact names; slot `i` holds `names[i]`. */
  readonly names: readonly string[];
  /** Fill `slots` from `value`; `true` exactly when {@link factsSchema} accepts `value`. */
  readonly read: (value: unknown, slots: unknown[]) => boolean;
}

/**
 * Compile a {@link FactsReader} for a rule set's fact declarations.
 *
 * @param facts - the fact declarations
 * @returns the reader
 * @example
 * {@includeCode ../test/facts.test.ts#guard}
 */
export function factsReader(facts: FactSpecs): FactsReader {
  const names = Object.keys(facts);
  const specs = names.map((name) => facts[name] as FactSpec);
  const isRequired = Uint8Array.from(specs, (spec) => (spec.required === false ? 0 : 1));
  const kindOf = Int32Array.from(specs, (spec) =>
    spec.type === "string" && spec.enum !== undefined ? ENUM : (KIND[spec.type] as number),
  );
  // enums are short: a few pointer comparisons of internalised strings beat hashing
  const enums = specs.map((spec) => spec.enum ?? []);
  const count = names.length;
  const requiredCount = isRequired.reduce((sum, r) => sum + r, 0);
  const lastRequired = isRequired.lastIndexOf(1);
  const slotOf = new Map(names.map((name, index) => [name, index]));
  // check fact `i`'s value against its kind and write it to its slot (dates as day numbers); false when invalid
  const put = (slots: unknown[], i: number, v: unknown): boolean => {
    switch (kindOf[i]) {
      case BOOLEAN:
        if (v !== true && v !== false) return false;
        break;
      case NUMBER:
        if (typeof v !== "number" || !Number.isFinite(v)) return false;
        break;
      case INTEGER:
        if (!Number.isSafeInteger(v)) return false;
        break;
      case STRING:
        if (typeof v !== "string" || v.length > LIMITS.stringLength) return false;
        break;
      case ENUM:
        if (!(enums[i] as readonly string[]).includes(v as string)) return false;
        break;
      case LIST:
        if (!isStringList(v)) return false;
        break;
      default: {
        const day = isoDay(v);
        if (Number.isNaN(day)) return false;
        slots[i] = day;
        return true;
      }
    }
    slots[i] = v;
    return true;
  };
  // objects in another key order: each key looked up in the map
  const readByName = (record: Record<string, unknown>, slots: unknown[]): boolean => {
    for (let k = 0; k < count; k++) if (isRequired[k] === 0) slots[k] = undefined;
    let requiredSeen = 0;
    for (const key in record) {
      const i = slotOf.get(key);
      if (i === undefined) return false;
      const v = record[key];
      if (isRequired[i] === 1) requiredSeen++;
      else if (v === undefined) continue;
      if (!put(slots, i, v)) return false;
    }
    // keys are unique and every one is declared, so counting the required ones seen is enough
    return requiredSeen === requiredCount;
  };
  // Most producers write the facts in declaration order, absent optional facts left out. Walking the declarations
  // alongside the object's keys maps each key to its slot with one pointer comparison (property names are
  // internalised) and skips absent optional facts, writing `undefined` only to those. Any other key order (or an
  // unknown key) is read by name, and after many such objects the walk is no longer tried.
  let misses = 0;
  const read = (value: unknown, slots: unknown[]): boolean => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    if (misses > 64) return readByName(record, slots);
    let i = 0;
    for (const key in record) {
      while (i < count && names[i] !== key) {
        if (isRequired[i] === 1) i = count;
        else slots[i++] = undefined;
      }
      if (i === count) {
        misses++;
        return readByName(record, slots);
      }
      const v = record[key];
      if (v === undefined && isRequired[i] === 0) slots[i] = undefined;
      else if (!put(slots, i, v)) return false;
      i++;
    }
    if (i <= lastRequired) return false;
    while (i < count) slots[i++] = undefined;
    return true;
  };
  return { names, read };
}

/**
 * A fast guard for facts (事实快速校验), generated from the declarations: `true` exactly when {@link factsSchema}
 * accepts the value (a property test checks that they agree). It costs a few nanoseconds per fact, so the engine
 * runs zod only on the failure path, to build the error.
 *
 * @param facts - the rule set's fact declarations
 * @returns a type guard
 * @example
 * {@includeCode ../test/facts.test.ts#guard}
 */
export function factsGuard(facts: FactSpecs): (value: unknown) => value is FactsOf {
  const { read } = factsReader(facts);
  const slots: unknown[] = [];
  return (value: unknown): value is FactsOf => read(value, slots);
}
