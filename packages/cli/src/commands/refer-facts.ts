import { type FactSpec, type FactSpecs, factHeaders } from "@carekit/referral";
import { coerceCells } from "../io/columns.js";

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, "");
}

/** List cells are split on `;`, `；`, `|` and `、` (the separators spreadsheets and Chinese text use). */
export const LIST_SEPARATORS = /[;；|、]/u;

/**
 * How a rule set's facts are read from a table (事实列对照): each fact by its name, its Chinese label (also without a
 * bracketed explanation) or its English label, as a header; each vocabulary value by itself or its Chinese or
 * English label, as a cell.
 */
export interface FactColumns {
  /** The fact a header names, or `undefined`. */
  readonly factOf: (header: string) => string | undefined;
  /** Turn one record's cells into facts of the declared types (unknown headers kept as written). */
  readonly read: (record: Record<string, unknown>) => Record<string, unknown>;
}

/** Build the {@link FactColumns} of a rule set's fact declarations. */
export function factColumns(facts: FactSpecs): FactColumns {
  const byHeader = new Map<string, string>();
  const vocabularyOf = new Map<string, Map<string, string>>();
  const numeric = new Set<string>();
  const boolean = new Set<string>();
  for (const [name, spec] of Object.entries(facts) as [string, FactSpec][]) {
    for (const header of factHeaders(name, spec)) {
      if (!byHeader.has(normalise(header))) byHeader.set(normalise(header), name);
    }
    if (spec.type === "number" || spec.type === "integer") numeric.add(name);
    if (spec.type === "boolean") boolean.add(name);
    if (spec.enum !== undefined) {
      const values = new Map<string, string>();
      for (const value of spec.enum) {
        values.set(normalise(value), value);
        const label = spec.valueLabels?.[value];
        if (label !== undefined) {
          values.set(normalise(label.zh), value);
          values.set(normalise(label.en), value);
        }
      }
      vocabularyOf.set(name, values);
    }
  }
  // a vocabulary value by itself or its label; anything else is kept, so validation reports it with the allowed values
  const term = (name: string, cell: string): string => vocabularyOf.get(name)?.get(normalise(cell)) ?? cell.trim();
  const factOf = (header: string): string | undefined => byHeader.get(normalise(header));
  const read = (record: Record<string, unknown>): Record<string, unknown> => {
    const renamed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) renamed[factOf(key) ?? key] = value;
    const out = coerceCells(renamed, numeric, boolean);
    for (const [name, spec] of Object.entries(facts) as [string, FactSpec][]) {
      const value = out[name];
      if (spec.type === "string[]") {
        if (typeof value === "string") {
          out[name] = value
            .split(LIST_SEPARATORS)
            .map((item) => item.trim())
            .filter(Boolean)
            .map((item) => term(name, item));
        } else if (renamed[name] === "") {
          out[name] = []; // an empty cell is an empty list, not a missing fact
        }
      } else if (spec.type === "string" && typeof value === "string") {
        out[name] = term(name, value);
      }
    }
    return out;
  };
  return { factOf, read };
}
