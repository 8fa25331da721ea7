import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { plans } from "@carekit/indicators";
import { describe, expect, it } from "vitest";
import { dazuExample } from "../src/examples/dazu.js";
import { buildDistrictReport, type DistrictReportInput, resolveIndicatorId } from "../src/report/district.js";
import type { ReportModel, TableRow } from "../src/report/model.js";
import { cellText } from "../src/report/text.js";
import { bin, carekit, csvRows, tmp } from "./run.js";

/** Independent arithmetic (integers only): ⌈population × 4.5 ÷ 1000⌉ = ⌈population × 45 ÷ 10000⌉. */
const required = (population: number, per10000 = 45) => Math.floor((population * per10000 + 9999) / 10000);
const ceilShare = (beds: number, percent: number) => Math.floor((beds * percent + 99) / 100);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const num = (text: string) => Number(text.replace(/,/g, ""));

function exampleInput(overrides: Partial<DistrictReportInput> = {}): DistrictReportInput {
  const d = dazuExample;
  return {
    name: d.name,
    plan: plans.dazu2023,
    rows: d.rows.map(({ code: _code, ...row }) => row),
    populationYear: d.district.populationYear,
    rowsSource: d.rowsSource,
    observations: [...d.observations],
    illustrative: { rows: true, observations: true },
    district: {
      population: d.district.population2025,
      populationYear: 2025,
      existingSlots: d.district.existingSlots,
      source: d.district.source,
      previous: { year: 2020, population: d.district.population2020 },
    },
    targetPer1000: 4.5,
    nursingShareTarget: 0.6,
    generatedOn: "2026-12-01",
    ...overrides,
  };
}

function table(model: ReportModel, section: string, index = 0) {
  const found = model.sections.find((s) => s.id === section)?.tables?.[index];
  if (!found) throw new Error(`no table ${index} in section ${section}`);
  return found;
}

function cellsOf(row: TableRow | undefined): string[] {
  if (!row || !("cells" in row)) throw new Error("not a row of cells");
  return row.cells.map((c) => cellText(c, "zh"));
}

const rowsOfClass = (rows: readonly TableRow[], cls: string) =>
  rows.filter((r) => r.className?.split(" ").includes(cls));

