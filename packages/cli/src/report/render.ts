import type { Label, ReportLang, ReportModel, ReportSection, ReportTable } from "./model.js";
import { cellText, ILLUSTRATIVE, joinDistinct, pick } from "./text.js";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A label as HTML: Chinese, then English in a muted span (both), or one language alone. */
function html(label: Label, lang: ReportLang, breakLine = false): string {
  if (lang === "zh") return escapeHtml(label.zh);
  if (lang === "en") return escapeHtml(label.en);
  if (label.zh === label.en) return escapeHtml(label.zh);
  return `${escapeHtml(label.zh)}${breakLine ? "<br>" : " "}<span class="en">${escapeHtml(label.en)}</span>`;
}

function htmlTable(table: ReportTable, lang: ReportLang): string {
  const numeric = new Set(table.numeric ?? []);
  const width = table.columns.length;
  const head = table.columns
    .map((c, i) => `<th scope="col"${numeric.has(i) ? ' class="num"' : ""}>${html(c, lang, true)}</th>`)
    .join("");
  const body = table.rows
    .map((row) => {
      const cls = row.className ? ` class="${escapeHtml(row.className)}"` : "";
      if ("note" in row) return `<tr${cls}><td colspan="${width}">${html(row.note, lang)}</td></tr>`;
      const cells = row.cells
        .map((cell, i) => {
          const text = typeof cell === "string" ? escapeHtml(cell) : html(cell, lang);
          return `<td${numeric.has(i) ? ' class="num"' : ""}>${text}</td>`;
        })
        .join("");
      return `<tr${cls}>${cells}</tr>`;
    })
    .join("\n");
  const notes = (table.notes ?? []).map((n) => `<p class="note">${html(n, lang)}</p>`).join("\n");
  return `<figure class="table"><figcaption>${html(table.caption, lang)}</figcaption><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${notes}</figure>`;
}

/** Print-first styling: A4 pages with page numbers, charts fitted to the page width, tables that break between rows. */
const STYLE = `
:root { --ink: #1d2a24; --muted: #5b6b63; --accent: #0b6e4f; --bad: #c8553d; --good: #0b6e4f; --line: #dfe6e2; --warn: #fff4d6; --warn-line: #e0a800; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); background: #f6f8f7; overflow-wrap: anywhere; }
header { background: var(--accent); color: #fff; padding: 24px 40px; }
header h1 { margin: 0 0 4px; font-size: 26px; line-height: 1.3; }
header p { margin: 0; opacity: .9; }
main { max-width: 1080px; margin: 0 auto; padding: 16px 40px 48px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; margin: 16px 0; }
h2 { margin: 0 0 10px; font-size: 20px; color: var(--accent); break-after: avoid; }
.en { color: var(--muted); font-weight: normal; font-size: .92em; }
header .en { color: #e6f2ec; }
.banner { background: var(--warn); border: 1px solid var(--warn-line); border-left: 6px solid var(--warn-line); border-radius: 6px; padding: 8px 12px; margin: 10px 0; font-weight: 600; }
.banner .en { color: #5a4a00; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 10px; margin: 12px 0; }
.figure { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; padding: 8px 12px; break-inside: avoid; }
.figure.illustrative { border-left-color: var(--warn-line); }
.figure.missing { border-left-color: #9e9e9e; }
.figure .label { font-size: 13px; color: var(--muted); }
.figure .value { font-size: 18px; font-weight: 700; }
.figure .basis { font-size: 12px; color: var(--muted); }
.mark { display: inline-block; background: var(--warn); border: 1px solid var(--warn-line); border-radius: 3px; padding: 0 4px; font-size: 11px; font-weight: 600; color: #5a4a00; }
.chart { margin: 12px 0; break-inside: avoid; }
.chart svg { display: block; width: 100%; height: auto; }
figure { margin: 12px 0; }
figcaption { font-weight: 600; margin-bottom: 4px; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 7px; text-align: left; vertical-align: top; }
th { background: #eef3f0; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td, tr.district td { font-weight: 700; background: #f3f6f4; }
tr.headline td { background: #e4f1ea; }
tr.explain td { font-size: 12px; color: var(--muted); background: #fafbfa; }
tr.missing td { color: var(--muted); }
tr.status-achieved td:first-child { border-left: 4px solid var(--good); }
tr.status-on_track td:first-child { border-left: 4px solid #7fb069; }
tr.status-off_track td:first-child { border-left: 4px solid var(--bad); }
tr.status-no_baseline td:first-child { border-left: 4px solid #9e9e9e; }
tr.gap td:first-child, tr.rejected td:first-child { border-left: 4px solid var(--bad); }
.note { font-size: 12px; color: var(--muted); margin: 4px 0; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 16px; }
@page { size: A4; margin: 16mm 15mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font: 10px "Noto Sans CJK SC", sans-serif; color: #5b6b63; } }
@media print {
  body { background: #fff; font-size: 10.5pt; line-height: 1.5; }
  header { background: none; color: var(--ink); padding: 0 0 6px; border-bottom: 2px solid var(--accent); }
  header h1 { font-size: 18pt; color: var(--ink); }
  header .en { color: var(--muted); }
  main { max-width: none; padding: 0; }
  section { border: 0; border-radius: 0; padding: 0; margin: 10px 0 14px; }
  h2 { font-size: 14pt; }
  .summary { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px; }
  .figure .value { font-size: 12pt; }
  table { font-size: 8.5pt; }
  th, td { padding: 3px 5px; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .banner, .mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  footer { padding: 8px 0 0; }
}
`;

