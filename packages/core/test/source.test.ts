import { describe, expect, it } from "vitest";
import { ConfidenceSchema, LabelSchema, SourceSchema } from "../src/index.js";

describe("sources and labels", () => {
  it("validates a data module's source", () => {
    //#region example
    const source = SourceSchema.parse({
      title: "重庆市大足区“一老一小”整体解决方案",
      number: "大足府办发〔2023〕37号",
      confidence: "CONFIRMED",
    });
    expect(source.number).toBe("大足府办发〔2023〕37号");
    expect(ConfidenceSchema.safeParse("RUMOUR").success).toBe(false);
    expect(LabelSchema.safeParse({ zh: "托位", en: "childcare slot" }).success).toBe(true);
    //#endregion example
  });

  it("rejects unknown keys, empty titles and non-http URLs", () => {
    expect(SourceSchema.safeParse({ title: "x", confidence: "CONFIRMED", extra: 1 }).success).toBe(false);
    expect(SourceSchema.safeParse({ title: "", confidence: "CONFIRMED" }).success).toBe(false);
    expect(SourceSchema.safeParse({ title: "x", url: "javascript:alert(1)", confidence: "CONFIRMED" }).success).toBe(
      false,
    );
    expect(SourceSchema.safeParse({ title: "x", number: null, confidence: "SECONDARY" }).success).toBe(true);
    expect(LabelSchema.safeParse({ zh: "托位" }).success).toBe(false);
  });
});
