import type { JWTPayload } from 'jose';
import type { Caller, PrivilegeGroup } from './caller';
import { InvalidPrivilegesError } from './invalid-privileges-error';
import { parseBasicPrivilegeProfile } from './parse-basic-privilege-profile';
import { parsePrivilegeClaim } from './parse-privilege-claim';
import type { PrivilegeReadOptions } from './role-prefixes';

/** Claims that carry the OIO Basic Privilege Profile (base64 XML). */
export const BPP_CLAIMS = [
  'privileges_intermediate',
  'dk:gov:saml:attribute:Privileges_intermediate',
];
/** The project's own JSON privileges claim. */
export const PRIVILEGE_CLAIM = 'privilegier';
/** Claims that carry a citizen's CPR number (MitID through an identity broker). */
export const CPR_CLAIMS = ['cpr', 'dk:gov:saml:attribute:CprNumberIdentifier'];

const CPR = /^\d{10}$/;

/**
 * The caller a verified token describes. A token with privilege groups is a municipal user (a
 * CPR claim on it is ignored); one with only a CPR number is a citizen; one with neither is a
 * user with no privileges. Throws InvalidPrivilegesError for claims that cannot be read.
 */
export function getCaller(payload: JWTPayload, options: PrivilegeReadOptions = {}): Caller {
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > 256) {
    throw new InvalidPrivilegesError('The token has no subject');
  }
  const groups: PrivilegeGroup[] = [];
  let hasPrivileges = false;
  if (payload[PRIVILEGE_CLAIM] !== undefined) {
    hasPrivileges = true;
    groups.push(...parsePrivilegeClaim(payload[PRIVILEGE_CLAIM], options));
  }
  for (const claim of BPP_CLAIMS) {
    const value = payload[claim];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new InvalidPrivilegesError(`${claim} must be a string`);
    hasPrivileges = true;
    // Ids count on across claims, so every group of the token keeps its own name.
    const offset = groups.length;
    groups.push(
      ...parseBasicPrivilegeProfile(value, options).map((g, i) => ({
        ...g,
        id: `${g.cvr}#${offset + i + 1}`,
      })),
    );
  }
  if (hasPrivileges) return { kind: 'BRUGER', subject, groups };
  for (const claim of CPR_CLAIMS) {
    const value = payload[claim];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !CPR.test(value)) {
      throw new InvalidPrivilegesError('Invalid CPR claim');
    }
    return { kind: 'BORGER', subject, cpr: value };
  }
  return { kind: 'BRUGER', subject, groups: [] };
}