describe("the example report: numbers that agree, with their year", () => {
  it("recomputes the headline and the table totals from the embedded inputs, and the stated differences", async () => {
    const report = await buildDistrictReport(exampleInput());
    const rows = dazuExample.rows;
    // the headline is the plan's own district figure: 2025 population 870,000 → need 3915, gap 2188
    const headRequired = required(dazuExample.district.population2025);
    expect(headRequired).toBe(3915);
    expect(report.summary).toMatchObject({
      requiredSlots: headRequired,
      existingSlots: dazuExample.district.existingSlots,
      gap: headRequired - dazuExample.district.existingSlots,
      populationYear: 2025,
      regions: 27,
      rejectedRows: 0,
    });
    // the sub-district total row: per-row ceilings over the 2020 population
    const slotTable = table(report.model, "childcare");
    const [total] = rowsOfClass(slotTable.rows, "total");
    const totalCells = cellsOf(total);
    const rowsRequired = sum(rows.map((r) => required(r.population)));
    const rowsGap = sum(rows.map((r) => Math.max(0, required(r.population) - r.existingSlots)));
    expect(rowsRequired).toBe(3768);
    expect(rowsGap).toBe(2041);
    expect(num(totalCells[1] ?? "")).toBe(sum(rows.map((r) => r.population)));
    expect(num(totalCells[1] ?? "")).toBe(dazuExample.district.population2020);
    expect(num(totalCells[4] ?? "")).toBe(rowsRequired);
    expect(num(totalCells[5] ?? "")).toBe(rowsGap);
    expect(totalCells[0]).toContain("2020 年人口");
    // the district computed once on the same population, then the plan's 2025 figure; each difference is stated
    const [once, plan2025] = rowsOfClass(slotTable.rows, "district").map(cellsOf);
    const onceRequired = required(dazuExample.district.population2020);
    expect(num(once?.[4] ?? "")).toBe(onceRequired);
    expect(num(plan2025?.[4] ?? "")).toBe(headRequired);
    expect(num(plan2025?.[5] ?? "")).toBe(report.summary.gap);
    const notes = slotTable.rows.filter((r) => "note" in r).map((r) => ("note" in r ? r.note.zh : ""));
    expect(notes.join("\n")).toContain(`所需托位比合计少 ${rowsRequired - onceRequired} 个`);
    expect(notes.join("\n")).toContain(
      `所需 +${headRequired - rowsRequired}（人口变化 +${headRequired - onceRequired}，逐街镇取整 −${rowsRequired - onceRequired}）`,
    );
    expect(notes.join("\n")).toContain(`缺口 +${(report.summary.gap ?? Number.NaN) - rowsGap}`);
  });

  it("explains the nursing-bed gap of the rows against the district (2069 vs 2059) and the share's two years", async () => {
    const report = await buildDistrictReport(exampleInput());
    const rows = dazuExample.rows;
    const perRow = sum(rows.map((r) => Math.max(0, ceilShare(r.existingBeds, 60) - r.nursingBeds)));
    const beds = sum(rows.map((r) => r.existingBeds));
    const nursing = sum(rows.map((r) => r.nursingBeds));
    const whole = ceilShare(beds, 60) - nursing;
    expect([perRow, whole]).toEqual([2069, 2059]);
    const bedTable = table(report.model, "beds");
    expect(num(cellsOf(rowsOfClass(bedTable.rows, "total")[0])[7] ?? "")).toBe(perRow);
    expect(num(cellsOf(rowsOfClass(bedTable.rows, "district")[0])[7] ?? "")).toBe(whole);
    const explain = bedTable.rows.map((r) => ("note" in r ? r.note.zh : "")).join("");
    expect(explain).toContain(
      `缺口 ${perRow.toLocaleString("en-US")} 与 ${whole.toLocaleString("en-US")} 相差 ${perRow - whole} 张`,
    );
    // the headline share is 2020 (2401 ÷ 7432 = 32.31 %); the indicator table's 41.20 is the 2023 observation
    const share = report.model.headline.find((f) => f.label.zh.startsWith("护理型床位占比"));
    expect(share?.label.zh).toContain("2020 年");
    expect(share?.value.zh).toBe("32.31%");
    expect(share?.basis.zh).toContain("2023 年观测值 41.20%（示意）");
    expect((bedTable.notes ?? []).map((n) => n.zh).join("")).toContain("2020 年基期值为 32.30%");
  });

  it("marks every section and figure drawn from illustrative inputs, in both languages", async () => {
    const { model, html } = await buildDistrictReport(exampleInput());
    for (const id of ["childcare", "beds", "indicators"]) {
      const section = model.sections.find((s) => s.id === id);
      expect(section?.banner?.zh).toMatch(/^示意数据/);
      expect(section?.banner?.en).toMatch(/^Illustrative data/);
      for (const chart of section?.charts ?? []) expect(chart.illustrative).toBe(true);
    }
    const observed = table(model, "indicators").rows.map((r) => cellsOf(r)[4]);
    expect(observed).toHaveLength(12);
    for (const cell of observed) expect(cell).toContain("（示意）");
    for (const figure of model.headline.filter(
      (f) => !f.label.zh.startsWith("托位缺口（2025") && f.label.zh !== "数据行",
    ))
      expect(figure.illustrative).toBe(true);
    // the plan's own district figure is not illustrative
    expect(model.headline[0]?.illustrative).toBe(false);
    expect(html.match(/class="mark"/g)?.length).toBe(6); // three charts, three headline figures
  });

  it("writes zh only, en only, or both, and never repeats a name in the title", async () => {
    const zh = await buildDistrictReport(exampleInput({ lang: "zh" }));
    expect(zh.html).toContain("托育服务能力");
    expect(zh.html).not.toContain("Childcare capacity");
    expect(zh.html).not.toContain('class="en"');
    const en = await buildDistrictReport(exampleInput({ lang: "en" }));
    expect(en.html).toContain("Childcare capacity");
    expect(en.html).not.toContain("托育服务能力");
    const same = await buildDistrictReport(exampleInput({ name: { zh: "大足区", en: "大足区" }, lang: "both" }));
    const header = same.html.match(/<header>([\s\S]*?)<\/header>/)?.[1] ?? "";
    expect(header).not.toMatch(/大足区 · 大足区/);
    expect(same.markdown.split("\n")[0]).not.toMatch(/大足区 · 大足区/);
  });
});

describe("observations by the indicator's printed name", () => {
  it("maps the Chinese name as printed in the plan to its id, and leaves an unknown name to be rejected", () => {
    expect(resolveIndicatorId(plans.dazu2023, "养老机构护理型床位占比")).toBe("nursingBedShare");
    expect(resolveIndicatorId(plans.dazu2023, " 养老机构护理型床位占比（%） ")).toBe("nursingBedShare");
    expect(resolveIndicatorId(plans.dazu2023, "nursingBedShare")).toBe("nursingBedShare");
    expect(resolveIndicatorId(plans.dazu2023, "不存在的指标")).toBe("不存在的指标");
  });
});

