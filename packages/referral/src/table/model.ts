import { IsoDateSchema } from "@carekit/core";
import * as z from "zod";
import { FactNameSchema, FactSpecSchema, LIMITS, OutcomeSchema, RuleSchema, SourceSchema } from "../model.js";

/**
 * Hit policies of a decision table (命中策略): `first` — the first row that matches decides (later rows yield to it,
 * as in GoRules ZEN and DMN "F"); `collect` — every matching row fires and the rule model's priority decides
 * (emergency transfer > refer up > refer down > manage locally, ties by row order), as a rule set does.
 *
 * @example
 * ```ts
 * import { HIT_POLICIES } from "@carekit/referral";
 *
 * HIT_POLICIES; // → ["first", "collect"]
 * ```
 */
export const HIT_POLICIES = ["first", "collect"] as const;

/** One of {@link HIT_POLICIES}. */
export type HitPolicy = (typeof HIT_POLICIES)[number];

/**
 * Zod schema of one row of a {@link DecisionTable} (决策表的一行): a unary test per input column (`""` = any), the
 * outcome, and the rule's levels, `overriddenBy` and source. Consecutive rows with the same `id` are one rule whose
 * condition holds when any of its rows matches.
 *
 * @example
 * ```ts
 * import { TableRowSchema } from "@carekit/referral";
 *
 * TableRowSchema.safeParse({ cells: [">= 180", ""], then: { action: "refer_up", reason: { zh: "血压很高", en: "very high BP" } } }).success;
 * // → true
 * ```
 */
export const TableRowSchema = /* @__PURE__ */ z.strictObject({
  id: RuleSchema.shape.id.optional(),
  cells: z.array(z.string().max(LIMITS.stringLength)).max(LIMITS.facts * 4),
  levels: RuleSchema.shape.levels,
  then: OutcomeSchema,
  overriddenBy: RuleSchema.shape.overriddenBy,
  source: SourceSchema.optional(),
});

/** One row of a {@link DecisionTable}. */
export type TableRow = z.output<typeof TableRowSchema>;

/**
 * Zod schema of a {@link DecisionTable} (决策表): the rule set's metadata and fact declarations, a hit policy, the
 * input columns (fact names; a fact may have several columns, all of which must hold) and the rows.
 *
 * @example
 * ```ts
 * import { DecisionTableSchema } from "@carekit/referral";
 *
 * DecisionTableSchema.safeParse({ id: "t", version: "1", effectiveFrom: "2024-01-01", source: { title: "t" },
 *   facts: { sbp: { type: "number" } }, hitPolicy: "first", inputs: ["sbp"],
 *   rows: [{ cells: [">= 180"], then: { action: "refer_up", reason: { zh: "甲", en: "a" } } }] }).success;
 * // → true
 * ```
 */
export const DecisionTableSchema = /* @__PURE__ */ z
  .strictObject({
    id: RuleSchema.shape.id,
    version: z.string().min(1).max(40),
    effectiveFrom: IsoDateSchema,
    effectiveTo: IsoDateSchema.optional(),
    region: z.string().max(6).optional(),
    source: SourceSchema,
    facts: z.record(FactNameSchema, FactSpecSchema),
    hitPolicy: z.enum(HIT_POLICIES),
    inputs: z.array(FactNameSchema).max(LIMITS.facts * 4),
    rows: z.array(TableRowSchema).min(1).max(LIMITS.rules),
  })
  .superRefine((table, ctx) => {
    for (const [index, row] of table.rows.entries()) {
      if (row.cells.length !== table.inputs.length) {
        ctx.addIssue({
          code: "custom",
          path: ["rows", index, "cells"],
          message: `the row has ${row.cells.length} cells for ${table.inputs.length} input columns`,
          params: { zh: `该行有 ${row.cells.length} 个单元格，而输入列有 ${table.inputs.length} 列` },
        });
      }
    }
  });

/** A decision table (决策表): see {@link DecisionTableSchema}. */
export type DecisionTable = z.output<typeof DecisionTableSchema>;
