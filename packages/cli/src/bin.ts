#!/usr/bin/env node
import { runCli } from "./cli.js";
import { isBrokenPipe } from "./io/write.js";
import { exitCodeOf } from "./program.js";

// `carekit … | head`: once the reader of standard output has gone, stop quietly
process.stdout.on("error", (error) => {
  if (isBrokenPipe(error)) process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = exitCodeOf(error);
  },
);