function sectionHtml(section: ReportSection, lang: ReportLang): string {
  const parts: string[] = [`<section id="${escapeHtml(section.id)}">`, `<h2>${html(section.heading, lang)}</h2>`];
  if (section.banner) parts.push(`<p class="banner" role="note">${html(section.banner, lang)}</p>`);
  for (const p of section.paragraphs ?? []) parts.push(`<p>${html(p, lang, lang === "both")}</p>`);
  for (const chart of section.charts ?? []) {
    const mark = chart.illustrative ? `<span class="mark">${html(ILLUSTRATIVE, lang)}</span>` : "";
    parts.push(
      `<figure class="chart" aria-label="${escapeHtml(pick(chart.title, lang))}">${mark}${chart.svg}</figure>`,
    );
  }
  for (const table of section.tables ?? []) parts.push(htmlTable(table, lang));
  parts.push("</section>");
  return parts.join("\n");
}

/** Render the report as one self-contained HTML page (inline CSS and SVG charts; no scripts, no network). */
export function renderHtml(model: ReportModel, lang: ReportLang = "both"): string {
  const banners = model.banners.map((b) => `<p class="banner" role="note">${html(b, lang)}</p>`).join("\n");
  const headline = model.headline
    .map((f) => {
      const cls = ["figure", f.illustrative ? "illustrative" : "", f.missing ? "missing" : ""]
        .filter(Boolean)
        .join(" ");
      const mark = f.illustrative ? ` <span class="mark">${html(ILLUSTRATIVE, lang)}</span>` : "";
      return `<div class="${cls}"><div class="label">${html(f.label, lang)}${mark}</div><div class="value">${html(f.value, lang)}</div><div class="basis">${html(f.basis, lang, lang === "both")}</div></div>`;
    })
    .join("\n");
  const sources = model.sources
    .map(
      (s) =>
        `<li>${escapeHtml(s.title)}${s.number ? `（${escapeHtml(s.number)}）` : ""}${s.note ? ` — <span class="note">${escapeHtml(s.note)}</span>` : ""}</li>`,
    )
    .join("\n");
  const title = pick(model.title, lang);
  const subtitle =
    lang === "both" ? joinDistinct([model.title.en, model.subtitle.zh, model.subtitle.en]) : pick(model.subtitle, lang);
  return `<!doctype html>
<html lang="${lang === "en" ? "en" : "zh-CN"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(lang === "en" ? model.title.en : model.title.zh)}</h1><p>${escapeHtml(subtitle)}</p></header>
<main>
${banners}
<div class="summary" id="headline">
${headline}
</div>
${model.sections.map((s) => sectionHtml(s, lang)).join("\n")}
<section id="sources">
<h2>${html({ zh: "依据与来源", en: "Sources" }, lang)}</h2>
<ul>
${sources}
</ul>
</section>
</main>
<footer>carekit · ${html({ zh: "生成日期", en: "generated" }, lang)} ${escapeHtml(model.generatedOn)}</footer>
</body>
</html>
`;
}

function mdCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Render the same report as Markdown (tables, no charts), for e-mail and review. */
export function renderMarkdown(model: ReportModel, lang: ReportLang = "both"): string {
  const t = (label: Label) => pick(label, lang);
  const out: string[] = [`# ${t(model.title)}`, "", t(model.subtitle), ""];
  for (const b of model.banners) out.push(`> **${t(b)}**`, "");
  for (const f of model.headline) {
    out.push(`- **${t(f.label)}**${f.illustrative ? ` [${t(ILLUSTRATIVE)}]` : ""}: ${t(f.value)} — ${t(f.basis)}`);
  }
  for (const section of model.sections) {
    out.push("", `## ${t(section.heading)}`, "");
    if (section.banner) out.push(`> **${t(section.banner)}**`, "");
    for (const p of section.paragraphs ?? []) {
      if (lang === "both" && p.zh !== p.en) out.push(p.zh, "", `_${p.en}_`, "");
      else out.push(t(p), "");
    }
    for (const table of section.tables ?? []) {
      const numeric = new Set(table.numeric ?? []);
      out.push(`**${t(table.caption)}**`, "");
      out.push(`| ${table.columns.map((c) => mdCell(lang === "both" ? `${c.zh} (${c.en})` : t(c))).join(" | ")} |`);
      out.push(`| ${table.columns.map((_, i) => (numeric.has(i) ? "---:" : "---")).join(" | ")} |`);
      for (const row of table.rows) {
        if ("note" in row) out.push(`| ${mdCell(t(row.note))} |${" |".repeat(table.columns.length - 1)}`);
        else out.push(`| ${row.cells.map((c) => mdCell(cellText(c, lang))).join(" | ")} |`);
      }
      for (const note of table.notes ?? []) out.push("", `_${t(note)}_`);
      out.push("");
    }
  }
  out.push("", `## ${t({ zh: "依据与来源", en: "Sources" })}`, "");
  for (const s of model.sources)
    out.push(`- ${s.title}${s.number ? `（${s.number}）` : ""}${s.note ? ` — ${s.note}` : ""}`);
  out.push("", `_carekit · ${t({ zh: "生成日期", en: "generated" })} ${model.generatedOn}_`, "");
  return out.join("\n");
}
