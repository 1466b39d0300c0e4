/**
 * The registrations known at `registreringstid`, in the order given: later ones did not exist
 * yet, and the one current then is shown as still open, so history is answered for the same
 * instant as everything else. Works on stored registrations and on nodes derived from them.
 */
export function selectKnownRegistreringer<T extends { fra: Date; til: Date | null }>(
  history: readonly T[],
  registreringstid: Date,
): T[] {
  const time = registreringstid.getTime();
  return history
    .filter((r) => r.fra.getTime() <= time)
    .map((r) => (r.til !== null && r.til.getTime() > time ? { ...r, til: null } : r));
}
