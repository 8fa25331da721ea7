/**
 * What `carekit settle` carries per person between claims (每人结转状态), kept compact: one slot per person in
 * parallel arrays — the accumulators' numbers, the previous claim's discharge date as a `yyyymmdd` integer, its line
 * and its id (for the OUT_OF_ORDER message) — instead of objects per person. The settler's accumulators are five
 * objects (≈ 256 bytes); held for 250,000 persons until each one's next claim they are most of the heap and outlive
 * the young generation, so the garbage collector copies and marks them over and over. Here they are ten numbers in
 * a typed array (80 bytes) whenever their shape allows it exactly — no monthly chronic-care entries, at most
 * {@link COMPACT_FUNDS} funds — and rebuilt as plain accumulators for the person's next claim (the settler checks
 * them with its fast guard); any other accumulators are kept as the settler returned them. Encoding is lossless: a
 * test checks the rebuilt accumulators equal the settler's, key order included.
 */
import type { Accumulators } from "@carekit/settlement";
import { IdTable } from "./id-table.js";

/** The previous claim of a person, for the OUT_OF_ORDER message. */
export interface PreviousClaim {
  readonly discharge: string;
  readonly claimId: string;
  readonly line: number;
}

/** Positions of the digits in `YYYY-MM-DD`. */
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/** `2024-03-05` → 20240305, or -1 for anything that is not shaped `YYYY-MM-DD`. */
export function dayNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  let day = 0;
  for (let i = 0; i < 8; i++) {
    const digit = date.charCodeAt(DIGITS[i] as number) - 48;
    if (digit < 0 || digit > 9) return -1;
    day = day * 10 + digit;
  }
  return day;
}

function dayText(day: number): string {
  const year = String(Math.floor(day / 10000)).padStart(4, "0");
  const month = String(Math.floor(day / 100) % 100).padStart(2, "0");
  return `${year}-${month}-${String(day % 100).padStart(2, "0")}`;
}

/** Funds a compact slot holds (the pooled fund and one more). */
export const COMPACT_FUNDS = 2;
/** Numbers per compact slot: shape, year, admissions, three deductibles, base and paid of each fund. */
const STRIDE = 6 + 2 * COMPACT_FUNDS;

function keyCount(value: object): number {
  let count = 0;
  for (const _ in value) count += 1;
  return count;
}

/** The persons seen so far and what their next claim needs. */
export class People {
  private readonly ids = new IdTable();
  /** The id {@link People.idAt} last gave, and its slot (-1: not seen yet), so that {@link People.slot} skips the lookup. */
  private lastId: string | undefined;
  private lastSlot = -1;
  /** Accumulators kept as objects (shapes the compact slot cannot hold exactly); `undefined` for compact slots. */
  private readonly objects: (Accumulators | undefined)[] = [];
  private readonly claimIds: string[] = [];
  private days = new Int32Array(1024);
  private lines = new Float64Array(1024);
  private numbers = new Float64Array(1024 * STRIDE);
  /** Interned fund-id lists (the shapes of `funds`), by their joined ids. */
  private readonly shapes: string[][] = [];
  private readonly shapeIds = new Map<string, number>();
  private lastShape = 0;

  /** The person's slot, or -1 for a person not seen yet. */
  slot(personId: string): number {
    return personId === this.lastId ? this.lastSlot : this.ids.find(personId);
  }

  /**
   * The person id `line[start, end)`: the string held for a person seen before (nothing cut out), else the span cut
   * out. The next {@link People.slot} for it is then answered without a second lookup.
   */
  idAt(line: string, start: number, end: number): string {
    const slot = this.ids.findAt(line, start, end);
    const id = slot === -1 ? line.slice(start, end) : this.ids.keyAt(slot);
    this.lastId = id;
    this.lastSlot = slot;
    return id;
  }

