import fc from 'fast-check';

/** One edit of a file's bytes; positions are taken modulo the length, so any number fits any file. */
export type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'delete-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number };

const encode = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

// What breaks exports in practice: quotes, delimiters, line ends, BOMs, NULs, stray high bytes, odd dates.
const TOKENS = [
  '"', '""', ',', ';', '\t', '\n', '\r', '\r\n', '\u0000', '\u00ff', '\u00ef\u00bb\u00bf', '\u00fe\u00ff', '\u001b[2J',
  '13/13/2026 9:00 AM', '2/30/2026 9:00 AM', '9999-12-31T23:59:59Z', '0', '-1', '1e308', 'NaN', 'N/A', '?',
].map(encode);

const position = fc.nat({ max: 1 << 20 });

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.oneof(fc.constantFrom(...TOKENS), fc.uint8Array({ minLength: 1, maxLength: 16 })) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: position }),
  fc.record({ kind: fc.constant('delete-line' as const), at: position }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: position, other: position }),
);

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function applyOne(bytes: Buffer, m: Mutation): Buffer {
  if (bytes.length === 0) return m.kind === 'insert' ? Buffer.from(m.bytes) : bytes;
  const at = m.at % bytes.length;
  switch (m.kind) {
    case 'flip': {
      const out = Buffer.from(bytes);
      out[at] = out[at]! ^ m.mask;
      return out;
    }
    case 'truncate': return bytes.subarray(0, at);
    case 'insert': return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    default: {
      const lines = splitLines(bytes);
      const i = m.at % lines.length;
      if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
      else if (m.kind === 'delete-line') lines.splice(i, 1);
      else {
        const j = m.other % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return Buffer.concat(lines);
    }
  }
}

export function applyMutations(bytes: Uint8Array, mutations: Mutation[]): Buffer {
  return mutations.reduce<Buffer>((b, m) => applyOne(b, m), Buffer.from(bytes));
}
