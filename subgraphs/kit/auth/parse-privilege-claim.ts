import type { PrivilegeGroup } from './caller';
import { buildPrivilegeGroup } from './build-privilege-group';
import { InvalidPrivilegesError } from './invalid-privileges-error';
import type { PrivilegeReadOptions } from './role-prefixes';

/** The most groups one token may carry; more is a mistake or an attack. */
export const MAX_PRIVILEGE_GROUPS = 100;

/** Every key a group may carry; any other makes the claim invalid. */
const GROUP_KEYS = new Set(['cvr', 'roller', 'kle', 'enheder', 'foelsomhed']);

function readStringList(value: unknown, name: string): string[] | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.split(',');
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  throw new InvalidPrivilegesError(`${name} must be a list of strings`);
}

/**
 * Reads the project's own JSON privileges claim (`privilegier`):
 *
 * ```json
 * [{ "cvr": "29189625", "roller": ["sag:laes"], "kle": ["02.*"],
 *    "enheder": ["<unit uuid>"], "foelsomhed": "FORTROLIG" }]
 * ```
 *
 * `kle`, `enheder` and `foelsomhed` are optional restrictions of that group alone. A key the graph
 * does not know (`"kle2"`, a misspelt restriction) makes the claim invalid: ignoring it could
 * drop a restriction and widen the grant.
 */
export function parsePrivilegeClaim(
  claim: unknown,
  options: PrivilegeReadOptions = {},
): PrivilegeGroup[] {
  if (!Array.isArray(claim)) throw new InvalidPrivilegesError('privilegier must be a list');
  if (claim.length > MAX_PRIVILEGE_GROUPS) throw new InvalidPrivilegesError('Too many groups');
  return claim.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new InvalidPrivilegesError('A privilege group must be an object');
    }
    const group = entry as Record<string, unknown>;
    if (Object.keys(group).some((key) => !GROUP_KEYS.has(key))) {
      throw new InvalidPrivilegesError('A privilege group has an unknown key');
    }
    if (typeof group.cvr !== 'string') throw new InvalidPrivilegesError('cvr must be a string');
    const foelsomhed = readStringList(group.foelsomhed, 'foelsomhed');
    return buildPrivilegeGroup(
      {
        cvr: group.cvr,
        roles: readStringList(group.roller, 'roller') ?? [],
        kle: readStringList(group.kle, 'kle'),
        enheder: readStringList(group.enheder, 'enheder'),
        foelsomhed,
      },
      index,
      options,
    );
  });
}
