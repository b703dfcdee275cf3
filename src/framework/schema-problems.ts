import type { ErrorObject } from 'ajv';
import { suggest } from '../text/did-you-mean.js';
import { describeFound, didYouMean, invalidValue, type DocumentPath, type FrameworkProblem } from './problem.js';

type SchemaObject = Record<string, unknown>;

/** A key that is not allowed where it is written, gathered from every ajv error that mentions it. */
interface KeyIssue {
  path: DocumentPath;
  key: string;
  /** The mapping holding the key (to name the rule's `check`). */
  holder: unknown;
  /** Not a key of this kind of mapping at all (`additionalProperties`). */
  unknown: boolean;
  /** Keys of the mapping's kind, in the order the schema lists them. */
  known: string[];
  /** Keys allowed for this variant (a rule's `check`, a condition's combinator), when narrower. */
  variant: string[] | undefined;
}

const COMBINATORS = ['all', 'any', 'not'];

/** What to add for a missing top-level key, where a hint helps. */
const TOP_LEVEL_HINTS: Record<string, string> = {
  version: 'add `version: 1` at the top of the file (the format of the framework file)',
};

/**
 * Turns ajv errors (from a validator compiled with allErrors and verbose) into one problem per
 * mistake: branch-selection noise (`if`) is dropped, and the several errors one wrong key can cause
 * (unknown to the mapping, and not allowed for the rule's check) become a single message.
 */
export function problemsFromSchemaErrors(errors: readonly ErrorObject[], root: unknown,
  expectationOf: (schema: object) => string | undefined): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const missing: { path: DocumentPath; key: string }[] = [];
  const keyIssues = new Map<string, KeyIssue>();
  const keyIssue = (path: DocumentPath, key: string, holder: unknown): KeyIssue => {
    const id = JSON.stringify([...path, key]);
    let issue = keyIssues.get(id);
    if (!issue) keyIssues.set(id, (issue = { path, key, holder, unknown: false, known: [], variant: undefined }));
    return issue;
  };
  const wording = (schema: SchemaObject) => expectationOf(schema) ?? describeSchema(schema);

  for (const error of errors) {
    const parent = (error.parentSchema ?? {}) as SchemaObject;
    const path = pointerToPath(error.instancePath, root);
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'if' || /\/propertyNames\/[^/]+$/.test(error.schemaPath)) continue;
    switch (error.keyword) {
      case 'additionalProperties': {
        const issue = keyIssue(path, String(params['additionalProperty']), error.data);
        issue.unknown = true;
        issue.known = Object.keys((parent['properties'] ?? {}) as object);
        break;
      }
      case 'propertyNames': {
        const key = String(params['propertyName']);
        const names = (parent['propertyNames'] ?? {}) as SchemaObject;
        if (Array.isArray(names['enum'])) {
          keyIssue(path, key, error.data).variant ??= names['enum'].map(String);
        } else {
          const near = slugSuggestion(key, names['pattern']);
          problems.push({ path: [...path, key], pointAtKey: true, message: `invalid key${didYouMean(near)}`,
            found: describeFound(key), expected: wording(names) });
        }
        break;
      }
      case 'required':
        missing.push({ path, key: String(params['missingProperty']) });
        break;
      case 'enum': {
        const allowed = (params['allowedValues'] as unknown[]).map(String);
        const near = typeof error.data === 'string' ? suggest(error.data, allowed) : undefined;
        problems.push({ path, message: `${invalidValue(path)}${didYouMean(near)}`, found: describeFound(error.data), expected: `one of: ${allowed.join(', ')}` });
        break;
      }
      case 'minItems':
        problems.push({ path, message: invalidValue(path), found: describeFound(error.data), expected: expectationOf(parent) ?? 'a non-empty list' });
        break;
      default:
        problems.push({ path, message: invalidValue(path), found: describeFound(error.data), expected: wording(parent) });
    }
  }
  const misspelt = new Set<string>();
  for (const issue of keyIssues.values()) {
    const problem = keyProblem(issue);
    problems.push(problem.problem);
    if (problem.meant) misspelt.add(JSON.stringify([...issue.path, problem.meant]));
  }
  for (const { path, key } of missing) {
    // `sevrity: x` already says "did you mean severity"; a second message about severity is noise.
    if (misspelt.has(JSON.stringify([...path, key]))) continue;
    const hint = path.length === 0 ? TOP_LEVEL_HINTS[key] : undefined;
    problems.push({ path, message: `missing required key "${key}"${path.length === 0 ? ' at the top level' : ''}`, ...(hint ? { hint } : {}) });
  }
  return problems;
}

