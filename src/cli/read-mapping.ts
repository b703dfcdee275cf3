import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { parseMapping, type Mapping } from '../ingest/mapping.js';

export async function readMapping(file: string): Promise<Mapping> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the mapping file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file });
  }
  return parseMapping(text, file);
}
