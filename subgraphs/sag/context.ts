import type { RequestContext } from '../kit/create-subgraph-server';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createSagLoaders, type SagLoaders } from './data/create-sag-loaders';
import { createSagQueries, type SagQueries } from './data/create-sag-queries';

/** The actor of a request nobody signed in to. */
export const ANONYMOUS_AKTOER = 'anonymous';

/** What the sag resolvers receive: reads bound to this request's instant, and the store for changes. */
export interface SagContext extends RequestContext {
  /** New for every request: a loader's cache must never outlive the request it was made for. */
  loaders: SagLoaders;
  queries: SagQueries;
  /** Changes go through the domain code in `sag/`, which is handed the store. */
  store: BitemporalStore;
  /** The time a change is registered at. */
  now: () => Date;
}

export function createSagContext(
  base: RequestContext,
  store: BitemporalStore,
  now: () => Date,
): SagContext {
  const loaders = createSagLoaders(store, base.at);
  return { ...base, loaders, queries: createSagQueries(store, base.at, loaders), store, now };
}

/**
 * Who is making the request. The only place the caller is looked up: there is no authentication
 * yet, so every caller is anonymous; verifying the token replaces this function and nothing else.
 */
export function getAktoer(context: SagContext): string {
  void context;
  return ANONYMOUS_AKTOER;
}
