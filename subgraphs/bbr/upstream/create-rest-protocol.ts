import type { BbrCredentials } from './bbr-credentials';
import type { BbrFilterField, BbrPage, BbrRecord } from './bbr-record';
import type { BbrHttpRequest, BbrProtocol } from './bbr-protocol';
import { toAsciiRecord } from './to-ascii-field-name';

/** The REST parameter each filter is sent as (several values joined by `|`). */
const PARAMS: Readonly<Record<BbrFilterField, string>> = {
  id: 'Id',
  bygning: 'Bygning',
  grund: 'Grund',
  kommunekode: 'Kommunekode',
  husnummer: 'Husnummer',
  bfeNummer: 'BFENummer',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The floors in REST's nested `etageList` of building registrations, as etage records. */
function toEtageRecords(bygninger: readonly BbrRecord[]): BbrRecord[] {
  const etager: BbrRecord[] = [];
  for (const bygning of bygninger) {
    const list = Array.isArray(bygning.etageList) ? bygning.etageList : [];
    for (const entry of list) {
      if (!isObject(entry)) continue;
      const etage = isObject(entry.etage) ? entry.etage : entry;
      etager.push({ bygning: bygning.id_lokalId, ...etage });
    }
  }
  return etager;
}

export interface RestProtocolOptions {
  /** The REST base, ending in `/BBR/BBRPublic/1/rest`. */
  baseUrl: string;
  credentials: BbrCredentials;
}

/**
 * Datafordeleren's BBR REST service (`…/BBR/BBRPublic/1/rest/{bygning|enhed|grund}`), kept while
 * it runs: a bare JSON array per page (`page`, `pagesize`), the point in time as
 * `VirkningFra`=`VirkningTil` and `RegistreringFra`=`RegistreringTil`, a web user's
 * `username`/`password`. Floors come nested in the building (`etageList`). Its field names are
 * translated to the GraphQL services' ASCII names.
 */
export function createRestProtocol(options: RestProtocolOptions): BbrProtocol {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    kind: 'rest',
    buildRequest(query): BbrHttpRequest {
      // REST has no floor resource: floors are read from their buildings.
      const resource = query.resource === 'etage' ? 'bygning' : query.resource;
      const url = new URL(`${base}/${resource}`);
      for (const { field, values } of query.where) {
        const name = query.resource === 'etage' && field === 'bygning' ? 'Id' : PARAMS[field];
        url.searchParams.set(name, values.join('|'));
      }
      const virkning = query.at.virkningstid.toISOString();
      const registrering = query.at.registreringstid.toISOString();
      url.searchParams.set('VirkningFra', virkning);
      url.searchParams.set('VirkningTil', virkning);
      url.searchParams.set('RegistreringFra', registrering);
      url.searchParams.set('RegistreringTil', registrering);
      url.searchParams.set('page', query.after ?? '1');
      url.searchParams.set('pagesize', String(query.pageSize));
      url.searchParams.set('Format', 'JSON');
      if (options.credentials.kind === 'password') {
        url.searchParams.set('username', options.credentials.username);
        url.searchParams.set('password', options.credentials.password);
      }
      return { url, method: 'GET', headers: { accept: 'application/json' } };
    },
    parsePage(query, body): BbrPage | null {
      if (!Array.isArray(body) || !body.every(isObject)) return null;
      const records = (body as BbrRecord[]).map(toAsciiRecord);
      const page = Number(query.after ?? '1');
      // A full page may have a successor; the page size asked is within the documented limit.
      const nextCursor = records.length < query.pageSize ? null : String(page + 1);
      return {
        records: query.resource === 'etage' ? toEtageRecords(records) : records,
        nextCursor,
      };
    },
  };
}
