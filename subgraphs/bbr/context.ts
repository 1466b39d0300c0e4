import type { RequestContext } from '../kit/create-subgraph-server';
import { createBbrLoaders, type BbrLoaders } from './data/create-bbr-loaders';
import type { BbrClient } from './upstream/create-bbr-client';

/** What the bbr resolvers receive: loaders bound to this request's instant, and the client. */
export interface BbrContext extends RequestContext {
  /** New for every request: a loader's cache must never outlive the request it was made for. */
  loaders: BbrLoaders;
  /** Shared by all requests: its cache and circuit breaker protect the upstream. */
  client: BbrClient;
}

export function createBbrContext(base: RequestContext, client: BbrClient): BbrContext {
  return { ...base, loaders: createBbrLoaders(client, base.at), client };
}
