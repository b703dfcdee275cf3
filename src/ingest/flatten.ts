import type { FlatRecord } from './presets/preset.js';

const NAME_KEYS = ['name', 'displayName', 'display_value', 'value', 'title'];

/**
 * A JSON record as columns: nested objects become `parent/child` keys (ServiceNow `assignment_group/
 * display_value`, ConnectWise `board/name`), null becomes empty, arrays of scalars are joined with
 * ", ", and arrays of objects keep their names (`components: [{name}]`) or else their JSON text.
 */
export function flattenRecord(record: Record<string, unknown>, out: FlatRecord = new Map(), prefix = ''): FlatRecord {
  forEachColumn(record, (path, text) => out.set(path, text), prefix);
  return out;
}

/** The columns of {@link flattenRecord} one by one, in the same order, without building the Map. */
export function forEachColumn(record: Record<string, unknown>, take: (path: string, text: string) => void, prefix = ''): void {
  for (const key of Object.keys(record)) {
    const value = record[key];
    const path = prefix + key;
    if (isObject(value)) forEachColumn(value, take, `${path}/`);
    else take(path, cellText(value));
  }
}

/** The text of one JSON value as a cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => !isObject(v) && !Array.isArray(v))) return value.map(cellText).join(', ');
    const names = value.map(nameOf);
    return names.every((n) => n !== undefined) ? names.join(', ') : JSON.stringify(value);
  }
  const name = nameOf(value);
  return name ?? JSON.stringify(value);
}

function nameOf(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  for (const k of NAME_KEYS) if (typeof value[k] === 'string') return value[k] as string;
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
