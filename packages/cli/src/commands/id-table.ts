/**
 * Ids → dense slots (0, 1, 2, … in the order first seen), looked up from a string or in place from a span of a line
 * (编号表): `carekit settle`'s persons. A `Map<string, number>` answers the same (the reference
 * `test/id-table.test.ts` holds it to), but each lookup there hashes a freshly cut-out string and follows the map's
 * chains through 250,000 entries, ≈ 0.5 µs a claim in the profile; here the id is hashed where it is in the line, the
 * open-addressing table is one `Int32Array`, each slot's hash is checked before its id, and a known id is never cut
 * out again (its stored string is used).
 */

const EMPTY = 0;

/** FNV-1a over the UTF-16 code units of `text[start, end)`. */
export function spanHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

export class IdTable {
  private keys: string[] = [];
  private hashes = new Int32Array(1024);
  /** slot + 1 per cell, 0 for an empty cell; a power of two, at most half full. */
  private table = new Int32Array(4096);
  private mask = 4095;
  /** Ids held. */
  size = 0;

  /** The slot of `id`, or -1. */
  find(id: string): number {
    const hash = spanHash(id, 0, id.length);
    const table = this.table;
    for (let cell = hash & this.mask; ; cell = (cell + 1) & this.mask) {
      const entry = table[cell] as number;
      if (entry === EMPTY) return -1;
      const slot = entry - 1;
      if (this.hashes[slot] === hash && this.keys[slot] === id) return slot;
    }
  }

  /** The slot of the id `text[start, end)`, or -1 (nothing is cut out of `text`). */
  findAt(text: string, start: number, end: number): number {
    const hash = spanHash(text, start, end);
    const length = end - start;
    const table = this.table;
    for (let cell = hash & this.mask; ; cell = (cell + 1) & this.mask) {
      const entry = table[cell] as number;
      if (entry === EMPTY) return -1;
      const slot = entry - 1;
      if (this.hashes[slot] !== hash) continue;
      const key = this.keys[slot] as string;
      if (key.length === length && text.startsWith(key, start)) return slot;
    }
  }

  /** The id in a slot. */
  keyAt(slot: number): string {
    return this.keys[slot] as string;
  }

  /** Add an id not held yet; returns its slot (the next number). */
  add(id: string): number {
    const slot = this.size++;
    if (slot >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    const hash = spanHash(id, 0, id.length);
    this.keys.push(id);
    this.hashes[slot] = hash;
    if (this.size * 2 > this.table.length) this.rehash();
    else this.place(slot, hash);
    return slot;
  }

  private place(slot: number, hash: number): void {
    const table = this.table;
    let cell = hash & this.mask;
    while (table[cell] !== EMPTY) cell = (cell + 1) & this.mask;
    table[cell] = slot + 1;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.mask = this.table.length - 1;
    for (let slot = 0; slot < this.size; slot++) this.place(slot, this.hashes[slot] as number);
  }
}
