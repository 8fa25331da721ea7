// `npm run bench` in packages/cli: generate the inputs, then measure in one run, the way a user runs the program
// (the built binary, default Node flags, a realistic file):
//   - reading the file (bytes and line ends only: the I/O limit),
//   - the CSV parser alone (decode + tokenize),
//   - `carekit settle` end to end (and with --workers 2 when the CLI has it), `carekit capacity` end to end,
//   - the ceiling for any split of the claims by person over 2 cores: two `carekit settle` processes at once, each on
//     its half of the file split beforehand by the CLI's own person hash (no reading of the other half, no merge),
//   - the .xlsx reader's peak memory on a 200,000-row sheet,
// each repeated (interleaved) and reported as the median with the spread (min–max), since the machine is shared.
//
//   node bench/run.mjs [--claims 1000000] [--persons 250000] [--districts 1000000] [--repeat 3] [--bin <bin.js>]
//                      [--baseline <bin.js>] [--baseline-fixtures <dir>] [--only settle,workers,capacity,xlsx] [--dir <dir>]
//
// --baseline runs an older build of the CLI on the same files in the same run, for a ratio (e.g. a copy of main's dist).
// --baseline-fixtures: that build's test/fixtures (policies and catalogues in its spellings); its claims are then the
// same claims written with its column and value spellings (generate.mjs `legacy`).
// --only: measure only these groups (the 1M-claim runs are long on a shared machine).
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeClaims, writeDistricts } from "./generate.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const CLAIMS = Number(arg("claims", 1_000_000));
const PERSONS = Number(arg("persons", 250_000));
const DISTRICTS = Number(arg("districts", 1_000_000));
const XLSX_ROWS = Number(arg("xlsx-rows", 200_000));
const REPEAT = Number(arg("repeat", 3));
const BASELINE = arg("baseline", undefined);
const BASELINE_FIXTURES = arg("baseline-fixtures", undefined);
const ONLY = new Set(String(arg("only", "settle,workers,capacity,xlsx")).split(","));

const here = fileURLToPath(new URL(".", import.meta.url));
// --bin: a copy of the built CLI (so that rebuilding during a long bench does not change what is measured)
const bin = arg("bin", join(here, "../dist/bin.js"));
const fixtures = join(here, "../test/fixtures");
// --dir: where the generated inputs and the outputs go (default: the system temp folder's carekit-bench)
const dir = arg("dir", join(tmpdir(), "carekit-bench"));
mkdirSync(dir, { recursive: true });

async function ensure(path, make) {
  if (!existsSync(path)) {
    process.stderr.write(`generating ${path} …\n`);
    await make(path);
  }
  return path;
}

/** A sheet as Excel writes it (sizes in the zip headers): exceljs's in-memory writer, not its streaming one. */
async function writeSheet(path) {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("街镇");
  sheet.addRow(["地区", "常住人口", "托位数", "在托人数", "60岁及以上人口", "养老床位数", "护理型床位数"]);
  for (let i = 0; i < XLSX_ROWS; i++) {
    const population = 20000 + ((i * 7919) % 900000);
    const slots = Math.floor(population / 400);
    sheet.addRow([
      `街镇${i}`,
      population,
      slots,
      Math.floor(slots * 0.7),
      Math.floor(population / 5),
      Math.floor(population / 130),
      Math.floor(population / 400),
    ]);
  }
  await workbook.xlsx.writeFile(path);
}

const claims = await ensure(join(dir, `claims-${CLAIMS}-${PERSONS}.csv`), (p) => writeClaims(p, CLAIMS, PERSONS));
const legacyClaims = BASELINE_FIXTURES
  ? await ensure(join(dir, `claims-${CLAIMS}-${PERSONS}-legacy.csv`), (p) =>
      writeClaims(p, CLAIMS, PERSONS, { legacy: true }),
    )
  : claims;
const districts = await ensure(join(dir, `districts-${DISTRICTS}.csv`), (p) => writeDistricts(p, DISTRICTS));
const sheet = await ensure(join(dir, `districts-${XLSX_ROWS}.xlsx`), writeSheet);

