import type { RequestContext } from '../kit/create-subgraph-server';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import {
  createOrganisationLoaders,
  type OrganisationLoaders,
} from './data/create-organisation-loaders';
import {
  createOrganisationQueries,
  type OrganisationQueries,
} from './data/create-organisation-queries';

/** What the organisation resolvers receive: reads bound to this request's instant. */
export interface OrganisationContext extends RequestContext {
  /** New for every request: a loader's cache must never outlive the request it was made for. */
  loaders: OrganisationLoaders;
  queries: OrganisationQueries;
}

export function createOrganisationContext(
  base: RequestContext,
  store: BitemporalStore,
): OrganisationContext {
  const loaders = createOrganisationLoaders(store, base.at, base.caller);
  return { ...base, loaders, queries: createOrganisationQueries(store, base.at, loaders) };
}
