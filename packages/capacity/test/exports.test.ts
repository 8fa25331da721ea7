import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as capacity from "../src/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const names = [...readFileSync(join(root, "src/index.ts"), "utf8").matchAll(/export \{([^}]*)\}/g)].flatMap((m) =>
  (m[1] ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== ""),
);
const types = names.filter((name) => name.startsWith("type "));
const values = names.filter((name) => !name.startsWith("type "));

describe("the public entry", () => {
  it("exports what the README's API section says, so that growth is a decision", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const stated = /exports \*\*(\d+) names: (\d+) values and (\d+) types\*\*/.exec(readme);
    expect(stated, "README API line").not.toBeNull();
    expect([names.length, values.length, types.length]).toEqual([
      Number(stated?.[1]),
      Number(stated?.[2]),
      Number(stated?.[3]),
    ]);
    expect(Object.keys(capacity).sort()).toEqual([...values].sort());
  });

  it("keeps internals off the entry", () => {
    for (const internal of ["isRegionRow", "TraceStepSchema", "traceStep", "parse", "resolveStandard", "MAX_COUNT"])
      expect(Object.keys(capacity)).not.toContain(internal);
  });
});
