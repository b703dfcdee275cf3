import { readUserText, userFile } from '../user-file.js';
import { mappingTooLarge, MAX_MAPPING_BYTES, parseMapping, type Mapping } from './mapping.js';

/** Reads and parses a mapping file (`--mapping`, at most 1 MB); its lookup tables are relative to its folder. */
export async function readMapping(file: string): Promise<Mapping> {
  const text = await readUserText(userFile(file, 'mapping file'), { maxBytes: MAX_MAPPING_BYTES, tooLarge: (bytes) => mappingTooLarge(bytes, file) });
  return parseMapping(text, file);
}
