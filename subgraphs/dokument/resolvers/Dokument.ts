import { assertUuid } from '../../kit/ids';
import type { DokumentContext } from '../context';
import type { DokumentNode } from '../data/to-dokument-node';

export const Dokument = {
  // Shield does not wrap this: the loader applies the read policy (null when not readable).
  __resolveReference: (reference: { uuid: string }, context: DokumentContext) =>
    context.loaders.dokument.load(assertUuid(reference.uuid, 'uuid')),

  // Sag belongs to the sag subgraph: a reference is enough, the gateway fetches it.
  sag: (parent: DokumentNode) => ({ __typename: 'Sag', uuid: parent.sag }),

  registreringer: (parent: DokumentNode, _: unknown, context: DokumentContext) =>
    context.loaders.registreringer.load(parent.uuid),
};
