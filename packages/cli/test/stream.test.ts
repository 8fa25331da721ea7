import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tmp } from "./run.js";
import { settleFile, writeClaims } from "./stream.js";

// 1,000,000 rows in CI (CAREKIT_STREAM_ROWS overrides, e.g. for a quick local run).
const ROWS = Number(process.env.CAREKIT_STREAM_ROWS ?? 1_000_000);

describe("streaming settlement", () => {
  it(`settles ${ROWS.toLocaleString("en-US")} generated claims with peak memory under 200 MB`, async () => {
    const dir = tmp();
    const input = join(dir, "claims.csv");
    await writeClaims(input, ROWS);
    const run = await settleFile(input, dir, ROWS);
    expect(run.code, run.stderr).toBe(0);
    expect(run.peakRssMb).toBeLessThan(200);
    const lines = readFileSync(join(dir, "settled.csv"), "utf8").split("\n").length - 2;
    expect(lines).toBe(ROWS);
    console.log(
      `streaming settle: ${ROWS} rows in ${run.seconds.toFixed(1)} s, ${run.rowsPerSecond} rows/s, peak RSS ${run.peakRssMb} MB`,
    );
  }, 600_000);
});