/** The message for a key that is not allowed, and the key it was probably meant to be. */
function keyProblem(issue: KeyIssue): { problem: FrameworkProblem; meant?: string } {
  const { path, key } = issue;
  const allowed = issue.variant ?? issue.known;
  const base = { path: [...path, key], pointAtKey: true };
  if (issue.unknown) {
    const near = suggest(key, allowed);
    return { problem: { ...base, message: `unknown key "${key}"${didYouMean(near)}`, expected: `one of: ${allowed.join(', ')}` }, meant: near };
  }
  return { problem: inapplicableKeyProblem(issue, allowed) };
}

function inapplicableKeyProblem({ path, key, holder, variant }: KeyIssue, allowed: string[]): FrameworkProblem {
  const base = { path: [...path, key], pointAtKey: true };
  const check = isRecord(holder) && typeof holder['check'] === 'string' ? holder['check'] : undefined;
  if (check !== undefined) {
    return { ...base, message: `key "${key}" does not apply to check "${check}"`, expected: `one of: ${allowed.join(', ')}` };
  }
  const combinator = variant?.length === 1 && COMBINATORS.includes(variant[0]!) ? variant[0] : undefined;
  if (combinator !== undefined) {
    return { ...base, message: `key "${key}" cannot be combined with "${combinator}"`,
      hint: `"${combinator}" takes no other key: wrap the tests in ${combinator === 'not' ? 'the condition under not' : `the list under ${combinator}`}` };
  }
  return { ...base, message: `key "${key}" is not allowed here`, expected: `one of: ${allowed.join(', ')}` };
}

/** "Help Desk" -> "help-desk", when that is what the key pattern wants. */
function slugSuggestion(key: string, pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') return undefined;
  const slug = key.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug !== key && new RegExp(pattern).test(slug) ? slug : undefined;
}


const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** "/rules/2/after" -> ['rules', 2, 'after'], list indexes as numbers (decided by the data, not the text). */
export function pointerToPath(pointer: string, root: unknown): DocumentPath {
  const path: DocumentPath = [];
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path.push(Number(segment));
      node = node[Number(segment)];
    } else {
      path.push(segment);
      node = isRecord(node) ? node[segment] : undefined;
    }
  }
  return path;
}

/** What a schema expects, in words: "one of: a, b", "a whole number >= 1", "text or a list". */
export function describeSchema(schema: SchemaObject): string {
  if (Array.isArray(schema['enum'])) return `one of: ${schema['enum'].map(String).join(', ')}`;
  if ('const' in schema) return JSON.stringify(schema['const']);
  const types = Array.isArray(schema['type']) ? schema['type'].map(String)
    : typeof schema['type'] === 'string' ? [schema['type']] : [];
  return types.map((t) => describeType(t, schema)).join(' or ') || 'something else';
}

function describeType(type: string, schema: SchemaObject): string {
  const min = typeof schema['minimum'] === 'number' ? ` >= ${schema['minimum']}` : '';
  switch (type) {
    case 'integer': return `a whole number${min}`;
    case 'number': return `a number${min}`;
    case 'string': {
      const text = typeof schema['minLength'] === 'number' && schema['minLength'] > 0 ? 'non-empty text' : 'text';
      return typeof schema['pattern'] === 'string' ? `${text} matching ${schema['pattern']}` : text;
    }
    case 'boolean': return 'true or false';
    case 'array': return 'a list';
    case 'object': return 'a mapping';
    default: return type;
  }
}
