// Writes changelog-<package>.md for the docs site: the package's CHANGELOG.md (written by `changeset version`) and,
// above it, the changesets still pending in .changeset/ that name the package — so the site shows what the next
// release of each package will contain, and what every earlier one did.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const packagesDir = new URL("packages/", root);
const changesetDir = new URL(".changeset/", root);

const pending = readdirSync(changesetDir)
  .filter((file) => file.endsWith(".md") && file !== "README.md")
  .map((file) => {
    const text = readFileSync(new URL(file, changesetDir), "utf8");
    const [, front = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    const bumps = Object.fromEntries(
      [...front.matchAll(/^"?([^":]+)"?:\s*(major|minor|patch)\s*$/gm)].map((m) => [m[1], m[2]]),
    );
    return { file, bumps, body: body.trim() };
  });

let written = 0;
for (const dir of readdirSync(packagesDir)) {
  const pkg = JSON.parse(readFileSync(new URL(`${dir}/package.json`, packagesDir), "utf8"));
  if (pkg.private) continue;
  const lines = [
    "---",
    `title: "Changelog · ${pkg.name}"`,
    "group: Changelogs",
    "---",
    "",
    `# Changelog · ${pkg.name}`,
    "",
  ];
  const mine = pending.filter((c) => c.bumps[pkg.name]);
  if (mine.length > 0) {
    lines.push(`## Unreleased (current version ${pkg.version})`, "");
    for (const change of mine) lines.push(`- **${change.bumps[pkg.name]}** — ${change.body.replace(/\n+/g, " ")}`);
    lines.push("");
  }
  const changelog = new URL(`${dir}/CHANGELOG.md`, packagesDir);
  if (existsSync(changelog)) lines.push(readFileSync(changelog, "utf8").replace(/^# .*\n/, ""));
  else if (mine.length === 0) lines.push("No release yet.");
  writeFileSync(new URL(`../changelog-${dir}.md`, import.meta.url), `${lines.join("\n")}\n`);
  written += 1;
}
console.log(`changelogs: ${written} packages, ${pending.length} pending changesets`);
