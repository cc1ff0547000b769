import { inputMessages as m } from '../core/messages.ts';

/** Errors of the file system that say an input cannot be read, by code, in words. */
const REASONS: Record<string, () => string> = {
  EACCES: m.permissionDenied,
  EPERM: m.permissionDenied,
  ENOENT: m.vanished,
  ELOOP: m.linkLoop,
  EISDIR: m.isFolder,
  EIO: m.ioError,
};

/** Why an input cannot be read, for the user; any other error is a fault of tradebrief and is thrown on. */
export function fileFault(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : REASONS[code];
  if (!reason) throw error;
  return m.cannotRead(reason());
}
