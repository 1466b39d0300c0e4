import {
  createOfflineBbrUpstream,
  OFFLINE_MAX_PAGE_SIZE,
  type OfflineBbrUpstream,
} from './create-offline-bbr-upstream';

// Building 1 of Jammerbugt: its use changed from 110 to 120 in effect 2021-06-01.
const BYGNING = '857ac2f9-a151-57d8-bb2c-81f37a35a7f2';
const API_KEY = 'offline-key';

let upstream: OfflineBbrUpstream;

beforeAll(async () => {
  upstream = await createOfflineBbrUpstream({
    credentials: { apiKey: API_KEY, username: 'u', password: 'p' },
    now: () => Date.parse('2026-06-01T00:00:00Z'),
  });
});
afterAll(() => upstream.stop());

interface Connection {
  nodes: Record<string, unknown>[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
}
interface GraphqlBody {
  data: { BBR_Bygning: Connection };
  errors?: { message: string }[];
}

async function graphql(
  query: string,
  apiKey = API_KEY,
): Promise<{ status: number; body: GraphqlBody }> {
  const response = await fetch(`${upstream.graphqlUrl}/BBR/v3?apiKey=${apiKey}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as GraphqlBody };
}

const byId = (args = '') =>
  `{ BBR_Bygning(where: { id_lokalId: { eq: "${BYGNING}" } } ${args}) {
      pageInfo { hasNextPage endCursor } nodes { id_lokalId byg021BygningensAnvendelse byg026Opfoerelsesaar }
    } }`;

describe('the offline BBR upstream', () => {
  it('answers "now" when no time is given, and the time given otherwise', async () => {
    const now = await graphql(byId());
    const then = await graphql(byId('virkningstid: "2020-01-01T00:00:00Z"'));
    expect(now.body.data.BBR_Bygning.nodes).toEqual([
      { id_lokalId: BYGNING, byg021BygningensAnvendelse: '120', byg026Opfoerelsesaar: 1937 },
    ]);
    expect(then.body.data.BBR_Bygning.nodes).toEqual([
      expect.objectContaining({ byg021BygningensAnvendelse: '110' }),
    ]);
  });

  it('serves no page beyond its limit and pages on with the cursor', async () => {
    const page = (after: string) =>
      graphql(`{ BBR_Bygning(where: { kommunekode: { eq: "0849" } }, first: 500 ${after}) {
        pageInfo { hasNextPage endCursor } nodes { id_lokalId } } }`);
    const first = (await page('')).body.data.BBR_Bygning;
    expect(first.nodes).toHaveLength(OFFLINE_MAX_PAGE_SIZE);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await page(`, after: "${first.pageInfo.endCursor}"`)).body.data.BBR_Bygning;
    expect(second.nodes.length).toBeGreaterThan(0);
    expect(second.nodes[0]?.id_lokalId).not.toBe(first.nodes[0]?.id_lokalId);
  });

  it('refuses a wrong API key with 401, and a field the service does not have', async () => {
    expect((await graphql(byId(), 'wrong')).status).toBe(401);
    const unknown = await graphql(`
      {
        BBR_Bygning(first: 1) {
          nodes {
            byg999UkendtFelt
          }
        }
      }
    `);
    expect(unknown.body.errors?.[0]?.message).toMatch(/does not exist/);
  });

  it('speaks REST: a bare array at the point in time asked, 401 on a wrong password', async () => {
    const rest = (params: string) =>
      fetch(`${upstream.url}/bygning?Id=${BYGNING}&Format=JSON&${params}`);
    const now = await rest('username=u&password=p');
    expect(
      ((await now.json()) as unknown[]).map(
        (r) => (r as Record<string, unknown>).byg021BygningensAnvendelse,
      ),
    ).toEqual(['120']);
    const then = await rest(
      'username=u&password=p&VirkningFra=2020-01-01T00:00:00Z&VirkningTil=2020-01-01T00:00:00Z',
    );
    expect(
      ((await then.json()) as Record<string, unknown>[]).map((r) => r['byg026Opførelsesår']),
    ).toEqual([1937]);
    expect((await rest('username=u&password=wrong')).status).toBe(401);
  });
});
