import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built binary, as `npx carekit` runs it. */
export const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Spawn `carekit` with arguments (and optional stdin) and collect exit code, stdout and stderr. */
export function carekit(args: string[], options: { input?: string; cwd?: string } = {}) {
  const result = spawnSync("node", [bin, ...args], {
    input: options.input ?? "",
    cwd: options.cwd ?? tmp(),
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder. */
export function tmp(): string {
  return mkdtempSync(join(tmpdir(), "carekit-cli-"));
}

/** Parse CSV text written by the CLI (no quoted newlines in our outputs). */
export function csvRows(text: string): Record<string, string>[] {
  const [header = "", ...lines] = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const split = (line: string) => {
    const cells: string[] = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = !quoted;
      else if (c === "," && !quoted) {
        cells.push(cell);
        cell = "";
      } else cell += c;
    }
    cells.push(cell);
    return cells;
  };
  const columns = split(header);
  return lines.map((line) => Object.fromEntries(split(line).map((value, i) => [columns[i] ?? i, value])));
}
