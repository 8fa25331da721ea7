/**
 * `@carekit/cli` — the `carekit` command (命令行工具) and its building blocks for programs: run the CLI in-process,
 * build the district planning report, and the Chinese ↔ English column mapping.
 *
 * @packageDocumentation
 */
export { runCli } from "./cli.js";
export { COLUMN_ALIASES, canonicalColumn } from "./io/columns.js";
export { buildDistrictReport, type DistrictReport, type DistrictReportInput } from "./report/district.js";
export type { Label, ReportSource } from "./report/model.js";
