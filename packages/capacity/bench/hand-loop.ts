import type { SyntheticRow } from "./rows.js";

/**
 * The peer: what an analyst would write by hand for the same numbers — one loop, no validation, no trace — but with
 * exact integer arithmetic (float `Math.ceil(population * 4.5 / 1000)` would not always agree).
 * Targets come pre-scaled to 10^-4 units (4.5 → 45000).
 */
function ceilDiv(numerator: number, denominator: number): number {
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  if (remainder < 0) return quotient;
  return remainder > 0 ? quotient + 1 : quotient;
}

function round2(numerator: number, denominator: number, per: number): number {
  const scaled = numerator * per * 100;
  let quotient = Math.floor(scaled / denominator);
  let remainder = scaled - quotient * denominator;
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  return (remainder * 2 >= denominator ? quotient + 1 : quotient) / 100;
}

function ratio(numerator: number, denominator: number, per: number) {
  return { value: (numerator * per) / denominator, rounded: round2(numerator, denominator, per), decimals: 2 };
}

export function handAssess(rows: readonly SyntheticRow[], target: number, bedTarget: number, share: number) {
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SyntheticRow;
    const population = row.population;
    const slots = row.existingSlots ?? null;
    const enrolled = row.enrolled ?? null;
    const elders = row.elderPopulation ?? null;
    const beds = row.existingBeds ?? null;
    const nursing = row.nursingBeds ?? null;
    const requiredSlots = ceilDiv(population * target, 10_000_000);
    const requiredBeds = elders === null ? null : ceilDiv(elders * bedTarget, 10_000_000);
    const requiredNursingBeds = beds === null ? null : ceilDiv(beds * share, 10_000);
    out[i] = {
      index: i,
      region: row.region,
      population,
      elderPopulation: elders,
      childcare: {
        existingSlots: slots,
        requiredSlots,
        gap: slots === null ? null : Math.max(0, requiredSlots - slots),
        surplus: slots === null ? null : Math.max(0, slots - requiredSlots),
        slotsPer1000: slots === null ? null : ratio(slots, population, 1000),
        enrolled,
        utilization: enrolled === null || slots === null || slots === 0 ? null : ratio(enrolled, slots, 100),
      },
      elderCare: {
        existingBeds: beds,
        requiredBeds,
        gap: requiredBeds === null || beds === null ? null : Math.max(0, requiredBeds - beds),
        surplus: requiredBeds === null || beds === null ? null : Math.max(0, beds - requiredBeds),
        bedsPer1000Elders: beds === null || elders === null || elders === 0 ? null : ratio(beds, elders, 1000),
      },
      nursingCare: {
        nursingBeds: nursing,
        requiredNursingBeds,
        gap: requiredNursingBeds === null || nursing === null ? null : Math.max(0, requiredNursingBeds - nursing),
        surplus: requiredNursingBeds === null || nursing === null ? null : Math.max(0, nursing - requiredNursingBeds),
        nursingBedShare: nursing === null || beds === null || beds === 0 ? null : ratio(nursing, beds, 100),
      },
    };
  }
  return out;
}
