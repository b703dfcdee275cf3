import { access, constants, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { resolvedPath, userFile, userFileError, type UserFile } from '../user-file.js';
import type { CanonicalField } from '../model/ticket.js';
import { cellText, isObject } from './flatten.js';
import type { Mapping } from './mapping.js';
import { foldHeader } from './plan.js';
import { readCsv, readJson, sniffFormat } from './read/index.js';

/** Per canonical field, id -> name (Zendesk group_id 36000123 -> "Tier 2 Support"). */
export type Lookups = Partial<Record<CanonicalField, Map<string, string>>>;

const ID_NAMES = ['id', 'key', 'code', 'sys_id', 'value'];
const NAME_NAMES = ['name', 'label', 'display_value', 'display name', 'title', 'description'];

/**
 * Reads the lookup tables a mapping names. A CSV has a header; its id and name columns are the ones
 * called id/key/code and name/label (else the first two). A JSON file is `{"id": "name", ...}` or a
 * list of `{id, name}` objects.
 */
export async function readLookups(mapping: Pick<Mapping, 'lookups' | 'dir'> | undefined, encoding?: string): Promise<Lookups> {
  const out: Lookups = {};
  for (const [field, given] of Object.entries(mapping?.lookups ?? {}) as [CanonicalField, string][]) {
    const file = lookupFile(mapping, given);
    const path = resolvedPath(file);
    // Opened here first, so a missing table is named as written in the mapping, with the folder it was looked for in.
    await access(path, constants.R_OK).catch((e: unknown) => {
      const error = userFileError(file, e);
      throw new InputError(error.message, error.position, `the mapping's lookups.${field} names it${error.hint ? `; ${error.hint}` : ''}`);
    });
    const table = await readTable(path, encoding);
    if (table.size === 0) throw new InputError('lookup table has no entries', { file: path }, `named in the mapping's lookups.${field}; give one id and name per row`);
    out[field] = table;
  }
  return out;
}

/** A lookup table as the mapping names it: relative to the mapping file's folder (the current one for a mapping given as text). */
export function lookupFile(mapping: Pick<Mapping, 'dir'> | undefined, given: string): UserFile {
  return mapping?.dir === undefined ? userFile(given, 'lookup table') : userFile(given, 'lookup table', mapping.dir, "the mapping file's folder");
}

/** Largest lookup table: id -> name tables of a PSA's groups or users are kilobytes; all of one is kept in memory. */
export const MAX_LOOKUP_BYTES = 64 * 1024 * 1024;

async function readTable(path: string, encoding: string | undefined): Promise<Map<string, string>> {
  const size = await stat(path).then((s) => (s.isFile() ? s.size : 0), () => 0);
  if (size > MAX_LOOKUP_BYTES) {
    throw new InputError(`lookup table is too large: ${Math.round(size / 1024 / 1024)} MB (the limit is ${MAX_LOOKUP_BYTES / 1024 / 1024} MB)`,
      { file: path }, 'a lookup table has one id and name per row: check that this is the right file');
  }
  return (await sniffFormat(path)) === 'csv' ? csvTable(path, encoding) : jsonTable(path, encoding);
}

async function csvTable(path: string, encoding: string | undefined): Promise<Map<string, string>> {
  const table = new Map<string, string>();
  let idAt = 0;
  let nameAt = 1;
  await readCsv(path, {
    encoding,
    onHeader(header) {
      if (header.headers.length < 2) throw new InputError('a lookup table needs two columns: id and name', { file: path, line: header.line });
      const folded = header.headers.map(foldHeader);
      const id = folded.findIndex((h) => ID_NAMES.includes(h));
      const name = folded.findIndex((h) => NAME_NAMES.includes(h));
      if (id >= 0 && name >= 0) [idAt, nameAt] = [id, name];
    },
    onRow(cells) {
      const id = cells[idAt]?.trim();
      if (id) table.set(id, cells[nameAt]?.trim() ?? '');
    },
  });
  return table;
}

async function jsonTable(path: string, encoding: string | undefined): Promise<Map<string, string>> {
  const read = await readJson(path, { encoding });
  const table = new Map<string, string>();
  const only = read.records.length === 1 && read.wrapperKey === null ? read.records[0]!.value : undefined;
  if (only && Object.values(only).every((v) => !isObject(v) && !Array.isArray(v))) {
    for (const [id, name] of Object.entries(only)) table.set(id, cellText(name));
    return table;
  }
  for (const { value, line } of read.records) {
    const id = ID_NAMES.find((k) => value[k] !== undefined);
    const name = NAME_NAMES.find((k) => value[k] !== undefined);
    if (id === undefined || name === undefined) {
      throw new InputError('a lookup record needs an id and a name', { file: path, line }, 'write {"id": ..., "name": ...} objects, or one {"id": "name"} object');
    }
    table.set(cellText(value[id]), cellText(value[name]));
  }
  return table;
}
