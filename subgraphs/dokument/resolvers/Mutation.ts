import type { GraphQLResolveInfo } from 'graphql';
import { getAktoer } from '../../kit/auth/caller';
import { runMutationOnce } from '../../kit/run-mutation-once';
import { moveContextTo, type DokumentContext } from '../context';
import { toDokumentNode } from '../data/to-dokument-node';
import type { OpretDokumentInput } from '../dokument/create-dokument';
import { fileDokument } from '../dokument/file-dokument';
import { markIndholdAttached } from '../indhold/mark-indhold-attached';

export const Mutation = {
  opretDokument: async (
    _: unknown,
    args: { input: OpretDokumentInput },
    context: DokumentContext,
    info: GraphQLResolveInfo,
  ) => {
    const tid = context.now();
    const aktoer = getAktoer(context.caller);
    // Once per Idempotency-Key: a retry answers the document the first request filed.
    const created = await runMutationOnce(context, info, args, async () => {
      const created = await fileDokument(
        {
          store: context.store,
          contentStore: context.contentStore,
          access: context,
          attachWindowMs: context.contentAttachWindowMs,
        },
        args.input,
        { aktoer, tid },
      );
      await markIndholdAttached(
        context.store,
        created.data.varianter.flatMap((variant) => variant.dele.map((del) => del.indholdId)),
        { aktoer, tid },
      ).catch((error: unknown) => {
        // The document is filed; the sweep finds it before it removes any of its content.
        context.logger.warn(
          { err: { type: error instanceof Error ? error.name : typeof error } },
          'content not marked as attached',
        );
      });
      return created;
    });
    moveContextTo(context, tid);
    context.logger.info({ dokument: created.uuid }, 'dokument created');
    return toDokumentNode(created);
  },
};
