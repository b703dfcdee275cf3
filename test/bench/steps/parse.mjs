// Parsing alone, no audit: csv-parse with the options of src/ingest/read/csv.ts (arrays, streaming,
// the importer's chunk size), or for NDJSON one JSON.parse per line. Prints the record count.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const CHUNK_BYTES = 256 * 1024;
const MAX_RECORD_CHARS = 10 * 1024 * 1024;
const file = process.argv[2];

async function csvRecords() {
  const parser = parse({
    delimiter: ',', record_delimiter: ['\r\n', '\n'], relax_quotes: true, relax_column_count: true,
    skip_empty_lines: false, bom: false, max_record_size: MAX_RECORD_CHARS,
  });
  let records = 0;
  parser.on('data', () => { records++; });
  const done = new Promise((resolve, reject) => { parser.once('end', resolve); parser.once('error', reject); });
  createReadStream(file, { highWaterMark: CHUNK_BYTES }).pipe(parser);
  await done;
  return records;
}

async function ndjsonRecords() {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let records = 0;
  const take = (line) => { if (line.trim() !== '') { JSON.parse(line); records++; } };
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', start)) {
      take(text.slice(start, at));
      start = at + 1;
    }
    rest = text.slice(start);
  }
  take(rest + decoder.decode());
  return records;
}

console.log(await (file.endsWith('.ndjson') ? ndjsonRecords() : csvRecords()));
