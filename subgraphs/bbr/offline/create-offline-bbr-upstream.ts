import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Kind,
  parse,
  valueFromASTUntyped,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';
import { toAsciiRecord } from '../upstream/to-ascii-field-name';
import bygningFixtures from './fixtures/bygning.json';
import enhedFixtures from './fixtures/enhed.json';
import grundFixtures from './fixtures/grund.json';
import { generateOfflineBygninger } from './generate-offline-bygninger';

/** The path the REST resources hang under, as on Datafordeleren. */
export const BBR_REST_PATH = '/BBR/BBRPublic/1/rest';
/** The GraphQL service of BBR is `<root>/BBR/<version>`. */
const GRAPHQL_PATH = /^\/BBR\/(v\d+)\/?$/;
/** The token endpoint (OAuth 2 client credentials grant). */
export const OFFLINE_TOKEN_PATH = '/oauth/token';

/** REST's documented default page size; the offline service also serves no larger page. */
const DEFAULT_PAGE_SIZE = 100;
export const OFFLINE_MAX_PAGE_SIZE = 100;
/** Generated buildings per municipality besides the fixtures: more than one page. */
export const OFFLINE_GENERATED_PER_KOMMUNE = 150;

export type BbrRecord = Record<string, unknown>;

export interface OfflineBbrRequest {
  protocol: 'rest' | 'graphql' | 'token';
  /** REST: `/bygning`, …; GraphQL: the entity, e.g. `BBR_Bygning`; token: the path. */
  path: string;
  /**
   * REST: the query parameters as sent (credentials left out). GraphQL: the entity's arguments
   * (`virkningstid`, `registreringstid`, `first`, `after`, and `where` as JSON).
   */
  params: Record<string, string>;
  /** Which credential the request carried. */
  credential: 'api-key' | 'bearer' | 'password' | 'client-secret' | 'none';
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

/** What the offline service accepts; without it any request (or none) is let in. */
export interface OfflineBbrCredentials {
  /** GraphQL: the `apiKey` parameter. */
  apiKey?: string;
  /** REST: the `username`/`password` parameters. */
  username?: string;
  password?: string;
  /** The token endpoint's client; its tokens are accepted as bearer tokens by GraphQL. */
  clientId?: string;
  clientSecret?: string;
  /** @default 3600 */
  tokenLifetimeSeconds?: number;
}

export interface OfflineBbrUpstreamOptions {
  /** @default 0: a free port */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default the fixtures in ./fixtures plus generated buildings */
  data?: { bygning?: BbrRecord[]; enhed?: BbrRecord[]; grund?: BbrRecord[] };
  /** Further buildings generated per municipality. @default 150 */
  generatedPerKommune?: number;
  credentials?: OfflineBbrCredentials;
  /** "Now" when a request gives no time, and the tokens' clock. @default Date.now */
  now?: () => number;
}

export interface OfflineBbrUpstream {
  /** The REST base, ending in /BBR/BBRPublic/1/rest. */
  url: string;
  /** The GraphQL service root (the client adds `/BBR/<version>`). */
  graphqlUrl: string;
  /** The token endpoint. */
  tokenUrl: string;
  /** Every request received, oldest first. */
  requests: OfflineBbrRequest[];
  setFaults(faults: OfflineBbrFaults): void;
  clearFaults(): void;
  stop(): Promise<void>;
}

type Resource = 'bygning' | 'enhed' | 'grund' | 'etage';

const ENTITIES: Readonly<Record<string, Resource>> = {
  BBR_Bygning: 'bygning',
  BBR_Enhed: 'enhed',
  BBR_Grund: 'grund',
  BBR_Etage: 'etage',
};

// REST parameter (lower case) → the record field it matches (exactly, or one of `|`-joined values).
const REST_FILTERS: Record<Exclude<Resource, 'etage'>, Record<string, string>> = {
  bygning: {
    id: 'id_lokalId',
    husnummer: 'husnummer',
    kommunekode: 'kommunekode',
    grund: 'grund',
  },
  enhed: { id: 'id_lokalId', bygning: 'bygning', kommunekode: 'kommunekode' },
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

/** Whether the registration's interval [fra, til) overlaps [from, to] (REST's period search). */
function overlaps(record: BbrRecord, prefix: string, from: number, to: number): boolean {
  const fra = toTime(record[`${prefix}Fra`], -Infinity);
  const til = toTime(record[`${prefix}Til`], Infinity);
  return til > from && fra <= to;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The floors nested in the buildings, as records of their own (GraphQL's `BBR_Etage`). */
function toEtager(bygninger: readonly BbrRecord[]): BbrRecord[] {
  const etager: BbrRecord[] = [];
  for (const bygning of bygninger) {
    const list = Array.isArray(bygning.etageList) ? bygning.etageList : [];
    for (const entry of list) {
      if (isObject(entry) && isObject(entry.etage)) etager.push(entry.etage);
    }
  }
  return etager;
}

/**
 * A fixture record as the GraphQL service sends it: ASCII field names, and one spelling of the
 * id (REST's nested lists sometimes write `id_lokalid`; the GraphQL schema has only `id_lokalId`).
 */
function toGraphqlRecord(record: BbrRecord): BbrRecord {
  const { id_lokalid: lowerId, ...rest } = toAsciiRecord(record);
  return { ...rest, id_lokalId: rest.id_lokalId ?? lowerId ?? null };
}

class GraphqlRequestError extends Error {}

const encodeOffset = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64');
function decodeOffset(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw new GraphqlRequestError('The cursor is not valid.');
  return Number(match[1]);
}

/**
 * A stand-in for Datafordeleren's BBR over fixture data, in both of its shapes: the GraphQL
 * service (`POST /BBR/<version>`, entity queries with `where`, `virkningstid`, `registreringstid`,
 * `first`/`after` and `pageInfo`, ASCII field names, only the fields asked for) and the REST
 * service (`/BBR/BBRPublic/1/rest/...`, a bare array, `VirkningFra/Til`, `RegistreringFra/Til`,
 * `page`/`pagesize`). Like the real one it answers "now" when no time is given, applies the time
 * arguments itself over the fixtures' histories, serves no page beyond 100, and refuses wrong
 * credentials with 401. It also serves an OAuth token endpoint, records every request, and has
 * switches that make it slow, failing or garbled.
 */
export async function createOfflineBbrUpstream(
  options: OfflineBbrUpstreamOptions = {},
): Promise<OfflineBbrUpstream> {
  const now = options.now ?? Date.now;
  const fixturesBygning = options.data?.bygning ?? (bygningFixtures as BbrRecord[]);
  const bygninger = [
    ...fixturesBygning,
    ...(options.data?.bygning
      ? []
      : generateOfflineBygninger(
          fixturesBygning,
          options.generatedPerKommune ?? OFFLINE_GENERATED_PER_KOMMUNE,
        )),
  ];
  const data: Record<Resource, BbrRecord[]> = {
    bygning: bygninger,
    enhed: options.data?.enhed ?? (enhedFixtures as BbrRecord[]),
    grund: options.data?.grund ?? (grundFixtures as BbrRecord[]),
    etage: toEtager(bygninger),
  };
  const ascii: Record<Resource, BbrRecord[]> = {
    bygning: data.bygning.map(toGraphqlRecord),
    enhed: data.enhed.map(toGraphqlRecord),
    grund: data.grund.map(toGraphqlRecord),
    etage: data.etage.map(toGraphqlRecord),
  };
  const requests: OfflineBbrRequest[] = [];
  const tokens = new Map<string, number>();
  const credentials = options.credentials;
  let faults: OfflineBbrFaults | null = null;

  function sendJson(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Applies the active faults; true when the request was answered by them. */
  async function applyFaults(res: ServerResponse): Promise<boolean> {
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
    if (res.destroyed) return true;
    if (active?.status) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (active.retryAfterSeconds !== undefined) {
        headers['retry-after'] = String(active.retryAfterSeconds);
      }
      res.writeHead(active.status, headers).end('{"error":"injected"}');
      return true;
    }
    if (active?.malformed) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('[{"id_lokalId": "oops"');
      return true;
    }
    return false;
  }

  // ---- token endpoint ----

  async function handleToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    requests.push({
      protocol: 'token',
      path: OFFLINE_TOKEN_PATH,
      params: { grant_type: form.get('grant_type') ?? '' },
      credential: form.has('client_secret') ? 'client-secret' : 'none',
    });
    if (form.get('grant_type') !== 'client_credentials') {
      return sendJson(res, 400, { error: 'unsupported_grant_type' });
    }
    if (
      credentials?.clientId === undefined ||
      form.get('client_id') !== credentials.clientId ||
      form.get('client_secret') !== credentials.clientSecret
    ) {
      return sendJson(res, 400, { error: 'invalid_client' });
    }
    const lifetime = credentials.tokenLifetimeSeconds ?? 3600;
    const token = randomUUID();
    tokens.set(token, now() + lifetime * 1000);
    sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: lifetime });
  }

