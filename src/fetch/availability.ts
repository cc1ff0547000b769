import type { DatasetEntry } from './manifest.ts';
import type { ReleaseStamp } from './source.ts';

/** Why a reporter-year is downloaded, or that it is not. */
export type DatasetStatus = 'new' | 'revised' | 'rescoped' | 'altered' | 'unchanged';

/**
 * Compares a published release with what the manifest recorded: the stamp (lastReleased and
 * datasetChecksum, as text), the request, and the file on disk (missing or edited since).
 */
export function datasetStatus(
  entry: DatasetEntry | undefined,
  stamps: ReleaseStamp[],
  scope: string,
  sha256OnDisk: string | undefined,
): DatasetStatus {
  if (!entry) return 'new';
  if (entry.scope !== scope) return 'rescoped';
  if (entry.sha256 !== sha256OnDisk) return 'altered';
  return stampKey(entry.release) === stampKey(stamps) ? 'unchanged' : 'revised';
}

function stampKey(stamps: ReleaseStamp[]): string {
  return stamps
    .map((s) => `${s.classificationCode}|${s.lastReleased}|${s.datasetChecksum}|${s.totalRecords}`)
    .sort()
    .join('\n');
}
