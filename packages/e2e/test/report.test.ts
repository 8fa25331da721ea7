/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, e2eRequired, launchChromium, serveFolder } from "./browser.js";
import { repoRoot } from "./workspace.js";

const output = join(repoRoot, "packages", "e2e", "test-output", "report");
const bin = join(repoRoot, "packages", "cli", "dist", "bin.js");
const available = existsSync(chromiumPath);
if (!available) {
  if (e2eRequired) throw new Error(`report browser test cannot run: ${chromiumPath} is missing`);
  console.warn(`SKIPPED report browser test: ${chromiumPath} is missing (apt-get install chromium).`);
}
const poppler = spawnSync("pdftotext", ["-v"]).status === 0 && spawnSync("pdfinfo", ["-v"]).status === 0;
if (!poppler) {
  if (e2eRequired)
    throw new Error("report PDF test cannot run: pdftotext/pdfinfo missing (apt-get install poppler-utils)");
  console.warn("SKIPPED report PDF page checks: pdftotext/pdfinfo missing (apt-get install poppler-utils).");
}

/** A4 at 96 dpi in CSS px (210 mm × 297 mm). */
const A4 = { width: 794, height: 1123 };

function writeReport(args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "carekit-report-"));
  execFileSync("node", [bin, "report", "--example", "dazu", "--out", dir, "--date", "2026-11-25", ...args], {
    stdio: "ignore",
  });
  return dir;
}

/** Elements wider than the page, text boxes whose content is cut off, and SVG text outside its picture. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const pageWidth = document.documentElement.clientWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ").join(".")}` : ""} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
    if (document.documentElement.scrollWidth > pageWidth)
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${pageWidth}`);
    for (const el of document.body.querySelectorAll("*")) {
      if (el instanceof SVGElement && !(el instanceof SVGSVGElement)) continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && (box.right > pageWidth + 0.5 || box.left < -0.5))
        problems.push(`${name(el)} overflows the page: ${box.left.toFixed(1)}–${box.right.toFixed(1)} of ${pageWidth}`);
      if (el instanceof HTMLElement && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} is clipped: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
    }
    for (const svg of document.querySelectorAll("svg")) {
      const view = svg.viewBox.baseVal;
      for (const text of svg.querySelectorAll("text")) {
        const matrix = text.getCTM();
        const own = svg.getCTM();
        if (!matrix || !own) continue;
        const local = own.inverse().multiply(matrix);
        const b = text.getBBox();
        const corners = [
          new DOMPoint(b.x, b.y).matrixTransform(local),
          new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(local),
        ];
        const xs = corners.map((p) => p.x);
        const ys = corners.map((p) => p.y);
        if (Math.min(...xs) < view.x - 0.5 || Math.max(...xs) > view.x + view.width + 0.5)
          problems.push(
            `chart text "${text.textContent}" is cut off horizontally (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} of ${view.width})`,
          );
        if (Math.min(...ys) < view.y - 0.5 || Math.max(...ys) > view.y + view.height + 0.5)
          problems.push(`chart text "${text.textContent}" is cut off vertically`);
      }
    }
    return problems;
  });
}

interface PdfPage {
  readonly number: number;
  readonly text: string;
  /** Share of the page's printable height covered from the top margin to the lowest word (page number excluded). */
  readonly fill: number;
}

/** Read a PDF's pages with poppler: the text of each and how far down its content reaches. */
function readPdf(path: string): PdfPage[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [path], { encoding: "utf8" }))?.[1]);
  const bbox = execFileSync("pdftotext", ["-bbox", path, "-"], { encoding: "utf8" });
  const out: PdfPage[] = [];
  for (const [i, chunk] of bbox.split("<page ").slice(1).entries()) {
    const height = Number(/height="([\d.]+)"/.exec(chunk)?.[1]);
    const words = [...chunk.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
      top: Number(m[1]),
      bottom: Number(m[2]),
      text: m[3] ?? "",
    }));
    // the page number sits in the bottom margin (18 mm ≈ 51 pt); the content area is 16 mm from the top
    const footerTop = height - 51;
    const content = words.filter((w) => w.top < footerTop);
    const top = 45;
    const lowest = Math.max(top, ...content.map((w) => w.bottom));
    const text = execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), path, "-"], {
      encoding: "utf8",
    });
    out.push({ number: i + 1, text, fill: (lowest - top) / (footerTop - top) });
  }
  expect(out).toHaveLength(pages);
  return out;
}

