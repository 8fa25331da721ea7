import { existsSync } from "node:fs";
import type { Label, ReportLang, ReportModel, ReportTable } from "./model.js";
import { cellText, ILLUSTRATIVE, joinDistinct, pick } from "./text.js";

/** 公文 typefaces: 黑体 for headings, 仿宋 for text; Word falls back to a CJK font the machine has. */
const HEADING_FONT = { ascii: "Arial", hAnsi: "Arial", eastAsia: "黑体", cs: "Arial" };
const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋", cs: "Times New Roman" };

/** CJK fonts that resvg can draw chart labels with (Debian's fonts-noto-cjk), if installed. */
const CHART_FONTS = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"].filter((path) => existsSync(path));

/** A4 in twentieths of a point (twips): 210 × 297 mm; margins 37 mm top, 35 mm bottom, 28/26 mm sides (GB/T 9704). */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 };
/** Printable width in px at 96 dpi, for the chart images. */
const TEXT_WIDTH_PX = Math.floor(((PAGE.width - PAGE.left - PAGE.right) / 1440) * 96);

/** Draw a chart's SVG as a PNG (resvg, a self-contained Rust renderer shipped in the npm package). */
export async function svgToPng(
  svg: string,
  widthPx: number,
): Promise<{ png: Uint8Array; width: number; height: number }> {
  const { Resvg } = await import("@resvg/resvg-js");
  const fixed = svg.replace(
    /^<svg([^>]*?) width="100%" data-width="([\d.]+)" data-height="([\d.]+)" style="[^"]*"/,
    (_m, attrs, w, h) => `<svg${attrs} width="${w}" height="${h}"`,
  );
  const resvg = new Resvg(fixed, {
    fitTo: { mode: "width", value: widthPx * 2 },
    background: "#ffffff",
    font: {
      fontFiles: CHART_FONTS,
      loadSystemFonts: CHART_FONTS.length === 0,
      defaultFontFamily: "Noto Sans CJK SC",
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width / 2, height: image.height / 2 };
}

/**
 * Render the report as a Word document (.docx): the same sections, tables and charts (as PNG images), A4 with
 * 公文-style margins, 黑体 headings and 仿宋 text, page numbers in the footer, table headers repeated on each page.
 * docx and resvg are imported here, so only `--format docx` loads them.
 */
export async function renderDocx(model: ReportModel, lang: ReportLang = "both"): Promise<Uint8Array> {
  const d = await import("docx");
  const t = (label: Label) => pick(label, lang);
  const run = (text: string, options: { bold?: boolean; size?: number; color?: string; heading?: boolean } = {}) =>
    new d.TextRun({
      text,
      bold: options.bold ?? false,
      size: options.size ?? 24,
      ...(options.color ? { color: options.color } : {}),
      font: options.heading ? HEADING_FONT : BODY_FONT,
    });
  const para = (label: Label, options: { size?: number; color?: string; bold?: boolean } = {}) => {
    if (lang !== "both" || label.zh === label.en) return [new d.Paragraph({ children: [run(t(label), options)] })];
    return [
      new d.Paragraph({ children: [run(label.zh, options)] }),
      new d.Paragraph({ children: [run(label.en, { ...options, color: options.color ?? "555555" })] }),
    ];
  };
  const banner = (label: Label) =>
    new d.Paragraph({
      shading: { type: d.ShadingType.CLEAR, fill: "FFF4D6", color: "auto" },
      border: { left: { style: d.BorderStyle.SINGLE, size: 24, color: "E0A800", space: 4 } },
      spacing: { before: 120, after: 120 },
      children: [run(t(label), { bold: true, size: 21 })],
    });
  const cell = (text: string, options: { header?: boolean; right?: boolean; span?: number; fill?: string } = {}) =>
    new d.TableCell({
      ...(options.span ? { columnSpan: options.span } : {}),
      ...(options.header || options.fill
        ? { shading: { type: d.ShadingType.CLEAR, fill: options.fill ?? "EEF3F0", color: "auto" } }
        : {}),
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: [
        new d.Paragraph({
          alignment: options.right ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          children: [run(text, { size: 17, bold: options.header ?? false, heading: options.header ?? false })],
        }),
      ],
    });
  const table = (spec: ReportTable) => {
    const numeric = new Set(spec.numeric ?? []);
    const header = new d.TableRow({
      tableHeader: true,
      cantSplit: true,
      children: spec.columns.map((c, i) => cell(pick(c, lang, " "), { header: true, right: numeric.has(i) })),
    });
    const rows = spec.rows.map((row) => {
      if ("note" in row)
        return new d.TableRow({
          cantSplit: true,
          children: [cell(t(row.note), { span: spec.columns.length, fill: "FAFBFA" })],
        });
      const strong = row.className?.split(" ").some((c) => c === "total" || c === "district") ?? false;
      return new d.TableRow({
        cantSplit: true,
        children: row.cells.map((c, i) =>
          cell(cellText(c, lang), { right: numeric.has(i), ...(strong ? { fill: "F3F6F4" } : {}) }),
        ),
      });
    });
    return [
      new d.Paragraph({
        keepNext: true,
        spacing: { before: 160 },
        children: [run(t(spec.caption), { bold: true, size: 21, heading: true })],
      }),
      new d.Table({ width: { size: 100, type: d.WidthType.PERCENTAGE }, rows: [header, ...rows] }),
      ...(spec.notes ?? []).map((n) => new d.Paragraph({ children: [run(t(n), { size: 18, color: "555555" })] })),
    ];
  };

  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [
    new d.Paragraph({
      heading: d.HeadingLevel.TITLE,
      alignment: d.AlignmentType.CENTER,
      children: [run(lang === "en" ? model.title.en : model.title.zh, { size: 44, heading: true })],
    }),
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        run(
          lang === "both" ? joinDistinct([model.title.en, model.subtitle.zh, model.subtitle.en]) : t(model.subtitle),
          { size: 21, color: "555555" },
        ),
      ],
    }),
    ...model.banners.map(banner),
    new d.Paragraph({
      heading: d.HeadingLevel.HEADING_1,
      children: [run(t({ zh: "摘要", en: "Headline" }), { size: 32, heading: true })],
    }),
    new d.Table({
      width: { size: 100, type: d.WidthType.PERCENTAGE },
      rows: model.headline.map(
        (f) =>
          new d.TableRow({
            cantSplit: true,
            children: [
              cell(`${t(f.label)}${f.illustrative ? ` [${t(ILLUSTRATIVE)}]` : ""}`, { header: true }),
              cell(t(f.value)),
              cell(t(f.basis)),
            ],
          }),
      ),
    }),
  ];
  for (const section of model.sections) {
    children.push(
      new d.Paragraph({
        heading: d.HeadingLevel.HEADING_1,
        keepNext: true,
        spacing: { before: 360, after: 120 },
        children: [run(t(section.heading), { size: 32, heading: true })],
      }),
    );
    if (section.banner) children.push(banner(section.banner));
    for (const p of section.paragraphs ?? []) children.push(...para(p));
    for (const chart of section.charts ?? []) {
      const image = await svgToPng(chart.svg, TEXT_WIDTH_PX);
      const width = Math.min(TEXT_WIDTH_PX, image.width);
      const height = Math.round((image.height * width) / image.width);
      if (chart.illustrative)
        children.push(
          new d.Paragraph({
            keepNext: true,
            children: [run(`[${t(ILLUSTRATIVE)}] ${t(chart.title)}`, { size: 18, bold: true })],
          }),
        );
      children.push(
        new d.Paragraph({
          alignment: d.AlignmentType.CENTER,
          children: [
            new d.ImageRun({
              type: "png",
              data: image.png,
              transformation: { width, height },
              altText: { title: t(chart.title), description: t(chart.title), name: section.id },
            }),
          ],
        }),
      );
    }
    for (const spec of section.tables ?? []) children.push(...table(spec));
  }
  children.push(
    new d.Paragraph({
      heading: d.HeadingLevel.HEADING_1,
      spacing: { before: 360, after: 120 },
      children: [run(t({ zh: "依据与来源", en: "Sources" }), { size: 32, heading: true })],
    }),
    ...model.sources.map(
      (s) =>
        new d.Paragraph({
          bullet: { level: 0 },
          children: [
            run(`${s.title}${s.number ? `（${s.number}）` : ""}${s.note ? ` — ${s.note}` : ""}`, { size: 21 }),
          ],
        }),
    ),
    new d.Paragraph({
      spacing: { before: 240 },
      children: [
        run(`carekit · ${t({ zh: "生成日期", en: "generated" })} ${model.generatedOn}`, { size: 18, color: "555555" }),
      ],
    }),
  );

  const footer = new d.Footer({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        children: [
          new d.TextRun({
            children: ["— ", d.PageNumber.CURRENT, " / ", d.PageNumber.TOTAL_PAGES, " —"],
            size: 18,
            font: BODY_FONT,
          }),
        ],
      }),
    ],
  });
  const document = new d.Document({
    creator: "carekit",
    title: pick(model.title, lang),
    styles: { default: { document: { run: { font: BODY_FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toBuffer(document));
}
