import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as examples from "../src/examples.js";
import * as settlement from "../src/index.js";

/** The public entries' runtime exports, counted: growth is a decision recorded in the README's API section. */
describe("public API", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const api = readme.slice(readme.indexOf("## API"), readme.indexOf("\n## ", readme.indexOf("## API") + 1));

  it("exports exactly the values listed in the README, and the count it states", () => {
    const names = Object.keys(settlement).sort();
    const stated = /has (\d+) runtime exports/.exec(api)?.[1];
    expect(Number(stated)).toBe(names.length);
    for (const name of names) expect(api, name).toContain(`\`${name}\``);
    // the settler's internals stay off the public entry
    for (const internal of ["SettledAccumulators", "isAccumulators", "freshAccumulators", "runFund", "payPooled"]) {
      expect(names).not.toContain(internal);
    }
  });

  it("the examples entry exports the two listed", () => {
    const names = Object.keys(examples).sort();
    expect(api).toContain(`entry has ${names.length}:`);
    for (const name of names) expect(api, name).toContain(`\`${name}\``);
  });
});
