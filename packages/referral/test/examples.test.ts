import { checkExamples } from "@carekit/test-utils";
import * as referral from "../src/index.js";

// every plain-code `@example` of referral's TSDoc runs here: each `expression; // → value` is checked
await checkExamples({ sources: [new URL("../src", import.meta.url)], scope: { ...referral } });
