import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import bygningFixtures from './fixtures/bygning.json';
import enhedFixtures from './fixtures/enhed.json';
import grundFixtures from './fixtures/grund.json';

/** The path the REST resources hang under, as on Datafordeleren. */
export const BBR_REST_PATH = '/BBR/BBRPublic/1/rest';

/** @default 20, as the real service; the largest page it serves is MAX_PAGE_SIZE. */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 1000;

export type BbrRecord = Record<string, unknown>;

export interface OfflineBbrRequest {
  /** `/bygning`, `/enhed` or `/grund` (or whatever was asked for). */
  path: string;
  /** The query parameters as sent. */
  params: Record<string, string>;
}

export interface OfflineBbrFaults {
  /** Wait this long before answering. */
  latencyMs?: number;
  /** Answer with this HTTP status (and no data). */
  status?: number;
  /** Sent as `Retry-After` with `status`. */
  retryAfterSeconds?: number;
  /** Answer with a body that is not JSON. */
  malformed?: boolean;
  /** Apply the faults to this many requests, then answer normally. @default every request */
  times?: number;
}

export interface OfflineBbrUpstreamOptions {
  /** @default 0: a free port */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default the fixtures in ./fixtures */
  data?: { bygning?: BbrRecord[]; enhed?: BbrRecord[]; grund?: BbrRecord[] };
}

export interface OfflineBbrUpstream {
  /** The REST base, ending in /BBR/BBRPublic/1/rest; point BBR_API_URL here. */
  url: string;
  /** Every request received, oldest first. */
  requests: OfflineBbrRequest[];
  setFaults(faults: OfflineBbrFaults): void;
  clearFaults(): void;
  stop(): Promise<void>;
}

type Resource = 'bygning' | 'enhed' | 'grund';

// Parameter name (lower case) → the record field it matches (exactly, or one of `|`-joined values).
const FIELD_FILTERS: Record<Resource, Record<string, string>> = {
  bygning: { id: 'id_lokalId', husnummer: 'husnummer', kommunekode: 'kommunekode', grund: 'grund' },
  enhed: { id: 'id_lokalId', bygningsid: 'bygning', kommunekode: 'kommunekode' },
  grund: {
    id: 'id_lokalId',
    husnummer: 'husnummer',
    kommunekode: 'kommunekode',
    bfenummer: 'bestemtFastEjendomBFENr',
  },
};

function getLokalId(record: BbrRecord): unknown {
  return record.id_lokalId ?? record.id_lokalid;
}

function toTime(value: unknown, open: number): number {
  return typeof value === 'string' ? Date.parse(value) : open;
}

// Keeps registrations whose interval [fra, til) overlaps the asked [from, to].
function overlaps(record: BbrRecord, prefix: string, from?: string, to?: string): boolean {
  const fra = toTime(record[`${prefix}Fra`], -Infinity);
  const til = toTime(record[`${prefix}Til`], Infinity);
  if (from !== undefined && til <= Date.parse(from)) return false;
  if (to !== undefined && fra > Date.parse(to)) return false;
  return true;
}

/**
 * A stand-in for Datafordeleren's BBR REST service over fixture data: the same paths and
 * parameters, a bare JSON array of every matching registration (history included, as the real
 * service answers without a time filter), and switches that make it slow, failing or garbled.
 */
export async function createOfflineBbrUpstream(
  options: OfflineBbrUpstreamOptions = {},
): Promise<OfflineBbrUpstream> {
  const data: Record<Resource, BbrRecord[]> = {
    bygning: options.data?.bygning ?? (bygningFixtures as BbrRecord[]),
    enhed: options.data?.enhed ?? (enhedFixtures as BbrRecord[]),
    grund: options.data?.grund ?? (grundFixtures as BbrRecord[]),
  };
  const requests: OfflineBbrRequest[] = [];
  let faults: OfflineBbrFaults | null = null;

  function search(resource: Resource, params: Map<string, string>): BbrRecord[] {
    let records = data[resource];
    for (const [name, field] of Object.entries(FIELD_FILTERS[resource])) {
      const value = params.get(name);
      if (value === undefined) continue;
      const wanted = new Set(value.toLowerCase().split('|'));
      records = records.filter((record) => {
        const actual = name === 'id' ? getLokalId(record) : record[field];
        return typeof actual === 'string' && wanted.has(actual.toLowerCase());
      });
    }
    const bfe = params.get('bfenummer');
    if (bfe !== undefined && resource !== 'grund') {
      // A building or unit lies on the property through its grund.
      const grunde = new Set(
        data.grund.filter((g) => g.bestemtFastEjendomBFENr === bfe).map((g) => getLokalId(g)),
      );
      const bygninger = new Set(
        data.bygning.filter((b) => grunde.has(b.grund)).map((b) => getLokalId(b)),
      );
      records = records.filter((r) =>
        resource === 'bygning' ? grunde.has(r.grund) : bygninger.has(r.bygning),
      );
    }
    return records.filter(
      (r) =>
        overlaps(r, 'virkning', params.get('virkningfra'), params.get('virkningtil')) &&
        overlaps(r, 'registrering', params.get('registreringfra'), params.get('registreringtil')),
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.startsWith(BBR_REST_PATH)
      ? url.pathname.slice(BBR_REST_PATH.length)
      : url.pathname;
    requests.push({ path, params: Object.fromEntries(url.searchParams) });
    const active = faults;
    if (active?.times !== undefined && (active.times -= 1) <= 0) faults = null;
    if (active?.latencyMs) {
      const latencyMs = active.latencyMs;
      // A caller that gave up (or stop()) ends the wait, so no timer outlives the connection.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, latencyMs);
        res.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (res.destroyed) return;
    if (active?.status) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (active.retryAfterSeconds !== undefined) {
        headers['retry-after'] = String(active.retryAfterSeconds);
      }
      res.writeHead(active.status, headers).end('{"error":"injected"}');
      return;
    }
    if (active?.malformed) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('[{"id_lokalId": "oops"');
      return;
    }
    const resource = path.replace(/^\//, '').toLowerCase();
    if (resource !== 'bygning' && resource !== 'enhed' && resource !== 'grund') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    // BBR's parameter names are not case-sensitive.
    const params = new Map([...url.searchParams].map(([k, v]) => [k.toLowerCase(), v]));
    const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
    const pagesize = Math.min(
      MAX_PAGE_SIZE,
      Math.max(1, Number(params.get('pagesize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE),
    );
    const matches = search(resource, params).slice((page - 1) * pagesize, page * pagesize);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(matches));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}${BBR_REST_PATH}`,
    requests,
    setFaults: (next) => {
      faults = { ...next };
    },
    clearFaults: () => {
      faults = null;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
