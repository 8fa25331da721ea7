import { plans } from "@carekit/indicators";
import { expectCarekitError, fuzzExportsAsync } from "@carekit/test-utils";
import { describe, expect, it } from "vitest";
import * as cli from "../src/index.js";
import { REPORT_INPUT_KEYS } from "../src/report/input.js";

// Every export of the CLI's programmatic entry called with generated hostile arguments (BigInt, symbols, circular
// and 10,000-deep values, throwing getters, Object.create(null), NaN dates): a result or a CarekitError, never a raw
// exception, never NaN, Infinity, −0 or an unsafe integer. `runCli` reads and writes files and streams; its hostile
// command lines are covered by test/defects.test.ts and test/commands.test.ts.
// the report input's own fields (so that hostile values reach each of them), and the keys of the rows inside it
const KEYS = [...REPORT_INPUT_KEYS, "region", "population", "existingSlots", "zh", "en"];

describe("the CLI's programmatic entry at its boundary", () => {
  it("returns a clean result or throws a CarekitError for 10,000 generated calls over every export", async () => {
    const calls = await fuzzExportsAsync(cli as unknown as Record<string, unknown>, {
      numRuns: 10_000,
      keys: KEYS,
      skip: ["runCli"],
    });
    expect(calls).toBeGreaterThanOrEqual(10_000);
  }, 300_000);
});

describe("regressions found by the fuzz test (each threw a raw TypeError before)", () => {
  it("canonicalColumn of a non-string", () => {
    expectCarekitError(() => cli.canonicalColumn(undefined as never), "INVALID_INPUT", "header");
  });

  it("resolveIndicatorId of a missing plan or a non-string name", () => {
    expectCarekitError(() => cli.resolveIndicatorId(null as never, "x"), "INVALID_INPUT");
    expectCarekitError(() => cli.resolveIndicatorId(plans.dazu2023, 42 as never), "INVALID_INPUT", "written");
    expect(cli.resolveIndicatorId(plans.dazu2023, "每千人口拥有3岁以下婴幼儿托位数")).toBe("slotsPer1000");
  });

  it("buildDistrictReport of null, of a bad date, of a row list that is not a list", async () => {
    await expect(cli.buildDistrictReport(null as never)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const base = {
      name: { zh: "大足区", en: "Dazu" },
      plan: plans.dazu2023,
      rows: [],
      observations: [],
      targetPer1000: 4.5,
      generatedOn: "2026-12-01",
    };
    await expect(cli.buildDistrictReport({ ...base, generatedOn: "2026-02-30" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      issues: [{ path: "generatedOn" }],
    });
    await expect(cli.buildDistrictReport({ ...base, rows: "rows" as never })).rejects.toMatchObject({
      issues: [{ path: "rows" }],
    });
    await expect(cli.buildDistrictReport({ ...base, lang: "fr" as never })).rejects.toMatchObject({
      issues: [{ path: "lang" }],
    });
    await expect(cli.buildDistrictReport(base)).resolves.toMatchObject({ model: expect.anything() });
  });
});
