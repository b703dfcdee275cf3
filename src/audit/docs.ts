import type { Category } from '../model/finding.js';

/** Where each check is documented; rules/README.md has one section per check id. */
export const DOCS_BASE = 'https://github.com/escalation-audit/escalation-audit/blob/main/rules/README.md';

export const docsUrl = (category: Category): string => `${DOCS_BASE}#${category}`;
