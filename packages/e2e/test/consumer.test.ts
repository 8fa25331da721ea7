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
let tarballFiles: string[] = [];

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
  tarballFiles = files;
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...files], consumer);
});

describe("packed tarballs in a fresh project", () => {
  it("packs every public package", () => {
    expect(packages.map((pkg) => pkg.name)).toContain("@carekit/core");
  });

  it("ships the MIT LICENSE in every tarball", () => {
    expect(tarballFiles).toHaveLength(packages.length);
    for (const file of tarballFiles) {
      const entries = run("tar", ["-tzf", file], consumer).split("\n");
      expect(entries, file).toContain("package/LICENSE");
      const text = run("tar", ["-xzOf", file, "package/LICENSE"], consumer);
      expect(text, file).toMatch(/^MIT License/);
    }
  });

  it("keeps instanceof CarekitError across a CJS require and an ESM import in one process", () => {
    const lines = [
      `import { createRequire } from "node:module";`,
      `import { CarekitError as EsmError, isCarekitError, yuanToFen as esmYuanToFen } from "@carekit/core";`,
      `const require = createRequire(import.meta.url);`,
      `const { CarekitError: CjsError, yuanToFen: cjsYuanToFen } = require("@carekit/core");`,
      `if (EsmError === CjsError) throw new Error("one copy only: the test would prove nothing");`,
      `const caught = (fn) => { try { fn(); } catch (e) { return e; } throw new Error("no error"); };`,
      `const fromCjs = caught(() => cjsYuanToFen("-1"));`,
      `const fromEsm = caught(() => esmYuanToFen("-1"));`,
      `const checks = [fromCjs instanceof EsmError, fromEsm instanceof CjsError, fromCjs instanceof CjsError,`,
      `  fromEsm instanceof EsmError, isCarekitError(fromCjs), !(new Error("x") instanceof EsmError)];`,
      `if (checks.some((ok) => !ok)) throw new Error("instanceof failed: " + JSON.stringify(checks));`,
      `console.log("dual ok", fromCjs.code, fromEsm.code);`,
    ];
    writeFileSync(join(consumer, "dual.mjs"), lines.join("\n"));
    expect(run("node", ["dual.mjs"], consumer)).toContain("dual ok OUT_OF_RANGE OUT_OF_RANGE");
  });

  it("installs only what each package imports (production dependency tree)", () => {
    const tree = JSON.parse(run("npm", ["ls", "--omit=dev", "--all", "--json"], consumer)) as {
      dependencies: Record<string, { dependencies?: Record<string, unknown> }>;
    };
    const direct = (name: string) => Object.keys(tree.dependencies[name]?.dependencies ?? {}).sort();
    for (const name of ["@carekit/referral", "@carekit/settlement"]) {
      expect(direct(name), name).not.toContain("date-fns");
    }
    expect(direct("@carekit/cli"), "@carekit/cli").not.toContain("zod");
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

  it.each(["bundler", "node16", "node10"])(
    "type-checks a TypeScript consumer with moduleResolution %s",
    (resolution) => {
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
      const file =
        { bundler: "check-bundler.ts", node16: "check-node16.mts", node10: "check-node10.ts" }[resolution] ?? "";
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
            // node10: subpath exports (`@carekit/core/regions`) resolve through each package's typesVersions
            module: { bundler: "ESNext", node16: "Node16", node10: "CommonJS" }[resolution],
            moduleResolution: { bundler: "Bundler", node16: "Node16", node10: "Node10" }[resolution],
            types: [],
            // zod's own .d.cts default-import its locales: a CommonJS app under node10 needs esModuleInterop
            ...(resolution === "node10" ? { esModuleInterop: true } : {}),
          },
          files: [file],
        }),
      );
      const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
      run("node", [tsc, "-p", tsconfig], consumer);
    },
  );
});
