import cliProgress from "cli-progress";

/** A progress reporter: bytes read of a known total, with rows per second and an ETA (进度条). */
export interface Progress {
  update(bytes: number, rows: number): void;
  stop(rows: number): void;
}

const silent: Progress = { update() {}, stop() {} };

/**
 * A progress bar on standard error when it is a terminal, the input size is known and `--quiet` is off; otherwise a
 * reporter that does nothing, so piped output carries nothing but data.
 */
export function createProgress(totalBytes: number | undefined, quiet: boolean): Progress {
  if (quiet || !process.stderr.isTTY || totalBytes === undefined || totalBytes === 0) return silent;
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: " {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}",
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalBytes, 0, { rows: 0, rate: 0 });
  let last = 0;
  return {
    update(bytes, rows) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const rate = Math.round((rows * 1000) / Math.max(1, now - started));
      bar.update(Math.min(bytes, totalBytes), { rows, rate });
    },
    stop(rows) {
      const rate = Math.round((rows * 1000) / Math.max(1, Date.now() - started));
      bar.update(totalBytes, { rows, rate });
      bar.stop();
    },
  };
}
