import { BadUserInputError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import type { SagContext } from '../context';
import type { SagFilterInput } from '../data/build-sag-filter';

/** A unit as the gateway hands it over: its key and, for `sager`, the required descendants. */
export interface OrganisationEnhedReference {
  uuid: string;
  efterkommerIder?: string[] | null;
}

export const OrganisationEnhed = {
  // The unit itself belongs to the organisation subgraph: the reference is all there is here.
  __resolveReference: (reference: OrganisationEnhedReference): OrganisationEnhedReference => {
    const efterkommerIder = reference.efterkommerIder;
    if (
      efterkommerIder !== undefined &&
      efterkommerIder !== null &&
      !Array.isArray(efterkommerIder)
    ) {
      throw new BadUserInputError('efterkommerIder must be a list', 'efterkommerIder');
    }
    return {
      uuid: assertUuid(reference.uuid, 'uuid'),
      efterkommerIder: efterkommerIder?.map((id, i) => assertUuid(id, `efterkommerIder[${i}]`)),
    };
  },

  sager: (
    parent: OrganisationEnhedReference,
    args: {
      filter?: SagFilterInput | null;
      inkluderUnderenheder?: boolean | null;
      first?: number | null;
      after?: string | null;
    },
    context: SagContext,
  ) => {
    const scope = args.inkluderUnderenheder
      ? [parent.uuid, ...(parent.efterkommerIder ?? [])]
      : [parent.uuid];
    return context.queries.searchScopedSager('ansvarligEnhed', scope, args);
  },
};
