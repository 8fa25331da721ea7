// Writes docs/sources.md — every policy document the bundled data modules cite, with its number and the
// confidence of our reading — from the built packages themselves, so the page can never drift from the data.
import { writeFileSync } from "node:fs";
import { standards } from "@carekit/capacity";
import { catalogues, plans } from "@carekit/indicators";
import { ruleSets } from "@carekit/referral";
import * as settlement from "@carekit/settlement";
import * as examples from "@carekit/settlement/examples";

const rows = [];
const add = (pkg, id, module) => {
  if (!module || typeof module !== "object" || !module.source) return;
  const s = module.source;
  rows.push({
    pkg,
    id,
    title: s.title,
    number: s.number ?? "—",
    confidence: s.confidence ?? "—",
    note: s.note ?? "",
    url: s.url ?? "",
  });
};
for (const [id, standard] of Object.entries(standards)) add("capacity", id, standard);
for (const [id, ruleSet] of Object.entries(ruleSets)) add("referral", id, ruleSet);
for (const [id, plan] of Object.entries(plans)) add("indicators", id, plan);
for (const [id, catalogue] of Object.entries(catalogues)) {
  add("indicators", id, catalogue);
  for (const definition of catalogue.indicators ?? []) {
    for (const [i, source] of (definition.sources ?? []).entries())
      add("indicators", `${id}.${definition.id}${i ? `#${i + 1}` : ""}`, { source });
  }
}
for (const [name, value] of Object.entries(settlement))
  if (value && typeof value === "object" && "source" in value) add("settlement", name, value);
for (const [name, value] of Object.entries(examples))
  if (value && typeof value === "object" && "source" in value) add("settlement/examples", name, value);

const cell = (text) => String(text).replace(/\|/g, "\\|").replace(/\n/g, " ");
const lines = [
  "---",
  "title: Sources · 政策来源",
  "---",
  "",
  "# Sources · 政策来源",
  "",
  "Every policy document that a bundled standard, rule set, plan, catalogue or policy cites, with the confidence of our",
  "reading (CONFIRMED, CONFIRMED-2: shipped as defaults; SECONDARY: an overridable default that says so; LOW-CRED:",
  "labelled examples only; UNCONFIRMED: a parameter, never a number). Generated from the packages at docs build time.",
  "",
  "| package | data module | document | number | confidence | note |",
  "|---|---|---|---|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.pkg} | \`${r.id}\` | ${r.url ? `[${cell(r.title)}](${r.url})` : cell(r.title)} | ${cell(r.number)} | ${r.confidence} | ${cell(r.note)} |`,
  ),
  "",
];
writeFileSync(new URL("../sources.md", import.meta.url), lines.join("\n"));
console.log(`sources.md: ${rows.length} sources`);
