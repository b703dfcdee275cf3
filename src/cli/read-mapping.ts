import { InputError, InputErrors } from '../errors.js';
import { mappingTooLarge, MAX_MAPPING_BYTES, parseMapping, type Mapping } from '../ingest/mapping.js';
import { readCapped } from './read-capped.js';

export async function readMapping(file: string): Promise<Mapping> {
  let text: string;
  try {
    text = await readCapped(file, MAX_MAPPING_BYTES, (bytes) => mappingTooLarge(bytes, file));
  } catch (e) {
    if (e instanceof InputErrors) throw e;
    throw new InputError(`cannot read the mapping file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file });
  }
  return parseMapping(text, file);
}
