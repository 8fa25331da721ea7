// Generate the bench inputs: claims (1,000,000 over 250,000 persons by default) and district rows, as users' CSVs.
import { once } from "node:events";
import { createWriteStream } from "node:fs";

const CLAIMS_HEADER =
  "id,personId,insuredRegion,treatmentRegion,scheme,personStatus,hospitalGrade,careType,admissionDate,dischargeDate,registration,registrationSubType,classA,classB,classC,overPriceCap\n";

async function writeLines(path, header, rows, line) {
  const out = createWriteStream(path);
  out.write(header);
  let block = "";
  for (let i = 0; i < rows; i++) {
    block += line(i, rows);
    if (block.length > 1 << 16) {
      if (!out.write(block)) await once(out, "drain");
      block = "";
    }
  }
  out.write(block);
  out.end();
  await once(out, "finish");
}

/**
 * Claims: 川↔渝 and local, varied amounts in yuan; discharge dates rise through the file (each person in order).
 * `legacy`: the same claims with the spellings of the CLI before 2026-12 (facilityLevel, inService, longTermResident),
 * for measuring that build on the same data (`run.mjs --baseline-fixtures`).
 */
export function writeClaims(path, rows, persons = 250_000, { legacy = false } = {}) {
  const header = legacy ? CLAIMS_HEADER.replace("hospitalGrade", "facilityLevel") : CLAIMS_HEADER;
  const spell = legacy
    ? (line) =>
        line
          .replace(",in_service,", ",inService,")
          .replace(",long_term_resident,long_term_residence,", ",longTermResident,longTermResidence,")
    : (line) => line;
  return writeLines(path, header, rows, (i, n) => spell(claimLine(i, n, persons)));
}

/** One claim line (the current spellings). */
function claimLine(i, n, persons) {
  const cross = i % 3 !== 0;
  const day = Math.floor((i * 336) / n);
  const month = String(Math.floor(day / 28) + 1).padStart(2, "0");
  const dd = String((day % 28) + 1).padStart(2, "0");
  const a = 1000 + ((i * 7919) % 500000);
  return `c${i},p${i % persons},${cross ? "510104" : "500111"},500111,employee,${i % 5 === 0 ? "retired" : "in_service"},level${(i % 3) + 1},inpatient,2024-${month}-01,2024-${month}-${dd},long_term_resident,long_term_residence,${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")},${(i % 97) * 3}.50,${i % 13}.00,0\n`;
}

/** District rows with every capacity column, Chinese headers. */
export function writeDistricts(path, rows) {
  return writeLines(path, "地区,常住人口,托位数,在托人数,60岁及以上人口,养老床位数,护理型床位数\n", rows, (i) => {
    const population = 20000 + ((i * 7919) % 900000);
    const slots = Math.floor(population / 400);
    return `街镇${i},${population},${slots},${Math.floor(slots * 0.7)},${Math.floor(population / 5)},${Math.floor(population / 130)},${Math.floor(population / 400)}\n`;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [kind, path, rows, persons] = process.argv.slice(2);
  if (kind === "claims") await writeClaims(path, Number(rows), persons ? Number(persons) : undefined);
  else await writeDistricts(path, Number(rows));
}
