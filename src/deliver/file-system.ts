import { constants } from 'node:fs';
import { copyFile, link, lstat, open, readlink, rename, stat, unlink } from 'node:fs/promises';

/** What writing a report needs of an open file. */
export interface FileHandle {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  chmod(mode: number): Promise<void>;
  chown(uid: number, gid: number): Promise<void>;
  stat(): Promise<{ uid: number; gid: number }>;
  close(): Promise<void>;
}

/** What a file's metadata must tell. */
export interface FileInfo {
  mode: number;
  uid: number;
  gid: number;
  dev: number;
  ino: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
}

/**
 * The file-system calls the writers make, injectable: tests put faults (a full disk, a failing rename)
 * at any of them and check that every target is left all new or all old.
 */
export interface FileSystem {
  open(path: string, flags: string, mode: number): Promise<FileHandle>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, path: string): Promise<void>;
  /** For a backup where hard links are not supported; never over an existing file. */
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<FileInfo>;
  lstat(path: string): Promise<FileInfo>;
  readlink(path: string): Promise<string>;
}

export const nodeFileSystem: FileSystem = {
  open: (path, flags, mode) => open(path, flags, mode),
  rename,
  link,
  copyFile: (from, to) => copyFile(from, to, constants.COPYFILE_EXCL),
  unlink,
  stat,
  lstat,
  readlink: (path) => readlink(path),
};