/** Run the CLI in a child node process: wall seconds and the child's own peak RSS (maxRSS, reported at exit). */
async function child(script, argv, nodeFlags = []) {
  const probe = `process.on("exit", () => process.stderr.write("maxrss " + process.resourceUsage().maxRSS + "\\n")); process.argv.splice(1, 0, ${JSON.stringify(script)}); await import(${JSON.stringify(script)});`;
  const started = process.hrtime.bigint();
  const proc = spawn("node", [...nodeFlags, "--input-type=module", "-e", probe, ...argv], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  proc.stderr.on("data", (chunk) => (stderr += chunk));
  const [code] = await once(proc, "exit");
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = Number(/maxrss (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  if (code !== 0) throw new Error(`${argv.join(" ")} exited ${code}: ${stderr.slice(0, 500)}`);
  return { seconds, rssMb: Math.round(kb / 1024) };
}

/** Bytes and line ends of a file, nothing else: the I/O limit. */
async function readOnly(path) {
  const started = process.hrtime.bigint();
  let lines = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    let i = chunk.indexOf(10);
    while (i !== -1) {
      lines += 1;
      i = chunk.indexOf(10, i + 1);
    }
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, lines };
}

/** The CLI's decoder and CSV tokenizer over the file, records counted and dropped. */
async function parseOnly(path) {
  const { CsvTokenizer, decodeStream } = await import(new URL("internal.js", `file://${bin}`).href);
  const started = process.hrtime.bigint();
  const tokenizer = new CsvTokenizer();
  let out = [];
  let records = 0;
  for await (const text of decodeStream(createReadStream(path, { highWaterMark: 1 << 16 }))) {
    tokenizer.push(text, out);
    records += out.length;
    out = [];
  }
  tokenizer.end(out);
  records += out.length;
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, records };
}

/** The claims file split by person into `parts` files as `--workers` splits it (the CLI's own `ownerOf`). */
async function splitByPerson(path, parts) {
  const { ownerOf } = await import(new URL("internal.js", `file://${bin}`).href);
  const paths = Array.from({ length: parts }, (_, w) => path.replace(/\.csv$/, `-part${w}-of-${parts}.csv`));
  if (paths.every((part) => existsSync(part))) return paths;
  const outs = paths.map((part) => createWriteStream(part));
  let header;
  let keyAt = -1;
  let carry = "";
  const write = async (w, text) => {
    if (!outs[w].write(text)) await once(outs[w], "drain");
  };
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const lines = (carry + chunk).split("\n");
    carry = lines.pop();
    const batches = outs.map(() => []);
    for (const line of lines) {
      if (header === undefined) {
        header = line;
        keyAt = line.split(",").indexOf("personId");
        for (const w of outs.keys()) await write(w, `${line}\n`);
        continue;
      }
      batches[ownerOf(line, keyAt, parts)].push(line);
    }
    for (const [w, batch] of batches.entries()) if (batch.length > 0) await write(w, `${batch.join("\n")}\n`);
  }
  if (carry !== "") await write(ownerOf(carry, keyAt, parts), `${carry}\n`);
  await Promise.all(outs.map((out) => new Promise((resolve) => out.end(resolve))));
  return paths;
}

/** Child processes at once: wall seconds until the last is done, and the largest peak RSS. */
async function together(runs) {
  const started = process.hrtime.bigint();
  const results = await Promise.all(runs.map((run) => run()));
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    rssMb: Math.max(...results.map((r) => r.rssMb)),
  };
}

const policyIn = (folder) => ["-p", join(folder, "policies.json"), "-c", join(folder, "catalogues.json")];
const settleArgs = (out) => ["settle", claims, ...policyIn(fixtures), "-o", out, "-q"];
const baselineSettleArgs = (out) => [
  "settle",
  legacyClaims,
  ...policyIn(BASELINE_FIXTURES ?? fixtures),
  "-o",
  out,
  "-q",
];
const capacityArgs = (input, out) => ["capacity", input, "--target-per-1000", "4.5", "-o", out, "-q"];
const hasWorkers = spawnSync("node", [bin, "settle", "run", "--help"], { encoding: "utf8" }).stdout.includes(
  "--workers",
);

