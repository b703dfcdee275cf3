import { formatCount, formatMoney } from './figures.js';
import type { Rest } from './long-lists.js';

/** What to say when no output of the run has every row. */
const NO_FULL_ROWS = 'write every row with -f json or -f xlsx';

function restCost(rest: Rest, currency: string | null): string {
  if (rest.findings === 0) return '';
  if (rest.cost === null) return ' (not priced)';
  return ` (${formatMoney(rest.cost, currency)}${rest.partlyPriced ? ' for the priced ones' : ''})`;
}

/**
 * `637 more queues with 1,204 findings in 3,310 tickets (4,120.00 EUR), ...: every row is in the JSON report report.json.`
 * Plain text. `fullRows` is the output of this run that has every row, if any.
 */
export function restLine(rest: Rest, what: 'queues' | 'assignees', currency: string | null, fullRows?: string): string {
  const tickets = what === 'queues' ? ' in the tickets they handled' : ' on the tickets they held';
  return `${formatCount(rest.rows)} more ${what} with ${formatCount(rest.findings)} findings${tickets}${restCost(rest, currency)}, fewer than the ones above: `
    + `${fullRows ? `every row is ${fullRows}` : NO_FULL_ROWS}.`;
}
