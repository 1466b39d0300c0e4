import type { Caller } from '../../kit/auth/caller';

/**
 * Whether `caller` may read organisations and their units (structure, names, KLE tags): every
 * verified caller may, whatever their groups, and so may the anonymous caller, which exists only
 * where the deployment lets token-less requests in. Users are another matter (canReadBruger).
 */
export function canReadOrganisation(caller: Caller): boolean {
  switch (caller.kind) {
    case 'BRUGER':
    case 'BORGER':
    case 'ANONYM':
      return true;
  }
}
