import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumPath, e2eRequired, launchChromium, serveFolder } from "./browser.js";
import { repoRoot } from "./workspace.js";

const output = join(repoRoot, "packages", "e2e", "test-output", "report");
const available = existsSync(chromiumPath);
if (!available) {
  if (e2eRequired) throw new Error(`report browser test cannot run: ${chromiumPath} is missing`);
  console.warn(`SKIPPED report browser test: ${chromiumPath} is missing (apt-get install chromium).`);
}

describe.skipIf(!available)("the planning report in headless Chromium", () => {
  it("opens with no console errors, shows SVG charts and the indicator table, and is screenshotted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "carekit-report-"));
    const bin = join(repoRoot, "packages", "cli", "dist", "bin.js");
    execFileSync("node", [bin, "report", "--example", "dazu", "--out", dir, "--date", "2026-11-25"], {
      stdio: "ignore",
    });
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
      const indicatorRows = page.locator("section", { hasText: "主要指标进度" }).locator("tbody tr");
      expect(await indicatorRows.count()).toBe(12);
      expect(await page.locator("tr.status-off_track").count()).toBeGreaterThan(0);
      await expect(page.locator("header h1").textContent()).resolves.toContain("大足区");
      await page.screenshot({ path: join(output, "report.png"), fullPage: true });
      expect(existsSync(join(output, "report.png"))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
