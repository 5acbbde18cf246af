import { readFileSync } from 'node:fs';

const WHY: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long'
};

/** The file system's refusal (`ENOENT` …), as opposed to a bug. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** Why a path could not be read, in words (`no such file`, `permission denied` …). */
export function fileProblem(error: NodeJS.ErrnoException): string {
  return WHY[error.code ?? ''] ?? `cannot be read (${error.code})`;
}

/** Reads a file a user named; a refusal of the file system becomes `label: reason`, anything else is rethrown. */
export function readUserFile(path: string, label: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    throw new Error(`${label}: ${fileProblem(error)}`, { cause: error });
  }
}
