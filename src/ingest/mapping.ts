import { dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml';
import { InputError, InputErrors } from '../errors.js';
import { checkYamlShape } from '../text/yaml-safe.js';
import { suggest } from '../text/did-you-mean.js';
import { isValidTimeZone } from '../time/zone.js';
import { CANONICAL_FIELDS, type CanonicalField } from '../model/ticket.js';
import type { DayOrder } from './dates.js';
import { PRESET_IDS, type PresetId } from './presets/index.js';

/** A mapping file (--mapping): how to read an export no preset knows, or a preset's variant. */
export interface Mapping {
  preset: PresetId | undefined;
  columns: Partial<Record<CanonicalField, string>>;
  dates: { format?: string; timezone?: string; dayOrder?: DayOrder };
  nulls: string[] | undefined;
  /** Per field, a small CSV/JSON table turning ids into names: paths as written, relative to `dir`. */
  lookups?: Partial<Record<CanonicalField, string>>;
  /** The folder lookup paths are relative to: the mapping file's (default: the current directory). */
  dir?: string;
  /** The mapping file, and where each of its `columns.<field>` and `lookups.<field>` entries stands, for errors. */
  source?: { file: string; positions: Record<string, MappingPosition> };
}

/** Where an entry of the mapping file stands; `commented` when a ` #` after the value made the rest of the line a comment. */
export interface MappingPosition { line: number; column: number; commented?: boolean }

const TOP_KEYS = ['preset', 'columns', 'dates', 'nulls', 'lookups'];
const DATE_KEYS = ['format', 'timezone', 'dayOrder'];

/** Largest mapping file accepted; real ones are a few hundred bytes. */
export const MAX_MAPPING_BYTES = 1024 * 1024;

export function parseMapping(text: string, file: string): Mapping {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_MAPPING_BYTES) throw mappingTooLarge(bytes, file);
  const unsafe = checkYamlShape(text, 'mapping');
  if (unsafe) throw new InputErrors([new InputError(unsafe.message, { file, line: unsafe.line, column: unsafe.column }, unsafe.hint)]);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, schema: 'core' });
  // Some other file (a password file, an .env) is said to be so, never quoted.
  const isMappingKey = (key: string) => TOP_KEYS.includes(key) || suggest(key, TOP_KEYS) !== undefined;
  if (isMap(doc.contents) && !doc.contents.items.some((pair) => isScalar(pair.key) && isMappingKey(String(pair.key.value)))) {
    throw new InputErrors([new InputError(`not a mapping file: none of its top-level keys is a mapping key (${TOP_KEYS.join(', ')}); its contents are not shown`,
      { file, line: 1, column: 1 }, 'a mapping names the columns of an export: see "Mapping files" in the README')]);
  }
  const problems: InputError[] = [];
  const at = (node: Node | null | undefined, message: string, hint?: string) => {
    const pos = node?.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
    problems.push(new InputError(message, { file, line: pos.line, column: pos.col }, hint));
  };
  for (const e of doc.errors) at(null, e.message.split('\n')[0] ?? e.message);
  if (problems.length) throw new InputErrors(problems);
  const root = doc.contents;
  if (!isMap(root)) throw new InputErrors([new InputError('a mapping file must be a YAML mapping (key: value lines)', { file, line: 1, column: 1 })]);

  const positions: Record<string, MappingPosition> = {};
  const place = (key: string, node: Node | null | undefined) => {
    const pos = node?.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
    positions[key] = { line: pos.line, column: pos.col, ...(isScalar(node) && node.comment !== undefined ? { commented: true } : {}) };
  };
  const mapping: Mapping = { preset: undefined, columns: {}, dates: {}, nulls: undefined, source: { file, positions } };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    const plain = value && isScalar(value) ? value.value : undefined;
    switch (key) {
      case 'preset':
        if (typeof plain === 'string' && (PRESET_IDS as string[]).includes(plain)) mapping.preset = plain as PresetId;
        else at(value, `preset: found "${String(plain)}"`, `expected one of: ${PRESET_IDS.join(', ')}`);
        break;
      case 'columns':
        if (!isMap(value)) { at(value, 'columns: expected a mapping of canonical field to header name'); break; }
        for (const item of value.items) {
          const field = isScalar(item.key) ? String(item.key.value) : '';
          const header = isScalar(item.value) ? item.value.value : undefined;
          if (!(CANONICAL_FIELDS as readonly string[]).includes(field)) {
            const near = suggest(field, [...CANONICAL_FIELDS]);
            at(item.key as Node, `columns: unknown field "${field}"${near ? ` (did you mean "${near}"?)` : ''}`, `expected one of: ${CANONICAL_FIELDS.join(', ')}`);
          } else if (typeof header !== 'string' || header.trim() === '') {
            at(item.value as Node, `columns.${field}: expected the header name of a column`);
          } else {
            mapping.columns[field as CanonicalField] = header;
            place(`columns.${field}`, item.value as Node);
          }
        }
        break;
      case 'dates':
        if (!isMap(value)) { at(value, 'dates: expected a mapping with format, timezone, dayOrder'); break; }
        for (const item of value.items) {
          const k = isScalar(item.key) ? String(item.key.value) : '';
          const v = isScalar(item.value) ? String(item.value.value) : '';
          if (!DATE_KEYS.includes(k)) at(item.key as Node, `dates: unknown key "${k}"`, `expected one of: ${DATE_KEYS.join(', ')}`);
          else if (k === 'timezone' && !isValidTimeZone(v)) at(item.value as Node, `dates.timezone: unknown time zone "${v}"`, 'expected an IANA name such as America/Chicago');
          else if (k === 'dayOrder' && v !== 'dmy' && v !== 'mdy') at(item.value as Node, `dates.dayOrder: found "${v}"`, 'expected dmy (day first) or mdy (month first)');
          else (mapping.dates as Record<string, string>)[k] = v;
        }
        break;
      case 'lookups':
        if (!isMap(value)) { at(value, 'lookups: expected a mapping of canonical field to a CSV or JSON file, e.g. queue: groups.csv'); break; }
        mapping.lookups = {};
        for (const item of value.items) {
          const field = isScalar(item.key) ? String(item.key.value) : '';
          const path = isScalar(item.value) ? item.value.value : undefined;
          if (!(CANONICAL_FIELDS as readonly string[]).includes(field)) {
            const near = suggest(field, [...CANONICAL_FIELDS]);
            at(item.key as Node, `lookups: unknown field "${field}"${near ? ` (did you mean "${near}"?)` : ''}`, `expected one of: ${CANONICAL_FIELDS.join(', ')}`);
          } else if (typeof path !== 'string' || path.trim() === '') {
            at(item.value as Node, `lookups.${field}: expected the path of a CSV or JSON file (id, name)`);
          } else {
            mapping.lookups[field as CanonicalField] = path;
            place(`lookups.${field}`, item.key as Node);
          }
        }
        break;
      case 'nulls':
        if (!isSeq(value) || !value.items.every(isScalar)) at(value, 'nulls: expected a list of values that mean "empty", e.g. ["", "?", "N/A"]');
        else mapping.nulls = value.items.map((item) => String((item as Scalar).value ?? ''));
        break;
      default: {
        const near = suggest(key, TOP_KEYS);
        at(pair.key as Node, `unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}`, `expected one of: ${TOP_KEYS.join(', ')}`);
      }
    }
  }
  if (problems.length) throw new InputErrors(problems);
  if (mapping.lookups) mapping.dir = resolve(dirname(file));
  return mapping;
}

/** The "mapping file too large" problem, also used before reading a file whose size is known. */
export function mappingTooLarge(bytes: number, file: string): InputErrors {
  return new InputErrors([new InputError(`mapping file is too large: ${(bytes / 1024).toFixed(0)} KB (the limit is ${MAX_MAPPING_BYTES / 1024} KB)`,
    { file }, 'a mapping is a few lines of YAML: check that this is the right file')]);
}
