import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { standards } from "../src/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Internal notes a reader outside the project cannot follow. */
const INTERNAL = /policy-facts|seed 0\d\d|seeds? \d{3}|\(seed\b|§C\d/i;

describe("public citations", () => {
  it("TSDoc and shipped data cite the documents themselves, never our internal notes", () => {
    for (const path of [...sourceFiles(join(root, "src")), join(root, "README.md")]) {
      const text = readFileSync(path, "utf8");
      const line = text.split("\n").findIndex((l) => INTERNAL.test(l));
      expect(line, `${path}:${line + 1}`).toBe(-1);
    }
    for (const standard of Object.values(standards)) {
      expect(JSON.stringify(standard), standard.id).not.toMatch(INTERNAL);
    }
  });
});
