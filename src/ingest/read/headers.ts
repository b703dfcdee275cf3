/**
 * Header cells as written, minus byte order marks and surrounding whitespace. On the first column
 * a pair of quotes around the whole name is removed too: Excel re-saving a file whose BOM it took
 * for text writes `"\ufeff""ID"""`, which parses to `\ufeff"ID"`.
 */
export function cleanHeaders(raw: readonly string[]): string[] {
  return raw.map((cell, index) => {
    const text = cell.replace(/\ufeff/g, '').trim();
    return index === 0 && /^"[^"]*"$/.test(text) ? text.slice(1, -1).trim() : text;
  });
}

/**
 * One unique key per column, in order: the first column named `Comment` keeps `Comment`, later ones
 * become `Comment #2`, `Comment #3`, ... (skipping any name already taken by a real header). A
 * column with no name is keyed `(column N)`, N counting from 1.
 */
export function uniqueKeys(headers: readonly string[]): string[] {
  const names = headers.map((h, i) => (h === '' ? `(column ${i + 1})` : h));
  const keys: (string | undefined)[] = new Array(names.length);
  const used = new Set<string>();
  names.forEach((name, i) => {
    if (used.has(name)) return;
    used.add(name);
    keys[i] = name;
  });
  const occurrences = new Map<string, number>();
  return names.map((name, i) => {
    const key = keys[i];
    if (key !== undefined) return key;
    let n = occurrences.get(name) ?? 1;
    let candidate: string;
    do candidate = `${name} #${++n}`;
    while (used.has(candidate));
    occurrences.set(name, n);
    used.add(candidate);
    return candidate;
  });
}

/** For case- and space-insensitive matching: no BOM, trimmed, inner whitespace collapsed, lower-case. */
export function normalizeHeader(header: string): string {
  return header.replace(/\ufeff/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}
