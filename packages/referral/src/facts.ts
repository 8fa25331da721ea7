import { IsoDateSchema } from "@carekit/core";
import * as z from "zod";
import { isoDay } from "./days.js";
import { type FactSpec, type FactSpecs, type FactType, LIMITS } from "./model.js";

type ValueOfType<T extends FactType, S> = T extends "number" | "integer"
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

type OptionalKeys<F extends FactSpecs> = {
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

type Check = (value: unknown) => boolean;

function checkOf(spec: FactSpec): Check {
  switch (spec.type) {
    case "number":
      return (v) => typeof v === "number" && Number.isFinite(v);
    case "integer":
      return (v) => Number.isSafeInteger(v);
    case "boolean":
      return (v) => typeof v === "boolean";
    case "string": {
      if (spec.enum === undefined) return (v) => typeof v === "string" && v.length <= LIMITS.stringLength;
      const allowed = new Set(spec.enum);
      return (v) => typeof v === "string" && allowed.has(v);
    }
    case "string[]":
      return (v) => {
        if (!Array.isArray(v) || v.length > LIMITS.listItems) return false;
        for (const item of v) if (typeof item !== "string" || item.length > LIMITS.stringLength) return false;
        return true;
      };
    case "date":
      return (v) => !Number.isNaN(isoDay(v));
  }
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
  const names = Object.keys(facts);
  const required = names.map((name) => facts[name]?.required !== false);
  const checks = names.map((name) => checkOf(facts[name] as FactSpec));
  const count = names.length;
  return (value: unknown): value is FactsOf => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    let seen = 0;
    for (let i = 0; i < count; i++) {
      const name = names[i] as string;
      const v = record[name];
      if (v === undefined) {
        if (required[i]) return false;
        if (Object.hasOwn(record, name)) seen++;
      } else if ((checks[i] as Check)(v)) {
        seen++;
      } else {
        return false;
      }
    }
    let keys = 0;
    for (const _ in record) keys++;
    return keys === seen;
  };
}
