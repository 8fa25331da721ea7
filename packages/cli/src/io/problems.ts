/**
 * A problem with how the CLI was called or with an input that cannot be read at all (a missing required column, a
 * duplicate header, a bad option, invalid JSON in `--plan`): the run stops before any row is processed, with exit 2
 * and the message — never a stack trace. 用法或输入整体无法读取：退出码 2。
 */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Further lines (one problem each), printed under the message. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
