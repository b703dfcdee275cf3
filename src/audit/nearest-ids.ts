import { editDistance } from '../text/did-you-mean.js';

/**
 * The ids closest to one that is not there: by value when both are numbers (48237 -> 48236, 48238),
 * else by edit distance; ties in id order. For "did you mean" on an unknown ticket id.
 */
export function nearestIds(ids: readonly string[], wanted: string, count = 3): string[] {
  const target = wanted.trim();
  const n = Number(target);
  const numeric = target !== '' && Number.isFinite(n);
  const distance = (id: string) => {
    const m = Number(id);
    return numeric && id.trim() !== '' && Number.isFinite(m) ? Math.abs(m - n) : editDistance(id.toLowerCase(), target.toLowerCase()) + 1e9;
  };
  return [...ids]
    .map((id) => ({ id, d: distance(id) }))
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, count)
    .map((x) => x.id);
}

/** A ticket id as typed: exact, else ignoring case and surrounding space. */
export function findId(ids: readonly string[], wanted: string): string | undefined {
  if (ids.includes(wanted)) return wanted;
  const folded = wanted.trim().toLowerCase();
  return ids.find((id) => id.trim().toLowerCase() === folded);
}
