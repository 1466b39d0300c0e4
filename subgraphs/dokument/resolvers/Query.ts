import { assertUuid } from '../../kit/ids';
import type { DokumentContext } from '../context';
import type { DokumentFilterInput } from '../data/build-dokument-filter';
import type { SearchArgs } from '../data/create-dokument-queries';

export const Query = {
  // The loader applies the read policy: a document the caller may not read is null.
  dokument: (_: unknown, args: { uuid: string }, context: DokumentContext) =>
    context.loaders.dokument.load(assertUuid(args.uuid, 'uuid')),

  dokumenter: (_: unknown, args: SearchArgs<DokumentFilterInput>, context: DokumentContext) =>
    context.queries.searchDokumenter(args),
};
