import { rule, type IRules } from 'graphql-shield';
import type { RequestContext } from '../kit/create-subgraph-server';
import { canReadBbr } from './bbr/can-read-bbr';

/**
 * Who may read what. Policy (deny by default: the kit refuses any field without a rule):
 * - BBR is public data. It is readable by a citizen (BORGER), by the anonymous caller (ANONYM,
 *   which exists only when the deployment sets AUTH_REQUIRED=false) and by a municipal user
 *   (BRUGER) holding `bbr:laes` in some privilege group. A BRUGER without that role is refused
 *   everything: a root field answers FORBIDDEN.
 * - The rule sits on every field of every type, not only on Query, so `_entities` cannot bypass
 *   it; shield does not wrap `__resolveReference`, so the resolvers apply the same decision there
 *   and answer a refused reference with null, exactly like an unknown one (and without asking
 *   the upstream).
 *
 * The rule reads nothing but the caller, so its answer is cached per request ('contextual').
 */
const canRead = rule('canReadBbr', { cache: 'contextual' })(
  (_parent: unknown, _args: unknown, context: RequestContext) => canReadBbr(context.caller),
);

export const permissions: IRules = {
  Query: { bygning: canRead, bygninger: canRead, enhed: canRead, grund: canRead },
  PageInfo: { hasNextPage: canRead, endCursor: canRead },
  BbrKode: { kode: canRead, tekst: canRead },
  Bygning: {
    id: canRead,
    bygningsnummer: canRead,
    anvendelse: canRead,
    opfoerelsesaar: canRead,
    ombygningsaar: canRead,
    samletBygningsareal: canRead,
    samletBoligareal: canRead,
    samletErhvervsareal: canRead,
    bebyggetAreal: canRead,
    antalEtager: canRead,
    kommunekode: canRead,
    status: canRead,
    husnummer: canRead,
    grund: canRead,
    enheder: canRead,
    etager: canRead,
    varmeinstallation: canRead,
    opvarmningsmiddel: canRead,
    ydervaeggensMateriale: canRead,
    tagdaekningsmateriale: canRead,
    vandforsyning: canRead,
    afloebsforhold: canRead,
    registreringFra: canRead,
    registreringTil: canRead,
    virkningFra: canRead,
    virkningTil: canRead,
  },
  Etage: { id: canRead, betegnelse: canRead, samletAreal: canRead },
  Enhed: {
    id: canRead,
    anvendelse: canRead,
    samletAreal: canRead,
    boligareal: canRead,
    erhvervsareal: canRead,
    antalVaerelser: canRead,
    adresseId: canRead,
    kommunekode: canRead,
    status: canRead,
    bygning: canRead,
  },
  Grund: {
    id: canRead,
    bfeNummer: canRead,
    kommunekode: canRead,
    vandforsyning: canRead,
    afloebsforhold: canRead,
    status: canRead,
    bygninger: canRead,
  },
  BygningEdge: { cursor: canRead, node: canRead },
  BygningConnection: { edges: canRead, nodes: canRead, pageInfo: canRead, totalCount: canRead },
};
