/** Checks an adapter's retention: a positive whole number of milliseconds, else a TypeError. */
export function assertRetentionMs(retentionMs: number): number {
  if (!Number.isSafeInteger(retentionMs) || retentionMs <= 0) {
    throw new TypeError('Audit retentionMs must be a positive whole number of milliseconds');
  }
  return retentionMs;
}
