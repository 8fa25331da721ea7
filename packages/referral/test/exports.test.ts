import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as referral from "../src/index.js";

/** The public entry's runtime exports, counted: growth is a decision recorded in the README's API section. */
describe("public API", () => {
  it("exports exactly the values listed in the README, and the count it states", () => {
    const names = Object.keys(referral).sort();
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const stated = /(\d+) runtime exports/.exec(readme)?.[1];
    expect(Number(stated)).toBe(names.length);
    for (const name of names) expect(readme, name).toContain(`\`${name}\``);
    expect(names).not.toContain("assertSafeJson");
    expect(names).not.toContain("CONFIDENCES");
  });
});
