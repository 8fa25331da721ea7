/**
 * `@carekit/cli` — the `carekit` command (命令行工具) and its building blocks for programs: run the CLI in-process,
 * build the district planning report, and the Chinese ↔ English column mapping.
 *
 * @packageDocumentation
 */
export { runCli } from "./cli.js";
export { COLUMN_ALIASES, canonicalColumn } from "./io/columns.js";
export {
  buildDistrictReport,
  type DistrictReport,
  type DistrictReportSummary,
  resolveIndicatorId,
} from "./report/district.js";
export type { DistrictFigure, DistrictReportInput, RejectedRow, ReportObservation } from "./report/input.js";
export type {
  Cell,
  HeadlineFigure,
  ReportChart,
  ReportLang,
  ReportModel,
  ReportSection,
  ReportSource,
  ReportTable,
  TableRow,
} from "./report/model.js";
