import { InputError } from '../errors.js';
import { CANONICAL_FIELDS, type CanonicalField } from '../model/ticket.js';
import type { Mapping } from './mapping.js';
import { presets, PRESET_IDS, type PresetId } from './presets/index.js';
import type { ColumnAliases, InputRole, Preset } from './presets/preset.js';

/** How one file's columns feed the canonical fields. */
export interface ColumnPlan {
  preset: Preset;
  role: InputRole;
  /** Column index per canonical field. */
  columns: Partial<Record<CanonicalField, number>>;
  /** Why this preset was chosen, for `inspect` and error messages. */
  reason: string;
}

export const foldHeader = (h: string) => h.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();

/** Picks the preset and shape that fit a header best (or the forced one) and maps its columns. */
export function planColumns(headers: string[], file: string, forced: PresetId | undefined, mapping: Mapping | undefined): ColumnPlan {
  const folded = headers.map(foldHeader);
  const base = forced ?? mapping?.preset;
  const candidates = base ? [base] : PRESET_IDS;
  let best: (ColumnPlan & { score: number }) | undefined;
  for (const id of candidates) {
    const preset: Preset = presets[id];
    const shapes = preset.shapes.length ? preset.shapes : [{ role: 'tickets' as const, columns: {}, required: [] }];
    for (const shape of shapes) {
      const columns = resolve(folded, shape.columns, mapping);
      const role: InputRole = columns.at !== undefined ? 'history' : 'tickets';
      if (role !== shape.role && !mapping) continue;
      const required = mapping ? (['id'] as CanonicalField[]) : shape.required;
      if (required.some((f) => columns[f] === undefined)) continue;
      const score = Object.keys(columns).length;
      if (!best || score > best.score) {
        const reason = base ? `${base} (${forced ? '--preset' : 'mapping file'})` : `header has ${describe(columns, headers)}`;
        best = { preset, role, columns, reason, score };
      }
    }
  }
  if (!best) throw noPresetError(headers, file, base);
  const { score: _score, ...plan } = best;
  return plan;
}

function resolve(folded: string[], aliases: ColumnAliases, mapping: Mapping | undefined): Partial<Record<CanonicalField, number>> {
  const out: Partial<Record<CanonicalField, number>> = {};
  for (const field of CANONICAL_FIELDS) {
    const names = mapping?.columns[field] !== undefined ? [mapping.columns[field]!] : aliases[field] ?? [];
    for (const name of names) {
      const i = folded.indexOf(foldHeader(name));
      if (i >= 0) {
        out[field] = i;
        break;
      }
    }
  }
  return out;
}

function describe(columns: Partial<Record<CanonicalField, number>>, headers: string[]): string {
  return (['id', 'queue', 'at'] as const).filter((f) => columns[f] !== undefined)
    .map((f) => `"${headers[columns[f]!]}" (${f})`).join(', ');
}

function noPresetError(headers: string[], file: string, base: string | undefined): InputError {
  const shown = headers.slice(0, 12).map((h) => `"${h}"`).join(', ') + (headers.length > 12 ? ', ...' : '');
  if (base) {
    const preset: Preset = presets[base as PresetId];
    const need = preset.shapes.map((s) => s.required.map((f) => `${f} (${(s.columns[f] ?? []).slice(0, 3).join(' / ')})`).join(', '));
    return new InputError(`the columns do not fit the ${base} preset; found ${shown}`, { file, line: 1 },
      `${base} needs ${need.join('; or ')}, or map the columns in a mapping file (--mapping)`);
  }
  return new InputError(`no preset recognises these columns: ${shown}`, { file, line: 1 },
    `name one with --preset (${PRESET_IDS.join(', ')}) or map the columns with --mapping; see \`escalation-audit presets\``);
}
