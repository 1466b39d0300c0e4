import { getAktoer, moveContextTo, type DokumentContext } from '../context';
import { toDokumentNode } from '../data/to-dokument-node';
import { createDokument, type OpretDokumentInput } from '../dokument/create-dokument';

export const Mutation = {
  opretDokument: async (
    _: unknown,
    args: { input: OpretDokumentInput },
    context: DokumentContext,
  ) => {
    const tid = context.now();
    const created = await createDokument(context.store, context.contentStore, args.input, {
      aktoer: getAktoer(context),
      tid,
    });
    moveContextTo(context, tid);
    context.logger.info({ dokument: created.uuid }, 'dokument created');
    return toDokumentNode(created);
  },
};
