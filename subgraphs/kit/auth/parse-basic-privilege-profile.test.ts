import { InvalidPrivilegesError } from './invalid-privileges-error';
import { BPP_NAMESPACES, parseBasicPrivilegeProfile } from './parse-basic-privilege-profile';

const UNIT = '6f1a6b2c-3d4e-4f50-8a9b-0c1d2e3f4a5b';

function encode(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}

function profile(namespace: string, groups: string): string {
  return encode(
    `<?xml version="1.0" encoding="UTF-8"?>` +
      `<bpp:PrivilegeList xmlns:bpp="${namespace}" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${groups}</bpp:PrivilegeList>`,
  );
}

/** One group of Jammerbugt's holding `content`. */
function group(content: string): string {
  return profile(
    BPP_NAMESPACES[0],
    `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189625">${content}</PrivilegeGroup>`,
  );
}

const GROUPS =
  `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189625">` +
  `<Privilege>http://kombit.dk/roles/usersystemrole/sag_laes/1</Privilege>` +
  `<Privilege>http://kombit.dk/roles/usersystemrole/ukendt_rolle/1</Privilege>` +
  `<Constraint Name="http://sts.kombit.dk/constraints/KLE/1">02.*, 27.24.03</Constraint>` +
  `<Constraint Name="http://sts.kombit.dk/constraints/orgenhed/1">${UNIT}</Constraint>` +
  `<Constraint Name="http://sts.kombit.dk/constraints/foelsomhed/1">FORTROLIG</Constraint>` +
  `</PrivilegeGroup>` +
  `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189501">` +
  `<Privilege>sag:skriv</Privilege>` +
  `</PrivilegeGroup>`;

