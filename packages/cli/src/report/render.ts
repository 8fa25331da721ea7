import type { Label, ReportModel, ReportTable } from "./model.js";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function bilingual(label: Label, tag: string): string {
  return `<${tag}>${escapeHtml(label.zh)} <span class="en">${escapeHtml(label.en)}</span></${tag}>`;
}

function htmlTable(table: ReportTable): string {
  const numeric = new Set(table.numeric ?? []);
  const head = table.columns
    .map(
      (c, i) =>
        `<th${numeric.has(i) ? ' class="num"' : ""}>${escapeHtml(c.zh)}<br><span class="en">${escapeHtml(c.en)}</span></th>`,
    )
    .join("");
  const body = table.rows
    .map((row, r) => {
      const cls = table.rowClasses?.[r];
      const cells = row
        .map((value, i) => `<td${numeric.has(i) ? ' class="num"' : ""}>${escapeHtml(value)}</td>`)
        .join("");
      return `<tr${cls ? ` class="${escapeHtml(cls)}"` : ""}>${cells}</tr>`;
    })
    .join("\n");
  return `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

const STYLE = `
:root { --ink: #1d2a24; --muted: #5b6b63; --accent: #0b6e4f; --bad: #c8553d; --good: #0b6e4f; --line: #dfe6e2; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); background: #f6f8f7; }
header { background: var(--accent); color: #fff; padding: 28px 40px; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 0; opacity: .85; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 40px 60px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin: 20px 0; }
h2 { margin: 0 0 12px; font-size: 20px; color: var(--accent); }
.en { color: var(--muted); font-weight: normal; font-size: .9em; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
.summary div { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; padding: 10px 14px; }
.chart { overflow-x: auto; margin: 12px 0; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #eef3f0; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; background: #f3f6f4; }
tr.status-achieved td:first-child { border-left: 4px solid var(--good); }
tr.status-on_track td:first-child { border-left: 4px solid #7fb069; }
tr.status-off_track td:first-child { border-left: 4px solid var(--bad); }
tr.status-no_baseline td:first-child { border-left: 4px solid #9e9e9e; }
tr.gap td:first-child { border-left: 4px solid var(--bad); }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 20px; }
`;

/** Render the report as one self-contained HTML page (inline CSS and SVG charts; no scripts, no network). */
export function renderHtml(model: ReportModel): string {
  const sections = model.sections
    .map((section) => {
      const paragraphs = (section.paragraphs ?? [])
        .map((p) => `<p>${escapeHtml(p.zh)}<br><span class="en">${escapeHtml(p.en)}</span></p>`)
        .join("\n");
      const charts = (section.charts ?? []).map((svg) => `<div class="chart">${svg}</div>`).join("\n");
      return `<section>\n${bilingual(section.heading, "h2")}\n${paragraphs}\n${charts}\n${section.table ? htmlTable(section.table) : ""}\n</section>`;
    })
    .join("\n");
  const summary = model.summary
    .map((s) => `<div>${escapeHtml(s.zh)}<br><span class="en">${escapeHtml(s.en)}</span></div>`)
    .join("\n");
  const sources = model.sources
    .map(
      (s) =>
        `<li>${escapeHtml(s.title)}${s.number ? `（${escapeHtml(s.number)}）` : ""}${s.note ? ` — <span class="en">${escapeHtml(s.note)}</span>` : ""}</li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(model.title.zh)} · ${escapeHtml(model.title.en)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(model.title.zh)}</h1><p>${escapeHtml(model.title.en)} · ${escapeHtml(model.subtitle.zh)} · ${escapeHtml(model.subtitle.en)}</p></header>
<main>
<div class="summary">
${summary}
</div>
${sections}
<section>
${bilingual({ zh: "依据与来源", en: "Sources" }, "h2")}
<ul>
${sources}
</ul>
</section>
</main>
<footer>carekit · generated ${escapeHtml(model.generatedOn)} · 生成日期</footer>
</body>
</html>
`;
}

function mdCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Render the same report as Markdown (tables, no charts), for e-mail and review. */
export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [
    `# ${model.title.zh} · ${model.title.en}`,
    "",
    `${model.subtitle.zh} · ${model.subtitle.en}`,
    "",
  ];
  for (const s of model.summary) out.push(`- ${s.zh} · ${s.en}`);
  for (const section of model.sections) {
    out.push("", `## ${section.heading.zh} · ${section.heading.en}`, "");
    for (const p of section.paragraphs ?? []) out.push(p.zh, "", `_${p.en}_`, "");
    if (section.table) {
      out.push(`| ${section.table.columns.map((c) => mdCell(`${c.zh} (${c.en})`)).join(" | ")} |`);
      out.push(
        `| ${section.table.columns.map((_, i) => ((section.table?.numeric ?? []).includes(i) ? "---:" : "---")).join(" | ")} |`,
      );
      for (const row of section.table.rows) out.push(`| ${row.map(mdCell).join(" | ")} |`);
    }
  }
  out.push("", "## 依据与来源 · Sources", "");
  for (const s of model.sources)
    out.push(`- ${s.title}${s.number ? `（${s.number}）` : ""}${s.note ? ` — ${s.note}` : ""}`);
  out.push("", `_carekit · generated ${model.generatedOn}_`, "");
  return out.join("\n");
}
