/**
 * Column names the CLI accepts in Chinese and English (列名对照). Keys are the canonical English field names of the
 * library; values are the accepted Chinese headers. Lookup ignores case, spaces and underscores in English names.
 */
export const COLUMN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  region: ["地区", "区域", "街镇", "行政区", "区县"],
  population: ["常住人口", "人口"],
  elderPopulation: ["老年人口", "60岁及以上人口", "65岁及以上人口"],
  existingSlots: ["slots", "现有托位数", "托位数", "托位"],
  enrolled: ["在托人数", "入托人数"],
  existingBeds: ["beds", "现有养老床位数", "养老床位数", "养老床位", "床位数"],
  nursingBeds: ["护理型床位数", "护理型床位"],
  indicatorId: ["指标", "指标编号"],
  year: ["年份", "年度"],
  value: ["值", "数值", "观测值"],
  patientId: ["患者编号", "患者"],
  claimId: ["结算单号", "单据号"],
  personId: ["参保人编号", "个人编号"],
};

const canonical = new Map<string, string>();
for (const [field, aliases] of Object.entries(COLUMN_ALIASES)) {
  canonical.set(normalise(field), field);
  for (const alias of aliases) canonical.set(normalise(alias), field);
}

function normalise(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, "");
}

/** The canonical field name for a header: `常住人口` → `population`; unknown headers are kept as written. */
export function canonicalColumn(header: string): string {
  return canonical.get(normalise(header)) ?? header.trim();
}

/** Rename a row's keys to canonical field names. */
export function canonicalRecord(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[canonicalColumn(key)] = value;
  return out;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Turn CSV text cells into the values the calculators take: empty cells are dropped (a missing optional field),
 * numeric text in the named numeric fields becomes a number, `true`/`false` in boolean fields a boolean, anything
 * else stays text so that validation reports it with its field path.
 */
export function coerceCells(
  record: Record<string, unknown>,
  numeric: ReadonlySet<string>,
  boolean: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== "string") {
      out[key] = value;
      continue;
    }
    if (value === "") continue;
    if (numeric.has(key) && NUMBER.test(value)) out[key] = Number(value);
    else if (boolean.has(key) && /^(true|false|是|否|1|0)$/i.test(value)) out[key] = /^(true|是|1)$/i.test(value);
    else out[key] = value;
  }
  return out;
}
