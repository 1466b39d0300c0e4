const KLE_PATTERN = /^\d{2}(\.\d{2}){0,2}(\.\*)?$|^\*$/;

/** True when a KLE restriction value is `NN`, `NN.NN`, `NN.NN.NN`, optionally followed by `.*`. */
export function isKleRestriction(value: string): boolean {
  return KLE_PATTERN.test(value);
}

/**
 * True when a KLE number is covered by a restriction value: `02.*` covers every number under
 * `02`, `02.34.*` every number under `02.34`, and a number without `*` covers only itself.
 */
export function matchesKle(restriction: string, nummer: string): boolean {
  if (restriction === '*') return true;
  if (restriction.endsWith('.*')) return nummer.startsWith(restriction.slice(0, -1));
  return nummer === restriction;
}
