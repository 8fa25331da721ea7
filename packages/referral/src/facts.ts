import { IsoDateSchema, parseInput } from "@carekit/core";
import * as z from "zod";
import { factsReader } from "./internal/reader.js";
import { assertSafeJson } from "./json.js";
import { FactNameSchema, type FactSpec, FactSpecSchema, type FactSpecs, type FactType, LIMITS } from "./model.js";
import { asCompileError } from "./validate.js";

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
        ? S extends { readonly enum: readonly (infer E extends string)[] }
          ? readonly E[]
          : readonly string[]
        : string;

/** The names of the facts declared `required: false` in `F`. */
export type OptionalKeys<F extends FactSpecs> = {
  [K in keyof F]: F[K] extends { readonly required: false } ? K : never;
}[keyof F];

/** Any fact value (事实取值): number, boolean, string, list of strings or ISO date string. */
export type FactValue = number | boolean | string | readonly string[];

/**
 * The facts object a rule set with declarations `F` evaluates (患者事实): required facts as required keys, facts
 * declared `required: false` as optional keys (absent or `undefined`: both mean the fact is not known), each with its
 * TypeScript type (`date` is an ISO string).
 */
export type FactsOf<F extends FactSpecs = FactSpecs> = string extends keyof F
  ? { readonly [name: string]: FactValue }
  : {
      readonly [K in Exclude<keyof F, OptionalKeys<F>>]: ValueOfType<F[K]["type"], F[K]>;
    } & {
      readonly [K in OptionalKeys<F>]?: ValueOfType<F[K]["type"], F[K]> | undefined;
    };

const DeclarationsSchema = /* @__PURE__ */ z
  .record(FactNameSchema, FactSpecSchema)
  .refine((facts) => Object.keys(facts).length <= LIMITS.facts, {
    error: `more than ${LIMITS.facts} facts`,
    params: { zh: `事实声明超过 ${LIMITS.facts} 个` },
  });

/** Fact declarations checked as a rule set's are: `RULE_COMPILE` with the path of the first problem. */
function checkDeclarations(facts: unknown): void {
  try {
    assertSafeJson(facts, { depth: LIMITS.jsonDepth, nodes: 500_000 }, "RULE_COMPILE");
    parseInput(DeclarationsSchema, facts, { code: "RULE_COMPILE", label: { en: "fact declarations", zh: "事实声明" } });
  } catch (error) {
    throw asCompileError(error);
  }
}

/** The allowed values, as a message lists them: `"severe_headache" (剧烈头痛), "vomiting" (呕吐)`. */
function allowedText(spec: FactSpec, values: readonly string[], lang: "zh" | "en"): string {
  const shown = values.slice(0, 20).map((value) => {
    const label = spec.valueLabels?.[value];
    if (label === undefined) return JSON.stringify(value);
    return lang === "zh" ? `${JSON.stringify(value)}（${label.zh}）` : `${JSON.stringify(value)} (${label.en})`;
  });
  const more = values.length > 20 ? (lang === "zh" ? ` 等 ${values.length} 个` : ` … (${values.length} in all)`) : "";
  return shown.join(lang === "zh" ? "、" : ", ") + more;
}

/** One value of a vocabulary: a string of `values`, or an issue naming the value given and the allowed values. */
function vocabularyItem(spec: FactSpec, values: readonly string[]): z.ZodType<string> {
  const allowed = new Set(values);
  return z.string().superRefine((value, ctx) => {
    if (allowed.has(value)) return;
    const given = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
    ctx.addIssue({
      code: "custom",
      message: `${given} is not in the fact's vocabulary; allowed: ${allowedText(spec, values, "en")}`,
      params: { zh: `${given} 不在该事实的取值范围内；允许的取值：${allowedText(spec, values, "zh")}` },
    });
  });
}

function valueSchema(spec: FactSpec): z.ZodType {
  switch (spec.type) {
    case "number":
      return z.number();
    case "integer":
      return z.number().int();
    case "boolean":
      return z.boolean();
    case "string":
      return spec.enum === undefined ? z.string().max(LIMITS.stringLength) : vocabularyItem(spec, spec.enum);
    case "string[]":
      return z
        .array(spec.enum === undefined ? z.string().max(LIMITS.stringLength) : vocabularyItem(spec, spec.enum))
        .max(LIMITS.listItems);
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
 * @throws {CarekitError} `RULE_COMPILE` when the declarations are malformed
 * @example
 * ```ts
 * import { factsSchema } from "@carekit/referral";
 *
 * const schema = factsSchema({ sbp: { type: "number" }, visit: { type: "string", enum: ["first", "follow_up"] } });
 * schema.safeParse({ sbp: 150, visit: "first" }).success; // → true
 * schema.safeParse({ sbp: 150, visit: "second" }).success; // → false
 * schema.safeParse({ sbp: 150, visit: "first", bmi: 24 }).success; // → false
 * ```
 */
export function factsSchema(facts: FactSpecs): z.ZodType<FactsOf> {
  checkDeclarations(facts);
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(facts)) {
    const schema = valueSchema(spec);
    shape[name] = spec.required === false ? schema.optional() : schema;
  }
  // the shape is built from the declarations at run time; the type predicate names the type it checks (no check added)
  return z.strictObject(shape).refine((facts: unknown): facts is FactsOf => true);
}

/**
 * A fast guard for facts (事实快速校验), generated from the declarations: `true` exactly when {@link factsSchema}
 * accepts the value (a property test checks that they agree). It costs a few nanoseconds per fact, so the engine
 * runs zod only on the failure path, to build the error.
 *
 * @param facts - the rule set's fact declarations
 * @returns a type guard
 * @throws {CarekitError} `RULE_COMPILE` when the declarations are malformed
 * @example
 * ```ts
 * import { factsGuard } from "@carekit/referral";
 *
 * const isFacts = factsGuard({ sbp: { type: "number" }, lastVisit: { type: "date", required: false } });
 * isFacts({ sbp: 150 }); // → true
 * isFacts({ sbp: 150, lastVisit: "2023-02-29" }); // → false
 * isFacts({ sbp: "150" }); // → false
 * ```
 */
export function factsGuard(facts: FactSpecs): (value: unknown) => value is FactsOf {
  checkDeclarations(facts);
  const { read } = factsReader(facts);
  const slots: unknown[] = [];
  return (value: unknown): value is FactsOf => read(value, slots) !== -1;
}
