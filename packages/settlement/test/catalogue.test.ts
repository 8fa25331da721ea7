import { describe, expect, it } from "vitest";
import { ItemCatalogueSchema } from "../src/index.js";
import { CHONGQING_CATALOGUE } from "./fixtures.js";

describe("ItemCatalogueSchema", () => {
  it("validates a treatment-place catalogue", () => {
    const catalogue = ItemCatalogueSchema.parse(CHONGQING_CATALOGUE);
    expect(catalogue.items?.["B-implant"]).toEqual({ class: "B", preSelfPayRate: 0.3 });
    expect(catalogue.items?.["A-drug"]?.priceCapFen).toBe(2_000); // unit price cap 20.00 元
    expect(ItemCatalogueSchema.safeParse({ ...CHONGQING_CATALOGUE, items: { X: { class: "D" } } }).success).toBe(false);
  });

  it("rejects prototype keys in JSON data", () => {
    const json = JSON.parse(`{"__proto__": {"class": "A"}}`);
    const result = ItemCatalogueSchema.safeParse({ ...CHONGQING_CATALOGUE, items: json });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["items", "__proto__"]);
  });
});
