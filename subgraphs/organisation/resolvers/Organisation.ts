import { assertUuid } from '../../kit/ids';
import type { OrganisationContext } from '../context';
import type { OrganisationEnhedFilterInput } from '../data/build-organisation-enhed-filter';
import type { SearchArgs } from '../data/create-organisation-queries';
import type { OrganisationNode } from '../data/to-node';
import { STORE_TYPES } from '../organisation/organisation-data';

export const Organisation = {
  __resolveReference: (reference: { uuid: string }, context: OrganisationContext) =>
    context.loaders.organisation.load(assertUuid(reference.uuid, 'uuid')),

  enheder: (
    parent: OrganisationNode,
    args: SearchArgs<OrganisationEnhedFilterInput>,
    context: OrganisationContext,
  ) => context.queries.searchOrganisationEnheder(args, parent.uuid),

  registreringer: (parent: OrganisationNode, _: unknown, context: OrganisationContext) =>
    context.loaders.registreringer.load({ type: STORE_TYPES.organisation, uuid: parent.uuid }),
};
