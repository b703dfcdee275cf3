// The floor: read the file in 64 KiB reads, decode UTF-8, count the lines. Prints the line count.
import { openSync, readSync, closeSync } from 'node:fs';

const file = process.argv[2];
const fd = openSync(file, 'r');
const buffer = Buffer.allocUnsafe(64 * 1024);
const decoder = new TextDecoder('utf-8');
let lines = 0;
for (;;) {
  const n = readSync(fd, buffer, 0, buffer.length, null);
  const text = decoder.decode(buffer.subarray(0, n), { stream: n > 0 });
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  if (n === 0) break;
}
closeSync(fd);
console.log(lines);
