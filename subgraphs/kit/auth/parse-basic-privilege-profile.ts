import { XMLParser } from 'fast-xml-parser';
import type { PrivilegeGroup } from './caller';
import { buildPrivilegeGroup } from './build-privilege-group';
import { InvalidPrivilegesError } from './invalid-privileges-error';
import { MAX_PRIVILEGE_GROUPS } from './parse-privilege-claim';
import type { PrivilegeReadOptions } from './role-prefixes';

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

/** What one element of the profile may hold; anything else makes the profile invalid. */
interface ElementShape {
  attributes: readonly string[];
  children: readonly string[];
  text: boolean;
}

const SHAPES = {
  PrivilegeList: { attributes: [], children: ['PrivilegeGroup'], text: false },
  PrivilegeGroup: { attributes: ['Scope'], children: ['Privilege', 'Constraint'], text: false },
  Privilege: { attributes: [], children: [], text: true },
  Constraint: { attributes: ['Name'], children: [], text: true },
} as const satisfies Record<string, ElementShape>;

const isNamespaceDeclaration = (name: string): boolean =>
  name === 'xmlns' || name.startsWith('xmlns:');

const prefixOf = (tag: string): string | null =>
  tag.includes(':') ? tag.slice(0, tag.indexOf(':')) : null;

/**
 * Refuses anything in `value` the profile does not define: an unknown attribute (namespace
 * declarations aside), a child element of another name or namespace prefix (a `<Constraint>`
 * inside a `<Privilege>` or inside a wrapper element would otherwise be dropped and widen the
 * grant), or text where none belongs.
 */
function assertShape(value: unknown, shape: ElementShape, prefix: string | null): void {
  if (typeof value === 'string') {
    if (!shape.text && value.trim() !== '') throw new InvalidPrivilegesError('Unexpected text');
    return;
  }
  if (typeof value !== 'object' || value === null) {
    throw new InvalidPrivilegesError('Unexpected element content');
  }
  for (const key of Object.keys(value)) {
    if (key.startsWith('@_')) {
      const name = key.slice(2);
      if (!isNamespaceDeclaration(name) && !shape.attributes.includes(name)) {
        throw new InvalidPrivilegesError('Unknown attribute');
      }
    } else if (key === '#text') {
      if (!shape.text) throw new InvalidPrivilegesError('Unexpected text');
    } else {
      const tagPrefix = prefixOf(key);
      if (
        (tagPrefix !== null && tagPrefix !== prefix) ||
        !shape.children.includes(localName(key))
      ) {
        throw new InvalidPrivilegesError('Unknown element');
      }
    }
  }
}

function childrenNamed(node: XmlNode, name: string): unknown[] {
  return Object.entries(node)
    .filter(([tag]) => !tag.startsWith('@_') && tag !== '#text' && localName(tag) === name)
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
 * Anything the parser does not understand makes the profile invalid, at any depth: an unknown
 * constraint name, element or attribute, text outside `Privilege` and `Constraint`, or a role URI
 * under no configured prefix. The graph cannot honour a restriction it does not understand, and
 * ignoring it would widen the grant.
 */
export function parseBasicPrivilegeProfile(
  base64: string,
  options: PrivilegeReadOptions = {},
): PrivilegeGroup[] {
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
  const roots = Object.entries(document).filter(([tag]) => tag !== '?xml');
  const [root] = roots;
  if (roots.length !== 1 || !root || localName(root[0]) !== 'PrivilegeList') {
    throw new InvalidPrivilegesError('Expected a PrivilegeList');
  }
  const [tag, value] = root;
  const rootNode = (typeof value === 'object' && value !== null ? value : {}) as XmlNode;
  const prefix = prefixOf(tag);
  assertShape(value, SHAPES.PrivilegeList, prefix);
  const namespace = rootNode[prefix ? `@_xmlns:${prefix}` : '@_xmlns'];
  if (!(BPP_NAMESPACES as readonly unknown[]).includes(namespace)) {
    throw new InvalidPrivilegesError('Unknown privilege profile namespace');
  }
  const groups = childrenNamed(rootNode, 'PrivilegeGroup');
  if (groups.length > MAX_PRIVILEGE_GROUPS) throw new InvalidPrivilegesError('Too many groups');
  return groups.map((entry, index) => {
    assertShape(entry, SHAPES.PrivilegeGroup, prefix);
    const group = (typeof entry === 'object' && entry !== null ? entry : {}) as XmlNode;
    const scope = group['@_Scope'];
    if (typeof scope !== 'string' || !scope.startsWith(SCOPE_PREFIX)) {
      throw new InvalidPrivilegesError('A privilege group has no CVR scope');
    }
    const raw = {
      cvr: scope.slice(SCOPE_PREFIX.length),
      roles: childrenNamed(group, 'Privilege').map((privilege) => {
        assertShape(privilege, SHAPES.Privilege, prefix);
        return textOf(privilege);
      }),
      kle: null as string[] | null,
      enheder: null as string[] | null,
      foelsomhed: null as string[] | null,
    };
    for (const constraint of childrenNamed(group, 'Constraint')) {
      assertShape(constraint, SHAPES.Constraint, prefix);
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
    return buildPrivilegeGroup(raw, index, options);
  });
}
