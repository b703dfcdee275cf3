import type { CanonicalField } from '../model/ticket.js';
import { suggest } from '../text/did-you-mean.js';
import { presets, type PresetId } from './presets/index.js';
import type { Preset } from './presets/preset.js';

/** A header that is one typo away from a column a preset needs. */
export interface NearColumn {
  header: string;
  meant: string;
  field: CanonicalField;
  preset: string;
}

/**
 * Headers that no preset knows but that nearly spell a required column a shape is missing ("Bord"
 * for ConnectWise's "Board"). Shapes the header already fits best (distinctive headers, then fields found) come first.
 */
export function nearColumns(headers: string[], fold: (header: string) => string, ids: readonly PresetId[]): NearColumn[] {
  const folded = headers.map(fold);
  const shapes = ids.flatMap((id) => (presets[id] as Preset).shapes.map((shape) => ({ id, shape })));
  const known = new Set(shapes.flatMap(({ shape }) => Object.values(shape.columns).flat().map((a) => fold(a ?? ''))));
  const strangers = headers.filter((_, i) => !known.has(folded[i]!));
  const fit = (names: string[] | undefined) => (names ?? []).filter((n) => folded.includes(fold(n))).length;
  const score = (s: (typeof shapes)[number]) => 3 * fit(s.shape.signature) + Object.values(s.shape.columns).filter((names) => fit(names) > 0).length;
  const ranked = shapes.map((s, order) => ({ ...s, order, fit: score(s) })).sort((a, b) => b.fit - a.fit || a.order - b.order);
  const out: NearColumn[] = [];
  for (const { id, shape } of ranked) {
    for (const field of shape.required) {
      const aliases = shape.columns[field] ?? [];
      if (fit(aliases) > 0) continue;
      for (const header of strangers) {
        const meant = suggest(header, aliases);
        if (meant !== undefined && !out.some((n) => n.header === header)) out.push({ header, meant, field, preset: id });
      }
    }
  }
  return out;
}

/** `"Bord": did you mean "Board" (connectwise queue)?` for each near miss, at most `max`. */
export function describeNearColumns(near: NearColumn[], max = 3): string {
  return near.slice(0, max).map((n) => `"${n.header}": did you mean "${n.meant}" (${n.preset} ${n.field})?`).join('; ');
}
