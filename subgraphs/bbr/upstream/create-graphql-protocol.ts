import type { BbrCredentials } from './bbr-credentials';
import type { BbrFilterField, BbrPage, BbrRecord, BbrResource } from './bbr-record';
import type { BbrHttpRequest, BbrPageQuery, BbrProtocol } from './bbr-protocol';

/** The entity each resource is in Datafordeleren's GraphQL service. */
export const GRAPHQL_ENTITIES: Readonly<Record<BbrResource, string>> = {
  bygning: 'BBR_Bygning',
  enhed: 'BBR_Enhed',
  grund: 'BBR_Grund',
  etage: 'BBR_Etage',
};

const BITEMPORAL = 'status registreringFra registreringTil virkningFra virkningTil';

/** The fields asked for per entity (ASCII names, as the service spells them). */
export const GRAPHQL_FIELDS: Readonly<Record<BbrResource, string>> = {
  bygning: `id_lokalId ${BITEMPORAL} kommunekode husnummer grund byg007Bygningsnummer
    byg021BygningensAnvendelse byg026Opfoerelsesaar byg027OmTilbygningsaar byg030Vandforsyning
    byg031Afloebsforhold byg032YdervaeggensMateriale byg033Tagdaekningsmateriale
    byg038SamletBygningsareal byg039BygningensSamledeBoligAreal
    byg040BygningensSamledeErhvervsAreal byg041BebyggetAreal byg054AntalEtager
    byg056Varmeinstallation byg057Opvarmningsmiddel`,
  enhed: `id_lokalId ${BITEMPORAL} kommunekode bygning adresseIdentificerer
    enh020EnhedensAnvendelse enh026EnhedensSamledeAreal enh027ArealTilBeboelse
    enh028ArealTilErhverv enh031AntalVaerelser`,
  grund: `id_lokalId ${BITEMPORAL} kommunekode husnummer bestemtFastEjendomBFENr
    gru009Vandforsyning gru010Afloebsforhold`,
  etage: `id_lokalId ${BITEMPORAL} bygning eta006BygningensEtagebetegnelse
    eta020SamletArealAfEtage`,
};

/** The entity field each filter reads. */
const WHERE_FIELDS: Readonly<Record<BbrFilterField, string>> = {
  id: 'id_lokalId',
  bygning: 'bygning',
  grund: 'grund',
  kommunekode: 'kommunekode',
  husnummer: 'husnummer',
  bfeNummer: 'bestemtFastEjendomBFENr',
};

// A JSON string is a valid GraphQL string literal; the values are ids and digits checked earlier.
const literal = (value: string): string => JSON.stringify(value);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The query text for one page. Exported for the offline upstream's tests. */
export function printGraphqlQuery(query: BbrPageQuery): string {
  const where = query.where
    .map(({ field, values }) =>
      values.length === 1
        ? `${WHERE_FIELDS[field]}: { eq: ${literal(values[0] ?? '')} }`
        : `${WHERE_FIELDS[field]}: { in: [${values.map(literal).join(', ')}] }`,
    )
    .join(', ');
  const args = [
    `first: ${query.pageSize}`,
    ...(query.after === null ? [] : [`after: ${literal(query.after)}`]),
    `virkningstid: ${literal(query.at.virkningstid.toISOString())}`,
    `registreringstid: ${literal(query.at.registreringstid.toISOString())}`,
    `where: { ${where} }`,
  ].join(', ');
  const fields = GRAPHQL_FIELDS[query.resource].replace(/\s+/g, ' ');
  return `query { ${GRAPHQL_ENTITIES[query.resource]}(${args}) { pageInfo { endCursor hasNextPage } nodes { ${fields} } } }`;
}

export interface GraphqlProtocolOptions {
  /** The service root, e.g. `https://graphql.datafordeler.dk`. */
  baseUrl: string;
  /** The BBR service version in the path, e.g. `v2`. */
  version: string;
  credentials: BbrCredentials;
}

/**
 * Datafordeleren's entity-based GraphQL service for BBR: `POST <root>/BBR/<version>` with one
 * entity query per call, both time axes given, cursor paging (`first`/`after`, `pageInfo`). An
 * API key travels as the `apiKey` parameter, an OAuth token as a bearer header.
 */
export function createGraphqlProtocol(options: GraphqlProtocolOptions): BbrProtocol {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/BBR/${options.version}`;
  return {
    kind: 'graphql',
    buildRequest(query, bearer): BbrHttpRequest {
      const url = new URL(endpoint);
      if (options.credentials.kind === 'api-key') {
        url.searchParams.set('apiKey', options.credentials.apiKey);
      }
      const headers: Record<string, string> = {
        accept: 'application/json',
        'content-type': 'application/json',
      };
      if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
      return {
        url,
        method: 'POST',
        headers,
        body: JSON.stringify({ query: printGraphqlQuery(query) }),
      };
    },
    parsePage(query, body): BbrPage | null {
      if (!isObject(body) || !isObject(body.data)) return null;
      const connection = body.data[GRAPHQL_ENTITIES[query.resource]];
      if (!isObject(connection) || !isObject(connection.pageInfo)) return null;
      const { nodes } = connection;
      if (!Array.isArray(nodes) || !nodes.every(isObject)) return null;
      const { hasNextPage, endCursor } = connection.pageInfo;
      if (typeof hasNextPage !== 'boolean') return null;
      if (hasNextPage && (typeof endCursor !== 'string' || endCursor === '')) return null;
      return {
        records: nodes as BbrRecord[],
        nextCursor: hasNextPage ? (endCursor as string) : null,
      };
    },
  };
}
