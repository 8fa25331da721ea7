import { isCarekitError } from "@carekit/core";

export { type CarekitError, isCarekitError } from "@carekit/core";

export * from "../src/index.js";

/** Run `call`; return the first issue path of the CarekitError it throws, or fail the test. */
export function isCarekitErrorLike(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (isCarekitError(error)) return error.issues[0]?.path ?? "";
    throw error;
  }
  throw new Error("expected a CarekitError");
}
