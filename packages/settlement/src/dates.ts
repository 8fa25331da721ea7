import { dayKey } from "./internal/day-key.js";

/** A policy or catalogue with its validity window as day keys (`YYYYMMDD` integers, ordered like the dates). */
export interface DatedEntry<T> {
  readonly item: T;
  readonly from: number;
  readonly to: number;
}

/** A compiled policy or catalogue with its validity window as day keys. */
export function dated<T extends { readonly from: string; readonly to: string }>(item: T): DatedEntry<T> {
  return { item, from: dayKey(item.from), to: dayKey(item.to) };
}

/**
 * The first document valid on `day` (a day key): documents are listed most specific region first, and the windows of
 * one region never overlap (`createSettler` rejects overlaps), so the choice is unambiguous.
 */
export function pickDated<T>(candidates: readonly DatedEntry<T>[], day: number): T | undefined {
  for (let i = 0; i < candidates.length; i++) {
    const entry = candidates[i] as DatedEntry<T>;
    if (entry.from <= day && day <= entry.to) return entry.item;
  }
  return undefined;
}
