import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { regionName } from "@carekit/core/regions";
import { describe, expect, it } from "vitest";
import { assessProgress, catalogues, definePlan, plans } from "../src/index.js";

const seedPath = fileURLToPath(new URL("../../../../shared/seeds/002_edb5e32100821d81.txt", import.meta.url));

interface SeedRow {
  readonly index: number;
  readonly name: string;
  readonly values: readonly string[];
  readonly attribute: string;
  readonly departments: readonly string[];
}

/** Read 表2-1 from the seed's text: each row is its number, name, one or two figures, attribute and departments. */
function readTable(text: string): SeedRow[] {
  const start = text.indexOf("2-1 养老托育服务健康发展主要指标");
  const end = text.indexOf("三、重点任务", start);
  const lines = text
    .slice(start, end)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const rows: SeedRow[] = [];
  let at = lines.indexOf("责任部门") + 1;
  while (at < lines.length) {
    const index = Number(lines[at]);
    expect(index).toBe(rows.length + 1);
    const name = lines[at + 1] ?? "";
    const values: string[] = [];
    at += 2;
    while (lines[at] !== "预期性" && lines[at] !== "约束性") values.push(lines[at++] ?? "");
    const attribute = lines[at] ?? "";
    const departments = (lines[at + 1] ?? "").split("、");
    rows.push({ index, name, values, attribute, departments });
    at += 2;
  }
  return rows;
}

/** A printed figure as the plan stores it: "32.30%" → 32.3, ">70%" → 70 with comparator ">". */
function figure(printed: string): { value: number; comparator: string } {
  const match = /^(>|≥)?([\d.]+)%?$/.exec(printed);
  if (!match) throw new Error(`unexpected figure ${printed}`);
  return { value: Number(match[2]), comparator: match[1] === ">" ? ">" : ">=" };
}

describe("plans.dazu2023 — 大足区 表2-1", () => {
  it("is a valid plan for 大足区", () => {
    const plan = plans.dazu2023;
    expect(regionName(plan.region)).toBe("大足区");
    expect(plan.entries).toHaveLength(21);
    const nursing = plan.entries.find((entry) => entry.indicatorId === "nursingBedShare");
    expect(nursing).toMatchObject({
      baseline: { year: 2020, value: 32.3 },
      target: { year: 2025, value: 60, comparator: ">=" },
      attribute: "binding",
      responsible: ["区民政局"],
    });
    // 2023: the straight line from 32.30% (2020) to 60% (2025) is at 48.92%
    const status = assessProgress({ plan, indicatorId: "nursingBedShare", observed: { year: 2023, value: 45 } });
    expect(status).toMatchObject({ status: "off_track", expected: 48.92, gap: 15 });
    expect(definePlan(plan)).toEqual(plan);
  });

  it.skipIf(!existsSync(seedPath))(
    "matches all 21 rows of the seed's 表2-1 (name, 2020, 2025, attribute, departments)",
    () => {
      const rows = readTable(readFileSync(seedPath, "utf8"));
      expect(rows).toHaveLength(21);
      const plan = plans.dazu2023;
      const byId = new Map(catalogues.yilaoYixiao.indicators.map((d) => [d.id, d]));
      rows.forEach((row, i) => {
        const entry = plan.entries[i];
        if (!entry) throw new Error(`row ${row.index} missing`);
        const definition = byId.get(entry.indicatorId);
        // the seed's text extraction drops an opening “ at the start of a line (“一刻钟”, “三社联动”)
        expect(definition?.name.zh.replace(/^“/, "")).toBe(row.name);
        expect(entry.attribute).toBe(row.attribute === "约束性" ? "binding" : "expected");
        expect(entry.responsible).toEqual(row.departments);
        const [first, second] = row.values;
        if (second === undefined) {
          // a single figure is the 2025 target; the 2020 baseline stays missing
          expect(entry.baseline).toBeUndefined();
          expect(entry.target).toMatchObject({ year: 2025, ...figure(first ?? "") });
        } else {
          expect(entry.baseline).toEqual({ year: 2020, value: figure(first ?? "").value });
          expect(entry.target).toMatchObject({ year: 2025, ...figure(second) });
        }
      });
      expect(plan.entries.filter((e) => !e.baseline).map((e) => plan.entries.indexOf(e) + 1)).toEqual([4, 15, 19, 20]);
    },
  );

  it("flags the figures that contradict the plan's own text", () => {
    const notes = plans.dazu2023.entries.filter((entry) => entry.note?.includes("kept"));
    expect(notes.map((entry) => entry.indicatorId)).toEqual(["elderHealthManagementRate", "slotsPer1000"]);
  });
});
