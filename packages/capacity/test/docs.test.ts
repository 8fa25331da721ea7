import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

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

const files = sourceFiles(join(root, "src")).map((path) => ({ path, text: readFileSync(path, "utf8") }));
/** Names exported from capacity's own modules (the four re-exported from core are documented in core). */
const publicNames = [
  ...readFileSync(join(root, "src/index.ts"), "utf8").matchAll(/export \{([^}]*)\} from "\.\//g),
].flatMap((match) =>
  (match[1] ?? "")
    .split(",")
    .map((name) => name.replace("type ", "").trim())
    .filter((name) => name !== ""),
);

/** The TSDoc block right before `export <kind> <name>`. */
function docOf(name: string): { kind: string; doc: string } | null {
  for (const { text } of files) {
    const match = new RegExp(
      `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:async )?(const|function|interface|type) ${name}\\b`,
    ).exec(text);
    if (match) return { kind: match[2] ?? "", doc: match[1] ?? "" };
  }
  return null;
}

describe("documentation", () => {
  it("no example is included from a test: every example is plain code, run by test/examples.test.ts", () => {
    const includes = files.flatMap(({ path, text }) =>
      [...text.matchAll(/\{@includeCode [^}]*\}/g)].map((match) => `${path.slice(root.length)}: ${match[0]}`),
    );
    expect(includes).toEqual([]);
  });

  it("every public export has TSDoc; functions and values have a tested example; functions the full set", () => {
    expect(publicNames.length).toBeGreaterThan(50);
    for (const name of publicNames) {
      const found = docOf(name);
      expect(found, name).not.toBeNull();
      if (found === null) continue;
      // a function's or a value's example is plain code with `// →` results (run by test/examples.test.ts)
      if (found.kind === "function" || found.kind === "const") {
        expect(found.doc, name).toMatch(/@example\s*\n\s*\*\s*```ts[\s\S]*\/\/ →/);
      }
      if (found.kind === "function") {
        const takesNothing = files.some(({ text }) => text.includes(`export function ${name}()`));
        for (const tag of ["@param", "@returns", "@throws {CarekitError}", "@see"]) {
          if (tag === "@param" && takesNothing) continue;
          expect(found.doc, `${name} ${tag}`).toContain(tag);
        }
        expect(found.doc, `${name}: Chinese term`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
