/** Inherits nothing, so a column named `__proto__` or `constructor` is a column like any other. */
const NOTHING: object = Object.freeze(Object.create(null) as object);

/** Past this many distinct values a column (an id, a timestamp) is left as read: sharing would not pay. */
const MAX_SHARED_VALUES = 4096;

/** One string per repeated value of a column, so rows held in memory do not each keep their own copy. */
export class ValuePool<Column> {
  private readonly seen = new Map<Column, Map<string, string> | null>();

  value(column: Column, text: string): string {
    let values = this.seen.get(column);
    if (values === null) return text;
    if (values === undefined) this.seen.set(column, (values = new Map()));
    const hit = values.get(text);
    if (hit !== undefined) return hit;
    if (values.size >= MAX_SHARED_VALUES) {
      this.seen.set(column, null);
      return text;
    }
    values.set(text, text);
    return text;
  }
}

/**
 * The raw columns tickets keep of their latest row, built compactly: every record of one header has
 * the same shape (not a hash table per ticket), and a column's repeated values are one string.
 */
export class RawColumns {
  private readonly pool = new ValuePool<string>();

  record(keys: readonly string[], cells: readonly (string | undefined)[]): Record<string, string> {
    const raw = Object.create(NOTHING) as Record<string, string>;
    for (let i = 0; i < keys.length; i++) raw[keys[i]!] = this.pool.value(keys[i]!, cells[i] ?? '');
    return raw;
  }
}