describe('parseBasicPrivilegeProfile', () => {
  it.each(BPP_NAMESPACES)('reads groups, roles and constraints under %s', (namespace) => {
    expect(parseBasicPrivilegeProfile(profile(namespace, GROUPS))).toEqual([
      {
        id: '29189625#1',
        cvr: '29189625',
        roles: ['sag:laes'],
        kle: ['02.*', '27.24.03'],
        enheder: [UNIT],
        foelsomhed: 'FORTROLIG',
      },
      {
        id: '29189501#2',
        cvr: '29189501',
        roles: ['sag:skriv'],
        kle: null,
        enheder: null,
        foelsomhed: null,
      },
    ]);
  });

  it('reads a profile whose elements use a default namespace', () => {
    const xml = encode(
      `<PrivilegeList xmlns="${BPP_NAMESPACES[1]}">` +
        `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189625">` +
        `<Privilege>http://kombit.dk/roles/usersystemrole/bbr_laes/1</Privilege>` +
        `</PrivilegeGroup></PrivilegeList>`,
    );
    expect(parseBasicPrivilegeProfile(xml)).toEqual([
      expect.objectContaining({ cvr: '29189625', roles: ['bbr:laes'] }),
    ]);
  });

  it.each([
    ['an unknown namespace', profile('http://example.com/other', GROUPS)],
    ['a document type', encode(`<!DOCTYPE x [<!ENTITY a "b">]><x/>`)],
    ['not XML', encode('not xml at all <<<')],
    ['another root element', encode(`<bpp:Other xmlns:bpp="${BPP_NAMESPACES[0]}"/>`)],
    [
      'a group without a CVR scope',
      profile(
        BPP_NAMESPACES[0],
        `<PrivilegeGroup Scope="urn:other:1"><Privilege>sag:laes</Privilege></PrivilegeGroup>`,
      ),
    ],
    [
      'an unknown constraint (ignoring it would widen the grant)',
      profile(
        BPP_NAMESPACES[0],
        `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189625">` +
          `<Privilege>sag:laes</Privilege>` +
          `<Constraint Name="http://sts.kombit.dk/constraints/ny/1">x</Constraint></PrivilegeGroup>`,
      ),
    ],
    [
      'a malformed KLE restriction',
      profile(
        BPP_NAMESPACES[0],
        `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189625">` +
          `<Constraint Name="http://sts.kombit.dk/constraints/KLE/1">02.3</Constraint></PrivilegeGroup>`,
      ),
    ],
    [
      'a repeated constraint',
      profile(
        BPP_NAMESPACES[0],
        `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189625">` +
          `<Constraint Name="http://sts.kombit.dk/constraints/KLE/1">02.*</Constraint>` +
          `<Constraint Name="http://sts.kombit.dk/constraints/KLE/1">27.*</Constraint></PrivilegeGroup>`,
      ),
    ],
    [
      'a constraint nested in a privilege (dropping it would widen the grant)',
      group(
        `<Privilege>http://kombit.dk/roles/usersystemrole/sag_laes/1` +
          `<Constraint Name="http://sts.kombit.dk/constraints/KLE/1">02.*</Constraint></Privilege>`,
      ),
    ],
    [
      'a constraint inside a wrapper element',
      group(
        `<Privilege>http://kombit.dk/roles/usersystemrole/sag_laes/1</Privilege>` +
          `<Constraints><Constraint Name="http://sts.kombit.dk/constraints/KLE/1">02.*</Constraint>` +
          `</Constraints>`,
      ),
    ],
    [
      'a group wrapped in an unknown element',
      profile(BPP_NAMESPACES[0], `<Groups>${GROUPS}</Groups>`),
    ],
    [
      'an unknown attribute on a group',
      profile(
        BPP_NAMESPACES[0],
        `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189625" Foelsomhed="x">` +
          `<Privilege>sag:laes</Privilege></PrivilegeGroup>`,
      ),
    ],
    [
      'an unknown attribute on a privilege',
      group(`<Privilege Kle="02.*">http://kombit.dk/roles/usersystemrole/sag_laes/1</Privilege>`),
    ],
    [
      'an unknown attribute on a constraint',
      group(
        `<Constraint Name="http://sts.kombit.dk/constraints/KLE/1" Mode="any">02.*</Constraint>`,
      ),
    ],
    [
      'an unknown attribute on the list',
      encode(`<bpp:PrivilegeList xmlns:bpp="${BPP_NAMESPACES[0]}" Version="2"/>`),
    ],
    ['text in a group', group(`<Privilege>sag:laes</Privilege>02.*`)],
    [
      'an element of another namespace prefix',
      group(`<x:Privilege xmlns:x="http://example.com/x">sag:laes</x:Privilege>`),
    ],
    [
      'a role URI outside the KOMBIT namespace',
      group(`<Privilege>http://evil.example/roles/other-system/sag_laes/1</Privilege>`),
    ],
  ])('refuses %s', (_, value) => {
    expect(() => parseBasicPrivilegeProfile(value)).toThrow(InvalidPrivilegesError);
  });

  it('still reads the profile with the same content when nothing unknown is in it', () => {
    // The allowed twin of the refusals above, so a parser that refuses everything cannot pass.
    expect(
      parseBasicPrivilegeProfile(
        group(
          `<Privilege>http://kombit.dk/roles/usersystemrole/sag_laes/1</Privilege>` +
            `<Constraint Name="http://sts.kombit.dk/constraints/KLE/1">02.*</Constraint>`,
        ),
      ),
    ).toEqual([expect.objectContaining({ roles: ['sag:laes'], kle: ['02.*'] })]);
  });

  it('reads roles under a configured prefix, and refuses them once it is no longer configured', () => {
    const xml = group(`<Privilege>https://roller.example.dk/sag_skriv/1</Privilege>`);
    expect(
      parseBasicPrivilegeProfile(xml, { rolePrefixes: ['https://roller.example.dk/'] }),
    ).toEqual([expect.objectContaining({ roles: ['sag:skriv'] })]);
    expect(() => parseBasicPrivilegeProfile(xml)).toThrow(InvalidPrivilegesError);
  });
});
