import type { RequestContext } from '../kit/create-subgraph-server';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createFacetLoaders, type FacetLoaders } from './data/create-facet-loaders';
import { createKlasseLoaders, type KlasseLoaders } from './data/create-klasse-loaders';
import {
  createKlassifikationLoaders,
  type KlassifikationLoaders,
} from './data/create-klassifikation-loaders';
import {
  createKlassifikationQueries,
  type KlassifikationQueries,
} from './data/create-klassifikation-queries';

/** What the klassifikation resolvers receive: reads bound to this request's instant. */
export interface KlassifikationContext extends RequestContext {
  /** New for every request: a loader's cache must never outlive the request it was made for. */
  loaders: {
    klasse: KlasseLoaders;
    facet: FacetLoaders;
    klassifikation: KlassifikationLoaders;
  };
  queries: KlassifikationQueries;
}

export function createKlassifikationContext(
  base: RequestContext,
  store: BitemporalStore,
): KlassifikationContext {
  const loaders = {
    klasse: createKlasseLoaders(store, base.at),
    facet: createFacetLoaders(store, base.at),
    klassifikation: createKlassifikationLoaders(store, base.at),
  };
  return { ...base, loaders, queries: createKlassifikationQueries(store, base.at, loaders) };
}
