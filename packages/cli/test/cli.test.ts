import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/index.js";
import { bin, carekit, csvRows, fixture, tmp } from "./run.js";

describe("carekit capacity", () => {
  it("reads Chinese column names from CSV and reproduces the 大足区 2025 need (3915, gap 2188, 71.45 %)", () => {
    const dir = tmp();
    const out = join(dir, "gaps.csv");
    const run = carekit(["capacity", fixture("districts-zh.csv"), "--target-per-1000", "4.5", "-o", out]);
    expect(run.code).toBe(0);
    const rows = csvRows(readFileSync(out, "utf8"));
    expect(rows[0]).toMatchObject({ region: "大足区", requiredSlots: "3915", slotGap: "2188", utilization: "71.45" });
    expect(rows[1]).toMatchObject({ region: "城口县", requiredSlots: "855", slotGap: "555" });
    expect(rows[2]?.region).toBe("合计 total");
    expect(run.stderr).toContain("read 2, written 2, rejected 0");
  });

  it("streams JSON Lines from stdin and writes JSON Lines to stdout", () => {
    const input = readFileSync(fixture("districts.jsonl"), "utf8");
    const run = carekit(["capacity", "-", "--input-format", "jsonl", "--target-per-1000", "4.1", "-f", "jsonl", "-q"], {
      input,
    });
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines[1]).toMatchObject({ region: "示例区", requiredSlots: 41, slotGap: 11, slotSurplus: 0 });
    expect(run.stderr).toBe("");
  });

  it("keeps every bad row: error file with line, code and bilingual message; exit 1; counts add up", () => {
    const dir = tmp();
    const out = join(dir, "out.csv");
    const run = carekit(["capacity", fixture("districts-bad.csv"), "--target-per-1000", "4.5", "-o", out]);
    expect(run.code).toBe(1);
    const errorsPath = join(dir, "out.errors.csv");
    expect(existsSync(errorsPath)).toBe(true);
    const errors = csvRows(readFileSync(errorsPath, "utf8"));
    expect(errors.map((e) => [e.line, e.path])).toEqual([
      ["3", "population"],
      ["4", "existingSlots"],
      ["5", "population"],
    ]);
    for (const error of errors) {
      expect(error.code).toMatch(/^(INVALID_INPUT|OUT_OF_RANGE)$/);
      expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
    const written = csvRows(readFileSync(out, "utf8")).filter((row) => row.region !== "合计 total");
    expect(written.map((row) => row.region)).toEqual(["甲", "戊"]);
    expect(written[1]?.utilization).toBe("111.11"); // over-enrolment is data, not an error
    expect(run.stderr).toContain("read 5, written 2, rejected 3");
  });

  it("exits 2 on a usage error", () => {
    expect(carekit(["capacity", fixture("districts-zh.csv")]).code).toBe(2); // missing --target-per-1000
    expect(carekit(["capacity", fixture("districts-zh.csv"), "--target-per-1000", "abc"]).code).toBe(2);
    expect(carekit(["capacity", fixture("districts-zh.csv"), "--target-per-1000", "250"]).code).toBe(2); // out of (0, 100]
    expect(carekit(["no-such-command"]).code).toBe(2);
    expect(carekit(["capacity", "missing.csv", "--target-per-1000", "4.5"]).code).toBe(2);
  });

  it.skipIf(!existsSync("/usr/bin/script"))("shows a progress bar on a terminal, and none when piped or quiet", () => {
    const dir = tmp();
    const args = [bin, "capacity", fixture("districts-zh.csv"), "--target-per-1000", "4.5", "-o", join(dir, "o.csv")];
    const onTty = spawnSync(
      "script",
      [
        "-qec",
        args
          .map((a) => JSON.stringify(a))
          .join(" ")
          .replace(/^/, "node "),
        "/dev/null",
      ],
      { encoding: "utf8" },
    );
    expect(onTty.stdout).toMatch(/100% \| 2 rows \| \d+ rows\/s \| ETA/);
    const piped = carekit([
      "capacity",
      fixture("districts-zh.csv"),
      "--target-per-1000",
      "4.5",
      "-o",
      join(dir, "p.csv"),
    ]);
    expect(piped.stderr).not.toMatch(/rows\/s/);
    const quiet = carekit([
      "capacity",
      fixture("districts-zh.csv"),
      "--target-per-1000",
      "4.5",
      "-o",
      join(dir, "q.csv"),
      "-q",
    ]);
    expect(quiet.stderr).toBe("");
  });

  it("prints help with examples in both languages, and the version", () => {
    const help = carekit(["capacity", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples · 示例");
    expect(help.stdout).toContain("常住人口");
    const version = carekit(["--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("carekit refer", () => {
  it("decides for each patient and rejects a bad row with its field path", () => {
    const dir = tmp();
    const out = join(dir, "decisions.csv");
    const run = carekit(["refer", fixture("patients.csv"), "--rules", "hypertension", "--at", "2024-06-01", "-o", out]);
    expect(run.code).toBe(1);
    const rows = csvRows(readFileSync(out, "utf8"));
    expect(rows[0]).toMatchObject({
      patientId: "P001",
      action: "refer_up",
      targetLevel: "county_hospital",
      firedRules: "bp-severe",
    });
    expect(rows[1]).toMatchObject({ patientId: "P002", action: "manage_locally" });
    const errors = csvRows(readFileSync(join(dir, "decisions.errors.csv"), "utf8"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: "4", path: "facts.sbp" });
  });

  it("lints a rule set", () => {
    const run = carekit(["refer", "lint", "hypertension", "-f", "jsonl"]);
    expect([0, 1]).toContain(run.code);
    for (const line of run.stdout.trim().split("\n").filter(Boolean)) expect(JSON.parse(line)).toHaveProperty("kind");
  });
});

describe("carekit settle", () => {
  it("settles claims from CSV (yuan → fen), rejects a claim out of discharge order (OUT_OF_ORDER, naming both claims) and discharge-before-admission", () => {
    // on the old code c-2 (discharged in March, after p-1's December claim in the file) was settled silently
    const dir = tmp();
    const out = join(dir, "settled.csv");
    const run = carekit([
      "settle",
      fixture("claims.csv"),
      "-p",
      fixture("policies.json"),
      "-c",
      fixture("catalogues.json"),
      "-o",
      out,
    ]);
    expect(run.code).toBe(1);
    const rows = csvRows(readFileSync(out, "utf8"));
    expect(rows.map((r) => r.claimId)).toEqual(["c-1", "c-3"]);
    expect(rows[0]).toMatchObject({ totalFen: "335399", crossProvince: "true" });
    for (const row of rows) {
      const funds = Number(row.fundsPaidFen);
      expect(funds + Number(row.patientPaysFen)).toBe(Number(row.totalFen));
    }
    expect(rows[1]).toMatchObject({ totalFen: "300050", crossProvince: "false" });
    const errors = csvRows(readFileSync(join(dir, "settled.errors.csv"), "utf8"));
    expect(errors[0]).toMatchObject({ line: "3", code: "OUT_OF_ORDER", path: "dischargeDate" });
    expect(errors[0]?.message).toContain("c-1");
    expect(errors[0]?.message).toContain("c-2");
    expect(errors[1]).toMatchObject({ line: "5", path: "dischargeDate" });
    expect(run.stderr).toContain("read 4, written 2, rejected 2, skipped 0");
  });

  it("rejects an amount with three decimals, naming its column", () => {
    const header = readFileSync(fixture("claims.csv"), "utf8").split("\n")[0];
    const row =
      "c-9,p-9,500111,500111,employee,in_service,level2,inpatient,2024-05-01,2024-05-03,long_term_resident,long_term_residence,10.005,0,0,0";
    const errorsPath = join(tmp(), "e.csv");
    const args = ["settle", "-", "-p", fixture("policies.json"), "-c", fixture("catalogues.json"), "-f", "jsonl", "-q"];
    const run = carekit([...args, "--errors", errorsPath], { input: `${header}\n${row}\n` });
    expect(run.code).toBe(1);
    expect(csvRows(readFileSync(errorsPath, "utf8"))[0]).toMatchObject({
      line: "2",
      code: "OUT_OF_RANGE",
      path: "classA",
    });
  });

  it("checks contribution years with the bundled 重庆 policy", () => {
    const input = `${JSON.stringify({
      person: "w1",
      sex: "male",
      retirementCity: "500000",
      asOf: "2024-06-30",
      periods: [
        { city: "510100", from: "1994-07-01", to: "2009-06-30", kind: "actual" },
        { city: "500000", from: "2009-07-01", to: "2024-06-30", kind: "actual" },
      ],
    })}\n`;
    const run = carekit(["settle", "years", "-", "--input-format", "jsonl", "--policy", "chongqing", "-f", "jsonl"], {
      input,
    });
    expect(run.code).toBe(0);
    const [result] = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(result).toMatchObject({ person: "w1", eligible: true, shortfallMonths: 0 });
  });
});

describe("carekit indicators", () => {
  it("assesses observations against the bundled 大足区 plan; an unknown indicator is an error row", () => {
    const dir = tmp();
    const out = join(dir, "status.csv");
    const run = carekit(["indicators", fixture("observations.csv"), "--plan", "dazu2023", "-o", out]);
    expect(run.code).toBe(1);
    const rows = csvRows(readFileSync(out, "utf8"));
    expect(rows.map((r) => r.indicatorId).sort()).toEqual([
      "basicMedicalInsuranceRate",
      "nursingBedShare",
      "slotsPer1000",
    ]);
    expect(rows.find((r) => r.indicatorId === "nursingBedShare")).toMatchObject({
      status: "off_track",
      attribute: "binding",
    });
    const errors = csvRows(readFileSync(join(dir, "status.errors.csv"), "utf8"));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe("5");
  });
});

describe("carekit report", () => {
  it("writes the 大足区 example report as HTML and Markdown with no input files", () => {
    const dir = tmp();
    const run = carekit(["report", "--example", "dazu", "--out", dir, "--date", "2026-11-25"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("required 3915, existing 1727, gap 2188");
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain("<svg");
    expect(html).toContain("养老机构护理型床位占比");
    expect(html).toContain("大足府办发〔2023〕37号");
    expect(readFileSync(join(dir, "report.md"), "utf8")).toContain("| 街镇 (Sub-district)");
  });
});

describe("runCli", () => {
  it("runs a command in-process and resolves to its exit code", async () => {
    const out = join(tmp(), "gaps.csv");
    //#region runCli
    const code = await runCli(["capacity", fixture("districts-zh.csv"), "--target-per-1000", "4.5", "-o", out, "-q"]);
    expect(code).toBe(0); // 0: every row succeeded; 1: some rows rejected; 2: usage error
    //#endregion runCli
    expect(csvRows(readFileSync(out, "utf8"))[0]).toMatchObject({ requiredSlots: "3915" });
    await expect(runCli(["capacity", "--no-such-option"])).resolves.toBe(2);
  });
});
