import { describe, expect, it } from "vitest";
import * as z from "zod";
import { isCarekitError, parseInput } from "../src/index.js";
import { formatPath, toCarekitIssues } from "../src/internal.js";

describe("parseInput", () => {
  it("returns the parsed value or throws one CarekitError with every issue", () => {
    //#region example
    const Row = z.strictObject({ region: z.string(), population: z.number().int().positive() });
    expect(parseInput(Row, { region: "大足区", population: 830000 })).toEqual({ region: "大足区", population: 830000 });
    try {
      parseInput(Row, { region: "大足区", population: -5, extra: 1 }, { path: ["rows", 3] });
    } catch (error) {
      if (!isCarekitError(error)) throw error;
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.issues.map((issue) => issue.path)).toEqual(["rows[3].population", "rows[3]"]);
      expect(error.issues[1]?.messageZh).toContain("包含未知字段");
    }
    //#endregion example
  });

  it("reports missing fields in Chinese and uses custom zh params", () => {
    const Schema = z.object({
      a: z.number(),
      b: z.string().refine(() => false, { error: "bad b", params: { zh: "b 不对" } }),
    });
    try {
      parseInput(Schema, { b: "x" }, { code: "UNKNOWN_POLICY", label: { en: "policy", zh: "政策" } });
      expect.unreachable();
    } catch (error) {
      if (!isCarekitError(error)) throw error;
      expect(error.code).toBe("UNKNOWN_POLICY");
      expect(error.message).toMatch(/^Invalid policy: a: .* \(\+1 more\)$/);
      expect(error.messageZh).toBe("政策无效：a: 缺少必填字段（另有 1 处）");
      expect(error.issues[1]).toEqual({ path: "b", message: 'bad b; got "x"', messageZh: 'b 不对，实际为 "x"' });
    }
  });

  it("translates zod's built-in checks into Chinese", () => {
    const Schema = z.strictObject({
      population: z.number().int().positive(),
      name: z.string().min(2),
      level: z.enum(["primary", "level1"]),
      rate: z.number().max(1),
    });
    const result = Schema.safeParse({ population: 1.5, name: "x", level: "level9", rate: 2, extra: true });
    const zh = result.success
      ? []
      : toCarekitIssues(result.error.issues).map((issue) => `${issue.path} ${issue.messageZh}`);
    expect(zh).toEqual([
      "population 类型错误：应为整数",
      "name 长度过短：不能少于 2 个字符",
      'level 取值无效：应为 "primary" / "level1" 之一',
      "rate 数值过大：不能大于 1",
      " 包含未知字段：extra",
    ]);
    const positive = z.number().positive().safeParse(0);
    expect(positive.success ? "" : toCarekitIssues(positive.error.issues)[0]?.messageZh).toBe("数值过小：必须大于 0");
  });

  it("formats paths like JavaScript", () => {
    //#region formatPath
    expect(formatPath(["lines", 2, "amount"])).toBe("lines[2].amount");
    expect(formatPath([0, "a"])).toBe("[0].a");
    expect(formatPath([])).toBe("");
    //#endregion formatPath
  });

  it("converts zod issues directly", () => {
    //#region toIssues
    const result = z.object({ n: z.number() }).safeParse({ n: "1" });
    const issues = result.success ? [] : toCarekitIssues(result.error.issues, ["claims", 0]);
    expect(issues[0]?.path).toBe("claims[0].n");
    expect(issues[0]?.messageZh).toMatch(/^类型错误/);
    //#endregion toIssues
  });
});
