/**
 * Fewest carers (保育人员) for `children` placed in `classes` classes of at most `limit` children each, when each
 * class needs at least one carer per `ratio` children (师幼比 1:ratio, counted per class): give every class
 * `floor(limit / ratio)` carers first (each fully used), then one more carer per `limit mod ratio` extra children.
 */
export function fewestCarers(children: number, classes: number, limit: number, ratio: number): number {
  if (classes === 0) return 0;
  const fullCarers = Math.floor(limit / ratio);
  const covered = classes * fullCarers * ratio;
  if (children <= covered) return Math.max(classes, Math.ceil(children / ratio));
  return classes * fullCarers + Math.ceil((children - covered) / (limit - fullCarers * ratio));
}
