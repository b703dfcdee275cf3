import { presets, PRESET_IDS } from './index.js';
import type { InputRole, Preset } from './preset.js';

/** One file shape of a preset as `escalation-audit presets` shows it. */
export interface ShapeEntry {
  name: string;
  role: InputRole;
  style: string | undefined;
  /** Canonical field -> the header names it is read from, in order of preference. */
  columns: Record<string, string[]>;
  required: string[];
  distinctive: string[];
  /** Diff histories: field-name, old- and new-value columns. */
  changes: { field: string[]; from: string[]; to: string[] } | undefined;
  /** Text histories: the column of change sentences. */
  text: string[] | undefined;
}

/** Every preset, in detection order, with the columns each shape expects. */
export function presetCatalog(): { id: string; title: string; shapes: ShapeEntry[] }[] {
  return PRESET_IDS.map((id) => {
    const preset: Preset = presets[id];
    return {
      id, title: preset.title,
      shapes: preset.shapes.map((s) => ({
        name: s.name, role: s.role, style: s.role === 'history' ? s.style ?? 'snapshot' : undefined,
        columns: Object.fromEntries(Object.entries(s.columns).filter(([, names]) => names && names.length > 0)) as Record<string, string[]>,
        required: [...s.required], distinctive: [...(s.signature ?? [])],
        changes: s.diff && { field: s.diff.field, from: s.diff.from ?? [], to: s.diff.to },
        text: s.text,
      })),
    };
  });
}
