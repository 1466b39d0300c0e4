import { XMLParser } from 'fast-xml-parser';
import type { PrivilegeGroup } from './caller';
import { buildPrivilegeGroup } from './build-privilege-group';
import { InvalidPrivilegesError } from './invalid-privileges-error';
import { MAX_PRIVILEGE_GROUPS } from './parse-privilege-claim';

/** Both namespaces the OIO Basic Privilege Profile has been published under. */
export const BPP_NAMESPACES = [
  'http://itst.dk/oiosaml/basic_privilege_profile',
  'http://digst.dk/oiosaml/basic_privilege_profile',
] as const;

const SCOPE_PREFIX = 'urn:dk:gov:saml:cvrNumberIdentifier:';
const CONSTRAINT_KLE = 'http://sts.kombit.dk/constraints/KLE/1';
const CONSTRAINT_ORGENHED = 'http://sts.kombit.dk/constraints/orgenhed/1';
const CONSTRAINT_FOELSOMHED = 'http://sts.kombit.dk/constraints/foelsomhed/1';
const MAX_XML_BYTES = 256 * 1024;

type XmlNode = Record<string, unknown>;

const localName = (tag: string): string => tag.slice(tag.indexOf(':') + 1);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (tag) => ['PrivilegeGroup', 'Privilege', 'Constraint'].includes(localName(tag)),
});

function childrenNamed(node: XmlNode, name: string): unknown[] {
  return Object.entries(node)
    .filter(([tag]) => !tag.startsWith('@_') && localName(tag) === name)
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]));
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const text = (value as XmlNode)['#text'];
    if (typeof text === 'string') return text;
    if (Object.keys(value).every((k) => k.startsWith('@_'))) return '';
  }
  throw new InvalidPrivilegesError('Unexpected element content');
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/**
 * Reads KOMBIT privileges as the OIO Basic Privilege Profile, base64-encoded XML as identity
 * brokers pass it on (a `privileges_intermediate`-style claim):
 *
 * ```xml
 * <bpp:PrivilegeList xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile">
 *   <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189625">
 *     <Privilege>http://kombit.dk/roles/usersystemrole/sag_laes/1</Privilege>
 *     <Constraint Name="http://sts.kombit.dk/constraints/KLE/1">02.*,27.24.03</Constraint>
 *   </PrivilegeGroup>
 * </bpp:PrivilegeList>
 * ```
 *
 * A group with an unknown constraint name is refused: the graph cannot honour a restriction it
 * does not understand, and ignoring it would widen the grant.
 */
export function parseBasicPrivilegeProfile(base64: string): PrivilegeGroup[] {
  if (base64.length > (MAX_XML_BYTES * 4) / 3 + 4) {
    throw new InvalidPrivilegesError('Privileges too large');
  }
  const xml = Buffer.from(base64, 'base64').toString('utf8');
  // No document type: entity declarations are how XML parsers get attacked.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new InvalidPrivilegesError('DOCTYPE not allowed');
  let document: XmlNode;
  try {
    document = parser.parse(xml, true) as XmlNode;
  } catch {
    throw new InvalidPrivilegesError('Privileges are not well-formed XML');
  }
  const roots = Object.entries(document).filter(([tag]) => !tag.startsWith('?'));
  const [root] = roots;
  if (roots.length !== 1 || !root || localName(root[0]) !== 'PrivilegeList') {
    throw new InvalidPrivilegesError('Expected a PrivilegeList');
  }
  const [tag, value] = root;
  const rootNode = (typeof value === 'object' && value !== null ? value : {}) as XmlNode;
  const prefix = tag.includes(':') ? tag.slice(0, tag.indexOf(':')) : null;
  const namespace = rootNode[prefix ? `@_xmlns:${prefix}` : '@_xmlns'];
  if (!(BPP_NAMESPACES as readonly unknown[]).includes(namespace)) {
    throw new InvalidPrivilegesError('Unknown privilege profile namespace');
  }
  const groups = childrenNamed(rootNode, 'PrivilegeGroup');
  if (groups.length > MAX_PRIVILEGE_GROUPS) throw new InvalidPrivilegesError('Too many groups');
  return groups.map((entry, index) => {
    const group = (typeof entry === 'object' && entry !== null ? entry : {}) as XmlNode;
    const scope = group['@_Scope'];
    if (typeof scope !== 'string' || !scope.startsWith(SCOPE_PREFIX)) {
      throw new InvalidPrivilegesError('A privilege group has no CVR scope');
    }
    const raw = {
      cvr: scope.slice(SCOPE_PREFIX.length),
      roles: childrenNamed(group, 'Privilege').map(textOf),
      kle: null as string[] | null,
      enheder: null as string[] | null,
      foelsomhed: null as string[] | null,
    };
    for (const constraint of childrenNamed(group, 'Constraint')) {
      const node = (
        typeof constraint === 'object' && constraint !== null ? constraint : {}
      ) as XmlNode;
      const values = splitList(textOf(constraint));
      const name = node['@_Name'];
      // Two constraints of one kind in a group narrow it to the values both allow; keeping
      // the first would be wider than the token says, so refuse the ambiguity instead.
      const set = (key: 'kle' | 'enheder' | 'foelsomhed'): void => {
        if (raw[key] !== null) throw new InvalidPrivilegesError('Repeated constraint');
        raw[key] = values;
      };
      if (name === CONSTRAINT_KLE) set('kle');
      else if (name === CONSTRAINT_ORGENHED) set('enheder');
      else if (name === CONSTRAINT_FOELSOMHED) set('foelsomhed');
      else throw new InvalidPrivilegesError('Unknown constraint');
    }
    return buildPrivilegeGroup(raw, index);
  });
}
