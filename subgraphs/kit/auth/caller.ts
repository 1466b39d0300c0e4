/**
 * Who is asking, after the token was verified. Every access decision starts from this, and it is
 * built only from a verified token (or the anonymous caller where tokens are optional).
 */

/** The user-system roles of the KOMBIT-style access model. */
export const ROLES = [
  'sag:laes',
  'sag:skriv',
  'dokument:laes',
  'dokument:skriv',
  'organisation:laes',
  'klassifikation:laes',
  'bbr:laes',
  'adgangslog:laes',
] as const;
export type Role = (typeof ROLES)[number];

/** Sensitivity levels, lowest first. */
export const FOELSOMHEDER = ['IKKE_FORTROLIG', 'FORTROLIG', 'FOELSOM'] as const;
export type Foelsomhed = (typeof FOELSOMHEDER)[number];

/**
 * One privilege group: roles in one municipality, narrowed by data restrictions that hold for
 * this group's roles only. A restriction left out (null) does not narrow that dimension.
 */
export interface PrivilegeGroup {
  /** Names the group in audit records (`<cvr>#<n>`, n counting from 1 in token order). */
  id: string;
  /** The municipality (CVR number, 8 digits) the group is scoped to. */
  cvr: string;
  roles: Role[];
  /** KLE numbers: exact (`02.34.02`) or a subtree (`02.*`, `02.34.*`). */
  kle: string[] | null;
  /** Organisation unit uuids; each covers its sub-units. */
  enheder: string[] | null;
  /** The highest sensitivity the group may see. */
  foelsomhed: Foelsomhed | null;
}

export type Caller =
  /** A municipal user or system with KOMBIT-style privilege groups. */
  | { kind: 'BRUGER'; subject: string; groups: PrivilegeGroup[] }
  /** A citizen signed in with MitID; sees only what concerns their own CPR number. */
  | { kind: 'BORGER'; subject: string; cpr: string }
  /** No token, where the deployment lets such requests through. */
  | { kind: 'ANONYM' };

export const ANONYMOUS_CALLER: Caller = { kind: 'ANONYM' };

/** The groups of a caller that hold `role` (none for citizens and anonymous callers). */
export function getGroupsWithRole(caller: Caller, role: Role): PrivilegeGroup[] {
  return caller.kind === 'BRUGER' ? caller.groups.filter((g) => g.roles.includes(role)) : [];
}

/** True when some group grants `role`, whatever its restrictions. */
export function hasRole(caller: Caller, role: Role): boolean {
  return getGroupsWithRole(caller, role).length > 0;
}

/** The actor recorded on changes and in the audit log: an id, never a token or a CPR number. */
export function getAktoer(caller: Caller): string {
  if (caller.kind === 'BRUGER') return caller.subject;
  if (caller.kind === 'BORGER') return `borger:${caller.subject}`;
  return 'anonym';
}
