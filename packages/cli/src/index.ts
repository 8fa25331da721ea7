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
  type DistrictFigure,
  type DistrictReport,
  type DistrictReportInput,
  type DistrictReportSummary,
  type RejectedRow,
  type ReportObservation,
  resolveIndicatorId,
} from "./report/district.js";
export type {
  Cell,
  HeadlineFigure,
  Label,
  ReportChart,
  ReportLang,
  ReportModel,
  ReportSection,
  ReportSource,
  ReportTable,
  TableRow,
} from "./report/model.js";
