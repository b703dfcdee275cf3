import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { InputError, InputErrors } from '../errors.js';
import type { FrameworkDocument } from './document.js';
import { frameworkSchema } from './framework-schema.js';
import { suggest } from '../text/did-you-mean.js';
import { checkYamlShape } from '../text/yaml-safe.js';
import { findPatternProblems } from './pattern-problems.js';
import { createLayeredPositions, type PositionedLayer } from './layer-positions.js';
import { mergeLayers } from './merge.js';
import { createPositionIndex, type PositionIndex } from './positions.js';
import { problemText, type FrameworkProblem } from './problem.js';
import { problemsFromSchemaErrors } from './schema-problems.js';
import { sortProblems } from './sort-problems.js';

export { checkPattern } from './safe-pattern.js';
export type { PositionIndex } from './positions.js';

/** A framework file that passed the structural pass, with the positions of everything in it. */
export interface LoadedFrameworkDocument {
  document: FrameworkDocument;
  /** The file named (with `extends`, the most derived one). */
  file: string;
  /** Positions; with `extends`, each answer names the file it is in. */
  positions: PositionIndex;
  /** The files merged into the document, the one named first, then its base, and so on. */
  files?: string[];
  /** The same files as paths that can be opened (a file given as text has none). */
  paths?: string[];
}

/** One framework file, read: its plain data, where everything in it is, and recoverable YAML problems. */
export interface FrameworkLayer extends PositionedLayer {
  data: Record<string, unknown>;
  /** Where the file was read from, when it was read from one. */
  path?: string;
  /** Problems that do not stop the structural pass (duplicate keys); reported with it. */
  problems: InputError[];
}

/** Largest framework file accepted; real ones are a few kilobytes. */
export const MAX_FRAMEWORK_BYTES = 5 * 1024 * 1024;

/** Most expansions of one anchor; a few aliases that expand into aliases can otherwise fill memory. */
export const MAX_ALIAS_COUNT = 100;

/** YAML errors after which the tree is still the one written, so the schema pass can run. */
const RECOVERABLE_YAML_ERRORS = new Set(['DUPLICATE_KEY']);

/**
 * Parse and structurally validate one framework file that does not use `extends` (loadFramework
 * resolves `extends`). Throws InputErrors with EVERY problem (YAML syntax errors and schema
 * violations), each with file:line:col.
 */
export function parseFrameworkDocument(text: string, file: string): LoadedFrameworkDocument {
  const layer = readFrameworkLayer(text, file);
  if (layer.data['extends'] !== undefined) {
    const { line, column } = layer.positions.at(['extends']);
    throw new InputErrors([new InputError('`extends` is resolved only when a framework is loaded from a file', { file, line, column },
      'use loadFramework(path), which reads the base framework relative to this file')]);
  }
  return validateLayers([layer]);
}

/** Parses one framework file. Throws InputErrors when it is too large, not YAML, not a mapping, or an alias bomb. */
export function readFrameworkLayer(text: string, file: string): FrameworkLayer {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FRAMEWORK_BYTES) throw new InputErrors([tooLargeError(bytes, file)]);
  const unsafe = checkYamlShape(text, 'framework');
  if (unsafe) throw new InputErrors([new InputError(unsafe.message, { file, line: unsafe.line, column: unsafe.column }, unsafe.hint)]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, merge: true, schema: 'core' });
  // A file that is not a framework at all (an .env, a password file) is said to be so, never quoted.
  if (!looksLikeFramework(doc)) throw new InputErrors([notAFramework(doc, file)]);
  const syntax = [...doc.errors, ...doc.warnings].map((e) => yamlError(e, text, file, lineCounter));
  if (doc.errors.some((e) => !RECOVERABLE_YAML_ERRORS.has(e.code))) throw new InputErrors(sortProblems(syntax));

  const positions = createPositionIndex(doc, lineCounter);
  const place = (problem: FrameworkProblem): InputError => {
    const { line, column } = positions.at(problem.path);
    return new InputError(problemText(problem.message, problem.path, problem), { file, line, column }, problem.hint);
  };
  const shape = shapeProblem(doc);
  if (shape) throw new InputErrors(sortProblems([...syntax, place(shape)]));

  const data = toPlainData(doc);
  if (data === undefined) throw new InputErrors(sortProblems([...syntax, place(aliasProblem(doc))]));
  return { file, data: data as Record<string, unknown>, positions, problems: syntax };
}

/** The "file too large" problem, also used before reading a file whose size is known. */
export function tooLargeError(bytes: number, file: string): InputError {
  return new InputError(`framework file is too large: ${megabytes(bytes)} (the limit is ${megabytes(MAX_FRAMEWORK_BYTES)})`,
    { file }, 'a framework is a few hundred lines of YAML: check that this is the right file');
}

/**
 * Merges the layers of a framework (the file named first, then its base, ...; see `extends`) and
 * validates the result against the schema. Every problem is placed in the file that wrote it.
 */
export function validateLayers(layers: readonly FrameworkLayer[]): LoadedFrameworkDocument {
  const { value: data, origin } = mergeLayers(layers.map((l) => l.data));
  const positions = createLayeredPositions(layers, origin);
  const place = (problem: FrameworkProblem): InputError => {
    const { line, column, file } = problem.pointAtKey ? positions.keyAt(problem.path) : positions.at(problem.path);
    return new InputError(problemText(problem.message, problem.path, problem), { file: file ?? layers[0]!.file, line, column }, problem.hint);
  };
  const { validate, expectationOf } = frameworkSchema();
  const problems = validate(data) ? [] : problemsFromSchemaErrors(validate.errors ?? [], data, expectationOf);
  problems.push(...findPatternProblems(data));
  const all = [...layers.flatMap((l) => l.problems), ...(layers.length > 1 ? layers.flatMap(ownKeyProblems) : []), ...problems.map(place)];
  if (all.length > 0) throw new InputErrors(sortProblems(all, layers.map((l) => l.file)));
  return {
    document: data as unknown as FrameworkDocument, file: layers[0]!.file, positions, files: layers.map((l) => l.file),
    paths: layers.flatMap((l) => (l.path === undefined ? [] : [l.path])),
  };
}

