import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { isBranded } from "./brand.js";

/** One `@example` code block found in a TSDoc comment. */
export interface ExampleBlock {
  /** The source file (absolute path). */
  readonly file: string;
  /** 1-based line of the block's first code line in `file`. */
  readonly line: number;
  /** The export the comment documents (`yuanToFen`, `CarekitError.hasInstance`…), or `""` when none was found. */
  readonly exportName: string;
  /** The code, without the comment's `*` margins. */
  readonly code: string;
}

/** One `expr; // → value` check inside a block. */
interface Check {
  readonly start: number;
  readonly end: number;
  readonly expression: string;
  readonly expected: { readonly throws: string } | { readonly value: string };
  readonly line: number;
}

function toPath(source: string | URL): string {
  return source instanceof URL || source.startsWith("file:") ? fileURLToPath(source) : resolve(source);
}

function listSources(sources: readonly (string | URL)[]): string[] {
  const files: string[] = [];
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else if (/\.(ts|tsx|mts|cts)$/.test(path) && !path.endsWith(".d.ts")) {
      files.push(path);
    }
  };
  for (const source of sources) walk(toPath(source));
  return files;
}

const EXPORT_AFTER =
  /^\s*(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/;
const MEMBER_AFTER =
  /^\s*(?:static\s+)?(?:override\s+)?(?:readonly\s+)?(?:async\s+)?(?:\[Symbol\.(\w+)\]|([A-Za-z_$][\w$]*))/;

/**
 * Every ```ts (or ```js) code block under an `@example` tag in the TSDoc comments of `sources` (files, or
 * directories searched recursively for `.ts` files).
 */
export function extractExamples(sources: readonly (string | URL)[]): ExampleBlock[] {
  const blocks: ExampleBlock[] = [];
  for (const file of listSources(sources)) {
    const text = readFileSync(file, "utf8");
    for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
      const body = comment[1] ?? "";
      const startLine = text.slice(0, comment.index).split("\n").length;
      const lines = body.split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
      const after = text.slice((comment.index ?? 0) + comment[0].length);
      const exported = EXPORT_AFTER.exec(after);
      const member = exported ? null : MEMBER_AFTER.exec(after);
      const exportName = exported?.[1] ?? member?.[1] ?? member?.[2] ?? "";
      let inExample = false;
      let fence: { start: number; code: string[] } | null = null;
      lines.forEach((line, i) => {
        if (fence) {
          if (/^```\s*$/.test(line)) {
            if (inExample)
              blocks.push({ file, line: startLine + fence.start, exportName, code: fence.code.join("\n") });
            fence = null;
          } else {
            fence.code.push(line);
          }
          return;
        }
        if (/^@\w+/.test(line)) inExample = line.startsWith("@example");
        if (/^```(ts|typescript|js|javascript)\s*$/.test(line)) fence = { start: i + 1, code: [] };
      });
    }
  }
  return blocks;
}

const ARROW = /^\/\/\s*→\s*(.*?)\s*$/;

/** The `// → …` comment right after a statement: on its own line, or alone on the next line. */
function arrowAfter(code: string, end: number): { text: string; line: number } | null {
  const rest = code.slice(end);
  const sameLine = /^[ \t]*(\/\/[^\n]*)/.exec(rest);
  const nextLine = /^[ \t]*\n[ \t]*(\/\/[^\n]*)/.exec(rest);
  const comment = sameLine?.[1] ?? nextLine?.[1];
  const match = comment ? ARROW.exec(comment) : null;
  if (!match) return null;
  return { text: match[1] ?? "", line: code.slice(0, end).split("\n").length - 1 + (sameLine ? 0 : 1) };
}

function findChecks(code: string): { checks: Check[]; imports: { start: number; end: number; names: string[] }[] } {
  const source = ts.createSourceFile("example.ts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const checks: Check[] = [];
  const imports: { start: number; end: number; names: string[] }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const names: string[] = [];
      const clause = node.importClause;
      if (clause?.name) names.push(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.push(el.name.text);
      imports.push({ start: node.getStart(source), end: node.getEnd(), names });
      return;
    }
    if (ts.isExpressionStatement(node)) {
      const arrow = arrowAfter(code, node.getEnd());
      if (arrow) {
        const thrown = /^throws\s+(?:CarekitError\s+)?([A-Z][A-Z0-9_]*)$/.exec(arrow.text);
        checks.push({
          start: node.getStart(source),
          end: node.getEnd(),
          expression: node.expression.getText(source),
          expected: thrown ? { throws: thrown[1] ?? "" } : { value: arrow.text },
          line: arrow.line,
        });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { checks, imports };
}

/** Options of {@link checkExamples}. */
export interface CheckExamplesOptions {
  /** Files, or directories searched recursively, whose TSDoc `@example` blocks are checked (paths or file URLs). */
  readonly sources: readonly (string | URL)[];
  /**
   * Every name the examples use, as the test file imported them: the package's entries and anything else (for
   * example `{ ...core, ...internal, z }`). An `import` line inside an example is allowed (it reads as plain code);
   * each name it imports must be in the scope.
   */
  readonly scope: Readonly<Record<string, unknown>>;
  /** Also fail when a block has no `// →` check; default `true`. */
  readonly requireChecks?: boolean;
  /** Name of the vitest `describe`; default `TSDoc examples`. */
  readonly name?: string;
}

type CheckFn = (index: number, run: () => Promise<unknown>, expected: unknown) => Promise<void>;

/**
 * Run every `@example` code block of `sources` and check each `expression; // → value` against the actual value —
 * one mechanism for every package, so that examples read as plain code with results in comments (as date-fns writes
 * them) and still fail when wrong. Registers one vitest test per block (call it at the top level of a test file,
 * with `await`).
 *
 * In a block, a statement followed by `// → <JavaScript value>` (on the same line, or alone on the next) is checked
 * with `toStrictEqual`; `// → throws CODE` expects a `CarekitError` with that code. Every other line runs as it is,
 * so a block can declare values and call functions between checks. Every check must run: a check inside a `catch`
 * or an `if` that was not reached fails the test. The code runs as a module written to a temporary directory and
 * imported — never through `eval` or `new Function`.
 *
 * @example
 * ```ts
 * // packages/<name>/test/examples.test.ts
 * import { checkExamples } from "@carekit/test-utils";
 * import * as pkg from "../src/index.js";
 *
 * await checkExamples({ sources: [new URL("../src", import.meta.url)], scope: { ...pkg } });
 * ```
 */
export async function checkExamples(options: CheckExamplesOptions): Promise<void> {
  const blocks = extractExamples(options.sources);
  const names = Object.keys(options.scope).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const dir = join(tmpdir(), "carekit-examples", createHash("sha1").update(process.cwd()).digest("hex").slice(0, 12));
  mkdirSync(dir, { recursive: true });
  const root = process.cwd();
  describe(options.name ?? "TSDoc examples", () => {
    it("finds at least one example", () => expect(blocks.length).toBeGreaterThan(0));
    blocks.forEach((block, n) => {
      const where = `${relative(root, block.file)}:${block.line}`;
      it(`${block.exportName || "(module)"} — ${where}`, async () => {
        const { checks, imports } = findChecks(block.code);
        if (options.requireChecks !== false) {
          expect(checks.length, `${where}: the example has no \`// →\` result to check`).toBeGreaterThan(0);
        }
        const missing = imports.flatMap((i) => i.names).filter((name) => !names.includes(name));
        expect(missing, `${where}: the example imports names the scope does not provide`).toEqual([]);
        // rewrite from the end so earlier offsets stay valid
        const edits = [
          ...imports.map((i) => ({ start: i.start, end: i.end, text: "" })),
          ...checks.map((c, index) => ({
            start: c.start,
            end: c.end,
            text: `await __check(${index}, async () => (${c.expression}), ${
              "throws" in c.expected
                ? JSON.stringify({ throws: c.expected.throws })
                : `{ value: (${c.expected.value}) }`
            });`,
          })),
        ].sort((a, b) => b.start - a.start);
        let body = block.code;
        for (const edit of edits) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
        const module = [
          `// generated by @carekit/test-utils checkExamples from ${block.file}:${block.line}`,
          "export async function run(__scope: any, __check: any): Promise<void> {",
          `  const { ${names.join(", ")} } = __scope;`,
          "  {",
          body,
          "  }",
          "}",
          "",
        ].join("\n");
        const file = join(dir, `${n}-${createHash("sha1").update(module).digest("hex").slice(0, 12)}.ts`);
        writeFileSync(file, module);
        const ran = new Set<number>();
        const check: CheckFn = async (index, run, expected) => {
          ran.add(index);
          const at = `${where} (line ${block.line + (checks[index]?.line ?? 0)}): ${checks[index]?.expression}`;
          const wanted = expected as { throws?: string; value?: unknown };
          if (wanted.throws !== undefined) {
            let thrown: unknown;
            try {
              await run();
            } catch (error) {
              thrown = error;
            }
            expect(isBranded(thrown), `${at}: expected a CarekitError ${wanted.throws}`).toBe(true);
            expect((thrown as { code?: unknown }).code, at).toBe(wanted.throws);
            return;
          }
          expect(await run(), at).toStrictEqual(wanted.value);
        };
        const generated = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
          run: (scope: unknown, check: CheckFn) => Promise<void>;
        };
        await generated.run(options.scope, check);
        const skipped = checks.map((_, i) => i).filter((i) => !ran.has(i));
        expect(
          skipped.map((i) => checks[i]?.expression),
          `${where}: checks that never ran`,
        ).toEqual([]);
      });
    });
  });
}