  // ---- REST ----

  function searchRest(
    resource: Exclude<Resource, 'etage'>,
    params: Map<string, string>,
  ): BbrRecord[] {
    let records = data[resource];
    for (const [name, field] of Object.entries(REST_FILTERS[resource])) {
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
      const onGrund = new Set(data.bygning.filter((b) => grunde.has(b.grund)).map(getLokalId));
      records = records.filter((r) =>
        resource === 'bygning' ? grunde.has(r.grund) : onGrund.has(r.bygning),
      );
    }
    // Without time parameters the service answers what is registered and in effect now.
    const at = now();
    const time = (name: string): number => {
      const value = params.get(name);
      return value === undefined ? at : Date.parse(value);
    };
    return records.filter(
      (r) =>
        overlaps(r, 'virkning', time('virkningfra'), time('virkningtil')) &&
        overlaps(r, 'registrering', time('registreringfra'), time('registreringtil')),
    );
  }

  function handleRest(url: URL, path: string, res: ServerResponse): void {
    if (
      credentials !== undefined &&
      (credentials.username === undefined ||
        url.searchParams.get('username') !== credentials.username ||
        url.searchParams.get('password') !== credentials.password)
    ) {
      return sendJson(res, 401, { error: 'Unauthorized' });
    }
    const resource = path.replace(/^\//, '').toLowerCase();
    if (resource !== 'bygning' && resource !== 'enhed' && resource !== 'grund') {
      return sendJson(res, 404, { error: 'not found' });
    }
    // BBR's parameter names are not case-sensitive.
    const lower = new Map([...url.searchParams].map(([k, v]) => [k.toLowerCase(), v]));
    const page = Math.max(1, Number(lower.get('page') ?? 1) || 1);
    const pagesize = Math.min(
      OFFLINE_MAX_PAGE_SIZE,
      Math.max(1, Number(lower.get('pagesize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE),
    );
    const matches = searchRest(resource, lower).slice((page - 1) * pagesize, page * pagesize);
    sendJson(res, 200, matches);
  }

  // ---- GraphQL ----

  function isAuthorisedForGraphql(url: URL, bearer: string | null): boolean {
    if (credentials === undefined) return true;
    const apiKey = url.searchParams.get('apiKey');
    if (apiKey !== null) return credentials.apiKey !== undefined && apiKey === credentials.apiKey;
    if (bearer === null) return false;
    const expires = tokens.get(bearer);
    return expires !== undefined && now() < expires;
  }

  function matchesWhere(record: BbrRecord, where: unknown): boolean {
    if (where === undefined || where === null) return true;
    if (!isObject(where)) throw new GraphqlRequestError('where must be an object');
    return Object.entries(where).every(([field, condition]) => {
      if (!isObject(condition)) throw new GraphqlRequestError(`where.${field} must be an object`);
      const actual = record[field];
      const value = typeof actual === 'string' ? actual.toLowerCase() : actual;
      if ('eq' in condition) {
        const eq = condition.eq;
        return value === (typeof eq === 'string' ? eq.toLowerCase() : eq);
      }
      if ('in' in condition && Array.isArray(condition.in)) {
        return condition.in.some((v) => value === (typeof v === 'string' ? v.toLowerCase() : v));
      }
      throw new GraphqlRequestError(`where.${field} supports eq and in`);
    });
  }

  function atInstant(record: BbrRecord, prefix: string, instant: number): boolean {
    return (
      toTime(record[`${prefix}Fra`], -Infinity) <= instant &&
      instant < toTime(record[`${prefix}Til`], Infinity)
    );
  }

  function readInstant(value: unknown, name: string): number {
    if (value === undefined || value === null) return now();
    const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(time)) throw new GraphqlRequestError(`${name} must be a date-time`);
    return time;
  }

  function selectFields(node: BbrRecord, field: FieldNode, typeName: string): BbrRecord {
    const out: BbrRecord = {};
    for (const selection of field.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD)
        throw new GraphqlRequestError('Fragments are not supported.');
      const name = selection.name.value;
      if (!(name in node) && !KNOWN_NULLABLE.has(name)) {
        throw new GraphqlRequestError(
          `The field \`${name}\` does not exist on the type \`${typeName}\`.`,
        );
      }
      out[selection.alias?.value ?? name] = node[name] ?? null;
    }
    return out;
  }

  function answerEntity(
    field: FieldNode,
    variables: Record<string, unknown>,
    entry: OfflineBbrRequest,
  ): unknown {
    const entity = field.name.value;
    const resource = ENTITIES[entity];
    if (resource === undefined) {
      throw new GraphqlRequestError(
        `The field \`${entity}\` does not exist on the type \`Query\`.`,
      );
    }
    const args: Record<string, unknown> = {};
    for (const arg of field.arguments ?? []) {
      args[arg.name.value] = valueFromASTUntyped(arg.value, variables);
    }
    // Recorded on this request's own entry: other requests may have arrived meanwhile.
    entry.path = entity;
    entry.params = Object.fromEntries(
      Object.entries(args).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]),
    );
    const virkningstid = readInstant(args.virkningstid, 'virkningstid');
    const registreringstid = readInstant(args.registreringstid, 'registreringstid');
    const first = Math.min(
      OFFLINE_MAX_PAGE_SIZE,
      typeof args.first === 'number' && args.first > 0 ? args.first : 10,
    );
    const offset = typeof args.after === 'string' ? decodeOffset(args.after) : 0;
    const matches = ascii[resource].filter(
      (record) =>
        atInstant(record, 'virkning', virkningstid) &&
        atInstant(record, 'registrering', registreringstid) &&
        matchesWhere(record, args.where),
    );
    const page = matches.slice(offset, offset + first);
    const result: Record<string, unknown> = {};
    for (const selection of field.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD)
        throw new GraphqlRequestError('Fragments are not supported.');
      const name = selection.name.value;
      if (name === 'nodes') {
        result[name] = page.map((node) => selectFields(node, selection, entity));
      } else if (name === 'pageInfo') {
        const end = offset + page.length;
        result[name] = selectFields(
          {
            startCursor: page.length > 0 ? encodeOffset(offset) : null,
            endCursor: page.length > 0 ? encodeOffset(end) : null,
            hasNextPage: end < matches.length,
            hasPreviousPage: offset > 0,
          },
          selection,
          'PageInfo',
        );
      } else {
        throw new GraphqlRequestError(`The field \`${name}\` does not exist on the connection.`);
      }
    }
    return result;
  }

  async function handleGraphql(req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> {
    const authorization = req.headers.authorization ?? '';
    const bearer = /^Bearer (.+)$/i.exec(authorization)?.[1] ?? null;
    const entry: OfflineBbrRequest = {
      protocol: 'graphql',
      path: url.pathname,
      params: {},
      credential: url.searchParams.has('apiKey') ? 'api-key' : bearer !== null ? 'bearer' : 'none',
    };
    requests.push(entry);
    if (!isAuthorisedForGraphql(url, bearer)) {
      return sendJson(res, 401, { errors: [{ message: 'Unauthorized' }] });
    }
    if (req.method !== 'POST') return sendJson(res, 405, { errors: [{ message: 'POST only' }] });
    if (await applyFaults(res)) return;
    try {
      const body: unknown = JSON.parse(await readBody(req));
      if (!isObject(body) || typeof body.query !== 'string') {
        throw new GraphqlRequestError('A query is required.');
      }
      const variables = isObject(body.variables) ? body.variables : {};
      const operation = parse(body.query).definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      if (operation === undefined || operation.operation !== 'query') {
        throw new GraphqlRequestError('Only queries are served.');
      }
      const dataOut: Record<string, unknown> = {};
      for (const selection of operation.selectionSet.selections) {
        if (selection.kind !== Kind.FIELD)
          throw new GraphqlRequestError('Fragments are not supported.');
        dataOut[selection.alias?.value ?? selection.name.value] = answerEntity(
          selection,
          variables,
          entry,
        );
      }
      sendJson(res, 200, { data: dataOut });
    } catch (error) {
      const message =
        error instanceof GraphqlRequestError ? error.message : 'The query could not be read.';
      sendJson(res, 200, { errors: [{ message }] });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === OFFLINE_TOKEN_PATH && req.method === 'POST') return handleToken(req, res);
    if (GRAPHQL_PATH.test(url.pathname)) return handleGraphql(req, url, res);
    const path = url.pathname.startsWith(BBR_REST_PATH)
      ? url.pathname.slice(BBR_REST_PATH.length)
      : url.pathname;
    const params = Object.fromEntries(url.searchParams);
    const hasPassword = 'username' in params || 'password' in params;
    delete params.username;
    delete params.password;
    requests.push({
      protocol: 'rest',
      path,
      params,
      credential: hasPassword ? 'password' : 'none',
    });
    if (await applyFaults(res)) return;
    handleRest(url, path, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const root = `http://${address}:${port}`;
  return {
    url: `${root}${BBR_REST_PATH}`,
    graphqlUrl: root,
    tokenUrl: `${root}${OFFLINE_TOKEN_PATH}`,
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

/** Fields of the entities that a record may lack (null in the data) yet the schema has. */
const KNOWN_NULLABLE = new Set([
  'id_lokalId',
  'status',
  'registreringFra',
  'registreringTil',
  'virkningFra',
  'virkningTil',
  'kommunekode',
  'husnummer',
  'grund',
  'bygning',
  'adresseIdentificerer',
  'bestemtFastEjendomBFENr',
  'byg007Bygningsnummer',
  'byg021BygningensAnvendelse',
  'byg026Opfoerelsesaar',
  'byg027OmTilbygningsaar',
  'byg030Vandforsyning',
  'byg031Afloebsforhold',
  'byg032YdervaeggensMateriale',
  'byg033Tagdaekningsmateriale',
  'byg038SamletBygningsareal',
  'byg039BygningensSamledeBoligAreal',
  'byg040BygningensSamledeErhvervsAreal',
  'byg041BebyggetAreal',
  'byg054AntalEtager',
  'byg056Varmeinstallation',
  'byg057Opvarmningsmiddel',
  'enh020EnhedensAnvendelse',
  'enh026EnhedensSamledeAreal',
  'enh027ArealTilBeboelse',
  'enh028ArealTilErhverv',
  'enh031AntalVaerelser',
  'gru009Vandforsyning',
  'gru010Afloebsforhold',
  'eta006BygningensEtagebetegnelse',
  'eta020SamletArealAfEtage',
  'startCursor',
  'endCursor',
  'hasNextPage',
  'hasPreviousPage',
]);
