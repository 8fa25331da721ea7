import { checkExamples } from "@carekit/test-utils";
import * as settlement from "../src/index.js";
import { CHONGQING_CATALOGUE, CROSS_CLAIM, SICHUAN_POLICY } from "./fixtures.js";

// The FHIR exports' TSDoc examples, run as plain code (`// → value`). The rest of the package still includes test
// regions (`{@includeCode}`); its examples join this check once converted.
await checkExamples({
  name: "FHIR TSDoc examples",
  sources: [new URL("../src/fhir", import.meta.url)],
  scope: { ...settlement, policy: SICHUAN_POLICY, catalogue: CHONGQING_CATALOGUE, claim: CROSS_CLAIM },
});
