import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkExamples } from "@carekit/test-utils";
import { expect, it } from "vitest";
import * as indicators from "../src/index.js";

const src = new URL("../src", import.meta.url);

// every ```ts `@example` of indicators' TSDoc runs here: each `expression; // → value` is checked against the result
await checkExamples({ sources: [src], scope: { ...indicators } });

it("no example is included from a test (`{@includeCode}`): every example is plain code, run above", () => {
  const root = fileURLToPath(src);
  const includes = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .flatMap((name) =>
      [...readFileSync(join(root, name), "utf8").matchAll(/\{@includeCode [^}]*\}/g)].map((m) => `${name}: ${m[0]}`),
    );
  expect(includes).toEqual([]);
});
