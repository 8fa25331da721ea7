import { checkExamples } from "@carekit/test-utils";
import * as capacity from "../src/index.js";

// every ```ts `@example` of capacity's TSDoc runs here: each `expression; // → value` is checked against the result
await checkExamples({ sources: [new URL("../src", import.meta.url)], scope: { ...capacity } });
