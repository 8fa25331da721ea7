import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Importing date-fns by its index loads ~250 modules (≈ 0.2 s of CPU in Node, measured with process.cpuUsage()
// around import()), paid by every CLI run, worker thread and serverless cold start that imports @carekit/core.
describe("start-up cost", () => {
  it("imports date-fns one function module at a time, never by its index", () => {
    const src = join(import.meta.dirname, "../src");
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
    const bare = files.filter((file) => /from\s+["']date-fns["']/.test(readFileSync(join(src, file), "utf8")));
    expect(files.length).toBeGreaterThan(5);
    expect(bare).toEqual([]);
  });
});
