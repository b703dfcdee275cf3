import type { PresetEntry } from '../model/preset-catalog.js';
import { stringifyJson } from './json.js';

/** The `presets --format json` contract (README "presets"): fields are only ever added. */
export function formatPresetsJson(catalog: PresetEntry[], tool: { name: string; version: string }): string {
  const presets = catalog.map((p) => ({
    id: p.id,
    title: p.title,
    jsonRecords: p.jsonRecords,
    shapes: p.shapes.map((s) => ({
      name: s.name, role: s.role, style: s.style ?? null, required: s.required, distinctive: s.distinctive, generic: s.generic,
      columns: s.columns, changes: s.changes ?? null, text: s.text ?? null,
    })),
  }));
  return `${stringifyJson({ schemaVersion: '1.0', tool, presets }, 2)}\n`;
}
