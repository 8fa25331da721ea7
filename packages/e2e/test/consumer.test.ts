import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { publicPackages, repoRoot } from "./workspace.js";

// Packs every public package with `npm pack`, installs the tarballs into a fresh project outside the workspace
// (no symlinks), and imports each one the four ways an app does: ESM, CommonJS, TypeScript bundler and node16.
const packages = publicPackages();
const specifiers = packages.flatMap((pkg) => [pkg.name, ...pkg.subpaths.map((sub) => `${pkg.name}/${sub.slice(2)}`)]);
let consumer = "";

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}\n${stdout}\n${stderr}`);
  }
}

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), "carekit-consumer-"));
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs);
  for (const pkg of packages) run("npm", ["pack", "--silent", "--pack-destination", tarballs], pkg.dir);
  consumer = join(work, "app");
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  const files = readdirSync(tarballs).map((file) => join(tarballs, file));
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...files], consumer);
});

describe("packed tarballs in a fresh project", () => {
  it("packs every public package", () => {
    expect(packages.map((pkg) => pkg.name)).toContain("@carekit/core");
  });

  it("imports from ESM (.mjs)", () => {
    const lines = specifiers.map(
      (spec, i) =>
        `import * as m${i} from "${spec}"; if (Object.keys(m${i}).length === 0) throw new Error("${spec}: no exports");`,
    );
    lines.push(`import { yuanToFen, applyRate } from "@carekit/core";`);
    lines.push(`import { childcareGap } from "@carekit/capacity";`);
    lines.push(`import { compileRuleSet, ruleSets } from "@carekit/referral";`);
    lines.push(`import { plans } from "@carekit/indicators";`);
    lines.push(`import { createSettler } from "@carekit/settlement";`);
    lines.push(`import { canonicalColumn } from "@carekit/cli";`);
    lines.push(`if (applyRate(yuanToFen("3353.99"), 8500) !== 285089) throw new Error("core: wrong result");`);
    lines.push(
      `if (childcareGap({ population: 870000, existingSlots: 1727, targetPer1000: 4.5 }).gap !== 2188) throw new Error("capacity");`,
    );
    lines.push(
      `if (typeof compileRuleSet(ruleSets.hypertension).evaluate !== "function") throw new Error("referral");`,
    );
    lines.push(`if (plans.dazu2023.entries.length !== 21) throw new Error("indicators");`);
    lines.push(`if (typeof createSettler !== "function") throw new Error("settlement");`);
    lines.push(`if (canonicalColumn("常住人口") !== "population") throw new Error("cli");`);
    lines.push(`console.log("esm ok");`);
    writeFileSync(join(consumer, "esm.mjs"), lines.join("\n"));
    expect(run("node", ["esm.mjs"], consumer)).toContain("esm ok");
  });

  it("requires from CommonJS (.cjs)", () => {
    const lines = specifiers.map(
      (spec) => `if (Object.keys(require("${spec}")).length === 0) throw new Error("${spec}: no exports");`,
    );
    lines.push(`const { yuanToFen, isCarekitError } = require("@carekit/core");`);
    lines.push(`const { childcareGap } = require("@carekit/capacity");`);
    lines.push(
      `if (childcareGap({ population: 10000, existingSlots: 0, targetPer1000: 4.1 }).requiredSlots !== 41) throw new Error("capacity");`,
    );
    lines.push(
      `try { yuanToFen("-1"); } catch (e) { if (!isCarekitError(e)) throw e; console.log("cjs ok", e.code); }`,
    );
    writeFileSync(join(consumer, "cjs.cjs"), lines.join("\n"));
    expect(run("node", ["cjs.cjs"], consumer)).toContain("cjs ok OUT_OF_RANGE");
  });

  it("runs the carekit binary installed from the tarball", () => {
    const bin = join(consumer, "node_modules", ".bin", "carekit");
    expect(run(bin, ["--version"], consumer).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const out = join(consumer, "report");
    expect(run(bin, ["report", "--example", "dazu", "--out", out, "--date", "2026-11-25"], consumer)).toContain(
      "gap 2188",
    );
  });

  it.each(["bundler", "node16"])("type-checks a TypeScript consumer with moduleResolution %s", (resolution) => {
    const source = [
      ...specifiers.map((spec, i) => `import * as m${i} from "${spec}";`),
      `import { yuanToFen, type Fen } from "@carekit/core";`,
      `import { childcareGap, type ChildcareGap } from "@carekit/capacity";`,
      `const fen: Fen = yuanToFen("1.00");`,
      `const gap: ChildcareGap = childcareGap({ population: 870000, existingSlots: 1727, targetPer1000: 4.5 });`,
      `// @ts-expect-error population must be a number or a projection`,
      `childcareGap({ population: "870000", existingSlots: 1727, targetPer1000: 4.5 });`,
      `// @ts-expect-error yuanToFen takes a string or number`,
      `yuanToFen({});`,
      `export const all = [${specifiers.map((_, i) => `m${i}`).join(", ")}, fen, gap];`,
    ].join("\n");
    const file = resolution === "bundler" ? "check-bundler.ts" : "check-node16.mts";
    writeFileSync(join(consumer, file), source);
    const tsconfig = `tsconfig.${resolution}.json`;
    writeFileSync(
      join(consumer, tsconfig),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          target: "ES2022",
          module: resolution === "bundler" ? "ESNext" : "Node16",
          moduleResolution: resolution === "bundler" ? "Bundler" : "Node16",
          types: [],
        },
        files: [file],
      }),
    );
    const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
    run("node", [tsc, "-p", tsconfig], consumer);
  });
});
