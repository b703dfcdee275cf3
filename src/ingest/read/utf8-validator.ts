import { isUtf8 } from 'node:buffer';

/** Checks that a byte stream is valid UTF-8, chunk by chunk, without decoding it. */
export interface Utf8Validator {
  /** Feeds the next chunk; false once any invalid sequence has been seen. */
  push(chunk: Uint8Array): boolean;
  /** True when every byte so far is valid UTF-8 and no sequence is left unfinished. */
  end(): boolean;
}

/**
 * `buffer.isUtf8` (simdutf) per chunk; a multi-byte sequence cut by a chunk boundary is held back
 * (at most 3 bytes) and checked together with the start of the next chunk.
 */
export function createUtf8Validator(): Utf8Validator {
  let valid = true;
  let carry: Uint8Array = new Uint8Array(0);

  return {
    push(chunk) {
      if (!valid) return false;
      let start = 0;
      if (carry.length > 0) {
        const need = sequenceLength(carry[0] ?? 0);
        start = Math.min(need - carry.length, chunk.length);
        const joined = concat(carry, chunk.subarray(0, start));
        if (joined.length < need) {
          carry = joined;
          valid = chunk.every(isContinuation);
          return valid;
        }
        carry = new Uint8Array(0);
        if (!isUtf8(joined)) return (valid = false);
      }
      const cut = incompleteTailStart(chunk, start);
      if (!isUtf8(chunk.subarray(start, cut))) return (valid = false);
      carry = chunk.slice(cut);
      return true;
    },
    end() {
      return valid && carry.length === 0;
    },
  };
}

/** Bytes in the sequence a lead byte starts; 0 for bytes that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

/** Where an unfinished multi-byte sequence at the end of `chunk` begins, or `chunk.length`. */
function incompleteTailStart(chunk: Uint8Array, start: number): number {
  const end = chunk.length;
  for (let i = end - 1; i >= Math.max(start, end - 3); i--) {
    const byte = chunk[i] ?? 0;
    if (isContinuation(byte)) continue;
    const length = sequenceLength(byte);
    return length > end - i ? i : end;
  }
  return end;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