/** Every file of an `extends` chain says its own format version and name (the merge would hide their absence). */
function ownKeyProblems(layer: FrameworkLayer): InputError[] {
  const { line, column } = layer.positions.at([]);
  return ['version', 'name'].filter((key) => !Object.hasOwn(layer.data, key))
    .map((key) => new InputError(`missing required key "${key}" at the top level`, { file: layer.file, line, column }, OWN_KEY_HINTS[key]));
}

/** What to write when a top-level key every framework file needs is missing (with or without `extends`). */
export const OWN_KEY_HINTS: Record<string, string> = {
  version: 'add `version: 1` at the top of the file: every framework file says which format it is written in, even one that extends another',
  name: 'add `name: ...` at the top of the file: every framework file has a name of its own, even one that extends another',
};
const SHAPE_HINT = 'a framework is a mapping with version, name, queues and rules: start from rules/default.yaml';

function shapeProblem(doc: Document): FrameworkProblem | undefined {
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { path: [], message: 'the framework file is empty', hint: SHAPE_HINT };
  }
  return undefined;
}

/** The top-level keys a framework file may have. */
const FRAMEWORK_KEYS = new Set(['version', 'name', 'extends', 'calendars', 'calendar', 'statuses', 'queues', 'routing', 'costs',
  'priorities', 'clientCalendars', 'rules']);

/**
 * Empty, or a mapping with at least one framework key, or one a typo away from one (`queus`), so a
 * misspelt framework still gets its "did you mean"; anything else is some other file.
 */
function looksLikeFramework(doc: Document): boolean {
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null && doc.errors.length === 0)) return true;
  const isFrameworkKey = (key: string) => FRAMEWORK_KEYS.has(key) || suggest(key, [...FRAMEWORK_KEYS]) !== undefined;
  return isMap(contents) && (contents.items.length === 0 || contents.items.some((pair) => isScalar(pair.key) && isFrameworkKey(String(pair.key.value))));
}

function notAFramework(doc: Document, file: string): InputError {
  const what = isMap(doc.contents) ? 'none of its top-level keys is a framework key (version, name, queues, rules, ...)'
    : isSeq(doc.contents) ? 'it is a YAML list, not a mapping of keys' : 'it is not a YAML mapping of keys';
  return new InputError(`not a framework file: ${what}; its contents are not shown`, { file, line: 1, column: 1 }, SHAPE_HINT);
}

/**
 * The document as plain data, or undefined when its aliases expand past MAX_ALIAS_COUNT: `toJS`
 * enforces that limit while it expands, so a "billion laughs" file never gets built in memory.
 */
function toPlainData(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, reviver: (_key, value) => (value instanceof Date ? isoDate(value) : value) });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) return undefined;
    throw e;
  }
}

function aliasProblem(doc: Document): FrameworkProblem {
  let path: (string | number)[] = [];
  // The first alias is a stable place to point at; the bomb is the chain of anchors it starts.
  visit(doc, {
    Alias(_key, node, ancestors) {
      path = pathOf([...ancestors, node]);
      return visit.BREAK;
    },
  });
  return {
    path,
    message: `aliases expand too many times (more than ${MAX_ALIAS_COUNT} copies of one anchor): the document would grow out of all proportion`,
    hint: 'a framework needs few aliases (*name); write repeated parts out, or anchor them fewer times',
  };
}

/** The document path of the last node in `chain` (document, collections and pairs, as `visit` gives them). */
function pathOf(chain: readonly unknown[]): (string | number)[] {
  const path: (string | number)[] = [];
  chain.forEach((node, i) => {
    const child = chain[i + 1];
    if (isSeq(node) && child !== undefined) path.push(node.items.indexOf(child as never));
    else if (isMap(node) && child !== undefined) {
      const key = (child as { key?: unknown }).key;
      path.push(isScalar(key) ? String(key.value) : String(key));
    }
  });
  return path;
}

function yamlError(e: YAMLError, text: string, file: string, lineCounter: LineCounter): InputError {
  const start = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
  const position = { file, line: start.line, column: start.col };
  // prettyErrors appends " at line L, column C:" and a source excerpt; the position says as much.
  const message = e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
  switch (e.code) {
    case 'MULTIPLE_DOCS':
      return new InputError('a second YAML document starts here: a framework file holds exactly one', position,
        'remove this "---" line and what follows it, or move it to a file of its own');
    case 'DUPLICATE_KEY':
      return new InputError(`duplicate key ${JSON.stringify(keyAt(text, e.pos[0]))}: each key may appear once in a mapping`, position);
    case 'TAB_AS_INDENT':
      return new InputError(`YAML syntax error: ${message}`, position, 'indent with spaces, not tabs');
    default:
      // Warnings (an unknown !tag, say) would silently change a value's meaning, so they count too.
      return new InputError(`${e.name === 'YAMLWarning' ? 'YAML problem' : 'YAML syntax error'}: ${message}`, position);
  }
}

/** The key written at `offset` (up to the colon or the end of the line). */
function keyAt(text: string, offset: number): string {
  const line = text.slice(offset).split(/\r?\n/, 1)[0] ?? '';
  return line.replace(/\s*:.*$/, '').replace(/^["']|["']$/g, '');
}


const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
