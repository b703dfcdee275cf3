import { InputError } from '../errors.js';
import { flattenRecord, unionKeys } from './flatten.js';
import { InputPart, type LoadContext } from './input-part.js';
import { sourceFacts, type FileOptions, type InputRead } from './load-csv.js';
import { planColumns } from './plan.js';
import { presets, PRESET_IDS, type PresetId } from './presets/index.js';
import type { FlatRecord, InputRole, JsonUnroller } from './presets/preset.js';
import { encodingNotice, readJson, uniqueKeys } from './read/index.js';

interface Rows {
  role: InputRole | undefined;
  rows: FlatRecord[];
  lines: number[];
}

/**
 * Reads a JSON or NDJSON export (array, `{"tickets": [...]}`-style wrapper, one object per line):
 * records are flattened to columns, or unrolled first when a preset knows their shape (audits,
 * changelogs), then read like CSV rows, one input per role.
 */
export async function loadJsonFile(file: string, options: FileOptions, ctx: LoadContext): Promise<InputRead[]> {
  const read = await readJson(file, { encoding: options.encoding, stdin: options.stdin, onProgress: options.onProgress });
  const name = read.info.file;
  if (read.records.length === 0) throw new InputError('no records: the JSON export holds an empty list', { file: name }, 'export the tickets again');
  const base = options.preset ?? options.mapping?.preset;
  const first = read.records[0]?.value;
  const unroller = first && findUnroller(first, base);
  const parts: Rows[] = [];
  if (unroller) {
    const byRole = new Map<InputRole, Rows>();
    for (const record of read.records) {
      unroller.unroller.unroll(record.value, (role, row) => {
        let part = byRole.get(role);
        if (!part) byRole.set(role, (part = { role, rows: [], lines: [] }));
        part.rows.push(row);
        part.lines.push(record.line);
      });
    }
    parts.push(...[...byRole.values()].sort((a, b) => (a.role === 'tickets' ? -1 : b.role === 'tickets' ? 1 : 0)));
  } else {
    parts.push({ role: undefined, rows: read.records.map((r) => flattenRecord(r.value)), lines: read.records.map((r) => r.line) });
  }
  read.records.length = 0;
  return parts.map((rows, i) => {
    const headers = unionKeys(rows.rows);
    const plan = planColumns(headers, name, options.preset, options.mapping, {
      role: rows.role, asHistory: options.asHistory && rows.role === undefined, within: unroller?.preset,
      unrolled: unroller?.unroller.reason,
    });
    const part = new InputPart(name, plan, headers, uniqueKeys(headers), ctx);
    rows.rows.forEach((row, n) => {
      // Absent keys stay undefined: in new-value records only a key given as null clears a field.
      part.push(headers.map((h) => row.get(h)) as string[], rows.lines[n]!);
      rows.rows[n] = undefined as unknown as FlatRecord;
    });
    return { ...part.finish(read.format, sourceFacts(read.info, undefined)), firstProblem: part.firstProblem, notice: i === 0 ? encodingNotice(read.info) : null };
  });
}

function findUnroller(record: Record<string, unknown>, base: PresetId | undefined): { preset: PresetId; unroller: JsonUnroller } | undefined {
  for (const id of base ? [base] : PRESET_IDS) {
    const preset: { json?: JsonUnroller[] } = presets[id];
    const unroller = preset.json?.find((u) => u.matches(record));
    if (unroller) return { preset: id, unroller };
  }
  return undefined;
}