describe.skipIf(!available)("the planning report in headless Chromium", () => {
  it("opens with no console errors, shows SVG charts and the indicator table, and is screenshotted", async () => {
    const dir = writeReport();
    mkdirSync(output, { recursive: true });
    const { server, url } = await serveFolder(dir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("response", (response) => {
        if (response.status() >= 400 && !response.url().endsWith("/favicon.ico"))
          problems.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${url}/report.html`, { waitUntil: "networkidle" });
      expect(await page.locator(".chart svg").count()).toBe(3);
      expect(await page.locator("#indicators tbody tr").count()).toBe(12);
      expect(await page.locator("tr.status-off_track").count()).toBeGreaterThan(0);
      await expect(page.locator("header h1").textContent()).resolves.toContain("大足区");
      // the illustrative banner is visible on the report and on each section built from illustrative inputs
      for (const id of ["childcare", "beds", "indicators"])
        expect(await page.locator(`#${id} .banner`).isVisible()).toBe(true);
      expect(await layoutProblems(page)).toEqual([]);
      await page.screenshot({ path: join(output, "report.png"), fullPage: true });
      expect(existsSync(join(output, "report.png"))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      server.close();
    }
  });

  it("opens from disk with no script and no request but the file itself", async () => {
    const dir = writeReport();
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).not.toMatch(/<script|<iframe|<img\b|<link rel="stylesheet"|@import|url\(http/i);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      const file = pathToFileURL(join(dir, "report.html")).href;
      await page.goto(file, { waitUntil: "load" });
      expect(requests.filter((r) => r !== file && !r.startsWith("data:"))).toEqual([]);
      expect(await page.locator(".chart svg").count()).toBe(3);
    } finally {
      await browser.close();
    }
  });

  for (const lang of ["both", "zh"] as const) {
    it(`prints on A4 (${lang}): nothing wider than the page, no text cut off, page numbers, no near-empty page`, async () => {
      const dir = writeReport(["--lang", lang]);
      mkdirSync(output, { recursive: true });
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: A4 });
        await page.goto(pathToFileURL(join(dir, "report.html")).href, { waitUntil: "load" });
        await page.emulateMedia({ media: "print" });
        expect(await layoutProblems(page)).toEqual([]);
        await page.screenshot({ path: join(output, `report-a4-${lang}.png`), fullPage: true });
        const pdf = join(output, `report-${lang}.pdf`);
        await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
        if (!poppler) return;
        const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
        expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
        const pages = readPdf(pdf);
        expect(pages.length).toBeGreaterThan(1);
        for (const p of pages) {
          expect(p.text, `page ${p.number} carries its number`).toMatch(
            new RegExp(`(^|\\s)${p.number}\\s*/\\s*${pages.length}\\s*$`),
          );
          if (p.number < pages.length) expect(p.fill, `page ${p.number} fill`).toBeGreaterThanOrEqual(0.25);
        }
        expect(pages[0]?.fill, "the first page is not half empty").toBeGreaterThanOrEqual(0.5);
        // a table header repeats on the page where its table continues
        const continued = pages.filter((p) => /龙石镇|高坪镇/.test(p.text) && !/龙岗街道/.test(p.text));
        for (const p of continued) expect(p.text).toContain("街镇");
        writeFileSync(join(output, `report-${lang}.txt`), pages.map((p) => p.text).join("\f"));
      } finally {
        await browser.close();
      }
    });
  }
});
