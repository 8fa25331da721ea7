import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkBlocks, extractBlocks } from "./code-blocks.js";
import { publicPackages, repoRoot } from "./workspace.js";

const guidesDir = join(repoRoot, "docs");
const documents = [
  join(repoRoot, "README.md"),
  ...readdirSync(guidesDir)
    .filter((file) => file.endsWith(".md"))
    .map((file) => join(guidesDir, file)),
  ...publicPackages().map((pkg) => join(pkg.dir, "README.md")),
].filter((file) => existsSync(file));
const scratch = join(repoRoot, "packages", "e2e", "node_modules", ".code-blocks");

describe("code blocks in the README files and guides", () => {
  const blocks = documents.flatMap((file) => extractBlocks(file.slice(repoRoot.length), readFileSync(file, "utf8")));

  it("every public package has a README", () => {
    for (const pkg of publicPackages()) expect(existsSync(join(pkg.dir, "README.md")), pkg.name).toBe(true);
  });

  it("finds the blocks", () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  it("type-check and run", () => {
    expect(checkBlocks(blocks, join(scratch, "all"))).toEqual([]);
  });
});

describe("the checker itself", () => {
  it("fails on a renamed export used in a guide", () => {
    const markdown = [
      "# Guide",
      "",
      "```ts",
      'import { yuanToFenRenamed } from "@carekit/core";',
      'yuanToFenRenamed("1");',
      "```",
      "",
    ].join("\n");
    const problems = checkBlocks(extractBlocks("planted.md", markdown), join(scratch, "planted-type"));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.where).toMatch(/^planted\.md:4/);
    expect(problems[0]?.message).toMatch(/yuanToFenRenamed/);
  });

  it("fails on a block that throws when run, and skips no-run blocks", () => {
    const markdown = [
      "```ts",
      'import { yuanToFen } from "@carekit/core";',
      'yuanToFen("-1");',
      "```",
      "```ts no-run",
      'import { yuanToFen } from "@carekit/core";',
      'yuanToFen("-2");',
      "```",
    ].join("\n");
    const problems = checkBlocks(extractBlocks("planted.md", markdown), join(scratch, "planted-run"));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/CarekitError|OUT_OF_RANGE|must be non-negative/);
  });
});
