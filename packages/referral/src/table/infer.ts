/**
 * Fact declarations read off a table's cells (由单元格推断事实类型), for tables that come without them (a JDM file, a
 * CSV given no rule set): a column compared with numbers is a `number` fact, with `true`/`false` a `boolean`, with
 * quoted text a `string`, with `within … days` a `date`; every inferred fact is optional (`required: false`),
 * because a missing input makes every test on it false, as in ZEN.
 */
import type { FactSpec, FactType } from "../model.js";
import { type CellPlace, placeError } from "./convert.js";
import { type Dialect, parseUnary, UnaryError, type UnaryTest } from "./unary.js";

function kindOf(test: UnaryTest): FactType | undefined {
  switch (test.kind) {
    case "compare":
      return typeof test.value === "number" ? "number" : "date";
    case "range":
      return typeof test.low === "number" ? "number" : "date";
    case "eq":
    case "ne":
      return typeof test.value === "number" ? "number" : typeof test.value === "boolean" ? "boolean" : "string";
    case "notIn":
      return typeof test.values[0] === "number" ? "number" : "string";
    case "within":
    case "olderThan":
      return "date";
    default:
      return undefined;
  }
}

/** The declaration of each fact named by `columns` (a fact may have several columns), from the cells' tests. */
export function inferFacts(
  columns: readonly { readonly fact: string; readonly cells: readonly string[] }[],
  dialect: Dialect,
  locate: (row: number, column: number) => CellPlace,
): Record<string, FactSpec> {
  const found = new Map<string, { type: FactType; row: number; column: number }>();
  const facts: Record<string, FactSpec> = {};
  columns.forEach(({ fact, cells }, column) => {
    cells.forEach((text, row) => {
      let cell: ReturnType<typeof parseUnary>;
      try {
        cell = parseUnary(text, dialect);
      } catch (error) {
        if (!(error instanceof UnaryError)) throw error;
        throw placeError(
          error.unsupported ? "TABLE_UNSUPPORTED" : "RULE_COMPILE",
          locate(row, column),
          `${JSON.stringify(text)}: ${error.message}`,
          `${JSON.stringify(text)}：${error.messageZh}`,
        );
      }
      if (cell.any) return;
      for (const test of cell.tests) {
        let type = kindOf(test);
        if (type === undefined) continue;
        const before = found.get(fact);
        // a date compared as text ("2024-01-01") is a date where the column also compares dates
        if (before !== undefined && before.type !== type) {
          if ((before.type === "date" && type === "string") || (before.type === "string" && type === "date"))
            type = "date";
          else {
            throw placeError(
              "RULE_COMPILE",
              locate(row, column),
              `the column tests ${fact} as ${type} here but as ${before.type} in row ${before.row + 1}`,
              `此列在此处把 ${fact} 当作 ${type}，而在第 ${before.row + 1} 行当作 ${before.type}`,
            );
          }
        }
        found.set(fact, { type, row, column });
      }
    });
    facts[fact] = { type: "string", required: false };
  });
  for (const [fact, { type }] of found) facts[fact] = { type, required: false };
  return facts;
}
