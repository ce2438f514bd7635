import { lstatSync } from 'fs';

/** What an errno code means, in the words a one-line message needs. */
const CAUSES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory', EACCES: 'permission denied', EPERM: 'operation not permitted', EISDIR: 'is a directory',
  ENOTDIR: 'not a directory', ELOOP: 'too many levels of symbolic links', EMFILE: 'too many open files', ENAMETOOLONG: 'name too long',
  ENOSPC: 'no space left on the device', EROFS: 'read-only file system', EEXIST: 'a file is in the way',
};

/** The one-line cause of an I/O error (its errno in words, else the first line of its message). */
export function ioProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code !== undefined ? CAUSES[code] : undefined) ?? String((e as Error).message).split('\n')[0];
}

/** Whether `path` is a symbolic link (a dangling one included). */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
