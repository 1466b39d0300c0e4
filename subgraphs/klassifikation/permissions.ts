import { rule, type IRules } from 'graphql-shield';
import type { RequestContext } from '../kit/create-subgraph-server';
import { canReadKlassifikation } from './kle/can-read-klassifikation';

/**
 * Who may read what. Policy (deny by default: the kit refuses any field without a rule):
 * - KLE is public reference data, readable by every caller who got past authentication: a
 *   municipal user (BRUGER, whatever their groups), a citizen (BORGER) and the anonymous caller
 *   (ANONYM, which exists only when the deployment sets AUTH_REQUIRED=false). See
 *   canReadKlassifikation for why `klassifikation:laes` is not required.
 * - The rule sits on every field of every type, not only on Query, so `_entities` cannot bypass
 *   it; shield does not wrap `__resolveReference`, so the resolvers apply the same decision there
 *   and answer a refused reference with null, exactly like an unknown one.
 *
 * The rule reads nothing but the caller, so its answer is cached per request ('contextual').
 */
const canRead = rule('canReadKlassifikation', { cache: 'contextual' })(
  (_parent: unknown, _args: unknown, context: RequestContext) =>
    canReadKlassifikation(context.caller),
);

export const permissions: IRules = {
  Query: { klassifikation: canRead, klasse: canRead, kle: canRead, klasser: canRead },
  Klassifikation: {
    uuid: canRead,
    brugervendtNoegle: canRead,
    titel: canRead,
    beskrivelse: canRead,
    facetter: canRead,
    registreringer: canRead,
  },
  Facet: {
    uuid: canRead,
    brugervendtNoegle: canRead,
    titel: canRead,
    beskrivelse: canRead,
    klassifikation: canRead,
    klasser: canRead,
    registreringer: canRead,
  },
  Klasse: {
    uuid: canRead,
    brugervendtNoegle: canRead,
    titel: canRead,
    beskrivelse: canRead,
    niveau: canRead,
    facet: canRead,
    overklasse: canRead,
    underklasser: canRead,
    sti: canRead,
    registreringer: canRead,
  },
  KlasseConnection: { edges: canRead, nodes: canRead, pageInfo: canRead, totalCount: canRead },
  KlasseEdge: { cursor: canRead, node: canRead },
  PageInfo: { hasNextPage: canRead, endCursor: canRead },
  Registrering: {
    version: canRead,
    fra: canRead,
    til: canRead,
    livscyklus: canRead,
    aktoer: canRead,
    note: canRead,
  },
};
