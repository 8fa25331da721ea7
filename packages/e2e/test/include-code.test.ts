import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { publicPackages, repoRoot } from "./workspace.js";

// The TSDoc examples that still come from a test (`{@includeCode ../test/x.test.ts#region}`) must point at a region
// that exists, and each region must serve one export only: a region shared by several functions shows each of them
// an example about the others.
const INCLUDE = /\{@includeCode\s+([^#}\s]+)#([\w-]+)\}/g;
const EXPORT_AFTER =
  /^\s*(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/;
const MEMBER_AFTER =
  /^\s*(?:static\s+)?(?:override\s+)?(?:readonly\s+)?(?:async\s+)?(?:\[Symbol\.(\w+)\]|([A-Za-z_$][\w$]*))/;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".ts") ? [path] : [];
  });
}

interface Use {
  readonly region: string;
  readonly file: string;
  readonly exportName: string;
  readonly at: string;
}

function uses(dir: string): Use[] {
  return walk(join(dir, "src")).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(/\/\*\*[\s\S]*?\*\//g)].flatMap((comment) => {
      const after = text.slice((comment.index ?? 0) + comment[0].length);
      const member = MEMBER_AFTER.exec(after);
      const exportName = EXPORT_AFTER.exec(after)?.[1] ?? member?.[1] ?? member?.[2] ?? "";
      const line = text.slice(0, comment.index).split("\n").length;
      return [...comment[0].matchAll(INCLUDE)].map((m) => ({
        region: m[2] ?? "",
        file: resolve(dirname(file), m[1] ?? ""),
        exportName,
        at: `${file.slice(repoRoot.length)}:${line}`,
      }));
    });
  });
}

// Packages still converting their examples to plain code (`// → value`, checked by test-utils' checkExamples): shared
// regions are reported, not failed. Empty since 2026-12-01: every package's examples are plain code run by its
// test/examples.test.ts (the CLI's one include, runCli's, serves runCli alone), so a shared region fails for all.
const PENDING = new Set<string>([]);

describe("{@includeCode} examples", () => {
  for (const pkg of publicPackages()) {
    const found = uses(pkg.dir);
    it(`${pkg.name}: every included region exists (${found.length} includes)`, () => {
      const missing = found.filter((use) => {
        if (!existsSync(use.file)) return true;
        const text = readFileSync(use.file, "utf8");
        return !text.includes(`//#region ${use.region}`) || !text.includes(`//#endregion ${use.region}`);
      });
      expect(missing.map((u) => `${u.at} → ${u.file.slice(repoRoot.length)}#${u.region}`)).toEqual([]);
    });

    const pending = PENDING.has(pkg.name);
    it(`${pkg.name}: each example region serves one export${pending ? " (pending: reported only)" : ""}`, () => {
      const byRegion = new Map<string, Set<string>>();
      for (const use of found) {
        const key = `${use.file.slice(repoRoot.length)}#${use.region}`;
        byRegion.set(key, (byRegion.get(key) ?? new Set()).add(use.exportName));
      }
      const shared = [...byRegion]
        .filter(([, names]) => names.size > 1)
        .map(([key, names]) => `${key}: ${[...names].join(", ")}`);
      if (pending) {
        if (shared.length > 0) console.warn(`PENDING ${pkg.name}: ${shared.length} shared example region(s)`);
        return;
      }
      expect(shared).toEqual([]);
    });
  }
});
