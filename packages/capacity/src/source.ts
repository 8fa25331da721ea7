import * as z from "zod";

/**
 * Zod schema of a {@link Source} — the citation (出处) every standard and every trace step carries.
 *
 * @example
 * {@includeCode ../test/standards.test.ts#source}
 */
export const SourceSchema = /* @__PURE__ */ z.strictObject({
  title: z.string().min(1),
  number: z.string().min(1).nullable(),
  url: z.url().optional(),
  note: z.string().min(1).optional(),
  confidence: z.enum(["CONFIRMED", "CONFIRMED-2", "SECONDARY", "LOW-CRED", "UNCONFIRMED"]),
});

/**
 * Where a planning figure comes from (出处): document `title`, document `number` (文号, `null` when none could be
 * confirmed), `url` when public, a `note` on what is uncertain, and the `confidence` label.
 */
export type Source = z.output<typeof SourceSchema>;

/**
 * How sure we are of a planning figure (可信度), as labelled in the carekit policy-facts report:
 * - `CONFIRMED` — read on an official government page or the standard's own text;
 * - `CONFIRMED-2` — two or more independent secondary sources agree with the named primary document;
 * - `SECONDARY` — one secondary source only: shipped as an overridable default that says so in `note`;
 * - `LOW-CRED` — looks assembled; never a default, at most a labelled example;
 * - `UNCONFIRMED` — not found; such values are parameters, never built-in numbers.
 */
export type Confidence = Source["confidence"];
