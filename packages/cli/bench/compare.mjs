// Byte-compare `carekit settle` of this build against another build (e.g. main's dist copied to /tmp) on a mixed
// claims file: every kind of bad row, Chinese headers and values, non-ASCII and formula-like ids, a declared total,
// chronic-disease claims — output and error files, one thread and --workers 2, CSV, --yuan and JSON Lines.
//
//   node bench/compare.mjs --baseline /tmp/base/dist/bin.js [--rows 20000] [--dir /tmp/carekit-compare]
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const here = fileURLToPath(new URL(".", import.meta.url));
const bin = arg("bin", join(here, "../dist/bin.js"));
const baseline = arg("baseline", undefined);
if (!baseline) throw new Error("--baseline <bin.js> is required");
const ROWS = Number(arg("rows", 20000));
const dir = arg("dir", "/tmp/carekit-compare");
mkdirSync(dir, { recursive: true });
const fixtures = join(here, "../test/fixtures");

function mixed(path, zh) {
  const header = zh
    ? "结算单号,参保人编号,参保地,就医地,险种,人员类别,医院等级,就医类型,病种,入院日期,出院日期,备案类型,长期居住类型,甲类,乙类,丙类,超限价,医疗费总额"
    : "id,personId,insuredRegion,treatmentRegion,scheme,personStatus,hospitalGrade,careType,disease,admissionDate,dischargeDate,registration,registrationSubType,classA,classB,classC,overPriceCap,declaredTotal";
  const lines = [header];
  for (let i = 0; i < ROWS; i++) {
    const person = i % 13 === 0 ? `人${i % 89}` : `p${i % 389}`;
    const month = String(1 + Math.floor((i * 12) / ROWS)).padStart(2, "0");
    const day = String(1 + (Math.floor((i * 336) / ROWS) % 28)).padStart(2, "0");
    const date = `2024-${month}-${day}`;
    const a = `${i % 5000}.${String(i % 100).padStart(2, "0")}`;
    const b = i % 4 ? `${i % 300}.5` : "0";
    const c = String(i % 7);
    const over = i % 9 === 0 ? "12.34" : "0";
    const chronic = i % 17 === 0;
    const kinds = zh
      ? ["异地长期居住", "转诊", "急诊", "临时外出", "未备案"]
      : ["long_term_resident", "referred", "emergency", "other_temporary", "unregistered"];
    const kind = kinds[i % 5];
    const sub = i % 5 === 0 ? (zh ? "异地安置退休" : "retired_resettled") : "";
    const scheme = zh ? (i % 6 ? "职工" : "居民") : i % 6 ? "employee" : "resident";
    const status = zh ? (i % 4 ? "在职" : "退休") : i % 4 ? "in_service" : "retired";
    const grade = zh ? ["基层", "一级", "二级", "三级"][i % 4] : ["primary", "level1", "level2", "level3"][i % 4];
    const care = chronic
      ? zh
        ? "门诊慢特病"
        : "outpatient_chronic"
      : i % 3
        ? zh
          ? "住院"
          : "inpatient"
        : zh
          ? "普通门诊"
          : "outpatient_general";
    const disease = chronic ? "hypertension" : "";
    const total =
      i % 10 === 0 ? (Number(a) + Number(b) + Number(c) + Number(over)).toFixed(2) : i % 97 === 1 ? "1.00" : "";
    const id = i % 31 === 0 ? `单${i}` : i % 211 === 0 ? `=c${i}` : `c${i}`;
    let row = [
      id,
      person,
      i % 3 ? "510104" : "500111",
      i % 7 ? "500111" : "510104",
      scheme,
      status,
      grade,
      care,
      disease,
      date,
      date,
      kind,
      sub,
      a,
      b,
      c,
      over,
      total,
    ].join(",");
    if (i % 211 === 5) row = row.replace(/,(employee|职工),/, ",employe,");
    if (i % 307 === 9) row = `${row},extra`;
    if (i % 401 === 11) row = row.replace(/,([^,]*)$/, ",10.005");
    if (i % 503 === 13) row = row.replace(/2024-/g, " 2024/").replace(/^([^,]+),/, " $1 ,");
    if (i % 601 === 17) row = row.replace(/^([^,]+),/, '"$1",');
    if (i % 701 === 19) row = row.replace(/,([0-9.]+),([0-9.]+),/, ",-1,$2,");
    if (i % 809 === 23) row = row.replace(/,(510104|500111),/, ",51010,");
    if (i % 907 === 29) row = row.replace(/,2024-(\d\d)-(\d\d),2024-\d\d-\d\d,/, ",2024-$1-$2,2024-01-01,");
    if (i % 1009 === 31) row = row.replace(/,2024-\d\d-\d\d,/, ",2024-02-30,");
    lines.push(row);
    if (i % 997 === 3) lines.push(",".repeat(17));
    if (i % 1499 === 7) lines.push(`合计,${",".repeat(16)}`);
  }
  lines.push(
    zh
      ? "late,p1,510104,500111,职工,在职,二级,住院,,2024-01-01,2024-01-01,转诊,,1,1,1,0,"
      : "late,p1,510104,500111,employee,in_service,level2,inpatient,,2024-01-01,2024-01-01,referred,,1,1,1,0,",
  );
  writeFileSync(path, `${zh ? "\uFEFF" : ""}${lines.join(zh ? "\r\n" : "\n")}\n`);
}

let failures = 0;
for (const zh of [false, true]) {
  const input = join(dir, zh ? "mixed-zh.csv" : "mixed.csv");
  mixed(input, zh);
  for (const extra of [[], ["--yuan"], ["-f", "jsonl"], ["--workers", "2"], ["--workers", "2", "--yuan"]]) {
    const outputs = [bin, baseline].map((b, k) => {
      const out = join(dir, `out-${k}.${extra[0] === "-f" ? "jsonl" : "csv"}`);
      const errors = join(dir, `errors-${k}.csv`);
      const run = spawnSync(
        "node",
        [
          b,
          "settle",
          input,
          "-p",
          join(fixtures, "policies.json"),
          "-c",
          join(fixtures, "catalogues.json"),
          "-o",
          out,
          "--errors",
          errors,
          ...extra,
        ],
        { encoding: "utf8" },
      );
      return {
        code: run.status,
        stderr: run.stderr.replace(/errors-\d/g, "errors-n"),
        out: readFileSync(out),
        errors: readFileSync(errors),
      };
    });
    const [mine, theirs] = outputs;
    const same =
      mine.code === theirs.code &&
      mine.stderr === theirs.stderr &&
      mine.out.equals(theirs.out) &&
      mine.errors.equals(theirs.errors);
    if (!same) failures += 1;
    console.log(
      `${same ? "same" : "DIFFERENT"}  ${zh ? "zh" : "en"} ${extra.join(" ") || "(defaults)"}: exit ${mine.code}, ${mine.out.length} output bytes, ${mine.errors.length} error bytes · ${mine.stderr.trim().split("\n").pop()}`,
    );
  }
}
process.exit(failures === 0 ? 0 : 1);
