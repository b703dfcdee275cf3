import { readUserText, userFile } from '../user-file.js';
import { parseMapping, type Mapping } from './mapping.js';

/** Reads and parses a mapping file (`--mapping`); its lookup tables are relative to its folder. */
export async function readMapping(file: string): Promise<Mapping> {
  return parseMapping(await readUserText(userFile(file, 'mapping file')), file);
}
