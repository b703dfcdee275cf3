import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FRAMEWORK_SCHEMA_URL } from './framework-schema.js';

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
 * The schema shipped in this package (rules/framework.schema.json), as a path from the folder `dir`:
 * what a file written there points editors at. Relative (`./`, `../`), with forward slashes; absolute
 * only when no relative path exists (another drive on Windows).
 */
export function schemaPathFrom(dir: string): string {
  const schema = fileURLToPath(FRAMEWORK_SCHEMA_URL);
  const path = relative(resolve(dir), schema);
  if (path === '' || isAbsolute(path)) return schema.split(sep).join('/');
  const posix = path.split(sep).join('/');
  return posix.startsWith('../') ? posix : `./${posix}`;
}

const SCHEMA_LINE = /^# yaml-language-server: \$schema=\S+/;

/**
 * The template as `init` writes it: its schema line points at the schema shipped in the package,
 * relative from `dir`, the folder the file goes to (default: the current directory).
 */
export async function renderTemplate(id: TemplateId, dir: string = process.cwd()): Promise<string> {
  const text = await readFile(templatePath(id), 'utf8');
  if (!SCHEMA_LINE.test(text)) throw new Error(`template ${id} does not start with a yaml-language-server schema line`);
  return text.replace(SCHEMA_LINE, `# yaml-language-server: $schema=${schemaPathFrom(dir)}`);
}
