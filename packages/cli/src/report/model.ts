import type { Label } from "@carekit/core";

/** A bilingual label (中英文标签): core's `Label`, `{ zh, en }`. */
export type { Label };

/** Which language(s) a report is written in: Chinese only, English only, or both (默认中英对照). */
export type ReportLang = "zh" | "en" | "both";

/** The report languages, in the order `--lang` lists them. */
export const REPORT_LANGS: readonly ReportLang[] = ["zh", "en", "both"];

/** A table cell: a figure or name written the same in both languages, or a bilingual text. */
export type Cell = string | Label;

/** A row of a table: cells, or one explanatory line spanning the whole row (说明行). */
export type TableRow =
  | { readonly cells: readonly Cell[]; readonly className?: string | undefined }
  | { readonly note: Label; readonly className?: string | undefined };

/** A table in the report. */
export interface ReportTable {
  readonly caption: Label;
  readonly columns: readonly Label[];
  readonly rows: readonly TableRow[];
  /** Index of columns that hold numbers (right-aligned). */
  readonly numeric?: readonly number[];
  /** Notes printed under the table (表注). */
  readonly notes?: readonly Label[];
}

/** A chart: its title and the SVG drawn from its Vega-Lite specification (with the specification kept for PNG). */
export interface ReportChart {
  readonly title: Label;
  readonly svg: string;
  /** Drawn from illustrative inputs: the chart carries the 示意数据 mark. */
  readonly illustrative: boolean;
}

/** One section of the report. */
export interface ReportSection {
  /** Stable id (HTML anchor, test hook): `childcare`, `beds`, `indicators`, `next`, `finance`, `rejected`. */
  readonly id: string;
  readonly heading: Label;
  /** A banner across the section, e.g. that its inputs are illustrative (示意数据). */
  readonly banner?: Label | undefined;
  readonly paragraphs?: readonly Label[];
  readonly charts?: readonly ReportChart[];
  readonly tables?: readonly ReportTable[];
}

/** One headline figure (摘要): what it is, its value, and what it rests on (year, source, rows). */
export interface HeadlineFigure {
  readonly label: Label;
  /** The figure, or 未提供 / not given. */
  readonly value: Label;
  /** Year, source and the rows it rests on. */
  readonly basis: Label;
  readonly illustrative: boolean;
  /** The inputs for this figure were not given (shown as 未提供, never 0). */
  readonly missing: boolean;
}

/** A source document the report relied on (title, 文号, date, publisher where known). */
export interface ReportSource {
  readonly title: string;
  readonly number?: string | undefined;
  readonly note?: string | undefined;
}

/** Everything a planning report shows; rendered to HTML, Markdown and Word. */
export interface ReportModel {
  readonly title: Label;
  readonly subtitle: Label;
  readonly generatedOn: string;
  /** Banners at the top of the report (e.g. which inputs are illustrative). */
  readonly banners: readonly Label[];
  readonly headline: readonly HeadlineFigure[];
  readonly sections: readonly ReportSection[];
  readonly sources: readonly ReportSource[];
}
