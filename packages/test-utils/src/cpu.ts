/**
 * CPU time of `run` in milliseconds (user + system, every thread of the process, so the garbage collector's helpers
 * count), after a full collection when Node runs with `--expose-gc`: the steadier figure beside `vitest bench`'s wall
 * time on a shared machine, where other processes stretch the wall clock but not this process's CPU time.
 */
export function cpuMilliseconds(run: () => void): number {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The median of `values` (the upper one of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}