describe("carekit report on a user's own data (4 of 5 towns rejected, one without slots)", () => {
  const towns = [
    "街镇,常住人口,托位数,在托人数,养老床位,护理型床位",
    "甲镇,105000,,,,",
    "乙镇,,120,80,300,100",
    "丙镇,-5,10,5,50,10",
    "丁镇,五万,10,5,50,10",
    "戊镇,0,10,5,50,10",
  ].join("\n");
  const observations = [
    "指标,年份,值",
    "养老机构护理型床位占比,2023,41.2",
    "basicMedicalInsuranceRate,2023,95.5",
    "不存在的指标,2023,10",
  ].join("\n");

  function run(extra: string[] = []) {
    const dir = tmp();
    writeFileSync(join(dir, "towns.csv"), towns);
    writeFileSync(join(dir, "obs.csv"), observations);
    const out = join(dir, "out");
    const result = carekit(
      ["report", "--plan", "dazu2023", "--regions", "towns.csv", "--observations", "obs.csv", "--name", "某区"].concat(
        ["--out", out, "--date", "2026-12-01"],
        extra,
      ),
      { cwd: dir },
    );
    return { ...result, out };
  }

  it("lists the rejected rows in the report and the error file, and shows no 0 for a missing value", () => {
    const result = run();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("not given · 未提供");
    const html = readFileSync(join(result.out, "report.html"), "utf8");
    const section = html.match(/<section id="rejected">([\s\S]*?)<\/section>/)?.[1] ?? "";
    const rejectedRows = section.match(/<tr class="rejected">/g) ?? [];
    // 乙镇 (no population), 丙镇 (negative), 丁镇 (text), 戊镇 (population 0), and the unknown indicator
    expect(rejectedRows.length).toBe(5);
    expect(section).toContain("UNKNOWN_INDICATOR");
    for (const line of ["3", "4", "5", "6"]) expect(section).toContain(`<td class="num">${line}</td>`);
    const errors = csvRows(readFileSync(join(result.out, "report.errors.csv"), "utf8").replace(/^\uFEFF/, ""));
    expect(errors.length).toBe(rejectedRows.length);
    expect(errors.some((e) => e.input === "observations" && e.code === "UNKNOWN_INDICATOR" && e.line === "4")).toBe(
      true,
    );
    expect(errors.filter((e) => e.input === "regions").map((e) => e.line)).toEqual(["3", "4", "5", "6"]);
    // the headline: no gap of 0 where slots were not given, and it says what it rests on
    const headline = html.match(/<div class="summary" id="headline">([\s\S]*?)<\/div>\n<section/)?.[1] ?? "";
    expect(headline).toContain("未提供");
    expect(headline).not.toMatch(/缺口 0|养老床位 0|>0 个|>0%/);
    expect(headline).toMatch(/拒收 \d+ 行/);
    // the observation written by its Chinese name was assessed, not dropped
    expect(html).toContain("41.20 (2023)");
    // a town without slots shows — in its row, never 0
    const town = html.match(/<tr class="missing"><td>甲镇<\/td>(.*?)<\/tr>/)?.[1] ?? "";
    expect(town).toContain("—");
    expect(town).not.toMatch(/>0</);
  });

  it("writes no error file when nothing is rejected, and removes a stale one", () => {
    const dir = tmp();
    writeFileSync(join(dir, "towns.csv"), "街镇,常住人口,托位数\n甲镇,105000,300\n");
    writeFileSync(join(dir, "obs.csv"), "指标,年份,值\n养老机构护理型床位占比,2023,41.2\n");
    const out = join(dir, "out");
    const args = ["report", "--plan", "dazu2023", "--regions", "towns.csv", "--observations", "obs.csv"];
    mkdirSync(out);
    writeFileSync(join(out, "report.errors.csv"), "left from an earlier run");
    const first = carekit([...args, "--out", out, "--date", "2026-12-01", "--population-year", "2024"], { cwd: dir });
    expect(first.code).toBe(0);
    expect(existsSync(join(out, "report.errors.csv"))).toBe(false);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("托位缺口（2024 年）");
  });

  it("rejects an unknown --lang and a bad --population-year with a usage error", () => {
    expect(carekit(["report", "--example", "dazu", "--out", tmp(), "--lang", "fr"]).code).toBe(2);
    expect(carekit(["report", "--example", "dazu", "--out", tmp(), "--population-year", "20x0"]).code).toBe(2);
  });
});

