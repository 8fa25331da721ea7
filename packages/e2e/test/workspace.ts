import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Absolute path of the repository root. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** A publishable workspace package. */
export interface PublicPackage {
  readonly name: string;
  readonly dir: string;
  readonly subpaths: readonly string[];
}

/** Every package under packages/ that is not private, with the subpath exports it declares. */
export function publicPackages(): PublicPackage[] {
  const root = `${repoRoot}packages`;
  return readdirSync(root)
    .map((dir) => ({ dir: `${root}/${dir}`, json: JSON.parse(readFileSync(`${root}/${dir}/package.json`, "utf8")) }))
    .filter(({ json }) => json.private !== true)
    .map(({ dir, json }) => ({
      name: json.name as string,
      dir,
      subpaths: Object.keys(json.exports ?? {}).filter((key) => key !== "." && key !== "./package.json"),
    }));
}
