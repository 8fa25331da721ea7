import { describe, expect, it } from "vitest";
import { formatCell, parseUnary, UnaryError } from "../src/table/unary.js";

describe("unary tests (cells)", () => {
  it.each([
    ["", { any: true }],
    ["-", { any: true }],
    ["< 90", { any: false, negated: false, tests: [{ kind: "compare", op: "lt", value: 90 }] }],
    [">= 1_000", { any: false, negated: false, tests: [{ kind: "compare", op: "gte", value: 1000 }] }],
    ["<= -2.5", { any: false, negated: false, tests: [{ kind: "compare", op: "lte", value: -2.5 }] }],
    [
      "[500..1_000)",
      { any: false, negated: false, tests: [{ kind: "range", low: 500, high: 1000, lowOpen: false, highOpen: true }] },
    ],
    [
      "(1..5]",
      { any: false, negated: false, tests: [{ kind: "range", low: 1, high: 5, lowOpen: true, highOpen: false }] },
    ],
    [
      '"GB", "IE"',
      {
        any: false,
        negated: false,
        tests: [
          { kind: "eq", value: "GB", quoted: true },
          { kind: "eq", value: "IE", quoted: true },
        ],
      },
    ],
    [
      "初诊，随访",
      {
        any: false,
        negated: false,
        tests: [
          { kind: "eq", value: "初诊", quoted: false },
          { kind: "eq", value: "随访", quoted: false },
        ],
      },
    ],
    ["true", { any: false, negated: false, tests: [{ kind: "eq", value: true, quoted: false }] }],
    ["否", { any: false, negated: false, tests: [{ kind: "eq", value: false, quoted: false }] }],
    [
      "null, >= 90",
      { any: false, negated: false, tests: [{ kind: "null" }, { kind: "compare", op: "gte", value: 90 }] },
    ],
    ["!= null", { any: false, negated: false, tests: [{ kind: "notNull" }] }],
    ['!= "a"', { any: false, negated: false, tests: [{ kind: "ne", value: "a", quoted: true }] }],
    ["not in [1, 2]", { any: false, negated: false, tests: [{ kind: "notIn", values: [1, 2] }] }],
    [
      'not("a", "b")',
      {
        any: false,
        negated: true,
        tests: [
          { kind: "eq", value: "a", quoted: true },
          { kind: "eq", value: "b", quoted: true },
        ],
      },
    ],
    ["within 30 days", { any: false, negated: false, tests: [{ kind: "within", days: 30 }] }],
    ["older than 365 days", { any: false, negated: false, tests: [{ kind: "olderThan", days: 365 }] }],
    [
      '["2024-01-01".."2024-06-30"]',
      {
        any: false,
        negated: false,
        tests: [{ kind: "range", low: "2024-01-01", high: "2024-06-30", lowOpen: false, highOpen: false }],
      },
    ],
  ])("%j", (text, cell) => {
    expect(parseUnary(text)).toEqual(cell);
    // formatting and reading again gives the same cell (a word comes back as quoted text)
    const unquote = (c: unknown) => JSON.parse(JSON.stringify(c).replaceAll('"quoted":true', '"quoted":false'));
    expect(unquote(parseUnary(formatCell(parseUnary(text))))).toEqual(unquote(cell));
  });

  it.each([
    ["<< 3", false],
    ["[1..", false],
    ["[1..3", false],
    ['"a', false],
    ["< ", false],
    ["(1..3] x", false],
    ['[1.."b"]', false],
    ["some($, # > 3)", true],
    ['contains($, "a")', true],
    ["> 1 and < 3", true],
    ["]1..3[", true],
    ["= 5", true],
    ["[1, 2]", true],
  ])("%j is refused (unsupported: %s)", (text, unsupported) => {
    let error: unknown;
    try {
      parseUnary(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnaryError);
    expect((error as UnaryError).unsupported).toBe(unsupported);
    expect((error as UnaryError).messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("the ZEN dialect refuses what ZEN reads otherwise: not(…), unquoted names, within … days, -", () => {
    for (const text of ["not(< 3)", "first", "within 3 days", "-"])
      expect(() => parseUnary(text, "zen")).toThrow(UnaryError);
  });
});
