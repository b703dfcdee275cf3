import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { InputError, isInputError, type InputErrors, type SourcePosition } from './errors.js';
import { readCapped } from './read-capped.js';

/**
 * A file the user named (an export, a framework, a mapping, a baseline, a lookup table): the path as
 * written and the folder a relative one is read from, so every "file not found" says both.
 */
export interface UserFile {
  /** The path as the user wrote it: on the command line, in a mapping file, in `extends`. */
  given: string;
  /** What the file is, in words: "export file", "framework file", "mapping file", ... */
  what: string;
  /** The absolute folder a relative `given` is resolved from. */
  from: string;
  /** That folder in words: "the current directory", "the mapping file's folder". */
  fromWhat: string;
}

/** A file named on the command line (or to the library): relative to the current directory. */
export function userFile(given: string, what: string, from = process.cwd(), fromWhat = 'the current directory'): UserFile {
  return { given, what, from: resolve(from), fromWhat };
}

/** Where the file is: `given` resolved from its folder. */
export const resolvedPath = (file: UserFile): string => resolve(file.from, file.given);

const article = (what: string) => (/^[aeiou]/i.test(what) ? 'an' : 'a');

/** What went wrong opening a user's file, in the same words for every kind of input. */
export function fileProblem(file: UserFile, e: unknown): { message: string; hint: string | undefined } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return isAbsolute(file.given)
        ? { message: 'file not found', hint: `check the path of the ${file.what}` }
        : { message: `file not found (resolved from ${file.from})`, hint: `check the path of the ${file.what}; it is relative to ${file.fromWhat}` };
    case 'EACCES':
    case 'EPERM':
      return { message: 'permission denied', hint: undefined };
    case 'EISDIR':
      return { message: `is a directory, not ${article(file.what)} ${file.what}`, hint: undefined };
    default:
      return { message: `cannot read file (${code ?? (e instanceof Error ? e.message : String(e))})`, hint: undefined };
  }
}

/** {@link fileProblem} as an InputError, at the file itself unless `at` places it elsewhere. */
export function userFileError(file: UserFile, e: unknown, at: SourcePosition = { file: file.given }): InputError {
  const { message, hint } = fileProblem(file, e);
  return new InputError(message, at, hint);
}

/** A size limit on a user's file: past `maxBytes` nothing more is read and `tooLarge` is thrown. */
export interface SizeCap { maxBytes: number; tooLarge: (bytes: number) => InputError | InputErrors }

/** The text of a user's file (UTF-8), refused with {@link userFileError} when it cannot be read, or past its cap. */
export async function readUserText(file: UserFile, cap?: SizeCap): Promise<string> {
  const path = resolvedPath(file);
  try {
    // readFile on a directory fails with EISDIR on Linux but not everywhere: ask first.
    if ((await stat(path)).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return cap ? await readCapped(path, cap.maxBytes, cap.tooLarge) : await readFile(path, 'utf8');
  } catch (e) {
    if (isInputError(e)) throw e;
    throw userFileError(file, e);
  }
}
