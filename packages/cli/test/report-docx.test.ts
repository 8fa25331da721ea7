import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDistrictReport } from "../src/report/district.js";
import { cellText, pick } from "../src/report/text.js";
import { exampleInput } from "./report-example.js";
import { carekit, tmp } from "./run.js";

const unzip = spawnSync("unzip", ["-v"]).status === 0;
const libreoffice = spawnSync("libreoffice", ["--version"], { encoding: "utf8" }).status === 0;
const poppler = spawnSync("pdftotext", ["-v"]).status === 0;
if (!unzip) console.warn("SKIPPED report.docx read-back: unzip is missing (apt-get install unzip).");
if (!libreoffice)
  console.warn(
    "SKIPPED report.docx PDF conversion: libreoffice is missing (apt-get install libreoffice-writer-nogui).",
  );

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of every `<w:t>` run of the document, in order. */
function runsOf(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? ""));
}

describe.skipIf(!unzip)("carekit report --format docx", () => {
  const dir = tmp();
  const docx = join(dir, "report.docx");

  it("writes a Word document with every section heading, every table row and the charts as PNG images", async () => {
    const run = carekit(["report", "--example", "dazu", "--format", "docx", "--out", dir, "--date", "2026-11-25"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`report: ${docx}`);
    expect(existsSync(join(dir, "report.html"))).toBe(false);
    const listing = execFileSync("unzip", ["-Z1", docx], { encoding: "utf8" }).split("\n");
    expect(listing).toContain("word/document.xml");
    expect(listing.filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(3);
    for (const png of listing.filter((f) => f.endsWith(".png"))) {
      const bytes = execFileSync("unzip", ["-p", docx, png]);
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(bytes.length).toBeGreaterThan(5_000);
    }
    const xml = execFileSync("unzip", ["-p", docx, "word/document.xml"], { encoding: "utf8", maxBuffer: 1 << 26 });
    const runs = new Set(runsOf(xml));
    // the same model the HTML is built from
    const { model } = await buildDistrictReport(exampleInput({ generatedOn: "2026-11-25" }));
    for (const section of model.sections) {
      expect(runs, `heading ${section.heading.zh}`).toContain(pick(section.heading, "both"));
      if (section.banner) expect(runs).toContain(pick(section.banner, "both"));
      for (const table of section.tables ?? []) {
        expect(runs).toContain(pick(table.caption, "both"));
        for (const row of table.rows) {
          if ("note" in row) expect(runs).toContain(pick(row.note, "both"));
          else
            for (const cell of row.cells)
              if (cellText(cell, "both") !== "") expect(runs).toContain(cellText(cell, "both"));
        }
      }
    }
    for (const figure of model.headline) expect(runs).toContain(pick(figure.value, "both"));
    // A4, 黑体 headings and 仿宋 text, page numbers in the footer
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    const footers = listing.filter((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    const footer = footers.map((f) => execFileSync("unzip", ["-p", docx, f], { encoding: "utf8" })).join("");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    // table headers repeat on each page
    expect(xml).toContain("<w:tblHeader/>");
  }, 240_000);

  it.skipIf(!libreoffice || !poppler)(
    "converts to PDF with LibreOffice and renders its text",
    () => {
      if (!existsSync(docx))
        carekit(["report", "--example", "dazu", "--format", "docx", "--out", dir, "--date", "2026-11-25"]);
      const out = join(dir, "pdf");
      execFileSync("libreoffice", ["--headless", "--convert-to", "pdf", "--outdir", out, docx], {
        stdio: "ignore",
        timeout: 180_000,
        env: { ...process.env, HOME: dir },
      });
      const pdf = join(out, "report.pdf");
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
      expect(pages).toBeGreaterThan(1);
      const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      for (const needle of ["托育服务能力", "下一步", "龙滩子街道", "2,188", "示意数据"])
        expect(text).toContain(needle);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    },
    240_000,
  );
});
