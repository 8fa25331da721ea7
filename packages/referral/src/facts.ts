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
 * An atom (原子条件): fact `[0]` equals the boolean or enum value `[1]`. A {@link FactsReader} reports which atoms
 * hold as a bit mask, so the engine skips every rule whose needed atoms are missing without running it.
 */
export type Atom = readonly [fact: string, value: boolean | string];

/** At most 31 atoms, so that a mask is a non-negative 32-bit integer. */
export const MAX_ATOMS = 31;

/**
 * A compiled reader of facts (事实读取器): reads every declared fact once into a slot array — in declaration order,
 * dates as day numbers, absent facts as `undefined` — and says whether the facts are valid. Compiled conditions read
 * the slots, so a patient's facts are looked up by name only once per evaluation.
 */
export interface FactsReader {
  /** Declared fact names; slot `i` holds `names[i]`. */
  readonly names: readonly string[];
  /**
   * Fill `slots` from `value`: `-1` exactly when {@link factsSchema} rejects `value`, otherwise the mask of the atoms
   * that hold (bit `k` for atom `k`).
   */
  readonly read: (value: unknown, slots: unknown[]) => number;
}

/**
 * Compile a {@link FactsReader} for a rule set's fact declarations.
 *
 * @param facts - the fact declarations
 * @param atoms - at most {@link MAX_ATOMS} atoms on boolean or enum facts, each with a valid value
 * @returns the reader
 */
export function factsReader(facts: FactSpecs, atoms: readonly Atom[] = []): FactsReader {
  const names = Object.keys(facts);
  const specs = names.map((name) => facts[name] as FactSpec);
  const isRequired = Uint8Array.from(specs, (spec) => (spec.required === false ? 0 : 1));
  const kindOf = Int32Array.from(specs, (spec) =>
    spec.type === "string" && spec.enum !== undefined ? ENUM : (KIND[spec.type] as number),
  );
  // enums are short: a few pointer comparisons of internalised strings beat hashing
  const enums = specs.map((spec) => spec.enum ?? []);
  const count = names.length;
  const slotOf = new Map(names.map((name, index) => [name, index]));
  // the atom bits of each value: of a boolean slot `i` at `boolBits[2i + value]`, of an enum's k-th value at `ofEnum[i][k]`
  const boolBits = new Int32Array(2 * count);
  const ofEnum = enums.map((values) => new Int32Array(values.length));
  atoms.slice(0, MAX_ATOMS).forEach(([fact, value], k) => {
    const i = slotOf.get(fact) ?? -1;
    const bits = kindOf[i] === BOOLEAN ? boolBits.subarray(2 * i, 2 * i + 2) : ofEnum[i];
    const index = typeof value === "boolean" ? Number(value) : (enums[i] ?? []).indexOf(value);
    if (bits !== undefined && index >= 0 && index < bits.length) bits[index] = (bits[index] as number) | (1 << k);
  });
  // Check value `v` of slot `i` against its fact's kind and store it (dates as day numbers): -1 when invalid,
  // otherwise the bits of the atoms it makes hold. An absent fact is `undefined`, allowed only when optional.
  const accept = (slots: unknown[], i: number, v: unknown): number => {
    let bits = 0;
    let ok: boolean;
    switch (kindOf[i]) {
      case BOOLEAN: {
        // arithmetic, not branches: a patient's booleans are unpredictable
        const yes = +(v === true);
        ok = (yes | +(v === false)) === 1;
        bits = boolBits[2 * i + yes] as number;
        break;
      }
      case NUMBER:
        ok = typeof v === "number" && Number.isFinite(v);
        break;
      case INTEGER:
        ok = Number.isSafeInteger(v);
        break;
      case STRING:
        ok = typeof v === "string" && v.length <= LIMITS.stringLength;
        break;
      case ENUM: {
        const index = (enums[i] as readonly unknown[]).indexOf(v);
        ok = index >= 0;
        if (ok) bits = (ofEnum[i] as Int32Array)[index] as number;
        break;
      }
      case LIST:
        ok = isStringList(v);
        break;
      default: {
        const day = isoDay(v);
        ok = !Number.isNaN(day);
        if (ok) v = day;
      }
    }
    if (!ok && (v !== undefined || isRequired[i] === 1)) return -1;
    slots[i] = v;
    return bits;
  };
  // objects in another key order: each key looked up in the map, then every slot checked
  const readByName = (record: Record<string, unknown>, slots: unknown[]): number => {
    for (let i = 0; i < count; i++) slots[i] = undefined;
    for (const key in record) {
      const i = slotOf.get(key);
      if (i === undefined) return -1;
      slots[i] = record[key];
    }
    let mask = 0;
    for (let i = 0; i < count; i++) {
      const bits = accept(slots, i, slots[i]);
      if (bits === -1) return -1;
      mask |= bits;
    }
    return mask;
  };
  // Most producers write the facts in declaration order, absent optional facts left out. Walking the declarations
  // alongside the object's keys maps each key to its slot with one pointer comparison (property names are
  // internalised) and skips absent optional facts, writing `undefined` only to those. Any other key order (or an
  // unknown key) is read by name, and after many such objects the walk is no longer tried.
  let misses = 0;
  const read = (value: unknown, slots: unknown[]): number => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return -1;
    const record = value as Record<string, unknown>;
    if (misses > 64) return readByName(record, slots);
    let i = 0;
    let mask = 0;
    for (const key in record) {
      while (i < count && names[i] !== key) {
        if (isRequired[i] === 1) i = count;
        else slots[i++] = undefined;
      }
      if (i === count) {
        misses++;
        return readByName(record, slots);
      }
      const bits = accept(slots, i++, record[key]);
      if (bits === -1) return -1;
      mask |= bits;
    }
    while (i < count) {
      if (isRequired[i] === 1) return -1;
      slots[i++] = undefined;
    }
    return mask;
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
  return (value: unknown): value is FactsOf => read(value, slots) !== -1;
}
