import { defineConfig } from "tsup";

// dist is emptied by the build script (the configs build in parallel, so none cleans).
// ESM is split so that what a command loads on demand (exceljs for .xlsx, vega for a report's charts) stays out of
// `carekit --help` and of every other command; the CommonJS build (the library entry only) is one file.
export default defineConfig([
  {
    // the library entry, and internal.ts: the reader for the CLI's own bench (dist/internal.js, not in the exports)
    entry: ["src/index.ts", "src/internal.ts"],
    format: ["esm"],
    dts: { entry: "src/index.ts" },
    shims: true,
    target: "es2022",
    splitting: true,
  },
  {
    // the `carekit` program (dist/bin.js) and a worker thread of settle --workers (dist/settle-worker.js, not in the
    // exports), with the carekit libraries and date-fns bundled in: start-up was ≈ 0.4 s of module loading (each
    // library's modules, and date-fns's index until core imported one function module at a time); bundled and
    // tree-shaken, `carekit settle` starts in ≈ 0.25 s and a worker imports in ≈ 0.08 s instead of ≈ 0.3 s (measured,
    // docs/benchmarks.md). zod stays a dependency as it is.
    entry: ["src/bin.ts", "src/settle-worker.ts"],
    format: ["esm"],
    shims: true,
    target: "es2022",
    splitting: true,
    noExternal: [/^@carekit\//, "date-fns"],
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
