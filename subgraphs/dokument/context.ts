import type { ContentStore } from '../kit/content/content-store';
import type { RequestContext } from '../kit/create-subgraph-server';
import type { BitemporalStore } from '../kit/store/bitemporal-store';
import { createDokumentLoaders, type DokumentLoaders } from './data/create-dokument-loaders';
import { createDokumentQueries, type DokumentQueries } from './data/create-dokument-queries';

/** What the dokument resolvers receive: reads bound to this request's instant. */
export interface DokumentContext extends RequestContext {
  /** New for every request: a loader's cache must never outlive the request it was made for. */
  loaders: DokumentLoaders;
  queries: DokumentQueries;
  store: BitemporalStore;
  contentStore: ContentStore;
  now: () => Date;
}

/**
 * Who is acting, for the registrations a change appends. The one place that decides it: until
 * callers are authenticated every change is recorded as 'anonymous'.
 */
export function getAktoer(_context: RequestContext): string {
  return 'anonymous';
}

/**
 * Moves a mutation's reads to the instant of its change: the request's instant was fixed before
 * the change was registered, and the answer (its `registreringer`, say) must include the change.
 */
export function moveContextTo(context: DokumentContext, tid: Date): void {
  const at = { virkningstid: tid, registreringstid: tid };
  context.at = at;
  context.loaders = createDokumentLoaders(context.store, at);
  context.queries = createDokumentQueries(context.store, at, context.loaders);
}

export function createDokumentContext(
  base: RequestContext,
  deps: { store: BitemporalStore; contentStore: ContentStore; now: () => Date },
): DokumentContext {
  const loaders = createDokumentLoaders(deps.store, base.at);
  return {
    ...base,
    loaders,
    queries: createDokumentQueries(deps.store, base.at, loaders),
    store: deps.store,
    contentStore: deps.contentStore,
    now: deps.now,
  };
}
