import type { PresetEntry } from '../../model/preset-catalog.js';
import { CANONICAL_FIELDS } from '../../model/ticket.js';
import { presets, PRESET_IDS } from './index.js';
import type { Preset } from './preset.js';

export type { PresetEntry } from '../../model/preset-catalog.js';

/** Every preset, in detection order, with the columns each shape expects (fields in canonical order). */
export function presetCatalog(): PresetEntry[] {
  return PRESET_IDS.map((id) => {
    const preset: Preset = presets[id];
    return {
      id, title: preset.title,
      shapes: preset.shapes.map((s) => ({
        name: s.name, role: s.role, style: s.role === 'history' ? s.style ?? 'snapshot' : undefined,
        columns: Object.fromEntries(CANONICAL_FIELDS.flatMap((f) => (s.columns[f]?.length ? [[f, [...s.columns[f]!]]] : []))),
        required: [...s.required], distinctive: [...(s.signature ?? [])], generic: s.generic === true,
        changes: s.diff && { field: s.diff.field, from: s.diff.from ?? [], to: s.diff.to },
        text: s.text,
      })),
      jsonRecords: (preset.json ?? []).map((u) => u.reason),
    };
  });
}
