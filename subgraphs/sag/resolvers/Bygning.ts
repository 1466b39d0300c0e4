import { assertUuid } from '../../kit/ids';
import type { SagContext } from '../context';
import type { SagFilterInput } from '../data/build-sag-filter';

/** A building as the gateway hands it over: its BBR id. */
export interface BygningReference {
  id: string;
}

export const Bygning = {
  // The building belongs to the bbr subgraph: the reference is all there is here.
  __resolveReference: (reference: BygningReference): BygningReference => ({
    id: assertUuid(reference.id, 'id'),
  }),

  sager: (
    parent: BygningReference,
    args: { filter?: SagFilterInput | null; first?: number | null; after?: string | null },
    context: SagContext,
  ) => context.queries.searchScopedSager('bygninger', [parent.id], args),
};
