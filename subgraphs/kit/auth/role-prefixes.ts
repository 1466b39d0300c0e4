/**
 * The namespace KOMBIT's user-system roles are published under. A role URI counts only under a
 * configured prefix: the same role name in another namespace belongs to another system.
 */
export const KOMBIT_ROLE_PREFIX = 'http://kombit.dk/roles/usersystemrole/';

/** @default [KOMBIT_ROLE_PREFIX] */
export const DEFAULT_ROLE_PREFIXES: readonly string[] = [KOMBIT_ROLE_PREFIX];

/** How privilege claims are read; shared by both claim formats. */
export interface PrivilegeReadOptions {
  /** Role URI prefixes that name this graph's roles. @default DEFAULT_ROLE_PREFIXES */
  rolePrefixes?: readonly string[];
}
