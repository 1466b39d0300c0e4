import { allow, type IRules } from 'graphql-shield';

/**
 * Who may read what. For now every field is open to every caller; the fields are still listed
 * one by one, because the kit denies anything without a rule and a field added to the SDL
 * should be a deliberate decision here too.
 */
export const permissions: IRules = {
  Query: { klassifikation: allow, klasse: allow, kle: allow, klasser: allow },
  Klassifikation: {
    uuid: allow,
    brugervendtNoegle: allow,
    titel: allow,
    beskrivelse: allow,
    facetter: allow,
    registreringer: allow,
  },
  Facet: {
    uuid: allow,
    brugervendtNoegle: allow,
    titel: allow,
    beskrivelse: allow,
    klassifikation: allow,
    klasser: allow,
    registreringer: allow,
  },
  Klasse: {
    uuid: allow,
    brugervendtNoegle: allow,
    titel: allow,
    beskrivelse: allow,
    niveau: allow,
    facet: allow,
    overklasse: allow,
    underklasser: allow,
    sti: allow,
    registreringer: allow,
  },
  KlasseConnection: { edges: allow, nodes: allow, pageInfo: allow, totalCount: allow },
  KlasseEdge: { cursor: allow, node: allow },
  PageInfo: { hasNextPage: allow, endCursor: allow },
  Registrering: {
    version: allow,
    fra: allow,
    til: allow,
    livscyklus: allow,
    aktoer: allow,
    note: allow,
  },
};
