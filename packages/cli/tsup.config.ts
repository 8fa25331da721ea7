import { defineConfig } from "tsup";

// dist is emptied by the build script (two configs build in parallel, so neither cleans).
// ESM is split so that what a command loads on demand (exceljs for .xlsx, vega for a report's charts) stays out of
// `carekit --help` and of every other command; the CommonJS build (the library entry only) is one file.
export default defineConfig([
  {
    // internal.ts: the reader for the CLI's own bench (dist/internal.js); settle-worker.ts: a worker thread of
    // settle --workers (dist/settle-worker.js); neither is in the package's exports
    entry: ["src/index.ts", "src/bin.ts", "src/internal.ts", "src/settle-worker.ts"],
    format: ["esm"],
    dts: { entry: "src/index.ts" },
    shims: true,
    target: "es2022",
    splitting: true,
  },
  {
    entry: ["src/index.ts"],
    format: ["cjs"],
    dts: { entry: "src/index.ts" },
    shims: true,
    target: "es2022",
    splitting: false,
  },
]);
