import type { TicketExplanation } from '../audit/explain.js';
import { stringifyJson } from './json.js';

/** One ticket explained, as JSON for tools: the explanation's fields as they are, 2-space indent. */
export function formatExplainJson(x: TicketExplanation): string {
  return `${stringifyJson(x, 2)}\n`;
}
