import { hasRole, type Caller, type Role } from './caller';

/**
 * Whether `caller` may read a public register (KLE, BBR) guarded by `role`. A citizen may read it,
 * and so may the anonymous caller, which exists only where the deployment lets token-less
 * requests in. A municipal user needs the role in some group; a group's restrictions (KLE, units,
 * sensitivity) narrow case data, not the public registers.
 */
export function canReadPublicData(caller: Caller, role: Role): boolean {
  switch (caller.kind) {
    case 'BORGER':
    case 'ANONYM':
      return true;
    case 'BRUGER':
      return hasRole(caller, role);
  }
}
