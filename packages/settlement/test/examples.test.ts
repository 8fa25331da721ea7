import { readdirSync } from "node:fs";
import { checkExamples } from "@carekit/test-utils";
import { describe, expect, it } from "vitest";
import * as examples from "../src/examples.js";
import { CHONGQING_EMPLOYEE_EXAMPLE, chengduEmployeeExample } from "../src/examples.js";
import * as settlement from "../src/index.js";
import { createSettler, PolicySchema, START_OF_YEAR } from "../src/index.js";
import { CHONGQING_CATALOGUE, CROSS_CLAIM } from "./fixtures.js";

// every ```ts `@example` of settlement's TSDoc runs here (the package's two entries in scope, as an app imports them):
// each `expression; // → value` is checked against the result. src/fhir.ts documents its examples in its own test.
const src = new URL("../src/", import.meta.url);
const sources = [
  ...readdirSync(src)
    .filter((file) => file.endsWith(".ts") && !file.startsWith("fhir"))
    .map((file) => new URL(file, src)),
  new URL("data/", src),
  new URL("internal/", src),
];
await checkExamples({ sources, scope: { ...settlement, ...examples } });
describe("@carekit/settlement/examples", () => {
  it("are valid policies, labelled LOW-CRED examples", () => {
    const chengdu = chengduEmployeeExample({ pooledAnnualCapFen: 30_000_000 }); // the cap is yours: not in the source
    for (const policy of [CHONGQING_EMPLOYEE_EXAMPLE, chengdu]) {
      expect(PolicySchema.safeParse(policy).success).toBe(true);
      expect(policy.source.confidence).toBe("LOW-CRED");
      expect(policy.source.note).toMatch(/^EXAMPLE ONLY/);
    }
    const settler = createSettler({ policies: [chengdu], catalogues: [CHONGQING_CATALOGUE] });
    expect(settler.settle({ claim: CROSS_CLAIM, accumulators: START_OF_YEAR }).result.deductibleFen).toBe(80_000); // 成都 三级 起付 800 元 (example)
  });

  it("the 重庆 example settles 渝 claims at its 三级 deductible of 880 元", () => {
    const settler = createSettler({ policies: [CHONGQING_EMPLOYEE_EXAMPLE], catalogues: [CHONGQING_CATALOGUE] });
    const local = { ...CROSS_CLAIM, insuredRegion: "500111", treatmentRegion: "500233" };
    const { result } = settler.settle({ claim: local, accumulators: START_OF_YEAR });
    expect(result.deductibleFen).toBe(88_000);
    expect(result.pooledFundPaidFen).toBe(183_600); // (3040 − 880) × 85 %
  });
});
