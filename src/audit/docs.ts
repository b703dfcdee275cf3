import { CATEGORIES, type Category } from '../model/finding.js';

/** Where each check is documented; rules/README.md has one section per check id. */
export const DOCS_BASE = 'https://github.com/escalation-audit/escalation-audit/blob/main/rules/README.md';

// Built once: every finding of a category shares one string.
const URLS = new Map<Category, string>(CATEGORIES.map((c) => [c, `${DOCS_BASE}#${c}`]));

export function docsUrl(category: Category): string {
  return URLS.get(category) ?? `${DOCS_BASE}#${category}`;
}
