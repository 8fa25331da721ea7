import { isCarekitError } from "@carekit/core";
import { Command, CommanderError, Option } from "commander";
import { type BatchOptions, type BatchSummary, summaryLine } from "./io/batch.js";
import { encodingOption } from "./io/decode.js";
import { UsageError } from "./io/problems.js";
import { isBrokenPipe } from "./io/write.js";

export { UsageError };

/**
 * Exit codes (退出码), exactly three: 0 every row succeeded, 1 some rows were rejected (or reading stopped part way;
 * they are in the error file), 2 a usage error or an input that cannot be read at all.
 */
export const EXIT = { ok: 0, rowsRejected: 1, usage: 2 } as const;

/** Attach the options every batch command shares. */
export function batchOptions(command: Command): Command {
  return command
    .option("-o, --out <file>", "output file (default: standard output) · 输出文件")
    .addOption(
      new Option("-f, --format <format>", "output format (default: from -o, else a table) · 输出格式").choices([
        "csv",
        "jsonl",
        "table",
        "xlsx",
      ]),
    )
    .addOption(
      new Option("--input-format <format>", "input format (default: from the extension) · 输入格式").choices([
        "csv",
        "json",
        "jsonl",
        "xlsx",
      ]),
    )
    .option(
      "--encoding <name>",
      "input text encoding: utf-8, utf-16le, utf-16be, gb18030/gbk (default: detected) · 输入编码（默认自动识别）",
      encodingOption,
    )
    .option("--sheet <name|number>", "worksheet of an .xlsx input (default: the first) · 工作表")
    .option("--no-bom", "no UTF-8 BOM at the start of a CSV output file · CSV 输出不加 BOM")
    .option("--skip-total-rows", "skip 合计/总计/小计 rows (counted) instead of rejecting them · 跳过合计行")
    .option("--errors <file>", "error file for rejected rows (default: beside the output) · 错误文件")
    .option("-q, --quiet", "no progress bar or summary · 静默");
}

/** The {@link BatchOptions} of a command from its parsed options (`--out`, `--format`, `--errors`, …). */
export function batchOptionsFrom(input: string, opts: Record<string, unknown>): BatchOptions {
  return {
    input,
    inputFormat: opts.inputFormat as BatchOptions["inputFormat"],
    out: opts.out as string | undefined,
    format: opts.format as BatchOptions["format"],
    errors: opts.errors as string | undefined,
    quiet: opts.quiet as boolean | undefined,
    encoding: opts.encoding as BatchOptions["encoding"],
    sheet: opts.sheet as string | undefined,
    // commander makes --no-bom default to true: only an explicit --no-bom counts, so stdout gets no BOM by default
    bom: opts.bom === false ? false : undefined,
    skipTotalRows: opts.skipTotalRows as boolean | undefined,
  };
}

/** Report a batch run on standard error and turn it into an exit code. */
export function finishBatch(summary: BatchSummary, quiet: boolean | undefined): number {
  if (!quiet) process.stderr.write(`${summaryLine(summary)}\n`);
  return summary.rejected > 0 || summary.stoppedAt !== undefined ? EXIT.rowsRejected : EXIT.ok;
}

/** What a command's action resolves to: the process exit code. */
export type CommandResult = Promise<number>;

/**
 * Build the `carekit` program with every command registered by `register` functions; `--help` on each command
 * shows examples in Chinese and English.
 */
export function createProgram(
  version: string,
  registrations: readonly ((program: Command, setExit: (code: number) => void) => void)[],
): {
  program: Command;
  exitCode: () => number;
} {
  let code: number = EXIT.ok;
  const program = new Command("carekit")
    .description(
      "carekit — 一老一小 capacity, indicators, referral and 川渝 settlement over CSV/JSON files\n一老一小服务能力、指标、转诊与川渝医保结算的命令行工具",
    )
    .version(version, "-v, --version", "print the version · 显示版本")
    .helpOption("-h, --help", "show help · 显示帮助")
    .showHelpAfterError("(carekit <command> --help for usage · 查看用法)")
    .exitOverride();
  for (const register of registrations) register(program, (next) => (code = next));
  return { program, exitCode: () => code };
}

/** Write a user-facing error to standard error: message and details, never a stack trace. */
function report(lines: readonly string[]): void {
  try {
    process.stderr.write(`${lines.join("\n")}\n`);
  } catch {
    // standard error is gone too: nothing left to tell
  }
}

/**
 * Run the CLI on `argv` (without the node and script entries) and resolve to the exit code; never exits the process
 * itself, so tests and other programs can call it. Every failure becomes exit 2 with a message (a stack trace only
 * with `CAREKIT_DEBUG=1`); a closed output pipe ends quietly.
 */
export async function runProgram(program: Command, exitCode: () => number, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode();
  } catch (error) {
    return exitCodeOf(error);
  }
}

/** Errors of the file system that are the user's to fix (a path, a permission, a full disk), not the program's. */
const FILE_SYSTEM_ERRORS = new Set([
  "ENOENT",
  "EISDIR",
  "EACCES",
  "ENOTDIR",
  "EPERM",
  "EROFS",
  "ENOSPC",
  "EDQUOT",
  "ENXIO",
  "ENAMETOOLONG",
  "ELOOP",
  "EMFILE",
]);

/** The exit code for an error that ended a run, after reporting it. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    if (
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version" ||
      error.code === "commander.help"
    )
      return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    report([`carekit: ${error.message}`, ...error.details.map((line) => `  - ${line}`)]);
    return EXIT.usage;
  }
  if (isCarekitError(error)) {
    report([
      `carekit: ${error.code}: ${error.message}`,
      `        ${error.messageZh}`,
      ...error.issues
        .slice(0, 10)
        .map((issue) => `  - ${issue.path || "(root)"}: ${issue.message} · ${issue.messageZh}`),
    ]);
    return EXIT.usage;
  }
  if (isBrokenPipe(error)) return EXIT.ok;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code !== undefined && FILE_SYSTEM_ERRORS.has(code)) {
    report([`carekit: ${message} · 无法读写该文件`]);
    return EXIT.usage;
  }
  if (error instanceof SyntaxError) {
    report([`carekit: invalid JSON: ${message} · JSON 格式错误`]);
    return EXIT.usage;
  }
  report([
    `carekit: internal error: ${message} · 内部错误（请报告此问题）`,
    ...(process.env.CAREKIT_DEBUG === "1" && error instanceof Error && error.stack ? [error.stack] : []),
  ]);
  return EXIT.usage;
}
