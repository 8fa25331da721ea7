import { checkExamples } from "@carekit/test-utils";
import * as z from "zod";
import * as core from "../src/index.js";
import * as internal from "../src/internal.js";
import * as regions from "../src/regions.js";

// every `@example` of core's TSDoc runs here: each `expression; // → value` is checked against the actual value
await checkExamples({
  sources: [new URL("../src", import.meta.url)],
  scope: { ...core, ...regions, ...internal, z },
});
