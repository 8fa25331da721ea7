import { isCarekitError } from "@carekit/core";
import { Command, CommanderError, Option } from "commander";
import { type BatchOptions, type BatchSummary, summaryLine } from "./io/batch.js";

/** Exit codes (退出码): 0 all rows succeeded, 1 some rows were rejected, 2 usage error. */
export const EXIT = { ok: 0, rowsRejected: 1, usage: 2 } as const;

/** A usage problem found after parsing (a bad config file, conflicting options): exit code 2. */
export class UsageError extends Error {}

/** Attach the options every batch command shares. */
export function batchOptions(command: Command): Command {
  return command
    .option("-o, --out <file>", "output file (default: standard output) · 输出文件")
    .addOption(new Option("-f, --format <format>", "output format · 输出格式").choices(["csv", "jsonl", "table"]))
    .addOption(
      new Option("--input-format <format>", "input format (default: from the extension) · 输入格式").choices([
        "csv",
        "json",
        "jsonl",
      ]),
    )
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
  };
}

/** Report a batch run on standard error and turn it into an exit code. */
export function finishBatch(summary: BatchSummary, quiet: boolean | undefined): number {
  if (!quiet) process.stderr.write(`${summaryLine(summary)}\n`);
  return summary.rejected > 0 ? EXIT.rowsRejected : EXIT.ok;
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

/**
 * Run the CLI on `argv` (without the node and script entries) and resolve to the exit code; never exits the process
 * itself, so tests and other programs can call it.
 */
export async function runProgram(program: Command, exitCode: () => number, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode();
  } catch (error) {
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
      process.stderr.write(`carekit: ${error.message}\n`);
      return EXIT.usage;
    }
    if (isCarekitError(error)) {
      process.stderr.write(`carekit: ${error.code}: ${error.message}\n        ${error.messageZh}\n`);
      for (const issue of error.issues.slice(0, 10))
        process.stderr.write(`  - ${issue.path || "(root)"}: ${issue.message} · ${issue.messageZh}\n`);
      return EXIT.usage;
    }
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      process.stderr.write(`carekit: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
