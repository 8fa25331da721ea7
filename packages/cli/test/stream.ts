import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { bin, fixture } from "./run.js";

const HEADER =
  "id,personId,insuredRegion,treatmentRegion,scheme,personStatus,hospitalGrade,careType,admissionDate,dischargeDate,registration,registrationSubType,classA,classB,classC,overPriceCap\n";

/** Write `rows` generated claims (川↔渝 and local, varied amounts in yuan) to a CSV file, streaming. */
export async function writeClaims(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(HEADER);
  for (let i = 0; i < rows; i++) {
    const cross = i % 3 !== 0;
    // discharge dates rise through the file, so every person's claims come in discharge order
    const month = String(Math.floor((i * 12) / rows) + 1).padStart(2, "0");
    const a = 1000 + ((i * 7919) % 500000);
    const line = `c${i},p${i % 50000},${cross ? "510104" : "500111"},500111,employee,${i % 5 === 0 ? "retired" : "in_service"},level${(i % 3) + 1},inpatient,2024-${month}-01,2024-${month}-05,long_term_resident,long_term_residence,${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")},${(i % 97) * 3}.50,${i % 13}.00,0\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** Settle a claims file with the built CLI; returns seconds, rows per second and the child's peak RSS in MB. */
export async function settleFile(
  input: string,
  dir: string,
  rows: number,
): Promise<{ seconds: number; rowsPerSecond: number; peakRssMb: number; stderr: string; code: number | null }> {
  // a wrapper reports the child's own peak resident set size (maxRSS) when it exits
  const probe = `process.on("exit", () => process.stderr.write("maxrss " + process.resourceUsage().maxRSS + "\\n")); process.argv.splice(1, 0, ${JSON.stringify(bin)}); await import(${JSON.stringify(bin)});`;
  // a 128 MB heap cap makes V8 collect instead of growing lazily: a leak would crash the run instead of passing
  const args = [
    "--max-old-space-size=128",
    "--input-type=module",
    "-e",
    probe,
    "settle",
    input,
    "-p",
    fixture("policies.json"),
    "-c",
    fixture("catalogues.json"),
    "-o",
    join(dir, "settled.csv"),
    "-q",
  ];
  const started = process.hrtime.bigint();
  const child = spawn("node", args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const [code] = (await once(child, "exit")) as [number | null];
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = Number(/maxrss (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  return { seconds, rowsPerSecond: Math.round(rows / seconds), peakRssMb: Math.round(kb / 1024), stderr, code };
}
