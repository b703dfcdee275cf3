import { basename } from 'node:path';
import { InputError, InputErrors } from '../errors.js';
import type { CanonicalField } from '../model/ticket.js';
import { suggest } from '../text/did-you-mean.js';
import type { Mapping } from './mapping.js';
import { foldHeader, type ColumnPlan } from './plan.js';

/** One input's header and the fields its plan found columns for. */
export interface PlannedInput { file: string; headers: string[]; plan: Pick<ColumnPlan, 'columns'> }

/** The fields a mapping names a column for that this header lacks. */
export function missingMappedFields(headers: string[], mapping: Mapping): CanonicalField[] {
  const folded = new Set(headers.map(foldHeader));
  return (Object.entries(mapping.columns) as [CanonicalField, string][])
    .filter(([, header]) => !folded.has(foldHeader(header))).map(([field]) => field);
}

/**
 * A mapped column that no input has, or a lookup for a field no input fills, would be quietly
 * dropped: the report would be made without it. Each is an error placed in the mapping file.
 */
export function checkMappingUsed(mapping: Mapping | undefined, inputs: PlannedInput[]): void {
  if (!mapping || inputs.length === 0) return;
  const problems: InputError[] = [];
  for (const [field, header] of Object.entries(mapping.columns) as [CanonicalField, string][]) {
    if (inputs.some((i) => i.headers.some((h) => foldHeader(h) === foldHeader(header)))) continue;
    problems.push(missingColumnError(mapping, field, header, inputs));
  }
  for (const field of Object.keys(mapping.lookups ?? {}) as CanonicalField[]) {
    if (inputs.some((i) => i.plan.columns[field] !== undefined)) continue;
    problems.push(new InputError(`lookups.${field}: no column of ${names(inputs)} gives the ${field} field, so this lookup would never be used`,
      placeOf(mapping, `lookups.${field}`), `map the column that holds the ${field} ids under columns.${field}, or remove the lookup`));
  }
  if (problems.length === 1) throw problems[0]!;
  if (problems.length > 1) throw new InputErrors(problems);
}

function missingColumnError(mapping: Mapping, field: CanonicalField, header: string, inputs: PlannedInput[]): InputError {
  const all = [...new Set(inputs.flatMap((i) => i.headers))];
  const near = suggest(header, all);
  const shown = inputs.map((i) => `${basename(i.file)} has ${headerList(i.headers)}`).join('; ');
  // `id: Ticket #` reads as "Ticket" followed by a comment: say so, since the line looks right.
  const commented = mapping.source?.positions[`columns.${field}`]?.commented
    ? `; in YAML a " #" starts a comment, so quote a header that holds one: ${field}: "${near ?? `${header} #...`}"` : '';
  return new InputError(`columns.${field}: no column "${header}" in ${names(inputs)}${near ? `, did you mean "${near}"?` : ''}`,
    placeOf(mapping, `columns.${field}`), `${shown}${commented}`);
}

function placeOf(mapping: Mapping, key: string): InputError['position'] {
  const source = mapping.source;
  if (!source) return undefined;
  const pos = source.positions[key];
  return { file: source.file, ...(pos ? { line: pos.line, column: pos.column } : {}) };
}

const names = (inputs: PlannedInput[]) => [...new Set(inputs.map((i) => basename(i.file)))].join(', ');

function headerList(headers: string[]): string {
  const shown = headers.slice(0, 20).map((h) => `"${h}"`).join(', ');
  return headers.length > 20 ? `${shown}, ... (${headers.length} columns)` : shown;
}
