import type { GraphQLResolveInfo } from 'graphql';
import { getAktoer } from '../../kit/auth/caller';
import { runIdempotent } from '../../kit/store/idempotency/run-idempotent';
import { moveContextTo, type DokumentContext } from '../context';
import { toDokumentNode } from '../data/to-dokument-node';
import type { OpretDokumentInput } from '../dokument/create-dokument';
import { fileDokument } from '../dokument/file-dokument';

export const Mutation = {
  opretDokument: async (
    _: unknown,
    args: { input: OpretDokumentInput },
    context: DokumentContext,
    info: GraphQLResolveInfo,
  ) => {
    const tid = context.now();
    // Once per Idempotency-Key: a retry answers the document the first request filed.
    const idempotency = {
      store: context.store,
      key: context.idempotencyKey ?? null,
      scope: getAktoer(context.caller),
      operation: `${info.fieldName}:${info.path.key}`,
      input: args,
      now: context.now,
    };
    const created = await runIdempotent(idempotency, () =>
      fileDokument(
        {
          store: context.store,
          contentStore: context.contentStore,
          sagLookup: context.sagLookup,
          access: context,
          token: context.token,
        },
        args.input,
        { aktoer: getAktoer(context.caller), tid },
      ),
    );
    moveContextTo(context, tid);
    context.logger.info({ dokument: created.uuid }, 'dokument created');
    return toDokumentNode(created);
  },
};
