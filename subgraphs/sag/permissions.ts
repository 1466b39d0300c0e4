import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';

/**
 * Who may read and change what. For now every field is open to every caller; each is still
 * listed, because the server denies anything without a rule and the security work tightens these
 * one by one. The policy sits on the types (not only on Query) so `_entities` cannot bypass it.
 */
export const permissions: IRules = {
  Query: { sag: allow, sagMedNummer: allow, sager: allow, mineSager: allow },
  Mutation: { opretSag: allow, opdaterSag: allow, skiftFremdrift: allow },
  PageInfo: { hasNextPage: allow, endCursor: allow },
  Part: { rolle: allow, cpr: allow, cvr: allow, navn: allow },
  Sag: {
    uuid: allow,
    version: allow,
    sagsnummer: allow,
    titel: allow,
    beskrivelse: allow,
    fremdrift: allow,
    foelsomhed: allow,
    kle: allow,
    handlingsfacet: allow,
    ansvarligEnhed: allow,
    sagsbehandler: allow,
    organisation: allow,
    parter: allow,
    bygninger: allow,
    oprettet: allow,
    aendret: allow,
    registreringer: allow,
  },
  SagRegistrering: {
    version: allow,
    fra: allow,
    til: allow,
    livscyklus: allow,
    aktoer: allow,
    note: allow,
    aendredeFelter: allow,
  },
  Klasse: { uuid: allow },
  Bruger: { uuid: allow },
  Organisation: { uuid: allow },
  OrganisationEnhed: { uuid: allow, efterkommerIder: allow, sager: allow },
  Bygning: { id: allow, sager: allow },
  SagEdge: { cursor: allow, node: allow },
  SagConnection: { edges: allow, nodes: allow, pageInfo: allow, totalCount: allow },
};
