import { getAktoer } from '../../kit/auth/caller';
import { moveContextTo, type DokumentContext } from '../context';
import { toDokumentNode } from '../data/to-dokument-node';
import type { OpretDokumentInput } from '../dokument/create-dokument';
import { fileDokument } from '../dokument/file-dokument';

export const Mutation = {
  opretDokument: async (
    _: unknown,
    args: { input: OpretDokumentInput },
    context: DokumentContext,
  ) => {
    const tid = context.now();
    const created = await fileDokument(
      {
        store: context.store,
        contentStore: context.contentStore,
        access: context,
      },
      args.input,
      { aktoer: getAktoer(context.caller), tid },
    );
    moveContextTo(context, tid);
    context.logger.info({ dokument: created.uuid }, 'dokument created');
    return toDokumentNode(created);
  },
};
