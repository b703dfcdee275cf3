import { InputError } from '../errors.js';
import { CANONICAL_FIELDS, type CanonicalField } from '../model/ticket.js';
import type { Mapping } from './mapping.js';
import { checkMappingUsed, missingMappedFields } from './mapped-columns.js';
import { describeNearColumns, nearColumns } from './near-columns.js';
import { presets, PRESET_IDS, type PresetId } from './presets/index.js';
import type { ColumnAliases, InputRole, Preset, PresetShape } from './presets/preset.js';

/** Why a preset and shape were chosen: what `inspect` shows. */
export interface Detection {
  by: 'header' | '--preset' | 'mapping file';
  preset: string;
  shape: string;
  /** 3 per distinctive header, 1 per mapped field or change column: the highest wins, ties go to the earlier preset. */
  score: number;
  /** Headers of the export that only this PSA writes. */
  distinctive: string[];
  mapped: { field: CanonicalField; header: string }[];
  /** The best shape of any other preset, when one fitted too. */
  runnerUp: { preset: string; shape: string; score: number } | undefined;
  /** JSON records a preset recognised and unrolled into rows before the columns were matched. */
  unrolled: string | undefined;
}

/** How one file's columns feed the canonical fields. */
export interface ColumnPlan {
  preset: Preset;
  shape: PresetShape;
  role: InputRole;
  /** Column index per canonical field. */
  columns: Partial<Record<CanonicalField, number>>;
  /** Columns of diff and text histories. */
  changes: { field?: number; from?: number; to?: number; text?: number };
  /** Column of the second id history files may use (ServiceNow sys_id). */
  altId: number | undefined;
  /** Why this preset was chosen, in one line, for `inspect` and error messages. */
  reason: string;
  detection: Detection;
}

export interface PlanRole {
  /** The rows are exactly this (JSON unrolled into tickets and history). */
  role?: InputRole;
  /** `--history`: read as history even a ticket-list shape, its updated column giving the time. */
  asHistory?: boolean;
  /** Only this preset's shapes fit (JSON records it unrolled). */
  within?: PresetId;
  /** How JSON records were unrolled first, for the reason. */
  unrolled?: string;
  /** The only input of the run: every column the mapping names must be in this header. */
  onlyInput?: boolean;
}

type Candidate = Omit<ColumnPlan, 'reason' | 'detection'> & { distinctive: number[]; score: number };

export const foldHeader = (h: string) => h.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();

/** Picks the preset and shape that fit a header best (or the forced one) and maps its columns. */
export function planColumns(headers: string[], file: string, forced: PresetId | undefined, mapping: Mapping | undefined,
  want: PlanRole = {}): ColumnPlan {
  const folded = headers.map(foldHeader);
  if (mapping && (want.onlyInput || missingMappedFields(headers, mapping).includes('id'))) {
    checkMappingUsed({ ...mapping, lookups: undefined }, [{ file, headers, plan: { columns: {} } }]);
  }
  const base = forced ?? mapping?.preset ?? want.within;
  let best: Candidate | undefined;
  let runnerUp: Candidate | undefined;
  for (const id of base ? [base] : PRESET_IDS) {
    const preset: Preset = presets[id];
    for (const shape of preset.shapes) {
      const c = evaluate(folded, preset, shape, mapping, want, !base && !mapping);
      if (!c) continue;
      if (!best || c.score > best.score) {
        if (best && best.preset !== c.preset) runnerUp = best;
        best = c;
      } else if (c.preset !== best.preset && (!runnerUp || c.score > runnerUp.score)) runnerUp = c;
    }
  }
  if (!best) throw noPresetError(headers, file, base, mapping);
  if (runnerUp?.preset === best.preset) runnerUp = undefined;
  const { distinctive, score, ...plan } = best;
  const detection: Detection = {
    by: forced ? '--preset' : mapping?.preset || Object.keys(mapping?.columns ?? {}).length ? 'mapping file' : 'header',
    preset: plan.preset.id, shape: plan.shape.name, score, distinctive: distinctive.map((i) => headers[i]!),
    mapped: (Object.entries(plan.columns) as [CanonicalField, number][]).map(([field, i]) => ({ field, header: headers[i]! })),
    runnerUp: runnerUp && { preset: runnerUp.preset.id, shape: runnerUp.shape.name, score: runnerUp.score },
    unrolled: want.unrolled,
  };
  return { ...plan, reason: describe(detection), detection };
}

