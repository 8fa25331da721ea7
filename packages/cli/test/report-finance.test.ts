import { describe, expect, it } from "vitest";
import { buildDistrictReport } from "../src/report/district.js";
import { exampleInput } from "./report-example.js";

describe("report --finance taiyuan2026 (the operating-subsidy budget for closing the gap)", () => {
  it("budgets the headline gap at 太原's rates, 10 months at most, and marks another city's standard", async () => {
    const { model, html } = await buildDistrictReport(exampleInput({ finance: "taiyuan2026" }));
    const finance = model.sections.find((s) => s.id === "finance");
    expect(finance).toBeDefined();
    // 大足区 (500111) is not in 太原 (1401): the section says the rates are applied for illustration
    expect(finance?.banner?.zh).toContain("太原市");
    const rows = finance?.tables?.[0]?.rows ?? [];
    const cells = rows.map((r) => ("cells" in r ? r.cells : []));
    // headline gap 2,188 slots (2025, 大足府办发〔2023〕37号) × 10 months × 550 元 = 12,034,000.00 元
    expect(cells[0]?.slice(1)).toEqual(["2,188", "10", "550.00", "12,034,000.00"]);
    // × 350 元 for kindergarten classes = 7,658,000.00 元
    expect(cells[1]?.slice(1)).toEqual(["2,188", "10", "350.00", "7,658,000.00"]);
    expect(html).toContain("12,034,000.00");
    // the budget year is the first year the subsidy applies, not the gap's year
    expect(finance?.tables?.[0]?.caption.zh).toContain("2026");
  });

  it("adds no finance section without --finance", async () => {
    const { model } = await buildDistrictReport(exampleInput());
    expect(model.sections.some((s) => s.id === "finance")).toBe(false);
  });

  it("says 未提供 instead of budgeting 0 when no gap can be computed", async () => {
    const rows = exampleInput().rows.map(({ existingSlots: _slots, ...row }) => row);
    const { model } = await buildDistrictReport(exampleInput({ finance: "taiyuan2026", district: undefined, rows }));
    const finance = model.sections.find((s) => s.id === "finance");
    expect(finance?.tables ?? []).toEqual([]);
    expect(finance?.paragraphs?.[0]?.zh).toContain("未提供");
  });
});
