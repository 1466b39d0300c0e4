import { BPP_NAMESPACES } from '../../subgraphs/kit/auth/parse-basic-privilege-profile';

/** One privilege group as a KOMBIT identity broker would pass it on. */
export interface BppGroup {
  cvr: string;
  /** Privilege URIs, e.g. `http://kombit.dk/roles/usersystemrole/sag_laes/1`. */
  privileges: string[];
  /** KLE numbers or subtrees (`02.*`). */
  kle?: string[];
  /** Organisation unit uuids. */
  orgenhed?: string[];
  /** The highest sensitivity (`IKKE_FORTROLIG`, `FORTROLIG`, `FOELSOM`). */
  foelsomhed?: string;
}

/** The constraint names of KOMBIT's data restrictions. */
const CONSTRAINTS = {
  kle: 'http://sts.kombit.dk/constraints/KLE/1',
  orgenhed: 'http://sts.kombit.dk/constraints/orgenhed/1',
  foelsomhed: 'http://sts.kombit.dk/constraints/foelsomhed/1',
} as const;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Writes privilege groups as an OIO Basic Privilege Profile, base64-encoded: the value of a
 * `privileges_intermediate` claim, as parseBasicPrivilegeProfile reads it.
 */
export function printBasicPrivilegeProfile(
  groups: readonly BppGroup[],
  namespace: (typeof BPP_NAMESPACES)[number] = BPP_NAMESPACES[0],
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpp:PrivilegeList xmlns:bpp="${escapeXml(namespace)}">`,
  ];
  for (const group of groups) {
    lines.push(
      `  <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${escapeXml(group.cvr)}">`,
    );
    for (const privilege of group.privileges) {
      lines.push(`    <Privilege>${escapeXml(privilege)}</Privilege>`);
    }
    const constraints: [string, string | undefined][] = [
      [CONSTRAINTS.kle, group.kle?.join(',')],
      [CONSTRAINTS.orgenhed, group.orgenhed?.join(',')],
      [CONSTRAINTS.foelsomhed, group.foelsomhed],
    ];
    for (const [name, value] of constraints) {
      if (value === undefined) continue;
      lines.push(`    <Constraint Name="${name}">${escapeXml(value)}</Constraint>`);
    }
    lines.push('  </PrivilegeGroup>');
  }
  lines.push('</bpp:PrivilegeList>');
  return Buffer.from(lines.join('\n'), 'utf8').toString('base64');
}
