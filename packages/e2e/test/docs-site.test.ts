import { existsSync, mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, e2eRequired, launchChromium, serveFolder } from "./browser.js";
import { repoRoot } from "./workspace.js";

const site = join(repoRoot, "docs", "site");
const output = join(repoRoot, "packages", "e2e", "test-output", "docs-site");
const available = existsSync(chromiumPath) && existsSync(join(site, "index.html"));
if (!available) {
  const why = existsSync(chromiumPath)
    ? "docs/site is not built (npm run docs)"
    : `${chromiumPath} is missing (apt-get install chromium)`;
  if (e2eRequired) throw new Error(`docs-site browser test cannot run: ${why}`);
  console.warn(`SKIPPED docs-site browser test: ${why}. Run \`npm run test:e2e\` after installing it.`);
}

describe.skipIf(!available)("the typedoc site in headless Chromium", () => {
  let server: Server;
  let url = "";
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(output, { recursive: true });
    ({ server, url } = await serveFolder(site));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${url}/${path}`, { waitUntil: "networkidle" });
    return { page, problems };
  }

  async function packagePages(): Promise<string[]> {
    const { page } = await open("modules.html");
    const hrefs = await page.$$eval("a[href]", (links) => links.map((link) => link.getAttribute("href") ?? ""));
    await page.close();
    return [...new Set(hrefs.filter((href) => /^modules\/[^#]+\.html$/.test(href)))];
  }

  it("opens the home page with no console errors or 404s", async () => {
    const { page, problems } = await open("index.html");
    await expect(page.title()).resolves.toMatch(/carekit/);
    await page.screenshot({ path: join(output, "home.png"), fullPage: false });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens every package page with no console errors or 404s", async () => {
    const pages = await packagePages();
    expect(pages.length).toBeGreaterThan(0);
    for (const path of pages) {
      const { page, problems } = await open(path);
      expect(problems, path).toEqual([]);
      await expect(page.locator("h1").first().textContent()).resolves.toBeTruthy();
      await page.close();
    }
  });

  it.each([
    ["托位", /capacity/i, "search-tuowei"],
    ["起付线", /settlement/i, "search-qifuxian"],
  ])("finds %s in Chinese and leads to the right package", async (term, expected, shot) => {
    const { page, problems } = await open("index.html");
    await page.click("#tsd-search-trigger");
    await page.fill("#tsd-search-input", term);
    const results = page.locator("#tsd-search-results li");
    await results.first().waitFor({ timeout: 10_000 });
    const texts = await results.allTextContents();
    expect(texts.join("\n")).toMatch(expected);
    await page.screenshot({ path: join(output, `${shot}.png`) });
    await results.first().click();
    await page.waitForLoadState("networkidle");
    expect(page.url()).toMatch(expected);
    expect(problems).toEqual([]);
    await page.close();
  });
});
