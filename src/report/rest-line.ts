import { formatCount, formatMoney } from './figures.js';
import type { Rest } from './long-lists.js';

/** `637 more queues with 1,204 findings in 3,310 tickets (4,120.00 EUR): every row is in the JSON report and the xlsx workbook.` Plain text. */
export function restLine(rest: Rest, what: 'queues' | 'assignees', currency: string | null): string {
  const cost = rest.cost === null ? '' : ` (${formatMoney(rest.cost, currency)})`;
  const tickets = what === 'queues' ? ' in the tickets they handled' : ' on the tickets they held';
  return `${formatCount(rest.rows)} more ${what} with ${formatCount(rest.findings)} findings${tickets}${cost}, fewer than the ones above: `
    + 'every row is in the JSON report and the xlsx workbook.';
}
