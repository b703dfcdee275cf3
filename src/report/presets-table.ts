import { Chalk } from 'chalk';
import type { PresetEntry, ShapeEntry } from '../model/preset-catalog.js';
import { hangingLines, hangingList } from './hanging.js';
import { layoutWidth, sanitizeForTerminal, wrapToWidth } from './text.js';

const FIELD_WIDTH = 14;
const quoted = (names: string[]) => names.map((n) => `"${sanitizeForTerminal(n)}"`);

/**
 * Every preset for a person at a terminal: its shapes, and per shape the header names each canonical
 * field is read from (`*` marks the fields a file must have), plus the headers detection keys on.
 */
export function formatPresetsTable(catalog: PresetEntry[], options: { color: boolean; width: number }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = layoutWidth(options.width);
  const blocks = catalog.map((p) => {
    const [first = '', ...rest] = hangingLines(`${p.id}  `, sanitizeForTerminal(p.title), width);
    const lines = [`${chalk.bold(p.id)}${first.slice(p.id.length)}`, ...rest];
    for (const record of p.jsonRecords) lines.push(...hangingLines('  JSON: ', `unrolls ${record}`, width));
    for (const shape of p.shapes) lines.push(...shapeLines(shape, width, chalk));
    return lines.join('\n');
  });
  const legend = '* = required; columns are matched ignoring case and surrounding space; the first name found is used.';
  return `${blocks.join('\n\n')}\n\n${wrapToWidth(legend, width).join('\n')}\n`;
}

function shapeLines(s: ShapeEntry, width: number, chalk: InstanceType<typeof Chalk>): string[] {
  const kind = s.role === 'history' ? `history, ${s.style ?? 'snapshot'}` : 'ticket list';
  const lines = [`  ${chalk.bold(sanitizeForTerminal(s.name))} (${kind})`];
  const detect = s.distinctive.length ? quoted(s.distinctive) : ['none'];
  lines.push(...hangingList('    detected by ', s.generic ? [...detect, 'or by its field names alone'] : detect, width));
  for (const [field, names] of Object.entries(s.columns)) {
    const label = `${field}${s.required.includes(field) ? '*' : ''}`.padEnd(FIELD_WIDTH);
    lines.push(...hangingList(`    ${label}`, quoted(names), width));
  }
  if (s.changes) {
    lines.push(...hangingList(`    ${'changed field'.padEnd(FIELD_WIDTH)}`, quoted(s.changes.field), width));
    if (s.changes.from.length) lines.push(...hangingList(`    ${'old value'.padEnd(FIELD_WIDTH)}`, quoted(s.changes.from), width));
    lines.push(...hangingList(`    ${'new value'.padEnd(FIELD_WIDTH)}`, quoted(s.changes.to), width));
  }
  if (s.text) lines.push(...hangingList(`    ${'change text'.padEnd(FIELD_WIDTH)}`, quoted(s.text), width));
  return lines;
}
