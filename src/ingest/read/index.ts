export { readCsv } from './csv.js';
export { uniqueKeys } from './headers.js';
export { STDIN_PATH } from './source.js';
export { encodingNotice, type TextSourceInfo } from './text-source.js';
export { readJson, streamJson } from './json.js';
export { sniffFormat } from './sniff.js';
