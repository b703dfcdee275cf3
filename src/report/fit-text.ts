import { basename } from 'node:path';
import type { LimitFit, WhatIf, WhatIfChange } from '../model/result.js';
import { amount, limitWords } from '../prepare/fit.js';

export { limitWords };

const NONE = '-';

/** One figure of a limit in its unit ("1h20m", "3"), or "-" when there is none. */
export const fitFigure = (l: LimitFit | undefined, value: number | undefined): string =>
  (l === undefined || value === undefined ? NONE : amount(value, l.unit));

/** A what-if change in words; a framework file by its name, without its folders (the JSON keeps the path). */
export function changeWords(c: WhatIfChange, arrow = '->'): string {
  if (c.kind === 'set') return `${c.rule}.${c.key}: ${JSON.stringify(c.from) ?? '(not set)'} ${arrow} ${JSON.stringify(c.to)}`;
  return `framework ${basename(c.from)} ${arrow} ${basename(c.to)}`;
}

/** A rule's findings and tickets before and after; "-" on the side whose framework lacks the rule. */
export function whatIfCounts(r: WhatIf['rules'][number]): string[] {
  const side = (present: boolean, n: number) => (present ? String(n) : NONE);
  return [side(r.present !== 'after', r.before), side(r.present !== 'before', r.after),
    side(r.present !== 'after', r.ticketsBefore), side(r.present !== 'before', r.ticketsAfter)];
}

/** One rule's change on one ticket: "triage-time-limit 1 -> 0", or "... 1 -> 1, moved in time" when only the instant changed. */
export const ticketChangeWords = (r: WhatIf['tickets'][number]['rules'][number], arrow = '->'): string =>
  `${r.id} ${r.before} ${arrow} ${r.after}${r.before === r.after ? ', moved in time' : ''}`;
