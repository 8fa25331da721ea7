import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { catalogues, plans, toDhis2Metadata } from "@carekit/indicators";
import { describe, expect, it } from "vitest";
import { carekit, csvRows, tmp } from "./run.js";

describe("carekit indicators export --to dhis2", () => {
  it("writes the metadata payload the library builds (default --metadata; --plan; --locale zh)", () => {
    const dir = tmp();
    const run = carekit(["indicators", "export", "--to", "dhis2", "-o", join(dir, "metadata.json")]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8"))).toEqual(
      toDhis2Metadata({ definitions: catalogues.yilaoYixiao.indicators }),
    );
    const zh = carekit(["indicators", "export", "--to", "dhis2", "--plan", "dazu2023", "--locale", "zh", "-q"]);
    expect(zh.code).toBe(0);
    expect(JSON.parse(zh.stdout)).toEqual(toDhis2Metadata({ definitions: plans.dazu2023.indicators, locale: "zh" }));
  });

  it("writes data values from counts per region; a row without an org unit is an error row, never dropped", () => {
    const dir = tmp();
    writeFileSync(join(dir, "counts.csv"), "region,slots,residentPopulation\n500111,1727,834600\n510104,5,\n");
    writeFileSync(join(dir, "org-units.json"), JSON.stringify({ "500111": "Dz5mCGd8Lmb" }));
    const run = carekit(
      [
        "indicators",
        "export",
        "--to",
        "dhis2",
        "--data-values",
        "counts.csv",
        "--org-units",
        "org-units.json",
        "--period",
        "2020",
        "-o",
        "data-values.json",
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    const { dataValues } = JSON.parse(readFileSync(join(dir, "data-values.json"), "utf8"));
    expect(
      dataValues.map((v: { value: string; orgUnit: string; period: string }) => [v.value, v.orgUnit, v.period]),
    ).toEqual([
      ["1727", "Dz5mCGd8Lmb", "2020"],
      ["834600", "Dz5mCGd8Lmb", "2020"],
    ]);
    const errors = csvRows(readFileSync(join(dir, "data-values.errors.csv"), "utf8"));
    expect(errors.map((e) => [e.line, e.code])).toEqual([["3", "UNKNOWN_REGION"]]);
  });

  it("refuses usage errors with exit code 2", () => {
    expect(carekit(["indicators", "export", "--to", "fhir"]).code).toBe(2);
    expect(carekit(["indicators", "export", "--to", "dhis2", "--data-values", "x.csv"]).code).toBe(2);
    expect(carekit(["indicators", "observations.csv"]).code).toBe(2); // --plan still required
  });
});