describe("vega loads only when a chart is drawn", () => {
  it("carekit --help and carekit report --help load neither vega nor vega-lite", () => {
    const dir = mkdtempSync(join(tmpdir(), "carekit-hooks-"));
    const hooks = join(dir, "hooks.mjs");
    writeFileSync(
      hooks,
      `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/[\\\\/]node_modules[\\\\/]vega(-lite)?[\\\\/]/.test(result.url)) process.stderr.write("LOADED " + result.url + "\\n");
  return result;
}`,
    );
    const register = join(dir, "register.mjs");
    writeFileSync(register, `import { register } from "node:module"; register(${JSON.stringify(`file://${hooks}`)});`);
    const spawn = (args: string[]) =>
      spawnSync("node", ["--import", register, bin, ...args], { encoding: "utf8", cwd: dir });
    for (const args of [["--help"], ["report", "--help"]]) {
      const result = spawn(args);
      expect(result.status).toBe(0);
      expect(result.stderr).not.toContain("LOADED");
    }
    // the hook does see vega when a report draws its charts (the test can fail)
    const drawn = spawn(["report", "--example", "dazu", "--out", join(dir, "out"), "--date", "2026-12-01"]);
    expect(drawn.status).toBe(0);
    expect(drawn.stderr).toContain("LOADED");
  });
});

describe("下一步: what to do next", () => {
  it("ranks the sub-districts by gap and sizes each facility under the chosen standard", async () => {
    const { model } = await buildDistrictReport(exampleInput());
    const ranking = table(model, "next", 0);
    const rows = ranking.rows.filter((r) => r.className !== "total").map(cellsOf);
    const gaps = dazuExample.rows
      .map((r) => ({ region: r.region, gap: Math.max(0, required(r.population) - r.existingSlots) }))
      .filter((r) => r.gap > 0);
    expect(rows).toHaveLength(gaps.length);
    const seen = rows.map((r) => num(r[2] ?? ""));
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    for (const cells of rows) {
      const gap = gaps.find((g) => g.region === cells[1])?.gap ?? Number.NaN;
      expect(num(cells[2] ?? "")).toBe(gap);
      // 太原: classes of 20, ≥ 12 m² floor and ≥ 10 m² land a slot, a building of its own from 4 classes
      const classes = Math.ceil(gap / 20);
      expect(num(cells[3] ?? "")).toBe(classes);
      expect(num(cells[5] ?? "")).toBe(gap * 12);
      expect(num(cells[6] ?? "")).toBe(gap * 10);
      expect(cells[7]).toBe(classes >= 4 ? "是" : "否");
    }
    expect(rows[0]?.[1]).toBe("龙水镇");
    expect((ranking.notes ?? []).map((n) => n.zh).join("")).toContain("另一城市的标准，仅作示意");
    // national2025 sets no area per slot: — , never 0
    const national = await buildDistrictReport(exampleInput({ facilityStandard: "national2025" }));
    const first = cellsOf(table(national.model, "next", 0).rows[0]);
    expect([first[5], first[6]]).toEqual(["—", "—"]);
    expect((table(national.model, "next", 0).notes ?? []).map((n) => n.zh).join("")).not.toContain("另一城市");
  });

  it("gives the 2030 horizon and the binding indicators off track with their distance to target", async () => {
    const { model } = await buildDistrictReport(exampleInput());
    const horizon = model.sections.find((s) => s.id === "next")?.tables?.find((t) => t.caption.zh.startsWith("2030"));
    const cells = (horizon?.rows ?? []).map(cellsOf);
    const rate = Math.round(((870_000 / 834_600) ** (1 / 5) - 1) * 1e6) / 1e6;
    expect(cells[0]?.[3]).toContain(`${(rate * 100).toFixed(4)}%`);
    const population = num(cells[0]?.[2] ?? "");
    expect(population).toBeGreaterThan(870_000);
    expect(cells[1]?.[2]).toBe(
      `${required(population).toLocaleString("en-US")} / ${(required(population) - 1727).toLocaleString("en-US")}`,
    );
    // 73 % of the 7,432 beds by 2030: ⌈5425.36⌉ = 5426, less 2,401 today
    expect(cells[2]?.[2]).toBe(`5,426 / ${(5426 - 2401).toLocaleString("en-US")}`);
    const offTrack = model.sections
      .find((s) => s.id === "next")
      ?.tables?.find((t) => t.caption.en.startsWith("Binding"));
    const share = (offTrack?.rows ?? []).map(cellsOf).find((r) => r[0] === "养老机构护理型床位占比");
    expect(share?.[1]).toBe("41.20 (2023)（示意）");
    expect(share?.[4]).toBe("18.80"); // 60 − 41.2
  });
});
