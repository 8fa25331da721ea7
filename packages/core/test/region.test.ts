import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isCrossProvince, listRegions, provinceOf, RegionCodeSchema, regionName, regionOf } from "../src/regions.js";

const csvPath = fileURLToPath(new URL("../../../../shared/domain/regions-chuanyu.csv", import.meta.url));

describe("regions", () => {
  it("names divisions and finds their province", () => {
    //#region example
    expect(regionName("500111")).toBe("大足区");
    expect(provinceOf("510104")).toBe("510000"); // 锦江区 → 四川省
    expect(isCrossProvince("510104", "500111")).toBe(true); // 成都 → 大足: 跨省
    expect(isCrossProvince("500111", "500233")).toBe(false); // 大足区 → 忠县
    expect(regionOf("510100")).toEqual({ code: "510100", name: "成都市", level: "prefecture", parent: "510000" });
    //#endregion example
  });

  it("lists 重庆's 38 county-level and 四川's 21 prefecture-level divisions", () => {
    //#region list
    expect(listRegions("500000")).toHaveLength(38);
    expect(listRegions("510000")).toHaveLength(21);
    //#endregion list
    expect(listRegions().filter((r) => r.level === "county" && r.code.startsWith("51"))).toHaveLength(183);
  });

  it("validates codes", () => {
    //#region schema
    expect(RegionCodeSchema.safeParse("500229").success).toBe(true); // 城口县
    expect(RegionCodeSchema.safeParse("110000").success).toBe(false);
    //#endregion schema
  });

  it.skipIf(!existsSync(csvPath))("matches shared/domain/regions-chuanyu.csv row for row", () => {
    const rows = readFileSync(csvPath, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","));
    const expected = rows
      .filter((r) => r[2] !== "township")
      .map(([code, name, level, parent]) => ({ code, name, level, parent: parent || null }));
    expect(listRegions()).toEqual(expect.arrayContaining(expected));
    expect(listRegions()).toHaveLength(expected.length);
  });
});
