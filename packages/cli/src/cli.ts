import { registerCapacity } from "./commands/capacity.js";
import { registerColumns } from "./commands/columns.js";
import { registerIndicators } from "./commands/indicators.js";
import { registerRefer } from "./commands/refer.js";
import { registerReport } from "./commands/report.js";
import { registerSettle } from "./commands/settle.js";
import { createProgram, runProgram } from "./program.js";
import { VERSION } from "./version.js";

/**
 * Run the `carekit` command line on `argv` (the arguments after `carekit`) and resolve to its exit code:
 * 0 when every row succeeded, 1 when some rows were rejected (they are in the error file), 2 for a usage error.
 * 运行 carekit 命令行，返回退出码。
 *
 * @example
 * {@includeCode ../test/cli.test.ts#runCli}
 */
export function runCli(argv: readonly string[]): Promise<number> {
  const { program, exitCode } = createProgram(VERSION, [
    registerCapacity,
    registerIndicators,
    registerRefer,
    registerSettle,
    registerReport,
    registerColumns,
  ]);
  return runProgram(program, exitCode, argv);
}
