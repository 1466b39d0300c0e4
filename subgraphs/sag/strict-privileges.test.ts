import type { JWTPayload } from 'jose';
import { getTestIssuer } from '../kit/auth/testing/create-test-issuer';
import { createEmbeddedStore } from '../kit/store/embedded-store';
import { ORGANISATION_REFS } from './seed/organisation-refs';
import { seedSag } from './seed/seed-sag';
import { startTestServer, type TestServer } from './testing/start-test-server';

const JB = ORGANISATION_REFS.jammerbugt;
const KOMBIT = 'http://kombit.dk/roles/usersystemrole/';
const KLE = 'http://sts.kombit.dk/constraints/KLE/1';

/** A token whose privileges are one Basic Privilege Profile group of Jammerbugt holding `content`. */
function bpp(content: string, groupAttributes = ''): JWTPayload {
  const xml =
    `<bpp:PrivilegeList xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile">` +
    `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${JB.cvr}"${groupAttributes}>` +
    `${content}</PrivilegeGroup></bpp:PrivilegeList>`;
  return { sub: 'u1', privileges_intermediate: Buffer.from(xml, 'utf8').toString('base64') };
}

const COUNT = `{ sager(first: 1) { totalCount } }`;

describe('a token with privileges the graph does not understand is refused with 401', () => {
  let server: TestServer;
  const ask = async (claims: JWTPayload) => {
    const token = await (await getTestIssuer()).sign(claims);
    return server.query(COUNT, { headers: { authorization: `Bearer ${token}` } });
  };

  beforeAll(async () => {
    const store = createEmbeddedStore();
    await seedSag(store);
    server = await startTestServer(store);
  });
  afterAll(() => server.stop());

  it.each<[string, JWTPayload]>([
    [
      'a KLE constraint nested in the privilege',
      bpp(`<Privilege>${KOMBIT}sag_laes/1<Constraint Name="${KLE}">02.*</Constraint></Privilege>`),
    ],
    [
      'a KLE constraint inside a wrapper element',
      bpp(
        `<Privilege>${KOMBIT}sag_laes/1</Privilege>` +
          `<Constraints><Constraint Name="${KLE}">02.*</Constraint></Constraints>`,
      ),
    ],
    [
      'an attribute the profile does not define',
      bpp(`<Privilege>${KOMBIT}sag_laes/1</Privilege>`, ' KLE="02.*"'),
    ],
    [
      'an unknown key in a JSON group',
      { sub: 'u1', privilegier: [{ cvr: JB.cvr, roller: ['sag:laes'], kle2: ['27.*'] }] },
    ],
    [
      'a role URI of another namespace',
      bpp(`<Privilege>http://evil.example/roles/other-system/sag_laes/1</Privilege>`),
    ],
  ])('%s', async (_, claims) => {
    const response = await ask(claims);
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.body.data).toBeUndefined();
  });

  it('answers the same privileges written the way the profile defines them', async () => {
    const response = await ask(
      bpp(`<Privilege>${KOMBIT}sag_laes/1</Privilege><Constraint Name="${KLE}">02.*</Constraint>`),
    );
    expect(response.status).toBe(200);
    const { totalCount } = (response.body.data as { sager: { totalCount: number } }).sager;
    // Restricted to Jammerbugt's 02.* cases: some, but fewer than the full-access caller sees.
    const all = (await server.query<{ sager: { totalCount: number } }>(COUNT)).body.data;
    expect(totalCount).toBeGreaterThan(0);
    expect(totalCount).toBeLessThan(all?.sager.totalCount ?? 0);
  });
});
