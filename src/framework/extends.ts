import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { InputError, InputErrors, type SourcePosition } from '../errors.js';
import { fileProblem, userFile, type UserFile } from '../user-file.js';
import { suggest } from '../text/did-you-mean.js';
import { MAX_FRAMEWORK_BYTES, readFrameworkLayer, tooLargeError, type FrameworkLayer } from './load.js';
import { describeFound, problemText, unknownMessage } from './problem.js';
import { isTemplateId, templateLabel, templatePath, TEMPLATE_IDS } from './templates.js';

/** Longest chain of `extends`; real ones are one or two files deep. */
export const MAX_EXTENDS_DEPTH = 8;

export const BUILTIN_PREFIX = 'builtin:';

interface Target {
  path: string;
  /** How messages name the file: as the user wrote it, relative to the file that extends it. */
  label: string;
  /** The path as written (on the command line, or in `extends`) and the folder it is relative to. */
  named: UserFile;
}

/**
 * Reads a framework file and every file it extends, the file named first. Throws InputErrors for
 * an unreadable file, a YAML problem, an unknown base, or a cycle, placed at the `extends` line.
 */
export async function readFrameworkLayers(path: string, label: string): Promise<FrameworkLayer[]> {
  const layers: FrameworkLayer[] = [];
  const seen: { id: string; label: string }[] = [];
  let target: Target = { path, label, named: userFile(path, 'framework file') };
  let referrer: SourcePosition | undefined;
  for (;;) {
    const id = await identity(target.path);
    const cycle = seen.findIndex((s) => s.id === id);
    if (cycle >= 0) {
      const loop = [...seen.slice(cycle).map((s) => s.label), target.label].join(' -> ');
      throw fail(`\`extends\` makes a cycle: ${loop}`, referrer, 'a framework cannot extend itself, directly or through other files');
    }
    if (seen.length >= MAX_EXTENDS_DEPTH) {
      throw fail(`\`extends\` goes more than ${MAX_EXTENDS_DEPTH} files deep`, referrer, 'extend a base framework directly rather than through a long chain');
    }
    seen.push({ id, label: target.label });
    const layer = readFrameworkLayer(await readFrameworkText(target, referrer), target.label);
    layer.path = target.path;
    layers.push(layer);
    const base = layer.data['extends'];
    if (base === undefined) return layers;
    const { line, column } = layer.positions.at(['extends']);
    referrer = { file: layer.file, line, column };
    target = resolveBase(base, target, referrer);
  }
}

function resolveBase(base: unknown, from: Target, at: SourcePosition): Target {
  const hint = `a path relative to this file (like base.yaml), or ${TEMPLATE_IDS.map((t) => BUILTIN_PREFIX + t).join(', ')}`;
  if (typeof base !== 'string' || base.trim() === '') throw fail(problemText('invalid `extends`', ['extends'], { found: describeFound(base), expected: hint }), at);
  const name = base.trim();
  if (name.startsWith(BUILTIN_PREFIX)) {
    const id = name.slice(BUILTIN_PREFIX.length);
    if (!isTemplateId(id)) {
      throw fail(problemText(unknownMessage('built-in framework', id, TEMPLATE_IDS), ['extends'], { expected: `one of: ${TEMPLATE_IDS.join(', ')}` }), at);
    }
    return { path: templatePath(id), label: templateLabel(id), named: userFile(templatePath(id), 'framework file') };
  }
  return {
    path: resolve(dirname(from.path), name),
    label: isAbsolute(name) ? name : join(dirname(from.label), name),
    named: userFile(name, 'base framework', dirname(from.path), 'the file that extends it'),
  };
}

/** The same file reached by two paths (or a symbolic link) is one file, for cycle detection. */
async function identity(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/** The file's text, refused before reading when it is not a regular file or too large. */
async function readFrameworkText(target: Target, referrer: SourcePosition | undefined): Promise<string> {
  // The named file is the place of its own problem; a base's problem is placed at the `extends` that names it.
  const unreadable = (message: string, hint?: string) => (referrer
    ? fail(`base framework "${target.named.given}": ${message}`, referrer, hint)
    : fail(message, { file: target.label }, hint));
  try {
    const info = await stat(target.path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!info.isFile()) throw unreadable('not a regular file');
    if (info.size > MAX_FRAMEWORK_BYTES) throw new InputErrors([tooLargeError(info.size, target.label)]);
    return await readFile(target.path, 'utf8');
  } catch (e) {
    if (e instanceof InputErrors) throw e;
    const { message, hint } = fileProblem(target.named, e);
    const code = (e as NodeJS.ErrnoException).code;
    const near = referrer && code === 'ENOENT' ? await nearbyFramework(target.path) : undefined;
    throw unreadable(`${message}${near ? ` (did you mean "${near}"?)` : ''}`, hint);
  }
}

/** A YAML file next to a missing base whose name is close to it (a typo in `extends`). */
async function nearbyFramework(path: string): Promise<string | undefined> {
  try {
    const names = (await readdir(dirname(path))).filter((n) => /\.ya?ml$/i.test(n));
    return suggest(basename(path), names);
  } catch {
    return undefined;
  }
}

function fail(message: string, at: SourcePosition | undefined, hint?: string): InputErrors {
  return new InputErrors([new InputError(message, at, hint)]);
}
