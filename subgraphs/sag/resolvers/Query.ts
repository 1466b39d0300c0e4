import { DomainError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import { ANONYMOUS_AKTOER, getAktoer, type SagContext } from '../context';
import type { SagSearchArgs } from '../data/create-sag-queries';

export const Query = {
  sag: (_: unknown, args: { uuid: string }, context: SagContext) =>
    context.loaders.sag.load(assertUuid(args.uuid, 'uuid')),

  sagMedNummer: (
    _: unknown,
    args: { organisation: string; sagsnummer: string },
    context: SagContext,
  ) => context.queries.findSagMedNummer(args.organisation, args.sagsnummer),

  sager: (_: unknown, args: SagSearchArgs, context: SagContext) =>
    context.queries.searchSager(args),

  mineSager: (_: unknown, args: SagSearchArgs, context: SagContext) => {
    const aktoer = getAktoer(context);
    if (aktoer === ANONYMOUS_AKTOER) {
      throw new DomainError('UNAUTHENTICATED', 'mineSager needs a signed-in user', {
        status: 401,
      });
    }
    return context.queries.searchSager({
      ...args,
      sortering: null,
      filter: { ...args.filter, sagsbehandler: aktoer },
    });
  },
};
