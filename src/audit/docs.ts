import type { Category } from '../model/finding.js';

/** Where each check is documented; rules/README.md has one section per check id. */
export const DOCS_BASE = 'https://github.com/escalation-audit/escalation-audit/blob/main/rules/README.md';

export function docsUrl(category: Category): string {
  return `${DOCS_BASE}#${category}`;
}
