import { assertUuid } from '../../kit/ids';
import type { DokumentContext } from '../context';

export const Sag = {
  // The case itself lives in the sag subgraph; this subgraph only knows its documents, so a
  // reference is answered from its key alone and costs no read.
  __resolveReference: (reference: { uuid: string }) => ({
    uuid: assertUuid(reference.uuid, 'uuid'),
  }),

  dokumenter: (
    parent: { uuid: string },
    args: { first?: number | null; after?: string | null },
    context: DokumentContext,
  ) => context.queries.searchSagDokumenter(parent.uuid, args),
};
