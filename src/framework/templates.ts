import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * The frameworks shipped in rules/: what `init --template` writes and `extends: builtin:NAME`
 * names. The three-board template is the built-in default framework itself, so the two never drift.
 */
export const TEMPLATES = {
  'three-board': { file: 'default.yaml', title: 'an MSP three-board: NOC and Triage at tier 1, Support at tier 2 (the built-in default)' },
  tiered: { file: 'templates/tiered.yaml', title: 'a classic L1/L2/L3 service desk' },
  'noc-first': { file: 'templates/noc-first.yaml', title: 'a NOC-first operations team' },
} as const;

export type TemplateId = keyof typeof TEMPLATES;
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];
export const DEFAULT_TEMPLATE: TemplateId = 'three-board';

export const isTemplateId = (name: string): name is TemplateId => Object.hasOwn(TEMPLATES, name);

/** Where the template's file is, from src/ (tests) and from dist/ alike. */
export const templatePath = (id: TemplateId): string => fileURLToPath(new URL(`../../rules/${TEMPLATES[id].file}`, import.meta.url));

/** How messages name a template's file. */
export const templateLabel = (id: TemplateId): string => `(built-in) rules/${TEMPLATES[id].file}`;

/**
 * Where editors find the schema of a framework written by `init`: the file sits anywhere, so it
 * cannot point at rules/ relatively. The raw file (not the GitHub page, which is HTML).
 */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/escalation-audit/escalation-audit/main/rules/framework.schema.json';

const SCHEMA_LINE = /^# yaml-language-server: \$schema=\S+/;

/** The template as `init` writes it: its schema line points at SCHEMA_URL. */
export async function renderTemplate(id: TemplateId): Promise<string> {
  const text = await readFile(templatePath(id), 'utf8');
  if (!SCHEMA_LINE.test(text)) throw new Error(`template ${id} does not start with a yaml-language-server schema line`);
  return text.replace(SCHEMA_LINE, `# yaml-language-server: $schema=${SCHEMA_URL}`);
}
