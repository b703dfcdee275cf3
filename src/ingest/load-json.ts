import { InputError } from '../errors.js';
import { InputPart, type LoadContext } from './input-part.js';
import { sourceFacts, type FileOptions, type InputRead } from './load-csv.js';
import { readNdjsonInParts } from './parallel/read-in-parts.js';
import { planColumns } from './plan.js';
import { presets, PRESET_IDS, type PresetId } from './presets/index.js';
import type { InputRole, JsonUnroller } from './presets/preset.js';
import { encodingNotice, streamJson, uniqueKeys } from './read/index.js';
import { RowTable } from './row-table.js';

interface Rows {
  role: InputRole | undefined;
  table: RowTable;
}

/**
 * Reads a JSON or NDJSON export (array, `{"tickets": [...]}`-style wrapper, one object per line):
 * records are flattened to columns, or unrolled first when a preset knows their shape (audits,
 * changelogs), then read like CSV rows, one input per role.
 */
export async function loadJsonFile(file: string, options: FileOptions, ctx: LoadContext): Promise<InputRead[]> {
  const inParts = await readNdjsonInParts(file, options, ctx, options.parallel);
  if (inParts) return [inParts];
  const base = options.preset ?? options.mapping?.preset;
  // Decided on the first record; each record is flattened (or unrolled) as it comes and let go.
  let unroller: { preset: PresetId; unroller: JsonUnroller } | undefined;
  let records = 0;
  const tables = new Map<InputRole | undefined, RowTable>();
  const table = (role: InputRole | undefined) => tables.get(role) ?? tables.set(role, new RowTable()).get(role)!;
  const read = await streamJson(file, { encoding: options.encoding, stdin: options.stdin, onProgress: options.onProgress }, (record) => {
    if (records++ === 0) unroller = findUnroller(record.value, base);
    if (unroller) unroller.unroller.unroll(record.value, (role, row) => table(role).add(row, record.line));
    else table(undefined).addRecord(record.value, record.line);
  });
  const name = read.info.file;
  if (records === 0) throw new InputError('no records: the JSON export holds an empty list', { file: name }, 'export the tickets again');
  const parts: Rows[] = [...tables].map(([role, rows]) => ({ role, table: rows }))
    .sort((a, b) => (a.role === 'tickets' ? -1 : b.role === 'tickets' ? 1 : 0));
  return parts.map((rows, i) => {
    const headers = rows.table.keys;
    const plan = planColumns(headers, name, options.preset, options.mapping, {
      role: rows.role, asHistory: options.asHistory && rows.role === undefined, within: unroller?.preset,
      unrolled: unroller?.unroller.reason,
    });
    const part = new InputPart(name, plan, headers, uniqueKeys(headers), ctx);
    // Absent keys stay undefined: in new-value records only a key given as null clears a field.
    rows.table.drain((cells, line) => part.push(cells as string[], line));
    return { ...part.finish(read.format, sourceFacts(read.info, undefined)), firstProblem: part.firstProblem, notice: i === 0 ? encodingNotice(read.info) : null };
  });
}

export function findUnroller(record: Record<string, unknown>, base: PresetId | undefined): { preset: PresetId; unroller: JsonUnroller } | undefined {
  for (const id of base ? [base] : PRESET_IDS) {
    const preset: { json?: JsonUnroller[] } = presets[id];
    const unroller = preset.json?.find((u) => u.matches(record));
    if (unroller) return { preset: id, unroller };
  }
  return undefined;
}
