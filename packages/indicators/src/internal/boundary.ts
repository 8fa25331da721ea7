import { CarekitError, isCarekitError } from "@carekit/core";

function describe(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  } catch {
    return "unknown error";
  }
}

/**
 * What a public function throws for `error` caught at its boundary: a CarekitError as it is; anything else was thrown
 * while the caller's input was being read (a throwing getter, a revoked proxy, a cyclic value) and becomes
 * `UNREADABLE_INPUT`, so no raw exception leaves the package.
 */
export function atBoundary(error: unknown, what: { readonly en: string; readonly zh: string }): CarekitError {
  if (isCarekitError(error)) return error;
  const detail = describe(error);
  return new CarekitError({
    code: "UNREADABLE_INPUT",
    message: `the ${what.en} could not be read (${detail})`,
    messageZh: `无法读取${what.zh}（${detail}）`,
    issues: [{ path: "", message: `could not be read (${detail})`, messageZh: `无法读取（${detail}）` }],
    cause: error,
  });
}
