/** What a capped label takes once its distinct values are used up. */
export const OTHER_LABEL = 'other';

/**
 * Bounds the distinct values of one metric label: the first `max` values seen pass through, any
 * value seen later becomes "other". Clients choose operation names, and every distinct label
 * value is a time series kept in memory until the process ends.
 */
export function createLabelLimit(max: number): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return OTHER_LABEL;
    seen.add(value);
    return value;
  };
}
