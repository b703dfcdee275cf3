import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { createDecoder, detectEncoding, needsUtf8Validation, parseEncodingName } from '../../../src/ingest/read/encoding.js';
import { createUtf8Validator } from '../../../src/ingest/read/utf8-validator.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (s: string) => Uint8Array.from(Buffer.from(s));

describe('detectEncoding', () => {
  it.each([
    ['UTF-8 BOM', bytes(0xef, 0xbb, 0xbf, 0x41), true, { encoding: 'utf-8', bom: true, skipBytes: 3 }],
    ['UTF-8 BOM wins even if invalid later', bytes(0xef, 0xbb, 0xbf, 0xe9), false, { encoding: 'utf-8', bom: true, skipBytes: 3 }],
    ['doubled UTF-8 BOM', bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41), true, { encoding: 'utf-8', bom: true, skipBytes: 6 }],
    ['UTF-16 LE BOM', bytes(0xff, 0xfe, 0x41, 0x00), true, { encoding: 'utf-16le', bom: true, skipBytes: 2 }],
    ['UTF-16 BE BOM', bytes(0xfe, 0xff, 0x00, 0x41), true, { encoding: 'utf-16be', bom: true, skipBytes: 2 }],
    ['BOM-less UTF-16 LE', Uint8Array.from(Buffer.from('ID,Name\n', 'utf16le')), true, { encoding: 'utf-16le', bom: false, skipBytes: 0 }],
    ['BOM-less UTF-16 BE', Uint8Array.from(Buffer.from('ID,Name\n', 'utf16le').swap16()), true, { encoding: 'utf-16be', bom: false, skipBytes: 0 }],
    ['valid UTF-8, no BOM', ascii('ID,Zoë'), true, { encoding: 'utf-8', bom: false, skipBytes: 0 }],
    ['invalid UTF-8, no BOM', bytes(0x63, 0x61, 0x66, 0xe9), false, { encoding: 'windows-1252', bom: false, skipBytes: 0 }],
    ['empty', bytes(), true, { encoding: 'utf-8', bom: false, skipBytes: 0 }],
  ])('%s', (_name, first, valid, want) => {
    expect(detectEncoding(first, valid)).toEqual(want);
  });

  it.each([
    ['no BOM', ascii('ID,Name'), true],
    ['UTF-8 BOM', bytes(0xef, 0xbb, 0xbf, 0x41), false],
    ['UTF-16 LE BOM', bytes(0xff, 0xfe, 0x41, 0x00), false],
  ])('needsUtf8Validation: %s', (_name, first, want) => {
    expect(needsUtf8Validation(first)).toBe(want);
  });
});

describe('parseEncodingName', () => {
  it.each([
    ['utf-8', 'utf-8'], ['UTF8', 'utf-8'], ['utf-16le', 'utf-16le'], ['UTF-16BE', 'utf-16be'],
    ['windows-1252', 'windows-1252'], ['cp1252', 'windows-1252'], ['latin1', 'latin1'], ['ISO-8859-1', 'latin1'],
  ])('%s', (name, want) => {
    expect(parseEncodingName(name, 'x.csv')).toBe(want);
  });

  it('lists the valid values for anything else', () => {
    const call = () => parseEncodingName('ascii', 'x.csv');
    expect(call).toThrow(InputError);
    expect(call).toThrow('unknown encoding "ascii"');
    try {
      call();
    } catch (error) {
      expect((error as InputError).hint).toBe('use one of: utf-8, utf-16le, utf-16be, windows-1252, latin1');
    }
  });
});

describe('createDecoder', () => {
  it.each([
    ['utf-16le split mid code unit', 'utf-16le', [bytes(0x5a, 0x00, 0x6f), bytes(0x00, 0xeb, 0x00)], 'Zoë'],
    ['utf-8 split mid character', 'utf-8', [bytes(0x5a, 0xc3), bytes(0xab)], 'Zë'],
    ['windows-1252 maps 0x80 to the euro sign', 'windows-1252', [bytes(0x80, 0xe9)], '€é'],
    ['latin1 keeps 0x80 a C1 control', 'latin1', [bytes(0x80, 0xe9)], '\u0080é'],
  ] as const)('%s', (_name, encoding, chunks, want) => {
    const decode = createDecoder(encoding);
    expect(chunks.map((c) => decode(c)).join('') + decode(bytes(), true)).toBe(want);
  });
});

describe('createUtf8Validator', () => {
  const validate = (chunks: Uint8Array[]) => {
    const validator = createUtf8Validator();
    chunks.forEach((c) => validator.push(c));
    return validator.end();
  };

  it.each([
    ['2-byte char split', [bytes(0x41, 0xc3), bytes(0xa9)], true],
    ['4-byte char split 1+3', [bytes(0xf0), bytes(0x9f, 0x98, 0x80)], true],
    ['4-byte char split over three chunks', [bytes(0xf0, 0x9f), bytes(0x98), bytes(0x80, 0x41)], true],
    ['truncated at the end', [bytes(0x41, 0xe2, 0x82)], false],
    ['lone continuation byte', [bytes(0x41), bytes(0x80)], false],
    ['Latin-1 é', [bytes(0x63, 0x61, 0x66, 0xe9)], false],
    ['overlong encoding split', [bytes(0xe0), bytes(0x80, 0x80)], false],
    ['surrogate code point', [bytes(0xed, 0xa0, 0x80)], false],
    ['empty chunks', [bytes(), bytes(0x41), bytes()], true],
  ])('%s', (_name, chunks, want) => {
    expect(validate(chunks)).toBe(want);
  });

  it('agrees with isUtf8 on the whole input however it is split', () => {
    const utf8ish = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => Uint8Array.from(Buffer.from(s))),
    );
    fc.assert(
      fc.property(fc.array(utf8ish, { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), (parts, cuts) => {
        const whole = Buffer.concat(parts);
        const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((start, i) => whole.subarray(start, points[i] ?? whole.length));
        expect(validate(chunks)).toBe(isUtf8(whole));
      }),
      { numRuns: 2000 },
    );
  });
});
