import type { Caller } from '../../kit/auth/caller';

/**
 * Whether `caller` may read the classification (KLE): always. KLE is public reference data, and
 * the case index checks every KLE reference of a case it files against this subgraph on the
 * caller's behalf, so refusing a case worker the classification would refuse them their cases.
 * `klassifikation:laes` is accepted in tokens, but no one is refused for lacking it.
 */
export function canReadKlassifikation(caller: Caller): boolean {
  return caller.kind === 'BRUGER' || caller.kind === 'BORGER' || caller.kind === 'ANONYM';
}
