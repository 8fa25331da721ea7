import { isoDay } from "../days.js";
import { type FactSpec, type FactSpecs, LIMITS } from "../model.js";

/*
 * The fast fact reader (事实读取器) behind every evaluation. Its obviously correct counterpart is the facts schema
 * (`factsSchema`) plus a plain property read; `test/reference/evaluate.ts` and the differential tests compare them.
 */

const NUMBER = 0;
const INTEGER = 1;
const BOOLEAN = 2;
const STRING = 3;
const ENUM = 4;
const LIST = 5;
const DATE = 6;
const ENUM_LIST = 7;
const KIND: Readonly<Record<string, number>> = {
  number: NUMBER,
  integer: INTEGER,
  boolean: BOOLEAN,
  string: STRING,
  "string[]": LIST,
  date: DATE,
};

function isVocabularyList(v: unknown, values: readonly unknown[]): boolean {
  if (!Array.isArray(v) || v.length > LIMITS.listItems) return false;
  for (let k = 0; k < v.length; k++) if (values.indexOf(v[k]) < 0) return false;
  return true;
}

function isStringList(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > LIMITS.listItems) return false;
  for (let k = 0; k < v.length; k++) {
    const item: unknown = v[k];
    if (typeof item !== "string" || item.length > LIMITS.stringLength) return false;
  }
  return true;
}

/**
 * A flag atom (标志原子): fact `[0]` equals the boolean or enum value `[1]`. A {@link FactsReader} reports which atoms
 * hold as a bit mask, so the engine skips every rule whose needed atoms are missing without running it.
 */
export type FlagAtom = readonly [fact: string, value: boolean | string];

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
export function factsReader(facts: FactSpecs, atoms: readonly FlagAtom[] = []): FactsReader {
  const names = Object.keys(facts);
  const specs = names.map((name) => facts[name] as FactSpec);
  const isRequired = Uint8Array.from(specs, (spec) => (spec.required === false ? 0 : 1));
  const kindOf = Int32Array.from(specs, (spec) =>
    spec.enum === undefined ? (KIND[spec.type] as number) : spec.type === "string" ? ENUM : ENUM_LIST,
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
        // arithmetic, not branches: a patient's booleans are unpredictable. `valid` is 1 only for `true` or `false`,
        // so an absent (`undefined`) or invalid value sets no atom bit: an atom holds only for a value that is there.
        const yes = +(v === true);
        const valid = yes | +(v === false);
        ok = valid === 1;
        bits = (boolBits[2 * i + yes] as number) & -valid;
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
      case ENUM_LIST:
        ok = isVocabularyList(v, enums[i] as readonly unknown[]);
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
