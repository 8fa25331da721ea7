// Every package's production dependencies are exactly what its src imports (no unused, no undeclared).
// Usage: node docs/scripts/check-deps.mjs   (exit code 1 on a mismatch)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";

const root = new URL("../../packages/", import.meta.url).pathname;
const builtins = new Set(builtinModules);
// import/export … from "x", import "x", import("x"), require("x") — at the start of a line, so TSDoc and strings do not count
const IMPORT =
  /^\s*(?:(?:import|export)\s[^"';]*?\bfrom\s*|import\s*|.*?\bimport\s*\(\s*|.*?\brequire\s*\(\s*)["']([^"'.][^"']*)["']/gm;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [path] : [];
  });
}

function packageOf(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

let failed = false;
for (const name of readdirSync(root).sort()) {
  const manifest = JSON.parse(readFileSync(join(root, name, "package.json"), "utf8"));
  if (manifest.private) continue;
  const imported = new Set();
  for (const file of files(join(root, name, "src"))) {
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const pkg = packageOf(match[1]);
      if (!builtins.has(pkg) && !pkg.startsWith("node:")) imported.add(pkg);
    }
  }
  const declared = new Set(Object.keys(manifest.dependencies ?? {}));
  const unused = [...declared].filter((d) => !imported.has(d));
  const undeclared = [...imported].filter((d) => !declared.has(d) && !manifest.peerDependencies?.[d]);
  const line = `${manifest.name}: imports ${[...imported].sort().join(", ") || "nothing"}`;
  if (unused.length || undeclared.length) {
    failed = true;
    console.log(`✗ ${line}; unused: ${unused.join(", ") || "-"}; undeclared: ${undeclared.join(", ") || "-"}`);
  } else {
    console.log(`✓ ${line}`);
  }
}
process.exit(failed ? 1 : 0);
