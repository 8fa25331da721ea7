/**
 * Realistic synthetic district rows for the benchmark and the equality test: populations from 20,000 to 2 million,
 * 0.5 to 6 slots per 1000, enrolment 30–110 % of slots, 15–30 % elders, 20–50 beds per 1000 elders, 30–70 %
 * nursing beds; one row in ten leaves out the optional fields. Seeded, so every run sees the same rows.
 */
export interface SyntheticRow {
  region: string;
  population: number;
  elderPopulation?: number;
  existingSlots?: number;
  enrolled?: number;
  existingBeds?: number;
  nursingBeds?: number;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateRows(count: number, seed = 500111): SyntheticRow[] {
  const random = mulberry32(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const rows: SyntheticRow[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const population = between(20_000, 2_000_000);
    if (random() < 0.1) {
      rows[i] = { region: `区县${i}`, population };
      continue;
    }
    const slots = Math.floor((population * between(5, 60)) / 10_000);
    const elderPopulation = Math.floor((population * between(15, 30)) / 100);
    const beds = Math.floor((elderPopulation * between(20, 50)) / 1000);
    rows[i] = {
      region: `区县${i}`,
      population,
      elderPopulation,
      existingSlots: slots,
      enrolled: Math.floor((slots * between(30, 110)) / 100),
      existingBeds: beds,
      nursingBeds: Math.floor((beds * between(30, 70)) / 100),
    };
  }
  return rows;
}