  /** The accumulators to pass for the person's next claim. */
  accumulatorsAt(slot: number, personId: string): Accumulators {
    const kept = this.objects[slot];
    if (kept !== undefined) return kept;
    const n = this.numbers;
    const at = slot * STRIDE;
    const ids = this.shapes[n[at] as number] as string[];
    const funds: Record<string, { baseFen: number; paidFen: number }> = {};
    for (let f = 0; f < ids.length; f++)
      funds[ids[f] as string] = { baseFen: n[at + 6 + 2 * f] as number, paidFen: n[at + 7 + 2 * f] as number };
    return {
      personId,
      year: n[at + 1] as number,
      inpatientAdmissions: n[at + 2] as number,
      deductiblePaidFen: {
        inpatient: n[at + 3] as number,
        outpatient_general: n[at + 4] as number,
        outpatient_chronic: n[at + 5] as number,
      },
      funds,
      chronicMonthlyPaidFen: {},
    };
  }

  /** Store accumulators in a compact slot when their shape allows it exactly; `false` when it does not. */
  private pack(at: number, a: Accumulators): boolean {
    const paid = a.deductiblePaidFen;
    if (keyCount(a) !== 6 || keyCount(paid) !== 3 || keyCount(a.chronicMonthlyPaidFen) !== 0) return false;
    if (!("inpatient" in paid && "outpatient_general" in paid && "outpatient_chronic" in paid)) return false;
    const ids = Object.keys(a.funds);
    if (ids.length > COMPACT_FUNDS) return false;
    for (const id of ids) {
      const fund = a.funds[id] as { baseFen: number; paidFen: number };
      if (keyCount(fund) !== 2 || typeof fund.baseFen !== "number" || typeof fund.paidFen !== "number") return false;
    }
    const shape = this.shapeOf(ids);
    const n = this.numbers;
    n[at] = shape;
    n[at + 1] = a.year;
    n[at + 2] = a.inpatientAdmissions;
    n[at + 3] = paid.inpatient;
    n[at + 4] = paid.outpatient_general;
    n[at + 5] = paid.outpatient_chronic;
    for (let f = 0; f < ids.length; f++) {
      const fund = a.funds[ids[f] as string] as { baseFen: number; paidFen: number };
      n[at + 6 + 2 * f] = fund.baseFen;
      n[at + 7 + 2 * f] = fund.paidFen;
    }
    return true;
  }

  /** The interned shape of a fund-id list: the last one used when it is the same (nearly always), else by its ids. */
  private shapeOf(ids: readonly string[]): number {
    const last = this.shapes[this.lastShape];
    if (last !== undefined && last.length === ids.length) {
      let same = true;
      for (let i = 0; i < ids.length; i++) if (last[i] !== ids[i]) same = false;
      if (same) return this.lastShape;
    }
    const joined = ids.join("\u0000");
    let shape = this.shapeIds.get(joined);
    if (shape === undefined) {
      shape = this.shapes.length;
      this.shapes.push([...ids]);
      this.shapeIds.set(joined, shape);
    }
    this.lastShape = shape;
    return shape;
  }

  /**
   * Whether a claim discharged on `discharge` comes before the previous claim in `slot` (dates compared as the text
   * `YYYY-MM-DD` compares; the stored date is always one the settler accepted).
   */
  isBefore(slot: number, discharge: string): boolean {
    const day = dayNumber(discharge);
    const previous = this.days[slot] as number;
    return day === -1 ? discharge < dayText(previous) : day < previous;
  }

  previous(slot: number): PreviousClaim {
    return {
      discharge: dayText(this.days[slot] as number),
      claimId: this.claimIds[slot] as string,
      line: this.lines[slot] as number,
    };
  }

  /** Record a settled claim: the accumulators to carry, its (valid) discharge date, line and id. */
  set(slot: number, personId: string, accumulators: Accumulators, discharge: string, line: number, claimId: string) {
    let at = slot;
    if (at === -1) {
      at = this.ids.add(personId);
      this.lastId = undefined;
      if (at >= this.days.length) this.grow();
    }
    this.objects[at] = this.pack(at * STRIDE, accumulators) ? undefined : accumulators;
    this.claimIds[at] = claimId;
    this.days[at] = dayNumber(discharge);
    this.lines[at] = line;
  }

  private grow(): void {
    const days = new Int32Array(this.days.length * 2);
    days.set(this.days);
    this.days = days;
    const lines = new Float64Array(this.lines.length * 2);
    lines.set(this.lines);
    this.lines = lines;
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }
}