const cases = {
  ...(ONLY.has("settle")
    ? {
        "read only (claims file)": () => readOnly(claims),
        "parse only (claims file)": () => parseOnly(claims),
        "carekit settle, one core": () => child(bin, settleArgs(join(dir, "settled.csv"))),

        ...(BASELINE
          ? { "baseline settle": () => child(BASELINE, baselineSettleArgs(join(dir, "settled-base.csv"))) }
          : {}),
      }
    : {}),
  ...(ONLY.has("workers") && hasWorkers
    ? {
        "carekit settle --workers 2": () => child(bin, [...settleArgs(join(dir, "settled-w2.csv")), "--workers", "2"]),
        "ceiling: 2 processes on halves split beforehand": async () => {
          const halves = await splitByPerson(claims, 2);
          return together(
            halves.map(
              (half, w) => () =>
                child(bin, ["settle", half, ...policyIn(fixtures), "-o", join(dir, `settled-half${w}.csv`), "-q"]),
            ),
          );
        },
      }
    : {}),
  ...(ONLY.has("capacity")
    ? {
        "read only (districts file)": () => readOnly(districts),
        "parse only (districts file)": () => parseOnly(districts),
        "carekit capacity": () => child(bin, capacityArgs(districts, join(dir, "gaps.csv"))),
        ...(BASELINE
          ? { "baseline capacity": () => child(BASELINE, capacityArgs(districts, join(dir, "gaps-base.csv"))) }
          : {}),
      }
    : {}),
  ...(ONLY.has("xlsx")
    ? { "carekit capacity on the .xlsx": () => child(bin, capacityArgs(sheet, join(dir, "gaps-xlsx.csv"))) }
    : {}),
};

const runs = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let r = 0; r < REPEAT; r++)
  for (const [name, run] of Object.entries(cases)) {
    let result;
    try {
      result = await run();
    } catch (error) {
      // a baseline built against older library APIs may no longer run: say so, measure the rest
      if (!name.startsWith("baseline")) throw error;
      process.stderr.write(`  ${name}: failed (${String(error.message).split("\n")[0].slice(0, 160)})\n`);
      delete runs[name];
      delete cases[name];
      continue;
    }
    runs[name].push(result);
    process.stderr.write(`  ${name}: ${result.seconds.toFixed(2)} s${result.rssMb ? `, ${result.rssMb} MB` : ""}\n`);
  }

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rowsOf = (name) =>
  name.includes(".xlsx") ? XLSX_ROWS : name.includes("districts") || name.includes("capacity") ? DISTRICTS : CLAIMS;
const mb = (path) => (statSync(path).size / 1e6).toFixed(0);
console.log(
  `\nclaims ${CLAIMS} over ${PERSONS} persons (${mb(claims)} MB), districts ${DISTRICTS} (${mb(districts)} MB), .xlsx ${XLSX_ROWS} rows (${mb(sheet)} MB); node ${process.version}; ${REPEAT} interleaved runs\n`,
);
console.log("| case | rows/s (median) | spread (min–max) | peak RSS MB (max) |");
console.log("|---|---:|---:|---:|");
const summary = {};
const fmt = (x) => Math.round(x).toLocaleString("en-US");
for (const [name, results] of Object.entries(runs)) {
  if (results.length === 0) continue;
  const rates = results.map((r) => rowsOf(name) / r.seconds);
  const rss = results.map((r) => r.rssMb).filter((x) => Number.isFinite(x));
  summary[name] = median(rates);
  console.log(
    `| ${name} | ${fmt(median(rates))} | ${fmt(Math.min(...rates))}–${fmt(Math.max(...rates))} | ${rss.length ? Math.max(...rss) : "—"} |`,
  );
}
const ratio = (a, b) => (summary[a] && summary[b] ? (summary[a] / summary[b]).toFixed(2) : "—");
console.log(`\nsettle / parse-only: ${ratio("carekit settle, one core", "parse only (claims file)")}`);
console.log(`capacity / parse-only: ${ratio("carekit capacity", "parse only (districts file)")}`);
if (hasWorkers) {
  console.log(`settle --workers 2 / one core: ${ratio("carekit settle --workers 2", "carekit settle, one core")}`);
  console.log(
    `ceiling (2 processes on halves split beforehand) / one core: ${ratio("ceiling: 2 processes on halves split beforehand", "carekit settle, one core")}`,
  );
}
if (BASELINE) {
  console.log(`settle / baseline: ${ratio("carekit settle, one core", "baseline settle")}`);
  console.log(`capacity / baseline: ${ratio("carekit capacity", "baseline capacity")}`);
}
