import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { publicPackages, repoRoot } from "./workspace.js";

// The import graph of every package's src/, read with TypeScript's own pre-processor (the same reading `madge`
// does, without a dependency): no module may import itself through others, and no package may import a package
// above it (core ← capacity, referral, settlement, indicators ← cli).

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Relative `./x.js` → the `.ts` file it compiles from (`./x.ts` or `./x/index.ts`). */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier.replace(/\.(c|m)?js$/, ""));
  return [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((path) => existsSync(path));
}

interface Graph {
  readonly edges: ReadonlyMap<string, readonly string[]>;
  readonly packages: ReadonlyMap<string, ReadonlySet<string>>;
}

function importGraph(srcDir: string): Graph {
  const edges = new Map<string, string[]>();
  const packages = new Map<string, Set<string>>();
  for (const file of walk(srcDir)) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets: string[] = [];
    for (const { fileName } of info.importedFiles) {
      if (fileName.startsWith(".")) {
        const target = resolveRelative(file, fileName);
        if (target !== undefined) targets.push(target);
      } else if (fileName.startsWith("@carekit/")) {
        const name = fileName.split("/").slice(0, 2).join("/");
        const set = packages.get(name) ?? new Set<string>();
        set.add(relative(repoRoot, file));
        packages.set(name, set);
      }
    }
    edges.set(file, targets);
  }
  return { edges, packages };
}

/** Every cycle's members (strongly connected components of more than one module, or a self-import), Tarjan's way. */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** Which carekit packages each package may import (the dependency direction of ARCHITECTURE.md). */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  "@carekit/core": [],
  "@carekit/capacity": ["@carekit/core"],
  "@carekit/referral": ["@carekit/core"],
  "@carekit/settlement": ["@carekit/core"],
  "@carekit/indicators": ["@carekit/core"],
  "@carekit/cli": [
    "@carekit/core",
    "@carekit/capacity",
    "@carekit/referral",
    "@carekit/settlement",
    "@carekit/indicators",
  ],
};

describe("import graph", () => {
  it("the cycle finder finds a planted cycle and a self-import, and passes a tree", () => {
    const planted = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
      ["e", ["e"]],
    ]);
    expect(cycles(planted)).toEqual([["a", "b", "c"], ["e"]]);
    expect(
      cycles(
        new Map([
          ["a", ["b", "c"]],
          ["b", ["c"]],
          ["c", []],
        ]),
      ),
    ).toEqual([]);
  });

  for (const pkg of publicPackages()) {
    const graph = importGraph(join(pkg.dir, "src"));
    it(`${pkg.name}: no import cycle among its ${graph.edges.size} source modules`, () => {
      const found = cycles(graph.edges).map((component) => component.map((file) => relative(repoRoot, file)));
      expect(found).toEqual([]);
    });

    it(`${pkg.name}: imports only the carekit packages below it`, () => {
      const allowed = new Set([pkg.name, ...(MAY_IMPORT[pkg.name] ?? [])]);
      const upward = [...graph.packages]
        .filter(([name]) => !allowed.has(name))
        .map(([name, files]) => ({
          name,
          files: [...files],
        }));
      expect(upward).toEqual([]);
    });
  }
});
