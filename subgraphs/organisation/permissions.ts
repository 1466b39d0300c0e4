import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';

/**
 * Who may read what. For now every field is open to every caller; each is still listed, because
 * the server denies anything without a rule and a later change tightens these one by one. The
 * policy sits on the types (not only on Query) so `_entities` cannot bypass it.
 */
export const permissions: IRules = {
  Query: {
    organisation: allow,
    organisationer: allow,
    organisationEnhed: allow,
    organisationEnheder: allow,
    bruger: allow,
  },
  Organisation: {
    uuid: allow,
    brugervendtNoegle: allow,
    navn: allow,
    cvr: allow,
    kommunekode: allow,
    enheder: allow,
    registreringer: allow,
  },
  OrganisationEnhed: {
    uuid: allow,
    brugervendtNoegle: allow,
    navn: allow,
    organisation: allow,
    overordnet: allow,
    underenheder: allow,
    efterkommerIder: allow,
    sti: allow,
    kle: allow,
    registreringer: allow,
  },
  KleTilknytning: { aspekt: allow, klasse: allow },
  Klasse: { uuid: allow },
  Bruger: {
    uuid: allow,
    brugervendtNoegle: allow,
    navn: allow,
    organisation: allow,
    enheder: allow,
    registreringer: allow,
  },
  Registrering: {
    version: allow,
    fra: allow,
    til: allow,
    livscyklus: allow,
    aktoer: allow,
    note: allow,
  },
  PageInfo: { hasNextPage: allow, endCursor: allow },
  OrganisationConnection: { edges: allow, nodes: allow, pageInfo: allow, totalCount: allow },
  OrganisationEdge: { cursor: allow, node: allow },
  OrganisationEnhedConnection: { edges: allow, nodes: allow, pageInfo: allow, totalCount: allow },
  OrganisationEnhedEdge: { cursor: allow, node: allow },
};
