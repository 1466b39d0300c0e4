import { or, rule } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { hasRole } from '../kit/auth/caller';
import type { RequestContext } from '../kit/create-subgraph-server';
import { assertBorger } from './sag/assert-borger';

/*
 * The coarse gate: who may use a field at all, decided from the caller alone (so the
 * 'contextual' cache, per request, is right for every rule here). Which cases a caller sees is
 * decided row by row in data/ and sag/, on every path, `_entities` included.
 */

/** A user with `sag:laes` in some group, or a citizen (who sees the cases they are party to). */
const maySeeSager = rule({ cache: 'contextual' })(
  (_parent: unknown, _args: unknown, { caller }: RequestContext) =>
    caller.kind === 'BORGER' || hasRole(caller, 'sag:laes'),
);

/** A user with `sag:skriv` in some group; citizens and anonymous callers never write. */
const mayWriteSager = rule({ cache: 'contextual' })(
  (_parent: unknown, _args: unknown, { caller }: RequestContext) =>
    caller.kind === 'BRUGER' && hasRole(caller, 'sag:skriv'),
);

/** A citizen only: a user is FORBIDDEN, a request without a token UNAUTHENTICATED. */
const isBorger = rule({ cache: 'contextual' })((
  _parent: unknown,
  _args: unknown,
  { caller }: RequestContext,
) => {
  try {
    assertBorger(caller);
    return true;
  } catch (error) {
    return error instanceof Error ? error : false;
  }
});

/** A citizen (their own log) or an auditor with `adgangslog:laes`. */
const mayReadAdgangslog = rule({ cache: 'contextual' })(
  (_parent: unknown, _args: unknown, { caller }: RequestContext) =>
    caller.kind === 'BORGER' || hasRole(caller, 'adgangslog:laes'),
);

/** Anyone with a verified token. */
const isAuthenticated = rule({ cache: 'contextual' })(
  (_parent: unknown, _args: unknown, { caller }: RequestContext) => caller.kind !== 'ANONYM',
);

/** The fields of a case: readers, and writers reading the case their change returned. */
const mayUseSager = or(maySeeSager, mayWriteSager);

/** The same rule on every listed field. */
function every<F extends string, R>(fields: readonly F[], given: R): Record<F, R> {
  return Object.fromEntries(fields.map((field) => [field, given])) as Record<F, R>;
}

/**
 * Who may read and change what. Every type and field of the SDL has a rule (the server denies
 * anything without one), and the rules sit on the types, not only on Query, so `_entities` cannot
 * bypass them.
 */
export const permissions: IRules = {
  Query: {
    sag: maySeeSager,
    sagMedNummer: maySeeSager,
    sager: maySeeSager,
    mineSager: isBorger,
    adgangslog: mayReadAdgangslog,
  },
  Mutation: { opretSag: mayWriteSager, opdaterSag: mayWriteSager, skiftFremdrift: mayWriteSager },
  PageInfo: every(['hasNextPage', 'endCursor'], mayUseSager),
  Part: every(['rolle', 'cpr', 'cvr', 'navn'], mayUseSager),
  Sag: every(
    [
      'uuid',
      'version',
      'sagsnummer',
      'titel',
      'beskrivelse',
      'fremdrift',
      'foelsomhed',
      'kle',
      'kleNummer',
      'handlingsfacet',
      'ansvarligEnhed',
      'sagsbehandler',
      'organisation',
      'parter',
      'bygninger',
      'oprettet',
      'aendret',
      'registreringer',
    ],
    mayUseSager,
  ),
  SagRegistrering: every(
    ['version', 'fra', 'til', 'livscyklus', 'aktoer', 'note', 'aendredeFelter'],
    mayUseSager,
  ),
  Klasse: { uuid: isAuthenticated },
  Bruger: { uuid: isAuthenticated },
  Organisation: { uuid: isAuthenticated },
  OrganisationEnhed: {
    uuid: isAuthenticated,
    efterkommerIder: isAuthenticated,
    sager: maySeeSager,
  },
  Bygning: { id: isAuthenticated, sager: maySeeSager },
  SagEdge: every(['cursor', 'node'], mayUseSager),
  SagConnection: every(['edges', 'nodes', 'pageInfo', 'totalCount'], mayUseSager),
  AdgangslogPost: every(
    [
      'tid',
      'requestId',
      'aktoer',
      'organisation',
      'dataansvarlig',
      'rolle',
      'operation',
      'objektType',
      'objekter',
      'udfald',
      'cpr',
      'soegekriterier',
    ],
    mayReadAdgangslog,
  ),
  Adgangslog: every(['cpr', 'fra', 'til', 'sag'], mayReadAdgangslog),
};
