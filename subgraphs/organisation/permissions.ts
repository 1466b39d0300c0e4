import { rule } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { RequestContext } from '../kit/create-subgraph-server';
import type { OrganisationContext } from './context';
import type { BrugerNode } from './data/to-node';
import { canReadBruger } from './organisation/can-read-bruger';
import { canReadOrganisation } from './organisation/can-read-organisation';

/**
 * Who may read what. Policy (deny by default: the kit refuses any field without a rule):
 * - `Organisation` and `OrganisationEnhed` (structure, names, KLE tags) and their registrations
 *   are readable by every verified caller: a municipal user (BRUGER) with any or no groups, a
 *   citizen (BORGER), and the anonymous caller (ANONYM, which exists only when the deployment
 *   sets AUTH_REQUIRED=false).
 * - A `Bruger` (a person's name and units) is visible only to a BRUGER holding
 *   `organisation:laes` in a group whose CVR is that of the user's own organisation (the
 *   `organisation` the user is stored with). To anyone else the user is null, exactly like an
 *   unknown one, on every path: the `bruger` loader decides (so `Query.bruger` and
 *   `Bruger.__resolveReference`, which shield does not wrap, answer null), and `Query.bruger` is
 *   therefore open to every caller rather than FORBIDDEN. The subgraph serves no list of users;
 *   one added later must filter its store query by the same rule.
 * - The rules on Bruger's own fields repeat the decision for the object at hand, as a second
 *   line should a path ever hand out a user the loader did not check.
 *
 * `canReadOrganisation` reads nothing but the caller, so it is cached per request
 * ('contextual'); `canReadBruger` depends on the user object, so it is not cached.
 */
const anyCaller = rule('canReadOrganisation', { cache: 'contextual' })(
  (_parent: unknown, _args: unknown, context: RequestContext) =>
    canReadOrganisation(context.caller),
);

const thisBruger = rule('canReadBruger', { cache: 'no_cache' })(async (
  bruger: BrugerNode,
  _args: unknown,
  context: OrganisationContext,
) => {
  const employer = await context.loaders.organisation.load(bruger.organisation);
  return canReadBruger(context.caller, employer?.cvr ?? null);
});

export const permissions: IRules = {
  Query: {
    organisation: anyCaller,
    organisationer: anyCaller,
    organisationEnhed: anyCaller,
    organisationEnheder: anyCaller,
    bruger: anyCaller,
  },
  Organisation: {
    uuid: anyCaller,
    brugervendtNoegle: anyCaller,
    navn: anyCaller,
    cvr: anyCaller,
    kommunekode: anyCaller,
    enheder: anyCaller,
    registreringer: anyCaller,
  },
  OrganisationEnhed: {
    uuid: anyCaller,
    brugervendtNoegle: anyCaller,
    navn: anyCaller,
    organisation: anyCaller,
    overordnet: anyCaller,
    underenheder: anyCaller,
    efterkommerIder: anyCaller,
    sti: anyCaller,
    kle: anyCaller,
    registreringer: anyCaller,
  },
  KleTilknytning: { aspekt: anyCaller, klasse: anyCaller },
  Klasse: { uuid: anyCaller },
  Bruger: {
    uuid: thisBruger,
    brugervendtNoegle: thisBruger,
    navn: thisBruger,
    organisation: thisBruger,
    enheder: thisBruger,
    registreringer: thisBruger,
  },
  Registrering: {
    version: anyCaller,
    fra: anyCaller,
    til: anyCaller,
    livscyklus: anyCaller,
    aktoer: anyCaller,
    note: anyCaller,
  },
  PageInfo: { hasNextPage: anyCaller, endCursor: anyCaller },
  OrganisationConnection: {
    edges: anyCaller,
    nodes: anyCaller,
    pageInfo: anyCaller,
    totalCount: anyCaller,
  },
  OrganisationEdge: { cursor: anyCaller, node: anyCaller },
  OrganisationEnhedConnection: {
    edges: anyCaller,
    nodes: anyCaller,
    pageInfo: anyCaller,
    totalCount: anyCaller,
  },
  OrganisationEnhedEdge: { cursor: anyCaller, node: anyCaller },
};
