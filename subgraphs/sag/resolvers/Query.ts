import { getAdgangslogScope } from '../../kit/audit/find-adgangslog';
import type { SagContext } from '../context';
import type { SagSearchArgs } from '../data/create-sag-queries';

export const Query = {
  sag: (_: unknown, args: { uuid: string }, context: SagContext) =>
    context.queries.findSag(args.uuid),

  sagMedNummer: (
    _: unknown,
    args: { organisation: string; sagsnummer: string },
    context: SagContext,
  ) => context.queries.findSagMedNummer(args.organisation, args.sagsnummer),

  sager: (_: unknown, args: SagSearchArgs, context: SagContext) =>
    context.queries.searchSager(args),

  mineSager: (_: unknown, args: SagSearchArgs, context: SagContext) =>
    context.queries.searchMineSager(args),

  adgangslog: (
    _: unknown,
    args: { cpr?: string | null; fra?: Date | null; til?: Date | null },
    context: SagContext,
  ) =>
    getAdgangslogScope(context.caller, args, {
      now: context.now(),
      retentionMs: context.auditRetentionMs,
    }),
};
