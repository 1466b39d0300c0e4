import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';

/**
 * Who may read and change what. For now every field is open to every caller; each is still
 * listed, because the server denies anything without a rule and a later change tightens these one
 * by one. The policy sits on the types (not only on Query) so `_entities` cannot bypass it.
 */
export const permissions: IRules = {
  Query: { dokument: allow, dokumenter: allow },
  Mutation: { opretDokument: allow },
  Dokument: {
    uuid: allow,
    version: allow,
    titel: allow,
    beskrivelse: allow,
    brevdato: allow,
    dokumenttype: allow,
    foelsomhed: allow,
    fremdrift: allow,
    sag: allow,
    varianter: allow,
    registreringer: allow,
  },
  DokumentVariant: { varianttekst: allow, dele: allow },
  DokumentDel: {
    uuid: allow,
    navn: allow,
    mimetype: allow,
    stoerrelse: allow,
    sha256: allow,
    indholdUrl: allow,
  },
  Sag: { uuid: allow, dokumenter: allow },
  Registrering: {
    version: allow,
    fra: allow,
    til: allow,
    livscyklus: allow,
    aktoer: allow,
    note: allow,
  },
  PageInfo: { hasNextPage: allow, endCursor: allow },
  DokumentConnection: { edges: allow, nodes: allow, pageInfo: allow, totalCount: allow },
  DokumentEdge: { cursor: allow, node: allow },
};
