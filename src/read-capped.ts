import { open } from 'node:fs/promises';

/**
 * A file's text, refused past `maxBytes` without reading further (a device such as /dev/zero, a huge
 * file by mistake): `tooLarge` is thrown with the bytes read so far, or the size when it is known.
 */
export async function readCapped(file: string, maxBytes: number, tooLarge: (bytes: number) => Error): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (info.isFile() && info.size > maxBytes) throw tooLarge(info.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(total);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}
