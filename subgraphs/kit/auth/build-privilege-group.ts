import { FOELSOMHEDER, ROLES, type Foelsomhed, type PrivilegeGroup, type Role } from './caller';
import { InvalidPrivilegesError } from './invalid-privileges-error';
import { isKleRestriction } from './parse-kle-restriction';
import { DEFAULT_ROLE_PREFIXES, type PrivilegeReadOptions } from './role-prefixes';

const CVR = /^\d{8}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The raw parts of one group, whichever claim format they came from. */
export interface RawPrivilegeGroup {
  cvr: string;
  roles: string[];
  kle: string[] | null;
  enheder: string[] | null;
  foelsomhed: string[] | null;
}

/** A privilege that names a namespace (a URL or a URN), not a bare role name. */
function isUri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^urn:/i.test(value);
}

/**
 * Maps a privilege value to a role: the role itself (`sag:laes`), or a URI under one of
 * `rolePrefixes` naming the role with `_` for `:` and an optional version
 * (`http://kombit.dk/roles/usersystemrole/sag_laes/1`). A bare name or a URI under a prefix that
 * names no role of this graph (another user system's role) is ignored: null. A URI under no
 * configured prefix is refused: the same role name in another namespace is another system's, and
 * a token claiming it is not one this graph understands.
 */
export function toRole(
  privilege: string,
  rolePrefixes: readonly string[] = DEFAULT_ROLE_PREFIXES,
): Role | null {
  const value = privilege.trim();
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  if (!isUri(value)) return null;
  const prefix = rolePrefixes.find((p) => value.startsWith(p));
  if (prefix === undefined) throw new InvalidPrivilegesError('A role outside the known namespaces');
  const match = /^([a-z]+)_([a-z]+)(?:\/\d+)?\/?$/.exec(value.slice(prefix.length));
  if (!match) return null;
  const role = `${match[1]}:${match[2]}`;
  return (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
}

const FOELSOMHED_WORDS: Record<string, Foelsomhed> = {
  IKKE_FORTROLIG: 'IKKE_FORTROLIG',
  IKKEFORTROLIGE: 'IKKE_FORTROLIG',
  FORTROLIG: 'FORTROLIG',
  FORTROLIGE: 'FORTROLIG',
  FOELSOM: 'FOELSOM',
  FOELSOMME: 'FOELSOM',
};

function toFoelsomhed(value: string): Foelsomhed {
  const key = value.trim().toUpperCase().replace(/Ø/g, 'OE').replace(/[\s-]/g, '');
  const level = FOELSOMHED_WORDS[key] ?? FOELSOMHED_WORDS[key.replace(/_/g, '')];
  if (!level) throw new InvalidPrivilegesError('Unknown sensitivity restriction');
  return level;
}

/**
 * Validates one group. Malformed values make the whole claim invalid rather than being dropped,
 * because dropping a restriction would widen the grant.
 */
export function buildPrivilegeGroup(
  raw: RawPrivilegeGroup,
  index: number,
  options: PrivilegeReadOptions = {},
): PrivilegeGroup {
  if (!CVR.test(raw.cvr)) throw new InvalidPrivilegesError('A privilege group has no valid CVR');
  const kle = raw.kle?.map((k) => k.trim()) ?? null;
  if (kle?.some((k) => !isKleRestriction(k))) {
    throw new InvalidPrivilegesError('Invalid KLE restriction');
  }
  const enheder = raw.enheder?.map((e) => e.trim().toLowerCase()) ?? null;
  if (enheder?.some((e) => !UUID.test(e))) {
    throw new InvalidPrivilegesError('Invalid organisation unit restriction');
  }
  let foelsomhed: Foelsomhed | null = null;
  if (raw.foelsomhed) {
    if (raw.foelsomhed.length === 0) throw new InvalidPrivilegesError('Empty sensitivity');
    // Several values allow up to the highest of them.
    const levels = raw.foelsomhed.map(toFoelsomhed).map((l) => FOELSOMHEDER.indexOf(l));
    foelsomhed = FOELSOMHEDER[Math.max(...levels)] ?? null;
  }
  const roles = [
    ...new Set(
      raw.roles.map((r) => toRole(r, options.rolePrefixes)).filter((r): r is Role => r !== null),
    ),
  ];
  return { id: `${raw.cvr}#${index + 1}`, cvr: raw.cvr, roles, kle, enheder, foelsomhed };
}
