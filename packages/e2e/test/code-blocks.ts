import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { transformSync } from "esbuild";
import ts from "typescript";

/** One fenced TypeScript block of a Markdown document. */
export interface CodeBlock {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  /** `ts no-run` blocks are type-checked but not executed (they have side effects or need I/O). */
  readonly run: boolean;
}

/** A problem found in a block: a type error, or an exception when it ran. */
export interface BlockProblem {
  readonly where: string;
  readonly message: string;
}

const FENCE = /^```(ts|typescript)([^\n]*)\n([\s\S]*?)^```/gm;

/** Every ```ts block of a Markdown text, with its line number. */
export function extractBlocks(file: string, markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const match of markdown.matchAll(FENCE)) {
    const info = match[2] ?? "";
    if (info.includes("ignore")) continue;
    const line = markdown.slice(0, match.index).split("\n").length + 1;
    blocks.push({ file, line, code: match[3] ?? "", run: !info.includes("no-run") });
  }
  return blocks;
}

/**
 * Type-check every block as its own module (strict, bundler resolution, the workspace's @carekit packages) and run
 * the runnable ones with Node. `workDir` must lie inside the repository so that `@carekit/*` resolves.
 */
export function checkBlocks(blocks: readonly CodeBlock[], workDir: string): BlockProblem[] {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const files = blocks.map((block, i) => {
    const path = join(workDir, `block-${i}.ts`);
    writeFileSync(path, `${block.code}\nexport {};\n`);
    return path;
  });
  const where = (i: number) => {
    const block = blocks[i];
    return block ? `${block.file}:${block.line}` : `block ${i}`;
  };
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    skipLibCheck: true,
    noUnusedLocals: false,
  });
  const problems: BlockProblem[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const index = diagnostic.file ? files.indexOf(diagnostic.file.fileName) : -1;
    const pos =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
        : undefined;
    problems.push({
      where:
        index >= 0 ? `${where(index)} (+${(pos?.line ?? 0) + 1})` : relative(workDir, diagnostic.file?.fileName ?? "?"),
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
    });
  }
  if (problems.length > 0) return problems;
  blocks.forEach((block, i) => {
    if (!block.run) return;
    const js = transformSync(readFileSync(files[i] ?? "", "utf8"), { loader: "ts", format: "esm" }).code;
    const path = join(workDir, `block-${i}.mjs`);
    writeFileSync(path, js);
    try {
      execFileSync("node", [path], { cwd: workDir, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
    } catch (error) {
      problems.push({ where: where(i), message: String((error as { stderr?: string }).stderr ?? error) });
    }
  });
  return problems;
}
