/** A bilingual label (中英文标签). */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** A table in the report: column labels, rows of display strings, and an optional CSS class per row. */
export interface ReportTable {
  readonly columns: readonly Label[];
  readonly rows: readonly (readonly string[])[];
  readonly rowClasses?: readonly string[];
  /** Index of columns that hold numbers (right-aligned). */
  readonly numeric?: readonly number[];
}

/** One section of the report. */
export interface ReportSection {
  readonly heading: Label;
  readonly paragraphs?: readonly Label[];
  readonly charts?: readonly string[];
  readonly table?: ReportTable;
}

/** A source document the report relied on. */
export interface ReportSource {
  readonly title: string;
  readonly number?: string | undefined;
  readonly note?: string | undefined;
}

/** Everything a planning report shows; rendered to HTML and to Markdown. */
export interface ReportModel {
  readonly title: Label;
  readonly subtitle: Label;
  readonly generatedOn: string;
  readonly summary: readonly Label[];
  readonly sections: readonly ReportSection[];
  readonly sources: readonly ReportSource[];
}
