import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileProblem, readUserText, resolvedPath, userFile, userFileError } from '../src/user-file.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('a file the user named, in the same words whatever it is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ea-user-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each<[string, string, { message: string; hint: string | undefined }]>([
    ['ENOENT', 'groups.csv', { message: 'file not found (resolved from /srv/client)', hint: "check the path of the lookup table; it is relative to the mapping file's folder" }],
    ['ENOTDIR', 'groups.csv/x', { message: 'file not found (resolved from /srv/client)', hint: "check the path of the lookup table; it is relative to the mapping file's folder" }],
    ['ENOENT', '/abs/groups.csv', { message: 'file not found', hint: 'check the path of the lookup table' }],
    ['EACCES', 'groups.csv', { message: 'permission denied', hint: undefined }],
    ['EPERM', 'groups.csv', { message: 'permission denied', hint: undefined }],
    ['EISDIR', 'groups.csv', { message: 'is a directory, not a lookup table', hint: undefined }],
    ['EIO', 'groups.csv', { message: 'cannot read file (EIO)', hint: undefined }],
  ])('%s on %s', (code, given, expected) => {
    expect(fileProblem(userFile(given, 'lookup table', '/srv/client', "the mapping file's folder"), errno(code))).toEqual(expected);
  });

  it('"an" before a vowel', () => {
    expect(fileProblem(userFile('x', 'export file'), errno('EISDIR')).message).toBe('is a directory, not an export file');
  });

  it('the error is placed at the path as given, unless placed elsewhere', () => {
    const file = userFile('m.yaml', 'mapping file', '/srv');
    expect(userFileError(file, errno('ENOENT')).format()).toBe('m.yaml  file not found (resolved from /srv)\n  hint: check the path of the mapping file; it is relative to the current directory');
    expect(userFileError(file, errno('ENOENT'), { file: 'client.yaml', line: 3, column: 10 }).position).toEqual({ file: 'client.yaml', line: 3, column: 10 });
  });

  it('a relative path is resolved from its folder, an absolute one stays', () => {
    expect(resolvedPath(userFile('a/b.csv', 'export file', '/srv'))).toBe('/srv/a/b.csv');
    expect(resolvedPath(userFile('/x/b.csv', 'export file', '/srv'))).toBe('/x/b.csv');
    expect(userFile('b.csv', 'export file').from).toBe(process.cwd());
  });

  it('readUserText: the text, or the error for a missing file and for a directory', async () => {
    writeFileSync(join(dir, 'm.yaml'), 'columns: {}\n');
    await expect(readUserText(userFile('m.yaml', 'mapping file', dir))).resolves.toBe('columns: {}\n');
    await expect(readUserText(userFile('nope.yaml', 'mapping file', dir))).rejects.toThrow(`file not found (resolved from ${dir})`);
    await expect(readUserText(userFile('.', 'mapping file', dir))).rejects.toThrow('is a directory, not a mapping file');
  });
});
