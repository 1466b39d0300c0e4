import { or, rule } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { hasRole } from '../kit/auth/caller';
import type { RequestContext } from '../kit/create-subgraph-server';

// Each rule reads the caller only, never the parent or arguments, so the answer holds for the
// whole request: 'contextual' caching is correct for all of them. Rows are decided in the
// resolvers and the store query (see access/), which the types' rules cannot do.

/** A user with `dokument:laes` in some group, or a citizen (who sees their own cases' documents). */
const canRead = rule({ cache: 'contextual' })(
  (_parent, _args, context: RequestContext) =>
    context.caller.kind === 'BORGER' || hasRole(context.caller, 'dokument:laes'),
);

/** A user with `dokument:skriv` in some group. */
const canWrite = rule({ cache: 'contextual' })((_parent, _args, context: RequestContext) =>
  hasRole(context.caller, 'dokument:skriv'),
);

/** Anyone with a verified token: enough for the key of an entity another subgraph owns. */
const isAuthenticated = rule({ cache: 'contextual' })(
  (_parent, _args, context: RequestContext) => context.caller.kind !== 'ANONYM',
);

/** A citizen (their own log) or an auditor (`adgangslog:laes`); the resolver narrows further. */
const canReadAdgangslog = rule({ cache: 'contextual' })(
  (_parent, _args, context: RequestContext) =>
    context.caller.kind === 'BORGER' || hasRole(context.caller, 'adgangslog:laes'),
);

// A document reached by a writer's own `opretDokument` is readable to them; every other way to a
// document applies `dokument:laes` to its row, so allowing writers here opens nothing more.
const canSeeDokument = or(canRead, canWrite);

/**
 * Who may read and change what. Everything without a rule is denied. The policy sits on the
 * types (not only on Query) so `_entities` cannot bypass it; which documents a caller sees is
 * decided per row in the loaders, the store query and `__resolveReference`.
 */
export const permissions: IRules = {
  Query: { dokument: canRead, dokumenter: canRead },
  Mutation: { opretDokument: canWrite },
  Dokument: {
    uuid: canSeeDokument,
    version: canSeeDokument,
    titel: canSeeDokument,
    beskrivelse: canSeeDokument,
    brevdato: canSeeDokument,
    dokumenttype: canSeeDokument,
    foelsomhed: canSeeDokument,
    fremdrift: canSeeDokument,
    sag: canSeeDokument,
    varianter: canSeeDokument,
    registreringer: canSeeDokument,
  },
  DokumentVariant: { varianttekst: canSeeDokument, dele: canSeeDokument },
  DokumentDel: {
    uuid: canSeeDokument,
    navn: canSeeDokument,
    mimetype: canSeeDokument,
    stoerrelse: canSeeDokument,
    sha256: canSeeDokument,
    indholdUrl: canSeeDokument,
  },
  Sag: { uuid: isAuthenticated, dokumenter: canRead },
  Registrering: {
    version: canSeeDokument,
    fra: canSeeDokument,
    til: canSeeDokument,
    livscyklus: canSeeDokument,
    aktoer: canSeeDokument,
    note: canSeeDokument,
  },
  PageInfo: { hasNextPage: canRead, endCursor: canRead },
  DokumentConnection: { edges: canRead, nodes: canRead, pageInfo: canRead, totalCount: canRead },
  DokumentEdge: { cursor: canRead, node: canRead },
  Adgangslog: {
    cpr: canReadAdgangslog,
    fra: canReadAdgangslog,
    til: canReadAdgangslog,
    dokument: canReadAdgangslog,
  },
  AdgangslogPost: {
    tid: canReadAdgangslog,
    requestId: canReadAdgangslog,
    aktoer: canReadAdgangslog,
    organisation: canReadAdgangslog,
    dataansvarlig: canReadAdgangslog,
    rolle: canReadAdgangslog,
    operation: canReadAdgangslog,
    objektType: canReadAdgangslog,
    objekter: canReadAdgangslog,
    udfald: canReadAdgangslog,
    cpr: canReadAdgangslog,
    soegekriterier: canReadAdgangslog,
  },
};
