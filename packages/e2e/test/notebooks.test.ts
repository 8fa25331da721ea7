import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { e2eRequired } from "./browser.js";
import { repoRoot } from "./workspace.js";

const python = "/usr/bin/python3";
const notebooksDir = join(repoRoot, "docs", "notebooks");
const deno = join(repoRoot, "node_modules", ".bin", "deno");
const runner = join(repoRoot, "packages", "e2e", "test", "run-notebook.py");

function hasJupyter(): boolean {
  if (!existsSync(python) || !existsSync("/usr/bin/jupyter") || !existsSync(deno)) return false;
  try {
    execFileSync(python, ["-c", "import nbclient, nbformat, ipykernel"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const available = hasJupyter();
if (!available) {
  const why =
    "Jupyter (Debian jupyter-nbconvert, jupyter-client, python3-nbclient, python3-ipykernel) or the deno npm package is missing";
  if (e2eRequired) throw new Error(`notebook tests cannot run: ${why}`);
  console.warn(`SKIPPED notebook tests: ${why}. Run \`npm run test:e2e\` after installing them.`);
}

/** Run one notebook; returns the runner's exit code and output. */
function execute(path: string): { code: number; output: string } {
  try {
    const output = execFileSync(python, [runner, path], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, output };
  } catch (error) {
    const { status, stdout, stderr } = error as { status?: number; stdout?: string; stderr?: string };
    return { code: status ?? 1, output: `${stdout ?? ""}${stderr ?? ""}` };
  }
}

function notebook(cells: string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    cells: cells.map((source, i) => ({
      id: `c${i}`,
      cell_type: "code",
      metadata: {},
      execution_count: null,
      outputs: [],
      source,
    })),
  });
}

const notebooks = existsSync(notebooksDir) ? readdirSync(notebooksDir).filter((file) => file.endsWith(".ipynb")) : [];

describe.skipIf(!available)("notebooks run headlessly in Jupyter with the Deno kernel", () => {
  beforeAll(() => {
    execFileSync(deno, ["jupyter", "--install", "--force"], { stdio: "ignore" });
  });

  it("has one notebook per domain package at least", () => {
    expect(notebooks.length).toBeGreaterThanOrEqual(4);
  });

  it.each(notebooks)("%s is committed without outputs", (file) => {
    const json = JSON.parse(readFileSync(join(notebooksDir, file), "utf8"));
    expect(json.metadata.kernelspec.name).toBe("deno");
    for (const cell of json.cells) if (cell.cell_type === "code") expect(cell.outputs).toEqual([]);
  });

  it.each(notebooks)("%s executes with no error output", (file) => {
    const result = execute(join(notebooksDir, file));
    expect(result.output).toMatch(/ok, \d+ cells/);
    expect(result.code).toBe(0);
  });

  it("the runner fails on a notebook cell that throws", () => {
    const dir = join(repoRoot, "packages", "e2e", "node_modules", ".notebooks");
    mkdirSync(dir, { recursive: true });
    const planted = join(dir, "planted.ipynb");
    writeFileSync(planted, notebook(['import { yuanToFen } from "@carekit/core";', 'yuanToFen("-1");']));
    const result = execute(planted);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/OUT_OF_RANGE|must be non-negative|CarekitError/);
  });
});
