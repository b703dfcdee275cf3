/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment), so
 * "sevrity" -> "severity" is 1 and "sveerity" -> "severity" is 1.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

/** Shortest prefix that counts as an abbreviation ("mon" for "monday", "warn" for "warning"). */
const MIN_PREFIX = 3;

/**
 * The candidate the user most likely meant by `word`, or undefined when none is close: case is
 * ignored, at most 1 edit for short candidates (<= 4 characters) and 2 otherwise, or one word being
 * an abbreviation of the other. Ties go to the earlier candidate.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.trim().toLowerCase();
  if (w === '') return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    if (candidate === word) continue;
    const distance = editDistance(w, c);
    const limit = c.length <= 4 ? 1 : 2;
    // An abbreviation scores just worse than a one-letter typo.
    const score = distance <= limit ? distance : isAbbreviation(w, c) ? 1.5 : Infinity;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function isAbbreviation(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX && long.startsWith(short);
}