function evaluate(folded: string[], preset: Preset, shape: PresetShape, mapping: Mapping | undefined, want: PlanRole,
  detecting: boolean): Candidate | undefined {
  const columns = resolve(folded, shape.columns, mapping);
  let role: InputRole = mapping ? (columns.at !== undefined ? 'history' : 'tickets') : shape.role;
  if (want.asHistory && role === 'tickets') {
    if (columns.updated === undefined) return undefined;
    columns.at = columns.updated;
    role = 'history';
  }
  if (want.role !== undefined && role !== want.role) return undefined;
  const required: CanonicalField[] = mapping ? ['id'] : shape.required;
  if (required.some((f) => columns[f] === undefined)) return undefined;
  const changes = role === 'history' ? changeColumns(folded, shape) : {};
  if (changes === undefined) return undefined;
  const distinctive = (shape.signature ?? []).map((h) => folded.indexOf(foldHeader(h))).filter((i) => i >= 0);
  // Common names alone (Id, Status, Priority) never decide which PSA wrote a file.
  if (detecting && !shape.generic && distinctive.length === 0) return undefined;
  const score = 3 * distinctive.length + Object.keys(columns).length + Object.keys(changes).length;
  return { preset, shape, role, columns, changes, altId: first(folded, shape.altId ?? []), distinctive, score };
}

/** Diff shapes need their field and new-value columns; undefined when they are missing. */
function changeColumns(folded: string[], shape: PresetShape): ColumnPlan['changes'] | undefined {
  const out: ColumnPlan['changes'] = {};
  if (shape.diff) {
    out.field = first(folded, shape.diff.field);
    out.to = first(folded, shape.diff.to);
    out.from = first(folded, shape.diff.from ?? []);
    if (out.field === undefined || out.to === undefined) return undefined;
  }
  if (shape.text) out.text = first(folded, shape.text);
  for (const k of Object.keys(out) as (keyof typeof out)[]) if (out[k] === undefined) delete out[k];
  return out;
}

function first(folded: string[], names: string[]): number | undefined {
  for (const name of names) {
    const i = folded.indexOf(foldHeader(name));
    if (i >= 0) return i;
  }
  return undefined;
}

function resolve(folded: string[], aliases: ColumnAliases, mapping: Mapping | undefined): Partial<Record<CanonicalField, number>> {
  const out: Partial<Record<CanonicalField, number>> = {};
  for (const field of CANONICAL_FIELDS) {
    const i = first(folded, mapping?.columns[field] !== undefined ? [mapping.columns[field]!] : aliases[field] ?? []);
    if (i !== undefined) out[field] = i;
  }
  return out;
}

function describe(d: Detection): string {
  const what = `${d.preset} ${d.shape}`;
  if (d.by !== 'header') return `${what} (${d.by})`;
  const key = d.mapped.filter((m) => ['id', 'at', 'queue'].includes(m.field)).map((m) => `"${m.header}" (${m.field})`);
  const parts = [d.distinctive.length ? `distinctive ${d.distinctive.map((h) => `"${h}"`).join(', ')}` : '', key.length ? `header has ${key.join(', ')}` : '']
    .filter(Boolean);
  if (d.unrolled) parts.unshift(d.unrolled);
  const next = d.runnerUp ? `; next best ${d.runnerUp.preset} ${d.runnerUp.shape} (score ${d.runnerUp.score} vs ${d.score})` : '';
  return `${what}: ${parts.join('; ')}${next}`;
}

function noPresetError(headers: string[], file: string, base: string | undefined, mapping: Mapping | undefined): InputError {
  const shown = headers.slice(0, 12).map((h) => `"${h}"`).join(', ') + (headers.length > 12 ? `, ... (${headers.length} columns)` : '');
  if (mapping && mapping.columns.id === undefined) {
    const where = mapping.source ? ` ${mapping.source.file}` : '';
    return new InputError(`the mapping${where} names no id column and ${base ? `the ${base} preset finds none` : 'none is given'}; found ${shown}`,
      { file, line: 1 }, 'add `id: <the ticket number column>` under columns: in the mapping file');
  }
  const near = describeNearColumns(nearColumns(headers, foldHeader, base ? [base as PresetId] : PRESET_IDS));
  const nearly = near ? `; ${near}` : '';
  if (base) {
    const preset: Preset = presets[base as PresetId];
    const need = preset.shapes.map((s) => `${s.name}: ${s.required.map((f) => `${f} (${(s.columns[f] ?? []).slice(0, 3).join(' / ')})`).join(', ')}`);
    return new InputError(`the columns do not fit the ${base} preset; found ${shown}${nearly}`, { file, line: 1 },
      `${base} needs ${need.join('; or ')}, or map the columns in a mapping file (--mapping)`);
  }
  return new InputError(`no preset recognises these columns: ${shown}${nearly}`, { file, line: 1 },
    `name one with --preset (${PRESET_IDS.join(', ')}) or map the columns with --mapping; see \`escalation-audit presets\``);
}
