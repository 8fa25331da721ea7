// settle --workers N: the same output and error bytes as one thread, and a failed worker ends the run (exit 2).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it, vi } from "vitest";
import { runBatch } from "../src/io/batch.js";
import { TOTAL_ROW } from "../src/io/columns.js";
import { fieldKeyHash, keyHash, lineFieldKeyHash } from "../src/io/parallel.js";
import { fieldOf, mayStartTotal } from "../src/io/read.js";
import { exitCodeOf } from "../src/program.js";
import { bin, carekit, fixture, tmp } from "./run.js";

/** Claims of many persons over several batches, with every kind of bad row in between. */
function claimsFile(dir: string): string {
  const header = readFileSync(fixture("claims.csv"), "utf8").split("\n")[0];
  const lines: string[] = [header as string];
  for (let i = 0; i < 5000; i++) {
    const person = `p${i % 97}`;
    const day = String(1 + Math.floor((i * 28) / 5000)).padStart(2, "0");
    const month = String(1 + (i % 12 === 0 ? 0 : Math.floor(i / 420))).padStart(2, "0");
    let row = `c${i},${person},${i % 3 ? "510104" : "500111"},500111,employee,${i % 5 ? "in_service" : "retired"},level${1 + (i % 3)},inpatient,2024-${month}-${day},2024-${month}-${day},long_term_resident,long_term_residence,${100 + (i % 900)}.${String(i % 100).padStart(2, "0")},${i % 40}.50,${i % 7},0`;
    if (i % 211 === 5) row = row.replace(",employee,", ",employe,"); // unknown scheme
    if (i % 307 === 9) row = `${row},extra`; // FIELD_COUNT
    if (i % 401 === 11) row = row.replace(/,0$/, ",10.005"); // three decimals
    if (i % 503 === 13) row = row.replace("2024-", " 2024/").replace(/,c(\d+),/, ", c$1 ,"); // strict reading only
    if (i % 601 === 17) row = row.replace(/^c(\d+),/, '"c$1",'); // quoted: split by the main thread's tokenizer
    lines.push(row);
    if (i % 997 === 3) lines.push(",,,,,,,,,,,,,,,"); // blank: skipped
    if (i % 1499 === 7) lines.push(`合计,${",".repeat(14)}`); // total row
  }
  // OUT_OF_ORDER: p1 again, long before its last claim
  lines.push(
    "late,p1,510104,500111,employee,in_service,level2,inpatient,2024-01-01,2024-01-01,long_term_resident,long_term_residence,1,1,1,0",
  );
  const path = join(dir, "claims.csv");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const policy = ["-p", fixture("policies.json"), "-c", fixture("catalogues.json")];

/** `carekit settle input -o out --errors errors --workers N …`, and what it wrote. */
function settleOn(workers: number, input: string, out: string, errors: string, extra: readonly string[]) {
  const run = carekit([
    "settle",
    input,
    ...policy,
    "-o",
    out,
    "--errors",
    errors,
    "--workers",
    String(workers),
    ...extra,
  ]);
  return { run, out: readFileSync(out, "utf8"), errors: readFileSync(errors, "utf8") };
}

describe("carekit settle --workers", () => {
  it("a line too short to have a person, after the first 64 KiB, is the same row error on every thread count (failed before: exit 2, no thread owned it)", () => {
    const dir = tmp();
    const lines = readFileSync(claimsFile(dir), "utf8").split("\n").slice(0, 1200);
    lines.splice(1000, 0, "x", "合计", "junk"); // line 1001 on: well past 64 KiB of text
    const input = join(dir, "short.csv");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const runs = [1, 2, 3].map((workers) =>
      settleOn(workers, input, join(dir, `short-${workers}.csv`), join(dir, `short-errors-${workers}.csv`), []),
    );
    const [one, ...more] = runs;
    expect(one?.run.code).toBe(1);
    expect(one?.errors).toMatch(/FIELD_COUNT[^\n]*\n[\s\S]*FIELD_COUNT[^\n]*\n[\s\S]*FIELD_COUNT/);
    for (const run of more) {
      expect(run.run.code).toBe(1);
      expect(run.out).toBe(one?.out);
      expect(run.errors).toBe(one?.errors);
    }
  });

  it("a path that is not a regular file (a pipe) is read once and its rows sent out (failed before: every thread opened it)", () => {
    const dir = tmp();
    const input = claimsFile(dir);
    const runs = [1, 2].map((workers) => {
      const out = join(dir, `pipe-${workers}.csv`);
      const args = [
        "settle",
        '<(cat "$0")',
        "--input-format",
        "csv",
        ...policy,
        "-o",
        out,
        "--workers",
        String(workers),
      ];
      // bash's process substitution hands the CLI a pipe's path (/dev/fd/N)
      const run = spawnSync(
        "bash",
        ["-c", `node "${bin}" ${args.map((a) => (a.startsWith("<(") ? a : `"${a}"`)).join(" ")}`, input],
        {
          cwd: dir,
          encoding: "utf8",
        },
      );
      return { code: run.status, out: readFileSync(out, "utf8") };
    });
    expect(runs[0]?.code).toBe(1);
    expect(runs[1]?.code).toBe(1);
    expect(runs[1]?.out).toBe(runs[0]?.out);
  });

  it("an output file that cannot be written is exit 2 with its reason on every thread count, a missing folder before any row (failed before: one thread exited 0 with nothing written)", () => {
    const dir = tmp();
    // every row valid (no error file to open first), output well under the 1 MiB the file takes before waiting
    const header = readFileSync(fixture("claims.csv"), "utf8").split("\n")[0];
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `c-${i},p-${i},510104,500111,employee,in_service,level3,inpatient,2024-01-01,2024-01-10,other_temporary,,${1000 + i}.00,0.50,0,0`,
    );
    const input = join(dir, "valid.csv");
    writeFileSync(input, `${[header, ...rows].join("\n")}\n`);
    for (const workers of [1, 2]) {
      const run = carekit([
        "settle",
        input,
        ...policy,
        "-o",
        join(dir, "missing", "out.csv"),
        "--workers",
        String(workers),
      ]);
      expect(run.code, `--workers ${workers}`).toBe(2);
      expect(run.stderr).toMatch(/the folder \S+missing of \S+out\.csv does not exist · 文件夹 \S+ 不存在/);
      // a folder given as the output: the file cannot be opened (this run exited 0 with one thread before)
      const folder = carekit([
        "settle",
        input,
        ...policy,
        "-o",
        dir,
        "--errors",
        join(dir, "e.csv"),
        "--workers",
        String(workers),
      ]);
      expect(folder.code, `--workers ${workers}`).toBe(2);
      expect(folder.stderr).toMatch(/EISDIR[^\n]*无法读写该文件/);
      // a full disk (Linux's /dev/full) is the user's to fix too: reported as such, not as an internal error
      if (existsSync("/dev/full")) {
        const full = carekit(["settle", input, ...policy, "-o", "/dev/full", "--workers", String(workers)]);
        expect(full.code, `--workers ${workers}`).toBe(2);
        expect(full.stderr).toMatch(/ENOSPC[^\n]*无法读写该文件/);
      }
    }
  });

  it("writes the same output, error file, summary and exit code with 1, 2 and 3 workers (CSV and JSON Lines, --yuan)", () => {
    const dir = tmp();
    const input = claimsFile(dir);
    for (const extra of [[], ["--yuan"], ["-f", "jsonl"]]) {
      const runs = [1, 2, 3].map((workers) =>
        settleOn(
          workers,
          input,
          join(dir, `out-${workers}.${extra[0] === "-f" ? "jsonl" : "csv"}`),
          join(dir, `errors-${workers}.csv`),
          extra,
        ),
      );
      const [one, ...more] = runs;
      expect(one?.run.code).toBe(1);
      expect(one?.run.stderr).toMatch(/read 5011, written \d+, rejected \d+, skipped 6/);
      expect(one?.errors).toContain("OUT_OF_ORDER");
      expect(one?.errors).toContain("FIELD_COUNT");
      expect(one?.errors).toContain("TOTAL_ROW");
      expect(one?.out).toContain(extra[0] === "-f" ? '"claimId":"c516"' : "\nc516,");
      expect(one?.out).toContain(extra[0] === "-f" ? '"claimId":"c618"' : "\nc618,");
      for (const run of more) {
        expect(run.run.code).toBe(one?.run.code);
        expect(run.run.stderr.replace(/errors-\d/g, "errors-n")).toBe(
          one?.run.stderr.replace(/errors-\d/g, "errors-n"),
        );
        expect(run.out).toBe(one?.out);
        expect(run.errors).toBe(one?.errors);
      }
    }
  });

  it("reads a CSV file in every worker: GBK, quoted multi-line fields, an unclosed quote (reading stops), --skip-total-rows and standard input give one thread's bytes", () => {
    const dir = tmp();
    const text = readFileSync(claimsFile(dir), "utf8");
    const lines = text.split("\n");
    // a quoted field over two lines (a row error: the id has a line break) and a valid quoted row
    lines.splice(
      1200,
      0,
      '"c-multi\nline",p3,510104,500111,employee,in_service,level1,inpatient,2024-03-01,2024-03-01,long_term_resident,long_term_residence,1,1,1,0',
    );
    const inputs: [string, string[], Buffer | string][] = [
      ["gbk.csv", [], iconv.encode(text.replace(/,employee,/g, ",职工,"), "gbk")],
      ["multi.csv", [], lines.join("\n")],
      ["skip.csv", ["--skip-total-rows"], text],
      // not UTF-8 at byte 300,000: reading stops, the offset counted in 64 KiB pieces as with 64 KiB reads
      [
        "bad-utf8.csv",
        [],
        Buffer.concat([
          Buffer.from(text).subarray(0, 300_000),
          Buffer.from([0xff]),
          Buffer.from(text).subarray(300_001),
        ]),
      ],
      // reading stops at line 3001: the rows before it are settled, the rest never read
      [
        "unclosed.csv",
        [],
        `${lines.slice(0, 3000).join("\n")}\n"c-open,p1\n${lines.slice(3000).join("\n").replaceAll('"', "")}`,
      ],
    ];
    for (const [name, extra, content] of inputs) {
      const input = join(dir, name);
      writeFileSync(input, content);
      const runs = [1, 2].map((workers) =>
        settleOn(
          workers,
          input,
          join(dir, `${name}-${workers}.csv`),
          join(dir, `${name}-errors-${workers}.csv`),
          extra,
        ),
      );
      const [one, two] = runs;
      expect(one?.run.code, name).toBe(1);
      expect(two?.run.stderr.replace(/-errors-\d/g, "-errors-n"), name).toBe(
        one?.run.stderr.replace(/-errors-\d/g, "-errors-n"),
      );
      expect(two?.out, name).toBe(one?.out);
      expect(two?.errors, name).toBe(one?.errors);
      expect(two?.run.code, name).toBe(one?.run.code);
      if (name === "unclosed.csv") expect(one?.errors).toContain("READING_STOPPED");
      if (name === "bad-utf8.csv") expect(one?.errors).toContain("not valid UTF-8 after byte 262144");
      if (name === "skip.csv") expect(one?.run.stderr).toMatch(/skipped 10 /); // 6 blank + 4 total rows
      if (name === "multi.csv") expect(one?.out).not.toContain("c-multi");
    }
    // standard input cannot be read twice: its rows are sent to the workers from this thread
    const stdin = [1, 2].map((workers) =>
      carekit(["settle", "-", ...policy, "--workers", String(workers), "-f", "csv", "-q"], { input: text }),
    );
    expect(stdin[1]?.stdout).toBe(stdin[0]?.stdout);
    expect(stdin[1]?.code).toBe(stdin[0]?.code);
    expect(stdin[0]?.stdout.split("\n").length).toBeGreaterThan(4000);
  });

  it("reads an .xlsx input on this thread and sends its rows to the workers: one thread's bytes", async () => {
    const dir = tmp();
    const [header, ...rows] = readFileSync(claimsFile(dir), "utf8").trim().split("\n").slice(0, 1500);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("claims");
    sheet.addRow((header as string).split(","));
    for (const row of rows) sheet.addRow(row.split(","));
    const input = join(dir, "claims.xlsx");
    await workbook.xlsx.writeFile(input);
    const runs = [1, 2].map((workers) => {
      const out = join(dir, `x-${workers}.csv`);
      const errors = join(dir, `x-errors-${workers}.csv`);
      const run = carekit(["settle", input, ...policy, "-o", out, "--errors", errors, "--workers", String(workers)]);
      return { run, out: readFileSync(out, "utf8"), errors: readFileSync(errors, "utf8") };
    });
    expect(runs[0]?.run.code).toBe(1);
    expect(runs[0]?.out.split("\n").length).toBeGreaterThan(1000);
    expect(runs[1]?.out).toBe(runs[0]?.out);
    expect(runs[1]?.errors).toBe(runs[0]?.errors);
    expect(runs[1]?.run.stderr.replace(/x-errors-\d/g, "x-errors-n")).toBe(
      runs[0]?.run.stderr.replace(/x-errors-\d/g, "x-errors-n"),
    );
  });

  it("refuses --workers with --sort, and a --workers that is not a whole number from 1 to 16 (exit 2)", () => {
    const sorted = carekit(["settle", fixture("claims.csv"), ...policy, "--sort", "--workers", "2"]);
    expect(sorted.code).toBe(2);
    expect(sorted.stderr).toContain("--workers cannot be combined with --sort");
    for (const bad of ["0", "1.5", "x", "17"]) {
      const run = carekit(["settle", fixture("claims.csv"), ...policy, "--workers", bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--workers must be a whole number");
    }
  });

  it("runs when node was started with flags a worker refuses (node --input-type=module -e …, as the bench does)", () => {
    const dir = tmp();
    const out = join(dir, "o.csv");
    const probe = `process.argv.splice(1, 0, ${JSON.stringify(bin)}); await import(${JSON.stringify(bin)});`;
    const args = ["--input-type=module", "-e", probe, "settle", fixture("claims.csv"), ...policy, "-o", out, "-q"];
    const run = spawnSync("node", [...args, "--workers", "2"], { encoding: "utf8" });
    expect(run.stderr).not.toContain("worker thread");
    expect(run.status).toBe(1); // the fixture's OUT_OF_ORDER and discharge-before-admission rows
    expect(readFileSync(out, "utf8")).toContain("\nc-3,");
  });

  it("turns a worker that exits or throws into exit 2 with a message, not a hang", async () => {
    const dir = tmp();
    const input = join(dir, "rows.csv");
    writeFileSync(input, `k,v\n${Array.from({ length: 3000 }, (_, i) => `k${i % 10},${i}`).join("\n")}\n`);
    for (const init of ["exit", "throw"]) {
      const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
      try {
        const run = runBatch(
          { input, out: join(dir, "out.csv"), quiet: true },
          {
            row: (record) => record,
            parallel: {
              workers: 2,
              script: new URL("./fixtures/crash-worker.mjs", import.meta.url),
              init,
              keyColumn: "k",
            },
          },
        );
        const error = await run.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(Error);
        expect(exitCodeOf(error)).toBe(2);
        const said = err.mock.calls.map((call) => String(call[0])).join("");
        expect(said).toMatch(/worker thread \d failed/);
        expect(said).toContain(init === "exit" ? "exited with code 7" : "planted failure");
      } finally {
        err.mockRestore();
      }
    }
  });
});

describe("the dispatcher's in-place reading of a line", () => {
  const unit = fc.constantFrom("a", "p", "1", " ", "\t", "\u3000", "\uFEFF", "合", "计", "t", "S", "ſ", "G", "x", ",");
  const line = fc.string({ unit, maxLength: 30 });

  it("hashes a field in place as keyHash hashes it cut out and trimmed", () => {
    fc.assert(
      fc.property(line, fc.nat(6), (text, index) => {
        if (text.split(",").length <= index) return;
        expect(fieldKeyHash(text, index)).toBe(keyHash(fieldOf(text, index).trim()));
      }),
      { numRuns: 5000 },
    );
  });

  it("hashes a field of a line where it is in the decoded text as fieldKeyHash hashes it in the line cut out", () => {
    fc.assert(
      fc.property(line, line, line, fc.nat(6), (before, text, after, index) => {
        const whole = `${before}\n${text}\n${after}`;
        const start = before.length + 1;
        const hash = lineFieldKeyHash(whole, start, start + text.length, index);
        if (text.split(",").length > index) expect(hash).toBe(fieldKeyHash(text, index));
        // fewer fields: any number, the same whatever surrounds the line
        else expect(hash).toBe(lineFieldKeyHash(`x,${text}\n`, 2, 2 + text.length, index));
      }),
      { numRuns: 5000 },
    );
  });

  it("never rules out a label that is a total row", () => {
    const label = fc.oneof(
      fc.string({ unit, maxLength: 12 }),
      fc.constantFrom("合计", " 总 计", "Total", "SUBTOTAL", "grand total", "ſum", "\u00a0合计", "小计：", "sum("),
    );
    fc.assert(
      fc.property(label, (text) => {
        if (TOTAL_ROW.test(text)) expect(mayStartTotal(text.charCodeAt(0))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(mayStartTotal("c1".charCodeAt(0))).toBe(false);
  });
});
