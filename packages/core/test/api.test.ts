import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as core from "../src/index.js";
import * as regions from "../src/regions.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const api = readme.slice(readme.indexOf("## API"), readme.indexOf("## Limits"));

/** The names in one column (1 = values, 2 = types) of the README's API tables; `regions` picks the regions table. */
function column(index: 1 | 2, table: "main" | "regions"): string[] {
  const split = api.indexOf("| `@carekit/core/regions`");
  const text = table === "main" ? api.slice(0, split) : api.slice(split);
  return text
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| concept") && !line.startsWith("|---"))
    .filter((line) => !line.startsWith("| `@carekit/core/regions`"))
    .flatMap((line) => [...(line.split("|")[index + 1] ?? "").matchAll(/`([A-Za-z_]\w*)`/g)].map((m) => m[1] ?? ""))
    .sort();
}

/** The `type X` names an entry file re-exports. */
function typeExports(file: string): string[] {
  const text = readFileSync(new URL(`../src/${file}`, import.meta.url), "utf8");
  return [...text.matchAll(/\btype ([A-Z]\w*)/g)].map((m) => m[1] ?? "").sort();
}

describe("the main entry holds the public API only, as the README lists it", () => {
  it("exports exactly the 31 values of the README's API table", () => {
    expect(Object.keys(core).sort()).toEqual(column(1, "main"));
    expect(Object.keys(core)).toHaveLength(31);
  });

  it("exports exactly the 18 types of the README's API table", () => {
    expect(typeExports("index.ts")).toEqual(column(2, "main"));
    expect(typeExports("index.ts")).toHaveLength(18);
  });

  it("keeps the region table in its own entry, as listed", () => {
    expect(Object.keys(regions).sort()).toEqual(column(1, "regions"));
    expect(typeExports("regions.ts")).toEqual(column(2, "regions"));
  });

  it("never exports carekit's internal helpers from the main entry", () => {
    for (const name of ["fieldError", "toScaledInteger", "formatPath", "deepFreeze", "toBatchError", "roundQuotient"]) {
      expect(Object.keys(core)).not.toContain(name);
    }
  });

  it("defines each type once: no export re-exports a core type under another name", () => {
    const sources = ["index.ts", "internal.ts", "regions.ts"].map((f) =>
      readFileSync(new URL(`../src/${f}`, import.meta.url), "utf8"),
    );
    for (const text of sources) expect(text).not.toMatch(/\bas [A-Z]\w*/);
  });
});
